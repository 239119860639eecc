"""Each flow file owns its deployments, against the real server and runner.

A clash is refused naming both files; deleting, renaming or breaking a file
touches only what that file owned; a user's file shadows a bundled example
and gives it back when deleted; a file deleted while the runner is down is
cleaned up when it comes back.
"""

from __future__ import annotations

import asyncio
import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import psutil
import pytest

from desktop_app.core.config import paths
from desktop_app.core.serving.flow_ownership import (
    EXAMPLE_TAG,
    Clash,
    entrypoint_file,
    read_flow_report,
)
from tests.conftest import wait_until

pytestmark = pytest.mark.integration

SOURCE = """from prefect import flow


@flow{decorator}
def {fn}() -> str:
    return "{fn}"
"""


def flow_source(fn: str, name: str | None = None) -> str:
    return SOURCE.format(fn=fn, decorator=f'(name="{name}")' if name else "")


def cli(argv, capsys) -> tuple[int, str, str]:
    from desktop_app.cli import main as cli_main

    code = cli_main(argv)
    out = capsys.readouterr()
    return code, out.out, out.err


def deployments(managed_server) -> dict:
    async def go():
        async with managed_server.client() as client:
            return {d.full_name: d for d in await client.list_deployments()}

    return asyncio.run(go())


def wait_served(managed_server, condition: Callable[[dict], object], what: str, timeout=60):
    return wait_until(
        lambda: condition(deployments(managed_server)), timeout=timeout, interval=0.3, what=what
    )


def served_from(managed_server, name: str, path: Path, what: str = ""):
    return wait_served(
        managed_server,
        lambda d: d if name in d and entrypoint_file(d[name].entrypoint) == str(path) else None,
        what or f"{name} served from {path.name}",
    )


def gone(managed_server, *names: str) -> None:
    wait_served(managed_server, lambda d: not set(names) & set(d), f"{names} removed")


@pytest.fixture
def user_files() -> Iterator[Callable[[str, str], Path]]:
    """Write files into the user's flows folder; whatever is left is deleted afterwards."""
    written: list[Path] = []

    def write(name: str, text: str) -> Path:
        path = (paths.user_flows_dir() / name).resolve()
        tmp = path.with_suffix(".tmp")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)  # the runner never sees half a file
        written.append(path)
        return path

    yield write
    for path in written:
        path.unlink(missing_ok=True)


def test_a_clash_is_refused_naming_both_files_and_the_owner_keeps_it(
    managed_server, user_files, capsys
):
    first = user_files("own_clash_a.py", flow_source("clash_a", "own-clash"))
    served_from(managed_server, "own-clash/local", first)
    second = user_files(
        "own_clash_b.py",
        flow_source("clash_b", "own-clash") + flow_source("only_b", "own-clash-b-only"),
    )
    expected = Clash("own-clash/local", str(second), str(first))
    wait_until(lambda: expected in read_flow_report().clashes, 30, 0.2, "the clash reported")
    # The other flow of the refused file is served all the same; the owner keeps its name.
    served_from(managed_server, "own-clash-b-only/local", second)
    served_from(managed_server, "own-clash/local", first)

    code, out, _ = cli(["server", "status"], capsys)
    assert code == 0
    line = next(x for x in out.splitlines() if "own-clash/local" in x)
    assert str(first) in line and str(second) in line and "rename" in line
    code, out, _ = cli(["server", "status", "--json"], capsys)
    assert {"deployment": "own-clash/local", "path": str(second), "owner": str(first)} in (
        json.loads(out)["flows"]["clashes"]
    )
    code, out, _ = cli(["deployments", "--json"], capsys)
    listing = json.loads(out)
    assert code == 0 and "own-clash/local" in {d["full_name"] for d in listing["deployments"]}
    assert listing["clashes"] == json.loads(json.dumps([vars(expected)]))

    # Deleting the owner hands the name to the file that wanted it; then it goes.
    first.unlink()
    served_from(managed_server, "own-clash/local", second, "the name handed over")
    wait_until(lambda: not read_flow_report().clashes, 30, 0.2, "the clash resolved")
    second.unlink()
    gone(managed_server, "own-clash/local", "own-clash-b-only/local")


def test_a_users_file_shadows_an_example_and_deleting_it_brings_the_example_back(
    managed_server, user_files, capsys
):
    example = (paths.seed_flows_dir() / "basic_workflow.py").resolve()
    mine = user_files("own_basic.py", flow_source("my_basic", "basic-workflow"))
    shadowing = served_from(managed_server, "basic-workflow/local", mine)
    assert EXAMPLE_TAG not in shadowing["basic-workflow/local"].tags
    wait_until(lambda: read_flow_report().shadowed, 30, 0.2, "the shadow reported")
    shadow = read_flow_report().shadowed[0]
    # The runner's copy of the example: the checkout's, or under the Wine lane (whose
    # runner runs the installed wheel) the wheel's; the same file either way.
    assert shadow.path == str(mine) and Path(shadow.example).name == example.name
    assert Path(shadow.example).read_bytes() == example.read_bytes()
    code, out, _ = cli(["server", "status"], capsys)
    assert f"{mine} is served instead of the example {shadow.example}" in out

    mine.unlink()
    back = served_from(
        managed_server, "basic-workflow/local", Path(shadow.example), "the example back"
    )
    assert EXAMPLE_TAG in back["basic-workflow/local"].tags
    code, out, _ = cli(["run", "basic-workflow", "-p", "count=1", "--watch"], capsys)
    assert code == 0 and "Completed" in out


def test_renaming_a_flow_function_replaces_its_deployment(managed_server, user_files, capsys):
    path = user_files("own_rename.py", flow_source("own_rename_one"))
    served_from(managed_server, "own-rename-one/local", path)
    user_files("own_rename.py", flow_source("own_rename_two"))
    wait_served(
        managed_server,
        lambda d: "own-rename-two/local" in d and "own-rename-one/local" not in d,
        "the renamed flow replacing the old one",
    )
    code, out, _ = cli(["run", "own-rename-two", "--watch"], capsys)
    assert code == 0 and "Completed" in out
    path.unlink()
    gone(managed_server, "own-rename-two/local")


def test_load_errors_are_reported_and_a_broken_file_keeps_its_deployment(
    managed_server, user_files, capsys
):
    broken = user_files("own_broken.py", "from prefect import flow\n\n@flow\ndef oops(:\n")
    good = user_files("own_good.py", flow_source("own_good"))
    served_from(managed_server, "own-good/local", good)
    wait_until(lambda: str(broken) in read_flow_report().load_errors, 30, 0.2, "the load error")
    assert "SyntaxError" in read_flow_report().load_errors[str(broken)]
    code, out, _ = cli(["deployments", "--json"], capsys)
    assert code == 0
    errors = {e["file"]: e["error"] for e in json.loads(out)["load_errors"]}
    assert "SyntaxError" in errors[str(broken)]
    code, out, _ = cli(["server", "status", "--json"], capsys)
    assert code == 0
    assert str(broken) in {e["file"] for e in json.loads(out)["flows"]["load_errors"]}
    code, out, err = cli(["deployments"], capsys)
    assert code == 0 and "own-good/local" in out
    assert f"cannot serve {broken}" in err

    # A typo in the middle of an edit must not delete the deployment (and its history).
    user_files("own_good.py", flow_source("own_good") + "\nthis is not python\n")
    wait_until(lambda: str(good) in read_flow_report().load_errors, 30, 0.2, "the typo reported")
    assert "own-good/local" in deployments(managed_server)
    user_files("own_broken.py", flow_source("own_fixed"))
    served_from(managed_server, "own-fixed/local", broken)
    wait_until(
        lambda: str(broken) not in read_flow_report().load_errors, 30, 0.2, "the error cleared"
    )
    for path in (broken, good):
        path.unlink()
    gone(managed_server, "own-fixed/local", "own-good/local")


def test_a_file_deleted_while_the_runner_is_down_loses_its_deployment(
    managed_server, user_files
):
    from desktop_app.core.supervision.server_state import read_state

    path = user_files("own_offline.py", flow_source("own_offline"))
    served_from(managed_server, "own-offline/local", path)
    runner_pid = read_state().runner_pid
    runner = psutil.Process(runner_pid)
    runner.kill()  # no goodbye: whatever it knew in memory is lost
    runner.wait(30)
    path.unlink()  # before the supervisor's new runner has even imported Prefect
    wait_until(lambda: read_state().runner_pid not in (None, runner_pid), 60, 0.2, "a new runner")
    gone(managed_server, "own-offline/local")
    wait_until(lambda: read_state().runner_phase == "serving", 90, 0.2, "the runner serving")
