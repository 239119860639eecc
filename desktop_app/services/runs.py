"""Run actions: pause, suspend, resume, cancel, retry, delete, extend a pause, start.

Each is one function that every front end calls with its `source`. It does
the action through the client facade, writes the audit entry (with the
source, and the input for a resume), and returns `Done` — whose `warning`
is set when the action worked but the audit trail could not be written.
Refusals raise `FlowdeskError` subclasses whose text is one sentence in
the user's language. The `can_*` predicates say which runs an action applies
to, for the menus that enable it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Iterable
from typing import TYPE_CHECKING, Any, TypeVar

from desktop_app.core.api import parameters
from desktop_app.core.api.errors import FlowdeskError, InputRejected, InvalidState
from desktop_app.core.api.models import DeploymentInfo, PauseInfo, RunInfo
from desktop_app.i18n import state_word, tr_core
from desktop_app.services import trail
from desktop_app.services.results import Done, Source

if TYPE_CHECKING:
    from desktop_app.core.api.client import FlowdeskClient

T = TypeVar("T")

EXTEND_SECONDS = 3600
"""How much more time "Extend" gives a suspended run."""

PAUSABLE = frozenset({"RUNNING", "PENDING"})
SUSPENDABLE = frozenset({"RUNNING", "PENDING", "SCHEDULED"})
LIVE = frozenset({"RUNNING", "CANCELLING", "PENDING"})


# -- which runs an action applies to ---------------------------------------------
def can_pause(run: RunInfo) -> bool:
    return run.state.type in PAUSABLE and not run.pause_requested


def can_suspend(run: RunInfo) -> bool:
    return bool(run.deployment_id) and run.state.type in SUSPENDABLE


def can_resume(run: RunInfo) -> bool:
    return run.state.is_paused


def can_cancel(run: RunInfo) -> bool:
    return not run.state.is_final


def can_retry(run: RunInfo) -> bool:
    return run.state.is_final and bool(run.deployment_id)


def can_extend(pause: PauseInfo | None) -> bool:
    """Only suspended runs (no process waiting) with an expiry can be given more time.

    A run paused inside its process counts the timeout down itself and fails
    at the original time whatever the server says.
    """
    return bool(pause and pause.suspended and pause.timeout_at is not None)


# -- the actions -------------------------------------------------------------------
async def _words(call: Awaitable[T]) -> T:
    """Anything that escapes the facade untranslated still reaches the user in words."""
    try:
        return await call
    except (FlowdeskError, asyncio.CancelledError):
        raise
    except Exception as exc:
        raise FlowdeskError(
            tr_core("Unexpected error: {error}").format(error=f"{type(exc).__name__}: {exc}")
        ) from exc


async def _audited(action: str, run_id: str, source: Source, call: Awaitable[RunInfo]) -> Done:
    """Do the action; once it is done, write its audit entry (a failed write: a warning)."""
    run = await _words(call)
    return Done(run_id, run, trail.write(action, run_id, source=source))


async def pause(client: FlowdeskClient, run_id: str, *, source: Source) -> Done:
    """Ask a running run to pause at its next checkpoint (shown "Pause requested")."""
    return await _audited("pause", run_id, source, client.request_pause(run_id))


async def suspend(client: FlowdeskClient, run_id: str, *, source: Source) -> Done:
    """Stop a deployment's run now; resume restarts it from the top."""
    return await _audited("suspend", run_id, source, client.suspend(run_id))


async def _check_resume_takes_effect(client: FlowdeskClient, run_id: str) -> None:
    """Refuse a resume that could not take effect (e.g. nothing alive to continue it).

    A run paused inside its process continues only in that process; on the
    managed local server we look for it (`core.reconcile.ensure_resumable`)
    and, if it has ended, leave the run Suspended and raise `ProcessGone`
    (an `InvalidState`) saying so, instead of a "Resumed" nobody acts on.
    """
    if client.connection.kind != "local":
        return
    from desktop_app.core.supervision.reconcile import ensure_resumable

    run = await _words(client.read_run(run_id))
    await _words(client._call(ensure_resumable(client.prefect, run), "Run"))


async def resume(
    client: FlowdeskClient,
    run_id: str,
    run_input: dict[str, Any] | None = None,
    *,
    source: Source,
) -> Done:
    """Resume a paused run, with the input its form asks for.

    The server validates `run_input`; a rejection is written to the audit
    trail ("resume-rejected", with the input) and raised as `InputRejected`
    (the run stays paused, the input can be fixed and sent again).
    """
    await _check_resume_takes_effect(client, run_id)
    try:
        run = await _words(client.resume(run_id, run_input))
    except InputRejected as exc:
        trail.write(
            "resume-rejected", run_id, source=source, run_input=run_input, detail=exc.reason
        )
        raise
    return Done(run_id, run, trail.write("resume", run_id, source=source, run_input=run_input))


async def cancel(client: FlowdeskClient, run_id: str, *, source: Source) -> Done:
    """Cancel a run; a live process is stopped by its runner."""
    return await _audited("cancel", run_id, source, client.cancel(run_id))


async def retry(client: FlowdeskClient, run_id: str, *, source: Source) -> Done:
    """Schedule a finished deployment run to run again."""
    return await _audited("retry", run_id, source, client.retry(run_id))


async def delete(
    client: FlowdeskClient, run_id: str, *, source: Source, allow_live: bool = True
) -> Done:
    """Delete a run and its logs from the server.

    Deleting does not stop a live process; with `allow_live=False` (the CLI
    without `--yes`) a live run is refused with a sentence that says so.
    """
    if not allow_live:
        run = await _words(client.read_run(run_id))
        if not run.state.is_final and run.state.type != "SCHEDULED":
            raise InvalidState(
                tr_core(
                    "{name} is {state}: deleting it does not stop its process. "
                    "Cancel it first, or pass --yes."
                ).format(name=run.name, state=state_word(run.state.name))
            )
    await _words(client.delete(run_id))
    return Done(run_id, None, trail.write("delete", run_id, source=source))


async def extend_pause(
    client: FlowdeskClient, run_id: str, seconds: int = EXTEND_SECONDS, *, source: Source
) -> Done:
    """Give a suspended run `seconds` more before its pause expires (`Done.expires_at`)."""
    expiry = await _words(client.extend_pause(run_id, seconds))
    warning = trail.write(
        "extend-pause", run_id, source=source, detail=f"new expiry {expiry.isoformat()}"
    )
    return Done(run_id, None, warning, expires_at=expiry)


async def start_run(
    client: FlowdeskClient,
    deployment: str | DeploymentInfo,
    *,
    pairs: Iterable[str] = (),
) -> RunInfo:
    """Start a run of a deployment (by `flow/deployment`, flow name, id, or as read).

    `pairs` are `KEY=VALUE` texts (the command line), checked against the
    deployment's parameter schema first: an unknown name, a missing required
    one or a wrong type is refused with `BadParameters`, and nothing starts.
    """
    typed = parameters.parse_pairs(pairs)  # a pair without a name fails before any request
    if not isinstance(deployment, DeploymentInfo):
        deployment = await _words(client.resolve_deployment(deployment))
    params = parameters.check(deployment, typed)
    return await _words(client.run_deployment(deployment.id, params))
