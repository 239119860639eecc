"""Changing a run's state: pause request, suspend, resume, extend a pause, cancel, retry, delete.

Part of the client facade (`FlowdeskClient` inherits it); split out so each
module stays small. Each method checks the run's state first and raises
`InvalidState` in words when the action does not apply, so the caller never
sends a request the server would take the wrong way (Prefect's `force=True`
writes would). Callers are `desktop_app.services`, which add the audit entry.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from typing import Any

from prefect.states import Cancelled, Cancelling, Paused, Scheduled, Suspended

from desktop_app.constants import DESCRIPTION_INPUT_KEY, PAUSE_REQUEST_TAG
from desktop_app.core.api.api_errors import as_uuid
from desktop_app.core.api.errors import InputRejected, InvalidState
from desktop_app.core.api.facade_part import FacadePart
from desktop_app.core.api.models import PauseInfo, RunInfo
from desktop_app.core.api.schema_checks import server_checks
from desktop_app.i18n import state_word, tr_core

SUSPEND_TIMEOUT = 7 * 24 * 3600


def _refused(text: str, run: RunInfo) -> InvalidState:
    """`text` (with {name} and {state}) about `run`, as the refusal to raise."""
    return InvalidState(text.format(name=run.name, state=state_word(run.state.name)))


class RunControl(FacadePart):
    """State changes of one run, on top of the facade's `read_run` and `_call`."""

    async def read_run(self, run_id: str) -> RunInfo:  # provided by FlowdeskClient
        raise NotImplementedError

    async def _add_tag(self, run_id: str, tag: str) -> None:
        run = await self._call(self._prefect.read_flow_run(as_uuid(run_id)), "Run")
        tags = list(run.tags or [])
        if tag not in tags:
            await self._call(self._prefect.update_flow_run(run.id, tags=[*tags, tag]))

    async def request_pause(self, run_id: str) -> RunInfo:
        """Ask a running run to pause at its next `checkpoint()`.

        Prefect cannot stop a flow from outside; the flow honours the request
        itself, so until it does the run is shown as "pause requested".
        """
        run = await self.read_run(run_id)
        if run.state.type not in ("RUNNING", "PENDING", "SCHEDULED"):
            raise _refused(tr_core("Run '{name}' is {state}; only a running run can pause."), run)
        await self._add_tag(run_id, PAUSE_REQUEST_TAG)
        return await self.read_run(run_id)

    async def suspend(self, run_id: str, timeout: int = SUSPEND_TIMEOUT) -> RunInfo:
        """Stop a deployment's run now; resume restarts it from the top.

        Tasks whose results were persisted come back Cached on the rerun.
        """
        run = await self.read_run(run_id)
        if not run.deployment_id:
            raise InvalidState(
                tr_core(
                    "Run '{name}' has no deployment, so it could not be restarted after a suspend."
                ).format(name=run.name)
            )
        if run.state.type not in ("RUNNING", "PENDING", "SCHEDULED"):
            raise _refused(tr_core("Run '{name}' is {state}; it cannot be suspended."), run)
        state = Suspended(timeout_seconds=timeout, pause_key=f"flowdesk-suspend-{run.run_count}")
        result = await self._call(self._prefect.set_flow_run_state(as_uuid(run_id), state))
        if str(result.status.value) != "ACCEPT":
            reason = getattr(result.details, "reason", "") or str(result.status.value)
            raise InvalidState(
                tr_core("The server refused to suspend the run: {reason}").format(reason=reason)
            )
        return await self.read_run(run_id)

    async def resume(self, run_id: str, run_input: dict[str, Any] | None = None) -> RunInfo:
        """Resume a paused run; the server validates `run_input` against its form."""
        run = await self.read_run(run_id)
        if not run.state.is_paused:
            raise _refused(tr_core("Run '{name}' is {state}, not paused: nothing to resume."), run)
        result = await self._call(
            self._prefect.resume_flow_run(as_uuid(run_id), run_input=run_input), "Run"
        )
        status = str(result.status.value)
        reason = getattr(result.details, "reason", None) or ""
        if status == "REJECT":
            raise InputRejected(reason or "invalid input")
        if status != "ACCEPT":
            raise InvalidState(
                tr_core("The server did not resume the run ({status}): {reason}").format(
                    status=status, reason=reason
                )
            )
        return await self.read_run(run_id)

    async def pause_info(self, run_id: str) -> PauseInfo:
        """The form schema and description a paused run is waiting with."""
        run = await self.read_run(run_id)
        if not run.state.is_paused:
            raise _refused(tr_core("Run '{name}' is {state}, not paused."), run)
        keyset = run.state.run_input_keyset or {}
        schema = description = None
        uid = as_uuid(run_id)
        if keyset.get("schema"):
            try:
                schema = json.loads(await self._prefect.read_flow_run_input(uid, keyset["schema"]))
            except Exception:
                schema = None
        for key in (keyset.get("description"), DESCRIPTION_INPUT_KEY):
            if not key:
                continue
            try:
                value = json.loads(await self._prefect.read_flow_run_input(uid, key))
            except Exception:
                continue
            if value:
                description = str(value)
                break
        return PauseInfo(
            run_id=str(uid),
            description=description,
            schema=schema,
            timeout_at=run.state.pause_timeout,
            suspended=run.state.name == "Suspended" or run.state.pause_reschedule,
            checks=server_checks(schema),
        )

    async def extend_pause(self, run_id: str, seconds: int) -> datetime:
        """Push a suspended run's expiry `seconds` later; returns the new expiry.

        Prefect has no "extend pause" call. What works (tested against a real
        3.9 server, tests/ui/test_resume_extend.py): re-propose the same
        Paused/Suspended state with `force=True`, a later expiry and the same
        `pause_key` and `run_input_keyset`; the server's pause-expiration
        service then honours the new time, and resume works as before.

        A run paused *in process* counts its own timeout down inside the flow
        process and fails at the original time whatever the server says, so it
        is refused. There is no compare-and-set in Prefect's API: the read and
        the forced write are back to back and the result is checked.
        """
        uid = as_uuid(run_id)
        raw = await self._call(self._prefect.read_flow_run(uid), "Run")
        state = raw.state
        if state is None or not state.is_paused():
            raise InvalidState(
                tr_core("The run is {state}, not paused: there is no pause to extend.").format(
                    state=state_word(state.name if state is not None else "unknown")
                )
            )
        details = state.state_details
        if not details.pause_reschedule:
            raise InvalidState(
                tr_core(
                    "This run is paused inside its own process, which enforces the original "
                    "timeout itself: it cannot be extended from outside."
                )
            )
        now = datetime.now(timezone.utc)
        timeout = details.pause_timeout
        base = timeout if timeout and timeout > now else now
        new_expiry = base + timedelta(seconds=seconds)
        proposed = Paused(
            pause_expiration_time=new_expiry,
            pause_key=details.pause_key,
            reschedule=True,
            name=state.name or "Suspended",
        )
        proposed.state_details.run_input_keyset = details.run_input_keyset
        proposed.message = state.message
        result = await self._call(self._prefect.set_flow_run_state(uid, proposed, force=True))
        status = str(getattr(result.status, "value", result.status))
        if status != "ACCEPT":
            reason = getattr(result.details, "reason", "") or status
            raise InvalidState(
                tr_core("The server did not extend the pause: {reason}").format(reason=reason)
            )
        return new_expiry

    async def cancel(self, run_id: str) -> RunInfo:
        run = await self.read_run(run_id)
        if run.state.is_final:
            raise _refused(tr_core("Run '{name}' is already {state}."), run)
        # A live process (running, or paused in-process) is stopped by its runner
        # through Cancelling; a run with no process can be cancelled outright.
        has_process = run.state.type in ("RUNNING", "CANCELLING") or (
            run.state.is_paused and not run.state.pause_reschedule
        )
        state = Cancelling() if has_process else Cancelled()
        await self._call(self._prefect.set_flow_run_state(as_uuid(run_id), state, force=True))
        return await self.read_run(run_id)

    async def retry(self, run_id: str) -> RunInfo:
        run = await self.read_run(run_id)
        if not run.state.is_final:
            raise _refused(tr_core("Run '{name}' is {state}; only finished runs retry."), run)
        if not run.deployment_id:
            raise InvalidState(
                tr_core(
                    "Run '{name}' has no deployment, so nothing can start it again: "
                    "run the flow anew."
                ).format(name=run.name)
            )
        state = Scheduled(name="AwaitingRetry")
        await self._call(self._prefect.set_flow_run_state(as_uuid(run_id), state, force=True))
        return await self.read_run(run_id)

    async def delete(self, run_id: str) -> None:
        await self._call(self._prefect.delete_flow_run(as_uuid(run_id)), "Run")
