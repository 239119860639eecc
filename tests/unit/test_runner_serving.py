"""The runner turns flow files into deployments whatever the drives, and one bad
file never stops the others being served.

Runs on Linux and, in the Windows lane, under Wine -- where the temporary folder is
on C: and the checkout on Z:, so the cross-drive case is real there.
"""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import pytest

from desktop_app.core.serving.deployment_entry import deployment_for
from desktop_app.core.serving.runner import FlowServer

FLOW_SOURCE = '''
from prefect import flow


@flow(name="{name}")
def {fn}(x: int = 1) -> int:
    return x
'''


def write_flow(folder: Path, name: str) -> Path:
    fn = name.replace("-", "_")
    path = folder / f"{fn}.py"
    path.write_text(FLOW_SOURCE.format(name=name, fn=fn), encoding="utf-8")
    return path


def relpath_like_windows(drive_of_start: Path):
    """os.path.relpath as Windows answers when `start` is on another drive."""
    real = os.path.relpath

    def relpath(path, start=os.curdir):
        if Path(start).resolve() == drive_of_start:
            raise ValueError("path is on mount 'C:', start on mount 'Z:'")
        return real(path, start)

    return relpath


def test_entrypoint_needs_no_path_relative_to_the_working_folder(tmp_path, monkeypatch):
    from desktop_app.core.serving.flow_discovery import load_file

    flows = tmp_path / "flows"
    flows.mkdir()
    path = write_flow(flows, "cross-drive").resolve()
    elsewhere = Path(__file__).resolve().parent  # under Wine: Z:, while tmp_path is on C:
    monkeypatch.chdir(elsewhere)
    if os.name != "nt":
        monkeypatch.setattr(os.path, "relpath", relpath_like_windows(elsewhere))
    loaded = load_file(path)
    assert loaded.error is None and len(loaded.flows) == 1

    deployment = asyncio.run(deployment_for(loaded.flows[0], path, "local"))

    assert deployment.entrypoint == f"{path}:cross_drive"
    assert deployment.entrypoint_type.value == "file_path"
    assert deployment.name == "local"


class RecordingRunner:
    """Stands in for Prefect's Runner: records what is served, refuses one flow."""

    def __init__(self, refuse: str) -> None:
        self.refuse = refuse
        self.served: list[str] = []

    async def aadd_deployment(self, deployment) -> None:
        if deployment.flow_name == self.refuse:
            raise RuntimeError("Prefect refused this deployment")
        self.served.append(deployment.flow_name)


@pytest.fixture()
def status_file(tmp_path, monkeypatch):
    target = tmp_path / "runner-status.json"
    monkeypatch.setattr("desktop_app.core.serving.runner.runner_status_file", lambda: target)
    return target


def test_one_refused_file_does_not_stop_the_others(tmp_path, status_file):
    folder = tmp_path / "flows"
    folder.mkdir()
    for name in ("alpha", "bravo", "charlie"):
        write_flow(folder, name)
    (folder / "broken.py").write_text("import no_such_module_here\n", encoding="utf-8")
    runner = RecordingRunner(refuse="bravo")
    server = FlowServer(runner, [folder])

    changed = asyncio.run(server.sync())

    assert changed
    assert sorted(runner.served) == ["alpha", "charlie"]
    errors = {p.name: e for p, e in server.errors.items()}
    assert "Prefect refused this deployment" in errors["bravo.py"]
    assert "no_such_module_here" in errors["broken.py"]
    status = status_file.read_text(encoding="utf-8")
    assert "bravo.py" in status and "broken.py" in status
