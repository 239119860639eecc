"""Start a run the moment it becomes due, instead of at the runner's next poll.

Prefect's runner finds work by polling the server. Polling every second made
"Run" → Running ~2.5 s and kept the server answering a query a second while
the desktop sat idle (about a fifth of the server's idle CPU). Now the runner
polls every `SAFETY_POLL_SECONDS` as a safety net only, and this waker asks it
to look right away when:

* the server's event stream says a flow run became Scheduled (a "Run" press,
  a resume of a suspended run, a retry, a run the scheduler created), or
* a scheduled run of ours is due: after each look, the earliest Scheduled run
  of our deployments arms a timer, so a schedule fires on time although the
  poll is slow.

If the event stream is down, the safety poll and the due timer still work.
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from collections.abc import Awaitable, Callable
from datetime import datetime, timezone
from typing import Any

log = logging.getLogger("flowdesk.runner.waker")

SAFETY_POLL_SECONDS = 30.0
"""Below the server's 60 s before it calls a deployment that nobody polls "not ready"."""
RECONNECT_SECONDS = 5.0
SERVED_TAG = "flowdesk"
DUE_LEAD_SECONDS = 0.5
"""Look this early for a due run (Prefect's runner takes runs a little early anyway)."""
DUE_GAP_SECONDS = 1.0
"""The due timer looks again no sooner than this after a look. A run the last look
found stays Scheduled until the runner's Pending is accepted; without a gap the
timer saw it "due now" and looked again and again meanwhile -- two queries per turn
on the server that was busy accepting that very run's Pending and Running."""


def seconds_until_look(due: datetime | None, now: datetime, looked: datetime) -> float | None:
    """How long the due timer waits after a look at `looked` (None: until an event)."""
    if due is None:
        return None
    wait = (due - now).total_seconds() - DUE_LEAD_SECONDS
    return max(0.0, wait, DUE_GAP_SECONDS - (now - looked).total_seconds())


def is_scheduled_event(event: Any) -> bool:
    """True for a flow-run event whose new state is of type SCHEDULED."""
    name = getattr(event, "event", "")
    resource = getattr(event, "resource", None)
    if not name.startswith("prefect.flow-run.") or resource is None:
        return False
    return (resource.get("prefect.state-type") or "").upper() == "SCHEDULED"


class RunWaker:
    """Calls `look` (submit due runs) on events and when the next run is due."""

    def __init__(
        self,
        look: Callable[[], Awaitable[None]],
        next_due: Callable[[], Awaitable[datetime | None]],
    ) -> None:
        self._look = look
        self._next_due = next_due
        self._wake = asyncio.Event()
        self._wake.set()  # look once at the start, whatever the stream does
        self.woken_by_events = 0
        self.woken_for: deque[str] = deque(maxlen=50)
        """Flow-run resource ids of the latest events that woke us (for `server status`, tests)."""
        self.listening = False

    def wake(self) -> None:
        self._wake.set()

    async def run(self) -> None:
        """Listen and drive until cancelled."""
        listener = asyncio.create_task(self.listen())
        try:
            await self.drive()
        finally:
            listener.cancel()

    async def drive(self) -> None:
        due: datetime | None = None
        looked = datetime.now(timezone.utc)
        while True:
            timeout = seconds_until_look(due, datetime.now(timezone.utc), looked)
            try:
                await asyncio.wait_for(self._wake.wait(), timeout)
            except asyncio.TimeoutError:
                pass
            self._wake.clear()
            looked = datetime.now(timezone.utc)
            try:
                await self._look()
                due = await self._next_due()
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # the server restarting: the safety poll carries on
                log.warning("could not look for due runs: %s", exc)
                due = None
                await asyncio.sleep(RECONNECT_SECONDS)

    async def listen(self) -> None:
        """Wake on every Scheduled flow-run event; reconnect if the stream drops."""
        from prefect.events.clients import get_events_subscriber
        from prefect.events.filters import EventFilter, EventNameFilter

        event_filter = EventFilter(event=EventNameFilter(prefix=["prefect.flow-run."]))
        while True:
            try:
                async with get_events_subscriber(filter=event_filter) as subscriber:
                    self.listening = True
                    self.wake()  # anything created while we were not listening
                    async for event in subscriber:
                        if is_scheduled_event(event):
                            self.woken_by_events += 1
                            self.woken_for.append(event.resource.id)
                            self.wake()
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.info("event stream unavailable (%s); the safety poll covers it", exc)
            self.listening = False
            await asyncio.sleep(RECONNECT_SECONDS)


async def next_due_run(client: Any) -> datetime | None:
    """When the earliest Scheduled run of our deployments is due, or None."""
    from prefect.client.schemas import filters as f
    from prefect.client.schemas.objects import StateType
    from prefect.client.schemas.sorting import FlowRunSort

    runs = await client.read_flow_runs(
        flow_run_filter=f.FlowRunFilter(
            state=f.FlowRunFilterState(type=f.FlowRunFilterStateType(any_=[StateType.SCHEDULED]))
        ),
        deployment_filter=f.DeploymentFilter(tags=f.DeploymentFilterTags(all_=[SERVED_TAG])),
        sort=FlowRunSort.NEXT_SCHEDULED_START_TIME_ASC,
        limit=1,
    )
    if not runs:
        return None
    due = runs[0].next_scheduled_start_time or runs[0].expected_start_time
    if due is None:
        return None
    return due if due.tzinfo else due.replace(tzinfo=timezone.utc)


async def wake_runner(runner: Any, on_ready: Callable[[RunWaker], None] | None = None) -> None:
    """Drive Prefect's `Runner`: look with its own poll cycle whenever a run is due."""
    from prefect.client.orchestration import get_client

    async def look() -> None:
        if getattr(runner, "started", False) and not getattr(runner, "stopping", False):
            # The runner's own poll-and-submit cycle: it skips runs already being
            # submitted and honours the concurrency limit.
            await runner._get_and_submit_flow_runs()

    async with get_client() as client:
        waker = RunWaker(look, lambda: next_due_run(client))
        if on_ready is not None:
            on_ready(waker)
        await waker.run()
