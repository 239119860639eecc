"""Make the database tell the truth about runs whose process is gone.

After a crash (server, supervisor, runner or the whole machine), Prefect's
database still says Running, Pending or Paused for runs whose process died
with it: they would show Running forever, and a resume would "succeed" on a
run nobody executes. `flowdesk server reconcile` runs this each time the
managed server becomes ready (the supervisor starts it, so it works after a
SIGKILL of anything) and moves every such run to a state that is true:

* Suspended, when it belongs to a deployment our runner serves: a resume
  restarts it from the top and finished tasks come back cached. A pause that
  waited for input keeps its form.
* Crashed, when nothing could restart it (its deployment is gone).
* Cancelled, when it was being cancelled anyway.

Runs without a deployment are left alone: their process is a user's script
we cannot see. A Pending run younger than `PENDING_GRACE` is left alone too:
its runner may be starting its process right now.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from desktop_app.core.supervision.liveness import flow_run_processes

log = logging.getLogger("flowdesk.reconcile")

PENDING_GRACE = 30.0
PAGE = 200
SUSPEND_SECONDS = 7 * 24 * 3600
SERVED_TAG = "flowdesk"

SUSPENDED_MESSAGE = (
    "Suspended: its process ended while Flowdesk was stopped or restarting. "
    "Resume to run it again from the top; finished tasks are reused."
)
CRASHED_MESSAGE = (
    "Crashed: its process ended while Flowdesk was stopped or restarting, "
    "and its deployment is no longer served, so it cannot restart."
)
CANCELLED_MESSAGE = "Cancelled: its process had already ended when Flowdesk checked."


@dataclass
class Outcome:
    run_id: str
    before: str
    after: str


def suspended_state_for(run: Any, message: str, timeout_seconds: int = SUSPEND_SECONDS) -> Any:
    """A Suspended state for `run` that a resume restarts from the top.

    A pause that waited for typed input keeps its key and form, so the resume
    still asks for (and validates) the same values.
    """
    from prefect.client.schemas.objects import StateType
    from prefect.states import Suspended

    details = run.state.state_details if run.state else None
    if details is not None and run.state.type == StateType.PAUSED:
        return Suspended(
            pause_expiration_time=details.pause_timeout,
            timeout_seconds=None if details.pause_timeout else timeout_seconds,
            pause_key=details.pause_key,
            state_details={"run_input_keyset": details.run_input_keyset},
            message=message,
        )
    return Suspended(
        timeout_seconds=timeout_seconds,
        pause_key=f"flowdesk-recover-{run.run_count}-{int(time.time())}",
        message=message,
    )


def _age_seconds(run: Any) -> float:
    stamp = run.state.timestamp if run.state else None
    if stamp is None:
        return float("inf")
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=timezone.utc)
    return (datetime.now(timezone.utc) - stamp).total_seconds()


def _target_state(run: Any, served: set[str]) -> Any | None:
    """The true state for a run with no process, or None to leave it."""
    from prefect.client.schemas.objects import StateType
    from prefect.states import Cancelled, Crashed

    state_type = run.state.type if run.state else None
    if state_type == StateType.PAUSED and run.state.state_details.pause_reschedule:
        return None  # suspended: nothing is meant to run
    if state_type == StateType.PENDING and _age_seconds(run) < PENDING_GRACE:
        return None
    if state_type == StateType.CANCELLING:
        return Cancelled(message=CANCELLED_MESSAGE)
    if str(run.deployment_id) in served:
        return suspended_state_for(run, SUSPENDED_MESSAGE)
    return Crashed(message=CRASHED_MESSAGE)


def reconcile(client: Any) -> list[Outcome]:
    """Fix every run of ours that claims a process it no longer has (sync client)."""
    from prefect.client.schemas import filters as f
    from prefect.client.schemas.objects import StateType

    run_filter = f.FlowRunFilter(
        state=f.FlowRunFilterState(
            type=f.FlowRunFilterStateType(
                any_=[StateType.RUNNING, StateType.PENDING, StateType.PAUSED, StateType.CANCELLING]
            )
        ),
        deployment_id=f.FlowRunFilterDeploymentId(is_null_=False),
    )
    runs: list[Any] = []
    while True:  # the server serves at most PAGE runs per request
        page = client.read_flow_runs(flow_run_filter=run_filter, limit=PAGE, offset=len(runs))
        runs.extend(page)
        if len(page) < PAGE:
            break
    if not runs:
        return []
    alive = flow_run_processes()
    deployments = client.read_deployments(
        deployment_filter=f.DeploymentFilter(tags=f.DeploymentFilterTags(all_=[SERVED_TAG]))
    )
    served = {str(d.id) for d in deployments}
    outcomes: list[Outcome] = []
    for run in runs:
        if str(run.id) in alive:
            continue
        target = _target_state(run, served)
        if target is None:
            continue
        before = run.state.name if run.state else "?"
        try:
            client.set_flow_run_state(run.id, target, force=True)
        except Exception as exc:
            log.warning("could not reconcile run %s (%s): %s", run.id, before, exc)
            continue
        outcomes.append(Outcome(str(run.id), before, target.name))
        log.info("run %s: %s with no process -> %s", run.id, before, target.name)
    return outcomes


async def ensure_resumable(prefect: Any, run: Any) -> None:
    """Raise `ProcessGone` if `run` (a `RunInfo`) paused in a process that has ended.

    A run paused in-process continues only in that process. Resuming one
    whose process died would mark it Running with nobody running it. Valid
    on the managed local server only (every flow process is on this
    machine), for runs of a deployment (their process carries the run id).
    When the process is gone the run becomes Suspended first -- a resume then
    restarts it from the top -- and the error says so.
    """
    import asyncio
    from uuid import UUID

    from desktop_app.core.api.errors import ProcessGone
    from desktop_app.core.supervision.liveness import flow_run_process_alive
    from desktop_app.i18n import tr_core

    if not run.state.is_paused or run.state.pause_reschedule or not run.deployment_id:
        return  # suspended (no process meant), or a script's run we cannot see
    if await asyncio.to_thread(flow_run_process_alive, run.id):
        return
    raw = await prefect.read_flow_run(UUID(str(run.id)))
    if raw.state is None or raw.state.type.value != "PAUSED":
        return  # it moved on meanwhile: let the resume report what it finds
    await prefect.set_flow_run_state(
        raw.id, suspended_state_for(raw, SUSPENDED_MESSAGE), force=True
    )
    raise ProcessGone(
        tr_core(
            "Run '{name}' was paused in a process that has ended, so it cannot continue "
            "where it paused. It is now Suspended: resume it again to run it from the "
            "top; finished tasks are reused."
        ).format(name=run.name)
    )


def run_reconcile() -> int:
    """Entry of `flowdesk server reconcile` (started by the supervisor, env set)."""
    from prefect.client.orchestration import get_client

    with get_client(sync_client=True) as client:
        outcomes = reconcile(client)
    log.info("reconciled %d run(s)", len(outcomes))
    return 0
