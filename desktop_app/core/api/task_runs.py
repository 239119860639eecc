"""One task run in depth: its retries, where its inputs came from, states, result, logs.

Part of the client facade (`FlowdeskClient` inherits it). What Prefect 3.9
keeps about a task run's arguments is `task_inputs`: for each argument the
*sources* of its value (an upstream task's result, a flow parameter), never
the value itself; `TaskInput` says which, so the view can be honest.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from prefect.client.schemas import filters as f
from prefect.client.schemas.sorting import LogSort

from desktop_app.core.api import convert
from desktop_app.core.api.api_errors import as_uuid
from desktop_app.core.api.artifact_models import TaskInput, TaskRunDetail
from desktop_app.core.api.facade_part import FacadePart
from desktop_app.core.api.models import LogLine

if TYPE_CHECKING:
    from desktop_app.core.api.connection import Connection


def _delays(policy: Any) -> tuple[float, ...]:
    """The retry delays as a tuple of seconds (Prefect keeps a number or a list)."""
    delay = getattr(policy, "retry_delay", None)
    if delay is None:
        return ()
    if isinstance(delay, (list, tuple)):
        return tuple(float(d) for d in delay)
    return (float(delay),)


def task_inputs(raw: dict[str, list[Any]] | None) -> tuple[TaskInput, ...]:
    """Prefect's `task_inputs` → one `TaskInput` per source (or "plain" if none)."""
    found: list[TaskInput] = []
    for name, sources in (raw or {}).items():
        if not sources:
            found.append(TaskInput(name=name, kind="plain"))
            continue
        for source in sources:
            kind = str(getattr(source, "input_type", "") or "")
            if kind in ("task_run", "flow_run"):
                ref = str(source.id)
            elif kind == "parameter":
                ref = str(source.name)
            elif kind == "constant":
                ref = str(source.type)
            else:
                ref = ""
            found.append(TaskInput(name=name, kind=kind or "plain", ref=ref))
    return tuple(found)


async def read_state_result(
    state: Any, api_url: str, auth_string: str | None, api_key: str | None = None
) -> Any:
    """A state's result, Prefect's own way, with Prefect pointed at *our* server.

    Reading a persisted result asks the API for the server's default result
    storage through `get_client()` with no address: in a process without
    PREFECT_API_URL (the window, the tests) that starts a temporary Prefect
    server inside the GUI loop (seen: "Starting temporary server", then the
    shared client failing with "unknown async library"). The settings are set
    for this read only (a context variable), and never an ephemeral server.
    """
    from prefect.settings import (
        PREFECT_API_AUTH_STRING,
        PREFECT_API_KEY,
        PREFECT_API_URL,
        PREFECT_SERVER_ALLOW_EPHEMERAL_MODE,
        temporary_settings,
    )

    updates: dict[Any, Any] = {
        PREFECT_API_URL: api_url,
        PREFECT_SERVER_ALLOW_EPHEMERAL_MODE: False,
    }
    if auth_string:
        updates[PREFECT_API_AUTH_STRING] = auth_string
    if api_key:
        updates[PREFECT_API_KEY] = api_key
    with temporary_settings(updates=updates):
        return await state.aresult(raise_on_failure=False)


class TaskRunReads(FacadePart):
    """Task-run reads on top of the facade's `_call`."""

    connection: Connection

    async def task_run_detail(self, task_run_id: str) -> TaskRunDetail:
        uid = as_uuid(task_run_id)
        raw = await self._call(self._prefect.read_task_run(uid), "Task run")
        states = await self._call(self._prefect.read_task_run_states(uid), "Task run")
        policy = raw.empirical_policy
        # `retries` is what the task declared; `max_retries` is Prefect 2's field, kept at 0.
        retries = policy.retries if policy.retries is not None else policy.max_retries
        return TaskRunDetail(
            task=convert.task_run_info(raw),
            flow_run_id=str(raw.flow_run_id) if raw.flow_run_id else None,
            run_count=raw.run_count or 0,
            max_retries=int(retries or 0),
            retry_delays=_delays(policy),
            inputs=task_inputs(raw.task_inputs),
            states=tuple(convert.state_info(s) for s in sorted(states, key=lambda s: s.timestamp)),
            cache_key=raw.cache_key,
        )

    async def task_run_result(self, task_run_id: str) -> Any:
        """The task's result when it was persisted; Prefect's MissingResult otherwise."""
        raw = await self._call(self._prefect.read_task_run(as_uuid(task_run_id)), "Task run")
        return await self._state_result(raw.state)

    async def _state_result(self, state: Any) -> Any:
        """A run's or task's result; what reading it raised is returned to be shown."""
        if state is None:
            return None
        try:  # never through ambient settings: see read_state_result
            return await read_state_result(
                state,
                self.connection.api_url,
                self.connection.auth_string,
                self.connection.api_key,
            )
        except Exception as exc:
            return exc

    async def task_logs(
        self, task_run_id: str, *, limit: int = 200, offset: int = 0
    ) -> list[LogLine]:
        """One page of the task run's own log lines, oldest first."""
        raw = await self._call(
            self._prefect.read_logs(
                log_filter=f.LogFilter(
                    task_run_id=f.LogFilterTaskRunId(any_=[as_uuid(task_run_id)])
                ),
                sort=LogSort.TIMESTAMP_ASC,
                limit=limit,
                offset=offset,
            ),
            "Logs",
        )
        return [convert.log_line(entry) for entry in raw]
