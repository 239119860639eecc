"""The runner's waker: it looks for due runs on events and when a scheduled run is due.

No server here: `drive()` alone (the event listener is tested against the real server in
tests/integration/test_warm_start.py).
"""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta, timezone
from types import SimpleNamespace

from desktop_app.core.serving.run_waker import RunWaker, is_scheduled_event


def _event(name: str, state_type: str | None) -> SimpleNamespace:
    labels = {"prefect.resource.id": "prefect.flow-run.x"}
    if state_type is not None:
        labels["prefect.state-type"] = state_type
    return SimpleNamespace(event=name, resource=labels)


def test_only_a_flow_run_becoming_scheduled_wakes_the_runner():
    assert is_scheduled_event(_event("prefect.flow-run.Scheduled", "SCHEDULED"))
    # A resumed suspended run and a late one are Scheduled by type, not by name.
    assert is_scheduled_event(_event("prefect.flow-run.Resuming", "SCHEDULED"))
    assert is_scheduled_event(_event("prefect.flow-run.Late", "SCHEDULED"))
    assert not is_scheduled_event(_event("prefect.flow-run.Running", "RUNNING"))
    assert not is_scheduled_event(_event("prefect.flow-run.heartbeat", None))
    assert not is_scheduled_event(_event("prefect.deployment.updated", "SCHEDULED"))


def test_the_waker_looks_at_start_and_again_when_the_next_run_is_due():
    async def main() -> list[str]:
        calls: list[str] = []
        due_times = [datetime.now(timezone.utc) + timedelta(seconds=1), None]
        looked_twice = asyncio.Event()

        async def look() -> None:
            calls.append("look")
            if len(calls) >= 2:
                looked_twice.set()

        async def next_due():
            return due_times.pop(0) if due_times else None

        waker = RunWaker(look, next_due)
        driving = asyncio.create_task(waker.drive())
        try:
            await asyncio.wait_for(looked_twice.wait(), 60)
        finally:
            driving.cancel()
        assert waker.woken_by_events == 0  # no event: the due timer did it
        return calls

    assert asyncio.run(main())[:2] == ["look", "look"]


def test_a_wake_makes_the_waker_look_and_a_failed_look_does_not_stop_it():
    async def main() -> int:
        looks = 0
        recovered = asyncio.Event()

        async def look() -> None:
            nonlocal looks
            looks += 1
            if looks == 1:
                raise ConnectionError("server restarting")
            if looks >= 3:
                recovered.set()

        async def next_due():
            return None

        import desktop_app.core.serving.run_waker as module

        module.RECONNECT_SECONDS, saved = 0.01, module.RECONNECT_SECONDS
        waker = RunWaker(look, next_due)
        driving = asyncio.create_task(waker.drive())
        try:
            for _ in range(600):
                waker.wake()
                if recovered.is_set():
                    break
                await asyncio.sleep(0.05)
            await asyncio.wait_for(recovered.wait(), 30)
        finally:
            driving.cancel()
            module.RECONNECT_SECONDS = saved
        return looks

    assert asyncio.run(main()) >= 3


def test_a_run_still_due_right_after_a_look_waits_for_the_gap_not_a_busy_loop():
    from desktop_app.core.serving.run_waker import DUE_GAP_SECONDS, seconds_until_look

    now = datetime(2026, 1, 1, tzinfo=timezone.utc)
    # The run the look just found is still Scheduled (its Pending is on the way):
    # the timer must not look again at once, only after the gap.
    assert seconds_until_look(now - timedelta(seconds=5), now, now) == DUE_GAP_SECONDS
    # A later run: its time (less the lead) decides.
    assert seconds_until_look(now + timedelta(seconds=60), now, now) == 59.5
    # The gap has passed already: a due run is looked for at once.
    looked_long_ago = now - timedelta(seconds=10)
    assert seconds_until_look(now - timedelta(seconds=5), now, looked_long_ago) == 0.0
    assert seconds_until_look(None, now, now) is None
