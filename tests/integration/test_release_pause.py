"""A long pause releases its process (`pause_here(release_after=…)`) and still resumes.

Real server, real runner, real flow processes: the released run's process is
gone (looked up by PREFECT__FLOW_RUN_ID in process environments, as reconcile
does), its form survives, and the resume goes on from the pause with the task
results from before it reused, not recomputed (the task counts its runs in a file).
"""

from __future__ import annotations

import asyncio
import json
import re
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from tests.conftest import await_until

pytestmark = pytest.mark.integration

FLOW = '''
import os
from pathlib import Path

from prefect import flow, task
from prefect.input import RunInput

from desktop_app.runtime import apause_here, checkpoint, pause_here


class Factor(RunInput):
    factor: int = 2


@task
def counted(marker: str, x: int) -> int:
    with open(marker + ".count", "a") as out:  # one line per execution
        out.write("ran\\n")
    return x * 10


@flow(name="{name}")
def release_flow(marker: str, release_after: float | None = None, wants_input: bool = True):
    before = counted(marker, 4)
    if wants_input:
        factor = pause_here(
            "Pick a factor", wait_for_input=Factor, release_after=release_after, timeout=900
        ).factor
    else:
        pause_here("Waiting", release_after=release_after, timeout=900)
        factor = 1
    return {{"before": before, "factor": factor, "result": before * factor}}


@flow(name="{name}-async")
async def release_flow_async(marker: str, release_after: float | None = None):
    before = counted(marker, 4)
    answer = await apause_here(
        "Pick a factor", wait_for_input=Factor, release_after=release_after, timeout=900
    )
    return {{"before": before, "factor": answer.factor, "result": before * answer.factor}}


@flow(name="{name}-keys")
def release_keys(marker: str):
    before = counted(marker, 1)
    first = pause_here("first", wait_for_input=Factor, timeout=900).factor
    os.environ["FLOWDESK_RELEASE_AFTER"] = "1"  # the app-wide default, from here on
    checkpoint("after first")
    second = pause_here("second", wait_for_input=Factor, timeout=900).factor
    return [before, first, second]


if __name__ == "__main__":
    import sys

    release_flow(sys.argv[1], float(sys.argv[2]), wants_input=False)
'''

NAME = f"release-{uuid.uuid4().hex[:6]}"


@pytest.fixture(scope="module")
def release_deployment(managed_server):
    from desktop_app.core.config import paths

    path = paths.user_flows_dir() / "release_flow_test.py"
    path.write_text(FLOW.format(name=NAME), encoding="utf-8")

    async def registered():
        async with managed_server.client() as client:
            return await await_until(
                lambda: _try_resolve(client), timeout=90, interval=0.25, what="deployment"
            )

    deployment = asyncio.run(registered())
    yield path, deployment
    path.unlink(missing_ok=True)


async def _try_resolve(client, name: str = NAME):
    try:
        return await client.resolve_deployment(f"{name}/local")
    except Exception:
        return None


def _alive(run_id: str) -> bool:
    from desktop_app.core.supervision.liveness import flow_run_process_alive

    return flow_run_process_alive(run_id)


async def _state(client, run_id: str, predicate, what: str, timeout: float = 120):
    async def check():
        run = await client.read_run(run_id)
        return predicate(run) and run

    return await await_until(check, timeout=timeout, interval=0.1, what=what)


def _runs_of_count(marker: Path) -> int:
    path = Path(str(marker) + ".count")
    return len(path.read_text().splitlines()) if path.exists() else 0


def _suspended(run) -> bool:
    return run.state.is_paused and run.state.pause_reschedule


def test_a_released_pause_frees_its_process_keeps_its_form_and_resumes(
    managed_server, release_deployment, tmp_path
):
    from desktop_app.core.api.errors import InputRejected
    from desktop_app.core.api.release_note import release_of
    from desktop_app.services import runs as service

    _path, deployment = release_deployment
    marker = tmp_path / "released"

    async def scenario():
        async with managed_server.client() as client:
            run = await client.run_deployment(
                deployment.id, {"marker": str(marker), "release_after": 1.0}
            )
            paused = await _state(client, run.id, lambda r: r.state.is_paused, "paused")
            assert not paused.state.pause_reschedule  # first it waits in its process
            released = await _state(client, run.id, _suspended, "released", timeout=60)
            await await_until(lambda: not _alive(run.id), timeout=60, what="process gone")
            note = release_of(released)
            assert note is not None and note.after_seconds >= 1 and note.restart_seconds > 0
            assert released.display_state == "Paused"  # the person sees a pause, as before
            info = await client.pause_info(run.id)
            assert info.wants_input and "factor" in info.schema["properties"]  # form kept
            with pytest.raises(InputRejected):
                await service.resume(client, run.id, {"factor": "three"}, source="cli")
            assert _suspended(await client.read_run(run.id))  # still waiting, nothing lost
            await service.resume(client, run.id, {"factor": 3}, source="cli")
            done = await _state(client, run.id, lambda r: r.state.is_final, "finished")
            assert done.state.type == "COMPLETED", done.state
            assert await client.run_result(run.id) == {"before": 40, "factor": 3, "result": 120}
            assert release_of(done) is None  # the note is about a pause, gone with it

    asyncio.run(scenario())
    assert _runs_of_count(marker) == 1  # the task before the pause was not run again


def test_without_release_after_a_pause_keeps_its_process(
    managed_server, release_deployment, tmp_path
):
    _path, deployment = release_deployment
    marker = tmp_path / "held"

    async def scenario():
        async with managed_server.client() as client:
            run = await client.run_deployment(
                deployment.id, {"marker": str(marker), "wants_input": False}
            )
            await _state(client, run.id, lambda r: r.state.is_paused, "paused")
            # Watched for longer than the other test's release: never Suspended.
            for _ in range(30):
                current = await client.read_run(run.id)
                assert current.state.name == "Paused" and not current.state.pause_reschedule
                assert _alive(run.id)
                await asyncio.sleep(0.1)
            await client.resume(run.id)
            done = await _state(client, run.id, lambda r: r.state.is_final, "finished")
            assert done.state.type == "COMPLETED"
            assert await client.run_result(run.id) == {"before": 40, "factor": 1, "result": 40}

    asyncio.run(scenario())
    assert _runs_of_count(marker) == 1


def test_bad_release_after_says_why_and_keeps_the_pause_in_its_process(
    managed_server, release_deployment, tmp_path
):
    _path, deployment = release_deployment
    marker = tmp_path / "bad"

    async def scenario():
        async with managed_server.client() as client:
            run = await client.run_deployment(
                deployment.id, {"marker": str(marker), "release_after": 0, "wants_input": False}
            )
            await _state(client, run.id, lambda r: r.state.is_paused, "paused")

            async def warned():
                lines = await client.logs(run.id, min_level=30)
                return [line for line in lines if "cannot release its process" in line.message]

            lines = await await_until(warned, timeout=60, what="the warning in the run's log")
            assert "release_after must be more than 0 seconds" in lines[0].message
            current = await client.read_run(run.id)
            assert current.state.name == "Paused" and not current.state.pause_reschedule
            assert _alive(run.id)
            await client.resume(run.id)
            done = await _state(client, run.id, lambda r: r.state.is_final, "finished")
            assert done.state.type == "COMPLETED"

    asyncio.run(scenario())


def test_a_run_without_deployment_cannot_release_and_waits_in_its_process(
    managed_server, release_deployment, tmp_path
):
    from desktop_app.core.api.client import RunFilter
    from desktop_app.core.supervision.prefect_env import client_env, merged

    path, _deployment = release_deployment
    marker = tmp_path / "script"
    conn = managed_server.connection
    env = merged(client_env(conn.api_url, conn.auth_string))
    script = subprocess.Popen(
        [sys.executable, str(path), str(marker), "1.0"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:

        async def scenario():
            async with managed_server.client() as client:

                async def paused_run():
                    runs = await client.list_runs(RunFilter(states=["PAUSED"]), limit=100)
                    return next(
                        (r for r in runs if r.parameters.get("marker") == str(marker)), None
                    )

                run = await await_until(paused_run, timeout=120, what="the script's pause")
                assert run.deployment_id is None

                async def warned():
                    lines = await client.logs(run.id, min_level=30)
                    return [m.message for m in lines if "cannot release" in m.message]

                lines = await await_until(warned, timeout=60, what="the warning")
                assert "no deployment" in lines[0]
                await asyncio.sleep(1.5)  # past release_after: it is still paused in-process
                current = await client.read_run(run.id)
                assert current.state.name == "Paused" and not current.state.pause_reschedule
                assert script.poll() is None
                await client.resume(run.id)
                done = await _state(client, run.id, lambda r: r.state.is_final, "finished")
                assert done.state.type == "COMPLETED"

        asyncio.run(scenario())
        assert script.wait(timeout=60) == 0
    finally:
        if script.poll() is None:
            script.kill()
            script.wait()


def test_a_released_run_resumes_after_the_runner_restarted(
    managed_server, release_deployment, tmp_path, capsys
):
    from desktop_app.cli import main as cli_main
    from desktop_app.core.supervision.server_state import read_state

    _path, deployment = release_deployment
    marker = tmp_path / "restart"

    async def before():
        async with managed_server.client() as client:
            run = await client.run_deployment(
                deployment.id, {"marker": str(marker), "release_after": 1.0}
            )
            await _state(client, run.id, _suspended, "released", timeout=120)
            await await_until(lambda: not _alive(run.id), timeout=60, what="process gone")
            return run.id

    run_id = asyncio.run(before())
    capsys.readouterr()
    assert cli_main(["show", run_id]) == 0  # the CLI says it the same way
    shown = capsys.readouterr().out
    assert "Paused" in shown
    assert re.search(r"Released its memory after \d+ s; resuming restarts it from", shown), shown
    assert cli_main(["show", run_id, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["pause_released"] is True
    old_runner = read_state().runner_pid
    managed_server.manager.restart()

    async def after():
        async with managed_server.client() as client:

            async def ready_again():
                state = read_state()
                return (
                    state and state.phase == "ready" and state.runner_pid not in (None, old_runner)
                )

            await await_until(ready_again, timeout=120, what="server and runner back")
            run = await client.read_run(run_id)
            assert _suspended(run) and run.state.name == "Suspended"
            assert (await client.pause_info(run_id)).wants_input
            await client.resume(run_id, {"factor": 5})
            done = await _state(client, run_id, lambda r: r.state.is_final, "finished")
            assert done.state.type == "COMPLETED", done.state
            assert await client.run_result(run_id) == {"before": 40, "factor": 5, "result": 200}

    asyncio.run(after())
    assert _runs_of_count(marker) == 1


def test_an_async_flow_releases_and_resumes_the_same_way(
    managed_server, release_deployment, tmp_path
):
    marker = tmp_path / "async"

    async def scenario():
        async with managed_server.client() as client:
            deployment = await await_until(
                lambda: _try_resolve(client, f"{NAME}-async"), timeout=90, what="deployment"
            )
            run = await client.run_deployment(
                deployment.id, {"marker": str(marker), "release_after": 1.0}
            )
            await _state(client, run.id, _suspended, "released", timeout=120)
            await await_until(lambda: not _alive(run.id), timeout=60, what="process gone")
            await client.resume(run.id, {"factor": 2})
            done = await _state(client, run.id, lambda r: r.state.is_final, "finished")
            assert done.state.type == "COMPLETED", done.state
            assert await client.run_result(run.id) == {"before": 40, "factor": 2, "result": 80}

    asyncio.run(scenario())
    assert _runs_of_count(marker) == 1


def test_a_released_requested_pause_leaves_the_flows_own_pause_keys_alone(
    managed_server, release_deployment, tmp_path
):
    """A checkpoint pause does not happen again on the restart: later pauses keep their keys.

    Were it numbered like the flow's own pauses, the restart would skip the flow's second
    pause as "already fired" (the checkpoint's number) and go on without asking.
    """
    from desktop_app.constants import PAUSE_REQUEST_TAG
    from desktop_app.core.api.api_errors import as_uuid

    marker = tmp_path / "keys"

    async def scenario():
        async with managed_server.client() as client:
            deployment = await await_until(
                lambda: _try_resolve(client, f"{NAME}-keys"), timeout=90, what="deployment"
            )
            run = await client.run_deployment(deployment.id, {"marker": str(marker)})
            await _state(client, run.id, lambda r: r.state.is_paused, "first pause")
            # Someone asks for a pause while it waits: honoured at the checkpoint after it.
            await client.prefect.update_flow_run(as_uuid(run.id), tags=[PAUSE_REQUEST_TAG])
            await client.resume(run.id, {"factor": 3})
            await _state(client, run.id, _suspended, "requested pause released", timeout=120)
            assert "on request" in (await client.pause_info(run.id)).description
            await await_until(lambda: not _alive(run.id), timeout=60, what="process gone")
            await client.resume(run.id)

            async def second_pause():
                current = await client.read_run(run.id)
                assert not current.state.is_final, current.state  # it must ask again
                return current.state.is_paused

            await await_until(second_pause, timeout=120, what="the second pause")
            await client.resume(run.id, {"factor": 5})
            done = await _state(client, run.id, lambda r: r.state.is_final, "finished")
            assert done.state.type == "COMPLETED", done.state
            assert await client.run_result(run.id) == [10, 3, 5]

    asyncio.run(scenario())
    assert _runs_of_count(marker) == 1
