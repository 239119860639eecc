"""Runs start warm and on events, and stay what liveness, pause and reconcile expect.

The managed runner polls only every 30 s: a run that starts at once was started by the
event stream; each run is a fork of the warm fork server, still its own process that
carries its run id in the environment the OS reports.
"""

from __future__ import annotations

import asyncio
import os

import psutil
import pytest

from tests.conftest import await_until

pytestmark = pytest.mark.integration


@pytest.mark.skipif(os.name == "nt", reason="no fork on Windows: runs start the ordinary way")
def test_a_run_is_a_warm_fork_that_liveness_finds_by_its_run_id(managed_server):
    from desktop_app.core.supervision.liveness import flow_run_processes
    from desktop_app.core.supervision.server_state import read_state

    async def main():
        async with managed_server.client() as client:
            deployment = await client.resolve_deployment("pause-resume-workflow/local")
            run = await client.run_deployment(
                deployment.id, {"items_count": 4, "pause_after": 0, "delay": 1.0}
            )

            async def running():
                return (await client.read_run(run.id)).state.type == "RUNNING"

            await await_until(running, timeout=90, what="the run Running")
            pid = flow_run_processes().get(run.id)
            assert pid is not None, "liveness must find the run's process by its run id"
            process = psutil.Process(pid)
            # A grandchild of the runner through the fork server, itself a fork of the
            # runner (same command line); a run started the ordinary way is a child.
            fork_server = process.parent()
            runner = psutil.Process(read_state().runner_pid)
            assert fork_server.parent().pid == runner.pid
            assert fork_server.cmdline() == runner.cmdline()
            assert "prefect.engine" not in " ".join(process.cmdline())
            # Its own process: the runner's kill/cancel target is the run alone.
            assert pid not in (fork_server.pid, read_state().runner_pid)

            async def finished():
                current = await client.read_run(run.id)
                return current.state.is_final and current

            done = await await_until(finished, timeout=120, what="the run finished")
            assert done.state.type == "COMPLETED"
            assert await client.run_result(run.id) == [0, 1, 4, 9]
            await await_until(
                lambda: run.id not in flow_run_processes(), timeout=30, what="process gone"
            )

    asyncio.run(main())


def test_a_new_run_wakes_the_waker_through_the_event_stream(managed_server):
    """With no poll at all, the event of a new Scheduled run makes the waker look."""
    from prefect.settings import PREFECT_API_AUTH_STRING, PREFECT_API_URL, temporary_settings

    from desktop_app.core.serving.run_waker import RunWaker

    conn = managed_server.connection

    async def main():
        looked = asyncio.Event()

        async def look() -> None:
            looked.set()

        async def next_due():
            return None

        waker = RunWaker(look, next_due)
        task = asyncio.create_task(waker.run())
        try:
            await await_until(lambda: waker.listening, timeout=60, what="the event stream")
            async with managed_server.client() as client:
                deployment = await client.resolve_deployment("basic-workflow/local")
                run = await client.run_deployment(deployment.id, {})
                await await_until(
                    lambda: f"prefect.flow-run.{run.id}" in waker.woken_for,
                    timeout=60,
                    what="the run's Scheduled event",
                )
                assert looked.is_set()

                async def finished():
                    return (await client.read_run(run.id)).state.is_final

                await await_until(finished, timeout=120, what="the run finished")
        finally:
            task.cancel()

    with temporary_settings(
        updates={PREFECT_API_URL: conn.api_url, PREFECT_API_AUTH_STRING: conn.auth_string}
    ):
        asyncio.run(main())


def test_a_run_suspended_as_soon_as_it_is_running_stops_its_process(managed_server):
    """A warm run proposes Running while its suspension observer still connects:
    a Suspend that lands in that moment must still be seen and end the process."""
    from desktop_app.core.supervision.liveness import flow_run_processes

    async def main():
        async with managed_server.client() as client:
            deployment = await client.resolve_deployment("pause-resume-workflow/local")
            run = await client.run_deployment(
                deployment.id, {"items_count": 30, "pause_after": 0, "delay": 0.3}
            )

            async def running():
                return (await client.read_run(run.id)).state.type == "RUNNING"

            await await_until(running, timeout=90, what="the run Running", interval=0.01)
            suspended = await client.suspend(run.id)
            assert suspended.state.name == "Suspended"
            await await_until(
                lambda: run.id not in flow_run_processes(), timeout=60, what="process gone"
            )
            after = await client.read_run(run.id)
            assert after.state.name == "Suspended"  # not Completed: the loop was stopped
            await client.cancel(run.id)

    asyncio.run(main())
