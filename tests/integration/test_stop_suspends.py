"""Stopping the app never leaves a stuck run: runs in progress are suspended and resumable."""

from __future__ import annotations

import asyncio

import pytest

from tests.conftest import await_until

pytestmark = pytest.mark.integration


def test_restart_suspends_runs_in_progress_and_they_resume(managed_server):
    from desktop_app.core.supervision.server_state import read_state

    async def before():
        async with managed_server.client() as client:
            loop_dep = await client.resolve_deployment("pause-resume-workflow/local")
            approval_dep = await client.resolve_deployment("approval-workflow/local")
            looping = await client.run_deployment(
                # 30 s of work: under Wine on a busy machine a 6 s loop finished
                # before the restart reached it.
                loop_dep.id, {"items_count": 30, "pause_after": 0, "delay": 1.0}
            )
            approval = await client.run_deployment(approval_dep.id, {"dataset": "stop-test"})

            async def states():
                a = await client.read_run(looping.id)
                b = await client.read_run(approval.id)
                return a.state.type == "RUNNING" and b.state.type == "PAUSED"

            await await_until(states, timeout=60, what="one running, one paused")
            return looping.id, approval.id

    looping_id, approval_id = asyncio.run(before())
    old_runner = read_state().runner_pid
    managed_server.manager.restart()  # the daemon stops runner + server, starts them again

    async def after():
        async with managed_server.client() as client:

            async def ready_again():
                state = read_state()
                return (
                    state and state.phase == "ready" and state.runner_pid not in (None, old_runner)
                )

            await await_until(ready_again, timeout=120, what="server and runner back")

            async def both_suspended():
                runs = [await client.read_run(run_id) for run_id in (looping_id, approval_id)]
                return all(r.state.is_paused and r.state.pause_reschedule for r in runs) and runs

            # Suspended by the runner as it stops or, if it was stopped hard (Windows
            # under load: the stop request came too late), by the reconcile that every
            # ready state triggers: either way within the reconcile's round.
            for run in await await_until(both_suspended, timeout=120, what="both suspended"):
                assert run.state.name == "Suspended", run.state
            info = await client.pause_info(approval_id)
            assert info.wants_input  # the form survived the stop
            await client.resume(looping_id)
            await client.resume(approval_id, {"approved": True, "batch_size": 4, "note": "after"})

            async def both_done():
                a = await client.read_run(looping_id)
                b = await client.read_run(approval_id)
                return a.state.is_final and b.state.is_final and (a, b)

            a, b = await await_until(both_done, timeout=300, what="both runs finished")
            assert a.state.type == "COMPLETED" and b.state.type == "COMPLETED"
            assert await client.run_result(looping_id) == [i * i for i in range(30)]
            result = await client.run_result(approval_id)
            assert result["batch_size"] == 4 and result["note"] == "after"

    asyncio.run(after())
