"""Prefect models → Flowdesk's small dataclasses (the one place that knows both)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from desktop_app.core.api.models import (
    DeploymentInfo,
    LogLine,
    RunInfo,
    ScheduleInfo,
    StateInfo,
    TaskRunInfo,
)
from desktop_app.core.api.schedules import from_prefect
from desktop_app.core.api.schema_checks import server_checks


def state_info(state: Any) -> StateInfo:
    if state is None:
        return StateInfo(type="PENDING", name="Unknown")
    details = getattr(state, "state_details", None)
    keyset = getattr(details, "run_input_keyset", None) if details else None
    return StateInfo(
        type=str(getattr(state.type, "value", state.type)),
        name=state.name or str(state.type.value).title(),
        timestamp=state.timestamp,
        message=state.message,
        pause_timeout=getattr(details, "pause_timeout", None) if details else None,
        pause_reschedule=bool(getattr(details, "pause_reschedule", False)) if details else False,
        run_input_keyset=dict(keyset) if keyset else None,
        pause_key=getattr(details, "pause_key", None) if details else None,
    )


def _seconds(value: Any) -> float:
    if isinstance(value, timedelta):
        return value.total_seconds()
    return float(value or 0.0)


def run_info(run: Any, flow_names: dict[str, str], deployment_names: dict[str, str]) -> RunInfo:
    flow_id = str(run.flow_id)
    deployment_id = str(run.deployment_id) if run.deployment_id else None
    return RunInfo(
        id=str(run.id),
        name=run.name or "",
        flow_id=flow_id,
        flow_name=flow_names.get(flow_id, ""),
        state=state_info(run.state),
        deployment_id=deployment_id,
        deployment_name=deployment_names.get(deployment_id, "") if deployment_id else None,
        tags=tuple(run.tags or ()),
        parameters=dict(run.parameters or {}),
        created=run.created,
        expected_start_time=run.expected_start_time,
        start_time=run.start_time,
        end_time=run.end_time,
        total_run_time=_seconds(run.total_run_time),
        run_count=run.run_count or 0,
        work_pool_name=run.work_pool_name,
        labels=dict(getattr(run, "labels", None) or {}),
    )


def task_run_info(task_run: Any) -> TaskRunInfo:
    return TaskRunInfo(
        id=str(task_run.id),
        name=task_run.name or "",
        task_key=task_run.task_key or "",
        state=state_info(task_run.state),
        start_time=task_run.start_time,
        end_time=task_run.end_time,
        total_run_time=_seconds(task_run.total_run_time),
        tags=tuple(task_run.tags or ()),
    )


def _schedule_text(schedule: Any) -> str:
    inner = getattr(schedule, "schedule", None)
    if inner is None:
        return ""
    if getattr(inner, "cron", None):
        return f"cron {inner.cron}"
    if getattr(inner, "interval", None):
        return f"every {inner.interval}"
    if getattr(inner, "rrule", None):
        return f"rrule {inner.rrule}"
    return str(inner)


def deployment_info(deployment: Any, flow_names: dict[str, str]) -> DeploymentInfo:
    schedules = tuple(
        ScheduleInfo(
            id=str(s.id),
            active=bool(s.active),
            description=_schedule_text(s),
            spec=from_prefect(s.schedule) if s.schedule is not None else None,
        )
        for s in (deployment.schedules or [])
    )
    status = getattr(deployment, "status", None)
    return DeploymentInfo(
        id=str(deployment.id),
        name=deployment.name,
        flow_id=str(deployment.flow_id),
        flow_name=flow_names.get(str(deployment.flow_id), ""),
        schedules=schedules,
        paused=bool(getattr(deployment, "paused", False)),
        work_pool_name=deployment.work_pool_name,
        parameter_schema=dict(deployment.parameter_openapi_schema or {}),
        parameter_checks=server_checks(deployment.parameter_openapi_schema),
        parameters=dict(deployment.parameters or {}),
        description=deployment.description,
        tags=tuple(deployment.tags or ()),
        entrypoint=deployment.entrypoint,
        status=str(getattr(status, "value", status)) if status else None,
    )


def log_line(log: Any) -> LogLine:
    return LogLine(
        id=str(log.id),
        timestamp=log.timestamp,
        level=int(log.level),
        message=log.message,
        name=log.name or "",
        flow_run_id=str(log.flow_run_id) if log.flow_run_id else None,
        task_run_id=str(log.task_run_id) if log.task_run_id else None,
    )
