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
    pause_here(_description(label), timeout=REQUESTED_PAUSE_TIMEOUT)
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
    await apause_here(_description(label), timeout=REQUESTED_PAUSE_TIMEOUT)
    return True
