"""Small, typed results of the client facade.

Views and the CLI get these instead of Prefect's pydantic models, so a change
in Prefect's schemas touches one adapter (`convert.py`), not every widget.
They are plain frozen dataclasses: cheap to hold 10,000 of, safe to share.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from desktop_app.constants import NODE_TAG_PREFIX, PAUSE_REQUEST_TAG, RELEASED_LABEL
from desktop_app.core.api.schedule_models import ScheduleSpec

FINAL_STATES = frozenset({"COMPLETED", "FAILED", "CANCELLED", "CRASHED"})
STATE_TYPES = (
    "SCHEDULED",
    "PENDING",
    "RUNNING",
    "PAUSED",
    "CANCELLING",
    "COMPLETED",
    "FAILED",
    "CANCELLED",
    "CRASHED",
)


@dataclass(frozen=True)
class StateInfo:
    type: str  # Prefect StateType value, e.g. "PAUSED"
    name: str  # e.g. "Paused", "Suspended", "AwaitingRetry"
    timestamp: datetime | None = None
    message: str | None = None
    pause_timeout: datetime | None = None
    pause_reschedule: bool = False
    run_input_keyset: dict[str, str] | None = None
    pause_key: str | None = None

    @property
    def is_final(self) -> bool:
        return self.type in FINAL_STATES

    @property
    def is_paused(self) -> bool:
        return self.type == "PAUSED"


@dataclass(frozen=True)
class RunInfo:
    id: str
    name: str
    flow_id: str
    flow_name: str
    state: StateInfo
    deployment_id: str | None = None
    deployment_name: str | None = None
    tags: tuple[str, ...] = ()
    parameters: dict[str, Any] = field(default_factory=dict)
    created: datetime | None = None
    expected_start_time: datetime | None = None
    start_time: datetime | None = None
    end_time: datetime | None = None
    total_run_time: float = 0.0
    run_count: int = 0
    work_pool_name: str | None = None
    labels: dict[str, Any] = field(default_factory=dict)

    @property
    def pause_released(self) -> bool:
        """Waiting Suspended because its pause released its process (`pause_here`).

        For the person it is the same pause as before, so it shows as Paused.
        """
        return (
            self.state.is_paused
            and self.state.pause_reschedule
            and self.state.pause_key is not None
            and self.labels.get(RELEASED_LABEL) == self.state.pause_key
        )

    @property
    def pause_requested(self) -> bool:
        """A pause was asked for and the flow has not reached a checkpoint yet."""
        return PAUSE_REQUEST_TAG in self.tags and not self.state.is_paused

    @property
    def display_state(self) -> str:
        if self.pause_requested and self.state.type == "RUNNING":
            return "Pause requested"
        if self.pause_released:
            return "Paused"
        return self.state.name

    @property
    def user_tags(self) -> tuple[str, ...]:
        return tuple(t for t in self.tags if not t.startswith("flowdesk."))

    def duration(self, now: datetime | None = None) -> float | None:
        """Seconds run so far (ticking while running), None if it never started."""
        if self.start_time is None:
            return None
        end = self.end_time
        if end is None:
            if self.state.is_final:
                return self.total_run_time or None
            end = now or datetime.now(timezone.utc)
        return max(0.0, (end - self.start_time).total_seconds())


@dataclass(frozen=True)
class TaskRunInfo:
    id: str
    name: str
    task_key: str
    state: StateInfo
    start_time: datetime | None = None
    end_time: datetime | None = None
    total_run_time: float = 0.0
    tags: tuple[str, ...] = ()

    @property
    def node_id(self) -> str | None:
        """The designer node this task belongs to (tag `flowdesk.node:<id>`)."""
        for tag in self.tags:
            if tag.startswith(NODE_TAG_PREFIX):
                return tag[len(NODE_TAG_PREFIX) :]
        return None


@dataclass(frozen=True)
class ScheduleInfo:
    id: str
    active: bool
    description: str
    spec: ScheduleSpec | None = None


@dataclass(frozen=True)
class DeploymentInfo:
    id: str
    name: str
    flow_id: str
    flow_name: str
    schedules: tuple[ScheduleInfo, ...] = ()
    paused: bool = False
    work_pool_name: str | None = None
    parameter_schema: dict[str, Any] = field(default_factory=dict)
    parameter_checks: dict[str, Any] = field(default_factory=dict)
    """`parameter_schema` as the server checks run parameters (`schema_checks`)."""
    parameters: dict[str, Any] = field(default_factory=dict)
    description: str | None = None
    tags: tuple[str, ...] = ()
    entrypoint: str | None = None
    status: str | None = None  # READY / NOT_READY

    @property
    def full_name(self) -> str:
        return f"{self.flow_name}/{self.name}"


@dataclass(frozen=True)
class LogLine:
    id: str
    timestamp: datetime
    level: int
    message: str
    name: str = ""
    flow_run_id: str | None = None
    task_run_id: str | None = None

    @property
    def level_name(self) -> str:
        import logging

        return logging.getLevelName(self.level)


@dataclass(frozen=True)
class PauseInfo:
    """What a paused run is waiting for: the form schema and the description."""

    run_id: str
    description: str | None
    schema: dict[str, Any] | None
    timeout_at: datetime | None
    suspended: bool
    checks: dict[str, Any] = field(default_factory=dict)
    """`schema` as the server checks resume input (`schema_checks`)."""

    @property
    def wants_input(self) -> bool:
        return bool(self.schema and self.schema.get("properties"))


@dataclass(frozen=True)
class RunEvent:
    """A flow run changed state (from the event stream or the polling fallback)."""

    id: str
    occurred: datetime
    run_id: str
    state_type: str
    state_name: str
    source: str = "events"  # events | poll
    run: RunInfo | None = None


@dataclass(frozen=True)
class DeploymentEvent:
    """A deployment was created, updated, deleted or became (not) ready.

    Prefect 3 emits `prefect.deployment.created|updated|deleted|ready|not-ready`:
    the runner registering a flow file shows as `created`/`updated` within
    milliseconds, so the deployments table needs no timer.
    """

    id: str
    occurred: datetime
    deployment_id: str
    kind: str  # created | updated | deleted | ready | not-ready


@dataclass(frozen=True)
class WorkPoolInfo:
    name: str
    type: str
    paused: bool
    status: str | None
    workers: tuple[tuple[str, datetime | None], ...] = ()
    queue_depth: int = 0


class RunFilter:
    """What the runs table or `flowdesk list` asks for. Plain data, reusable.

    The client turns it into Prefect's filter models (`client.prefect_filter`),
    so front ends build filters without importing Prefect.
    """

    def __init__(
        self,
        states: Iterable[str] = (),
        flow_names: Iterable[str] = (),
        deployment_ids: Iterable[str] = (),
        text: str = "",
        started_after: datetime | None = None,
        started_before: datetime | None = None,
        run_ids: Iterable[str] = (),
        tags: Iterable[str] = (),
        ended_after: datetime | None = None,
    ) -> None:
        self.states = [s.upper() for s in states]
        self.flow_names = list(flow_names)
        self.deployment_ids = list(deployment_ids)
        self.text = text.strip()
        self.started_after = started_after
        self.started_before = started_before
        self.run_ids = list(run_ids)
        self.tags = list(tags)
        self.ended_after = ended_after
        """Runs whose end time is after this (failures since the app last looked)."""
