"""Cooperative pause points for long loops.

Prefect cannot stop a running flow from outside: a Paused state set by an
API call is ignored by the flow, which goes on and may end Completed. So the
app only *requests* a pause (a tag on the run) and the flow honours it at its
next `checkpoint()`, pausing itself for real. Until then the run is shown as
"pause requested", never as a false Paused.
"""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from prefect.context import FlowRunContext

from desktop_app.constants import PAUSE_REQUEST_TAG
from desktop_app.runtime.pausing import apause_here, current_flow_run_id, pause_here

CHECK_INTERVAL = float(os.environ.get("FLOWDESK_CHECKPOINT_INTERVAL", "0.2"))
"""Minimum seconds between two server checks, so tight loops stay cheap."""

REQUESTED_PAUSE_TIMEOUT = int(os.environ.get("FLOWDESK_REQUESTED_PAUSE_TIMEOUT", "86400"))
"""A pause a person asked for waits a day: they may have gone home."""

_last_check = 0.0


def _due() -> bool:
    global _last_check
    now = time.monotonic()
    if now - _last_check < CHECK_INTERVAL:
        return False
    _last_check = now
    return True


def _description(label: str | None) -> str:
    where = f" at {label}" if label else ""
    return f"Paused on request{where}. Resume to continue."


@contextmanager
def _outside_the_flows_own_pauses() -> Iterator[str]:
    """A key for a requested pause that leaves the keys of the flow's own pauses alone.

    Prefect numbers a flow's pauses (keys "1", "2"…) and a restarted run
    skips the pauses that already fired by those keys. A pause someone asked
    for does not happen again on a restart, so it takes a key of its own and
    gives its number back: otherwise every later `pause_here` key would shift
    by one on the restart and the wrong pause would be skipped.
    """
    yield f"flowdesk-request-{uuid.uuid4().hex}"
    context = FlowRunContext.get()
    if context is not None and context.observed_flow_pauses.get("counter"):
        context.observed_flow_pauses["counter"] -= 1


def checkpoint(label: str | None = None) -> bool:
    """Pause here if a pause was requested for this run; returns True if it paused.

    Cheap outside a flow run (returns at once) and in tight loops (at most one
    server round trip every `CHECK_INTERVAL` seconds).
    """
    flow_run_id = current_flow_run_id()
    if flow_run_id is None or not _due():
        return False
    from prefect.client.orchestration import get_client

    with get_client(sync_client=True) as client:
        run = client.read_flow_run(flow_run_id)
        if PAUSE_REQUEST_TAG not in (run.tags or []):
            return False
        # Drop the request first: the resume must not pause us again.
        client.update_flow_run(flow_run_id, tags=[t for t in run.tags if t != PAUSE_REQUEST_TAG])
    with _outside_the_flows_own_pauses() as key:
        pause_here(_description(label), timeout=REQUESTED_PAUSE_TIMEOUT, key=key)
    return True


async def acheckpoint(label: str | None = None) -> bool:
    """`checkpoint` for async flows."""
    flow_run_id = current_flow_run_id()
    if flow_run_id is None or not _due():
        return False
    from prefect.client.orchestration import get_client

    async with get_client() as client:
        run = await client.read_flow_run(flow_run_id)
        if PAUSE_REQUEST_TAG not in (run.tags or []):
            return False
        await client.update_flow_run(
            flow_run_id, tags=[t for t in run.tags if t != PAUSE_REQUEST_TAG]
        )
    with _outside_the_flows_own_pauses() as key:
        await apause_here(_description(label), timeout=REQUESTED_PAUSE_TIMEOUT, key=key)
    return True
