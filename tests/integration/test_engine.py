"""The engine against a real managed server: runs, pause/resume, events, logs, auth."""

from __future__ import annotations

import asyncio
import json
import sys
import urllib.error
import urllib.request

import pytest

from tests.conftest import await_until

pytestmark = pytest.mark.integration


def arun(coro):
    return asyncio.run(coro)


async def _start(client, name: str, **params):
    deployment = await client.resolve_deployment(name)
    return await client.run_deployment(deployment.id, params)


async def _wait_state(client, run_id: str, *types: str, timeout: float = 60.0):
    async def reached():
        run = await client.read_run(run_id)
        return run if run.state.type in types else None

    return await await_until(reached, timeout=timeout, interval=0.1, what=f"{run_id} in {types}")


def test_unauthenticated_requests_are_refused(managed_server):
    api = managed_server.connection.api_url
    with urllib.request.urlopen(f"{api}/health", timeout=5) as resp:
        assert resp.status == 200  # health stays open: supervisors need it
    with pytest.raises(urllib.error.HTTPError) as info:
        urllib.request.urlopen(f"{api}/flows/filter", data=b"{}", timeout=5)
    assert info.value.code in (401, 403)
    request = urllib.request.Request(f"{api}/admin/version")
    with pytest.raises(urllib.error.HTTPError) as info:
        urllib.request.urlopen(request, timeout=5)
    assert info.value.code == 401


def test_server_binds_loopback_and_has_csrf_on(managed_server):
    from desktop_app.core.supervision.server_state import read_state

    state = read_state()
    assert state is not None and state.host == "127.0.0.1"
    assert managed_server.connection.api_url.startswith("http://127.0.0.1:")
    auth_file = managed_server.home / "config" / "api-auth"
    if sys.platform != "win32":  # Windows has no POSIX bits: the profile's ACLs keep it private
        assert oct(auth_file.stat().st_mode & 0o777) == "0o600"
    # An authenticated POST without a CSRF token is refused: CSRF protection is on.
    import base64

    token = base64.b64encode(managed_server.connection.auth_string.encode()).decode()
    request = urllib.request.Request(
        f"{managed_server.connection.api_url}/flows/filter",
        data=b"{}",
        headers={"Authorization": f"Basic {token}", "Content-Type": "application/json"},
    )
    with pytest.raises(urllib.error.HTTPError) as info:
        urllib.request.urlopen(request, timeout=5)
    assert info.value.code == 403


def test_basic_flow_completes_with_result(managed_server):
    async def go():
        async with managed_server.client() as client:
            run = await _start(client, "basic-workflow", count=3, factor=2)
            done = await _wait_state(client, run.id, "COMPLETED", "FAILED", "CRASHED")
            assert done.state.type == "COMPLETED", done.state.message
            result = await client.run_result(run.id)
            assert result == {"records": 3, "total": 60}
            # Prefect records task runs from their events, a moment after the flow's state.
            async def all_tasks():
                tasks = await client.task_runs(run.id)
                return tasks if len(tasks) >= 3 else None

            tasks = await await_until(all_tasks, timeout=30, what="the three task runs")
            assert [t.name.split("-")[0] for t in tasks] == ["prepare", "process", "validate"]
            history = await client.state_history(run.id)
            assert [s.type for s in history][-1] == "COMPLETED"
            assert "RUNNING" in [s.type for s in history]

    arun(go())


def test_bad_input_fails_with_clear_message(managed_server):
    async def go():
        async with managed_server.client() as client:
            run = await _start(client, "basic-workflow", count=-1)
            done = await _wait_state(client, run.id, "COMPLETED", "FAILED", "CRASHED")
            assert done.state.type == "FAILED"

            # The run's log handler ships in batches: the ERROR line may reach the
            # API a moment after the FAILED state does.
            async def error_logged():
                logs = await client.logs(run.id, min_level=40, limit=200)
                return any("count must be 0 or more" in line.message for line in logs)

            await await_until(error_logged, timeout=30, what="the ERROR line in the run's logs")

    arun(go())


def test_loop_pauses_after_k_resumes_via_cli_and_completes(managed_server):
    from desktop_app.cli import main as cli_main

    async def start_and_wait_paused():
        async with managed_server.client() as client:
            run = await _start(
                client, "pause-resume-workflow", items_count=5, pause_after=2, delay=0.05
            )
            paused = await _wait_state(client, run.id, "PAUSED", timeout=60)
            info = await client.pause_info(run.id)
            assert "Processed 2 of 5" in (info.description or "")
            assert not info.wants_input
            listed = await client.list_runs(_paused_filter())
            assert run.id in [r.id for r in listed]
            return paused

    paused = arun(start_and_wait_paused())
    assert cli_main(["resume", paused.id[:10]]) == 0

    async def finish():
        async with managed_server.client() as client:
            done = await _wait_state(client, paused.id, "COMPLETED", "FAILED", timeout=60)
            assert done.state.type == "COMPLETED"
            assert await client.run_result(paused.id) == [0, 1, 4, 9, 16]

    arun(finish())


def _paused_filter():
    from desktop_app.core.api.client import RunFilter

    return RunFilter(states=["PAUSED"])


def test_pause_from_outside_via_checkpoint(managed_server):
    async def go():
        async with managed_server.client() as client:
            run = await _start(
                client, "pause-resume-workflow", items_count=40, pause_after=0, delay=0.2
            )
            await _wait_state(client, run.id, "RUNNING")
            requested = await client.request_pause(run.id)
            assert requested.pause_requested or requested.state.is_paused
            if requested.state.type == "RUNNING":
                assert requested.display_state == "Pause requested"  # never a false Paused
            paused = await _wait_state(client, run.id, "PAUSED", timeout=30)
            assert not paused.pause_requested  # the flow took the request
            info = await client.pause_info(run.id)
            assert "Paused on request" in (info.description or "")
            await client.resume(run.id)
            running = await client.read_run(run.id)
            assert running.state.type in ("RUNNING", "COMPLETED")
            await client.cancel(run.id)
            await _wait_state(client, run.id, "CANCELLED", "COMPLETED", timeout=60)

    arun(go())


def test_resume_with_typed_input_valid_and_invalid(managed_server):
    from desktop_app.core.api.errors import InputRejected, InvalidState

    async def go():
        async with managed_server.client() as client:
            run = await _start(client, "approval-workflow", dataset="test-set")
            await _wait_state(client, run.id, "PAUSED", timeout=60)
            info = await client.pause_info(run.id)
            assert info.wants_input
            props = info.schema["properties"]
            assert props["batch_size"]["maximum"] == 100
            assert "test-set" in info.description
            with pytest.raises(InputRejected) as rejected:
                await client.resume(run.id, {"approved": True, "batch_size": 500, "note": "x"})
            assert "500" in str(rejected.value) or "100" in str(rejected.value)
            still = await client.read_run(run.id)
            assert still.state.is_paused  # nothing lost: still waiting
            await client.resume(run.id, {"approved": True, "batch_size": 7, "note": "ok"})
            done = await _wait_state(client, run.id, "COMPLETED", "FAILED", timeout=60)
            assert done.state.type == "COMPLETED"
            result = await client.run_result(run.id)
            assert result == {
                "dataset": "test-set",
                "approved": True,
                "batch_size": 7,
                "note": "ok",
            }
            with pytest.raises(InvalidState, match="not paused"):
                await client.resume(run.id)

    arun(go())


def test_event_stream_delivers_paused(managed_server):
    from desktop_app.core.api.events import RunEventStream

    async def go():
        async with managed_server.client() as client:
            stream = RunEventStream(client)
            run = await _start(client, "pause-resume-workflow", items_count=3, pause_after=1)

            async def first_paused():
                async for event in stream:
                    if event.run_id == run.id and event.state_type == "PAUSED":
                        return event

            event = await asyncio.wait_for(first_paused(), timeout=60)
            assert stream.mode == "events"
            assert event.state_name == "Paused"
            # The event may arrive before the state is readable: wait for the read.
            await _wait_state(client, run.id, "PAUSED", timeout=10)
            await client.resume(run.id)
            await _wait_state(client, run.id, "COMPLETED", timeout=60)

    arun(go())


def test_polling_fallback_reports_state_changes(managed_server):
    from desktop_app.core.api.events import RunEventStream

    async def go():
        async with managed_server.client() as client:
            stream = RunEventStream(client, poll_interval=0.3, use_websocket=False)
            run = await _start(client, "basic-workflow", count=1)

            async def completed():
                async for event in stream:
                    if event.run_id == run.id and event.state_type == "COMPLETED":
                        return event

            event = await asyncio.wait_for(completed(), timeout=60)
            assert event.source == "poll" and stream.mode == "poll"

    arun(go())


def test_logs_and_tail(managed_server):
    from desktop_app.services.logs import follow_logs

    async def go():
        async with managed_server.client() as client:
            run = await _start(client, "pause-resume-workflow", items_count=3, pause_after=0)
            lines = []
            async for batch in follow_logs(client, run.id, poll=0.2):
                assert batch == sorted(batch, key=lambda line: line.timestamp)
                lines += batch
            messages = [line.message for line in lines]
            assert any("all 3 items done" in m for m in messages)
            assert len({line.id for line in lines}) == len(lines)  # no duplicates
            info_only = await client.logs(run.id, min_level=20)
            assert all(line.level >= 20 for line in info_only)

    arun(go())


def test_no_temporary_prefect_server_is_ever_started(managed_server):
    from prefect.server.api.server import SubprocessASGIServer

    async def go():
        async with managed_server.client() as client:
            await client.list_runs(limit=5)
            await client.list_deployments()

    arun(go())
    assert SubprocessASGIServer._instances == {}


def test_suspend_needs_deployment_and_restarts_from_top(managed_server):
    async def go():
        async with managed_server.client() as client:
            run = await _start(client, "pause-resume-workflow", items_count=30, delay=0.3)
            await _wait_state(client, run.id, "RUNNING")
            suspended = await client.suspend(run.id)
            assert suspended.state.is_paused and suspended.state.name == "Suspended"
            info = await client.pause_info(run.id)
            assert info.suspended
            await client.cancel(run.id)
            await _wait_state(client, run.id, "CANCELLED", timeout=30)

    arun(go())


def test_cli_json_listing(managed_server, capsys):
    from desktop_app.cli import main as cli_main

    assert cli_main(["list", "--limit", "3", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert isinstance(data, list) and len(data) <= 3
    assert {"id", "state", "display_state", "flow_name"} <= set(data[0])
