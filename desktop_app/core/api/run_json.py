"""A page of runs straight from the server's JSON to `RunInfo`, without Prefect's models.

`convert.run_info` reads Prefect's pydantic `FlowRun`; validating those (their
dates, nested states and policies) costs ~0.3 ms a run, so 10,000 runs took
seconds of CPU that competed with the server for the same two cores. A run's
few fields the table shows are read here from the decoded JSON directly: the
same `RunInfo`, field for field (tests compare both routes on a real server's
answer), for a fraction of the cost.

Runs in a worker thread (called from `FlowdeskClient.list_runs`).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from desktop_app.core.api.models import RunInfo, StateInfo


def _when(value: Any) -> datetime | None:
    """An ISO 8601 time from the API ("…Z" or "…+00:00") as an aware datetime."""
    if not value:
        return None
    return datetime.fromisoformat(value)


def state_info(state: dict[str, Any] | None) -> StateInfo:
    """As `convert.state_info`, from the state's JSON."""
    if state is None:
        return StateInfo(type="PENDING", name="Unknown")
    kind = str(state["type"])
    details = state.get("state_details") or {}
    keyset = details.get("run_input_keyset")
    return StateInfo(
        type=kind,
        name=state.get("name") or kind.title(),
        timestamp=_when(state.get("timestamp")),
        message=state.get("message"),
        pause_timeout=_when(details.get("pause_timeout")),
        pause_reschedule=bool(details.get("pause_reschedule", False)),
        run_input_keyset=dict(keyset) if keyset else None,
        pause_key=details.get("pause_key"),
    )


def run_info(
    run: dict[str, Any], flow_names: dict[str, str], deployment_names: dict[str, str]
) -> RunInfo:
    """As `convert.run_info`, from one run's JSON."""
    flow_id = str(run["flow_id"])
    deployment_id = run.get("deployment_id")
    deployment_id = str(deployment_id) if deployment_id else None
    return RunInfo(
        id=str(run["id"]),
        name=run.get("name") or "",
        flow_id=flow_id,
        flow_name=flow_names.get(flow_id, ""),
        state=state_info(run.get("state")),
        deployment_id=deployment_id,
        deployment_name=deployment_names.get(deployment_id, "") if deployment_id else None,
        tags=tuple(run.get("tags") or ()),
        parameters=dict(run.get("parameters") or {}),
        created=_when(run.get("created")),
        expected_start_time=_when(run.get("expected_start_time")),
        start_time=_when(run.get("start_time")),
        end_time=_when(run.get("end_time")),
        total_run_time=float(run.get("total_run_time") or 0.0),
        run_count=run.get("run_count") or 0,
        work_pool_name=run.get("work_pool_name"),
        labels=dict(run.get("labels") or {}),
    )


def run_infos(
    runs: list[dict[str, Any]], flow_names: dict[str, str], deployment_names: dict[str, str]
) -> list[RunInfo]:
    return [run_info(r, flow_names, deployment_names) for r in runs]
