"""Giving a suspended run more time before its pause expires.

Prefect has no "extend pause" call. What works (tested against a real
3.9.1 server, see tests/ui/test_resume_extend.py): re-propose the same
Paused/Suspended state with `force=True`, a later expiry, and the same
`pause_key` and `run_input_keyset`. The server's pause-expirations service
then honours the new time, and resume (with input) works as before.

It only helps when no process is waiting. A run paused *in process*
(`pause_flow_run`) also counts down its own `timeout` with a monotonic clock
inside the flow process and fails with `FlowPauseTimeout` at the original
time whatever the server says, so for those `can_extend` is False and the
dialog says why instead of offering a button that would lie.

Belongs in `FlowdeskClient` (core) eventually; it lives here until then and
uses only `client.prefect`, the facade's documented escape hatch.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING

from desktop_app.core.errors import InvalidState
from desktop_app.core.models import PauseInfo

if TYPE_CHECKING:
    from desktop_app.core.client import FlowdeskClient

EXTEND_SECONDS = 3600


def can_extend(pause: PauseInfo | None) -> bool:
    """Only suspended runs (no process waiting) with an expiry can be given more time."""
    return bool(pause and pause.suspended and pause.timeout_at is not None)


async def extend_pause(
    client: FlowdeskClient, run_id: str, seconds: int = EXTEND_SECONDS
) -> datetime:
    """Push a suspended run's expiry `seconds` later; returns the new expiry time.

    Raises InvalidState if the run is not suspended (any more), or if the
    server refuses. There is no compare-and-set in Prefect's API: the read
    and the forced write are back to back to keep the race with a resume
    from elsewhere as short as possible, and the result is checked.
    """
    from uuid import UUID

    from prefect.states import Paused

    uid = UUID(str(run_id))
    raw = await client.prefect.read_flow_run(uid)
    state = raw.state
    if state is None or not state.is_paused():
        name = state.name if state is not None else "unknown"
        raise InvalidState(f"The run is {name}, not paused: there is no pause to extend.")
    details = state.state_details
    if not details.pause_reschedule:
        raise InvalidState(
            "This run is paused inside its own process, which enforces the original "
            "timeout itself: it cannot be extended from outside."
        )
    now = datetime.now(timezone.utc)
    base = details.pause_timeout if details.pause_timeout and details.pause_timeout > now else now
    new_expiry = base + timedelta(seconds=seconds)
    proposed = Paused(
        pause_expiration_time=new_expiry,
        pause_key=details.pause_key,
        reschedule=True,
        name=state.name or "Suspended",
    )
    proposed.state_details.run_input_keyset = details.run_input_keyset
    proposed.message = state.message
    result = await client.prefect.set_flow_run_state(uid, proposed, force=True)
    status = str(getattr(result.status, "value", result.status))
    if status != "ACCEPT":
        reason = getattr(result.details, "reason", "") or status
        raise InvalidState(f"The server did not extend the pause: {reason}")
    return new_expiry
