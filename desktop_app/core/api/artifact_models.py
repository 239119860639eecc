"""Artifacts and task-run details as small dataclasses (no Prefect types beyond core/api).

`ArtifactInfo.data` is what the server stores, untouched: a markdown string,
a table as a JSON string (Prefect serialises tables before sending), a number
for progress, a URL for an image. Reading it into something to show is
`desktop_app.services.artifacts`' work, where malformed data becomes words.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from desktop_app.core.api.models import StateInfo, TaskRunInfo


@dataclass(frozen=True)
class ArtifactInfo:
    id: str
    key: str | None
    type: str  # "markdown", "table", "progress", "image", "result", … ("" if unset)
    description: str | None = None
    data: Any = None
    flow_run_id: str | None = None
    task_run_id: str | None = None
    created: datetime | None = None
    updated: datetime | None = None


@dataclass(frozen=True)
class TaskInput:
    """Where one task argument came from, as Prefect records it.

    Prefect 3 records the *source* of an argument, not its value: `kind` is
    "task_run" (the result of an upstream task, `ref` its id), "flow_run",
    "parameter" (a flow parameter, `ref` its name), "constant" (`ref` the
    type name), or "plain" when Prefect recorded nothing (a literal or a
    value already computed in the flow).
    """

    name: str
    kind: str
    ref: str = ""


@dataclass(frozen=True)
class TaskRunDetail:
    task: TaskRunInfo
    flow_run_id: str | None
    run_count: int
    max_retries: int
    retry_delays: tuple[float, ...] = ()
    inputs: tuple[TaskInput, ...] = ()
    states: tuple[StateInfo, ...] = ()
    cache_key: str | None = None

    @property
    def retries_used(self) -> int:
        return max(0, self.run_count - 1)
