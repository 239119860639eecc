"""The one door to Prefect for the GUI and the CLI.

Async only: the GUI runs it on the qasync loop, the CLI under `asyncio.run`.
The Prefect client is built with an explicit URL and auth, never from
ambient settings -- `get_client()` without an API URL silently starts a
temporary server, which must never happen here.

Front ends do not call this directly for run operations: `desktop_app.services`
does, and adds the audit entry and the words. Every HTTP failure that reaches
a caller is logged here (logger `desktop_app.core.api.client`, record attribute
`http_status`), so none of our own requests fails silently.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from typing import Any
from uuid import UUID

from prefect.client.orchestration import PrefectClient
from prefect.client.schemas import filters as f
from prefect.client.schemas.sorting import FlowRunSort, LogSort

from desktop_app.core.api import convert, run_json
from desktop_app.core.api.api_errors import as_uuid, translate
from desktop_app.core.api.artifacts import ArtifactReads
from desktop_app.core.api.connection import Connection
from desktop_app.core.api.errors import AmbiguousId, NotFound
from desktop_app.core.api.limits import Limits
from desktop_app.core.api.models import (
    DeploymentInfo,
    LogLine,
    RunFilter,
    RunInfo,
    StateInfo,
    TaskRunInfo,
    WorkPoolInfo,
)
from desktop_app.core.api.prefect_filters import (
    SORTS,
    dump,
    prefect_filter,
    warm_up,
)
from desktop_app.core.api.run_control import SUSPEND_TIMEOUT, RunControl
from desktop_app.core.api.schedules import Schedules
from desktop_app.core.api.task_runs import TaskRunReads
from desktop_app.core.api.variables import Variables
from desktop_app.i18n import tr_core

PAGE = 200
"""The server's largest page (`limit` above it is answered 422)."""

__all__ = [
    "PAGE",
    "SORTS",
    "SUSPEND_TIMEOUT",
    "FlowdeskClient",
    "RunFilter",
    "prefect_filter",
    "warm_up",
]


class FlowdeskClient(RunControl, Variables, Limits, Schedules, ArtifactReads, TaskRunReads):
    """Typed async operations on one Prefect server.

    Reading here; changing a run's state in `RunControl` (run_control.py);
    filters and the page parse in prefect_filters.py; errors in api_errors.py.
    """

    def __init__(self, connection: Connection, timeout: float = 15.0) -> None:
        self.connection = connection
        self._prefect = PrefectClient(
            connection.api_url,
            auth_string=connection.auth_string,
            api_key=connection.api_key,
            httpx_settings={"timeout": timeout},
        )
        self._flow_names: dict[str, str] = {}
        self._deployment_names: dict[str, str] = {}
        self._open = False

    @property
    def prefect(self) -> PrefectClient:
        """The underlying client, for the event stream and tests."""
        return self._prefect

    async def __aenter__(self) -> FlowdeskClient:
        await self.open()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def open(self) -> None:
        if not self._open:
            await self._prefect.__aenter__()
            self._open = True

    async def close(self) -> None:
        if self._open:
            self._open = False
            await self._prefect.__aexit__(None, None, None)

    async def _call(self, coro: Any, what: str = "") -> Any:
        try:
            return await coro
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            raise translate(exc, what) from exc

    # -- server ----------------------------------------------------------------
    async def check(self) -> str:
        """Raise a clear error unless the server answers an authenticated call.

        Returns the server's version.
        """
        try:
            response = await self._prefect._client.get("/admin/version")
            response.raise_for_status()
            return str(response.json())
        except Exception as exc:
            raise translate(exc) from exc

    # -- names -----------------------------------------------------------------
    async def _fill_names(
        self, flow_ids: Iterable[str] = (), deployment_ids: Iterable[str] = ()
    ) -> None:
        """Look up flow and deployment names not known yet (one request each)."""
        await self._lookup(
            self._flow_names,
            flow_ids,
            lambda ids: self._prefect.read_flows(
                flow_filter=f.FlowFilter(id=f.FlowFilterId(any_=ids))
            ),
        )
        await self._lookup(
            self._deployment_names,
            deployment_ids,
            lambda ids: self._prefect.read_deployments(
                deployment_filter=f.DeploymentFilter(id=f.DeploymentFilterId(any_=ids))
            ),
        )

    async def _lookup(
        self, known: dict[str, str], ids: Iterable[str], read: Callable[[list[UUID]], Any]
    ) -> None:
        """Names of `ids` not in `known`; an id the server no longer has is remembered as ""
        so it is not asked for again on every page."""
        missing = {i for i in ids if i} - known.keys()
        if missing:
            found = await self._call(read([UUID(i) for i in missing]))
            known.update(dict.fromkeys(missing, ""))
            known.update({str(item.id): item.name for item in found})

    async def _run_infos(self, raw: Sequence[Any]) -> list[RunInfo]:
        await self._fill_names(
            (str(r.flow_id) for r in raw),
            (str(r.deployment_id) for r in raw if r.deployment_id),
        )
        flows, deployments = dict(self._flow_names), dict(self._deployment_names)
        return [convert.run_info(r, flows, deployments) for r in raw]

    # -- runs ------------------------------------------------------------------
    async def list_runs(
        self,
        run_filter: RunFilter | None = None,
        *,
        limit: int = PAGE,
        offset: int = 0,
        sort: str = "expected_desc",
    ) -> list[RunInfo]:
        """One page of runs (at most `PAGE`).

        The JSON → `RunInfo` work runs in a worker thread, straight from the
        JSON (`run_json`): through Prefect's models 200 runs took 60-150 ms
        of CPU, a visible stall on the GUI loop and seconds for 10,000 runs.
        """
        kwargs = prefect_filter(run_filter)
        body = {
            "flows": dump(kwargs.get("flow_filter")),
            "flow_runs": dump(kwargs.get("flow_run_filter"), exclude_unset=True),
            "sort": SORTS[sort],
            "limit": min(limit, PAGE),
            "offset": offset,
        }
        response = await self._call(
            self._prefect.request("POST", "/flow_runs/filter", json=body)
        )
        raw = await asyncio.to_thread(json.loads, response.content)
        await self._fill_names(
            (str(r["flow_id"]) for r in raw),
            (str(r["deployment_id"]) for r in raw if r.get("deployment_id")),
        )
        flows, deployments = dict(self._flow_names), dict(self._deployment_names)
        return await asyncio.to_thread(run_json.run_infos, raw, flows, deployments)

    async def list_all_runs(
        self,
        run_filter: RunFilter | None = None,
        *,
        sort: str = "expected_desc",
        most: int = 5000,
    ) -> list[RunInfo]:
        """Every run the filter matches, page by page (at most `most`)."""
        runs: list[RunInfo] = []
        while len(runs) < most:
            want = min(PAGE, most - len(runs))
            page = await self.list_runs(run_filter, limit=want, offset=len(runs), sort=sort)
            runs += page
            if len(page) < want:
                break
        return runs

    async def count_runs(self, run_filter: RunFilter | None = None) -> int:
        kwargs = prefect_filter(run_filter)
        return int(await self._call(self._prefect.count_flow_runs(**kwargs)))

    async def read_run(self, run_id: str) -> RunInfo:
        raw = await self._call(
            self._prefect.read_flow_run(as_uuid(run_id)),
            tr_core("Run {id}").format(id=run_id),
        )
        return (await self._run_infos([raw]))[0]

    async def resolve_run_id(self, prefix: str, scan_limit: int = 5000) -> str:
        """A full run id from a unique prefix (as typed on the command line)."""
        prefix = prefix.strip().lower()
        if not prefix:
            raise NotFound(tr_core("Give a run id (or the first characters of one)."))
        try:
            return str(UUID(prefix))
        except ValueError:
            pass
        matches: list[str] = []
        offset, page = 0, 200
        while offset < scan_limit:
            raw = await self._call(
                self._prefect.read_flow_runs(
                    sort=FlowRunSort.EXPECTED_START_TIME_DESC, limit=page, offset=offset
                )
            )
            matches += [str(r.id) for r in raw if str(r.id).startswith(prefix)]
            if len(raw) < page:
                break
            offset += page
        if not matches:
            raise NotFound(tr_core("No run id starts with '{prefix}'.").format(prefix=prefix))
        if len(matches) > 1:
            shown = ", ".join(m[:12] for m in matches[:5])
            raise AmbiguousId(
                tr_core("'{prefix}' matches {count} runs ({shown}…): type more of it.").format(
                    prefix=prefix, count=len(matches), shown=shown
                )
            )
        return matches[0]

    async def state_history(self, run_id: str) -> list[StateInfo]:
        states = await self._call(self._prefect.read_flow_run_states(as_uuid(run_id)), "Run")
        return [convert.state_info(s) for s in sorted(states, key=lambda s: s.timestamp)]

    async def task_runs(self, run_id: str) -> list[TaskRunInfo]:
        raw: list[Any] = []
        run_filter = f.FlowRunFilter(id=f.FlowRunFilterId(any_=[as_uuid(run_id)]))
        while len(raw) < 5000:  # a loop of thousands of tasks: enough for a timeline
            page = await self._call(
                self._prefect.read_task_runs(flow_run_filter=run_filter, limit=200, offset=len(raw))
            )
            raw += page
            if len(page) < 200:
                break
        runs = [convert.task_run_info(t) for t in raw]
        return sorted(runs, key=lambda t: (t.start_time is None, t.start_time or datetime.max))

    async def run_result(self, run_id: str) -> Any:
        """The run's result when it can be read here (persisted or in the state)."""
        raw = await self._call(self._prefect.read_flow_run(as_uuid(run_id)), "Run")
        return await self._state_result(raw.state)

    # -- actions ---------------------------------------------------------------
    async def run_deployment(
        self,
        deployment_id: str,
        parameters: dict[str, Any] | None = None,
        tags: Sequence[str] = (),
    ) -> RunInfo:
        raw = await self._call(
            self._prefect.create_flow_run_from_deployment(
                as_uuid(deployment_id), parameters=parameters or {}, tags=list(tags) or None
            ),
            "Deployment",
        )
        return (await self._run_infos([raw]))[0]

    # -- logs ------------------------------------------------------------------
    async def logs(
        self,
        run_id: str,
        *,
        min_level: int = 0,
        limit: int = 200,
        offset: int = 0,
        after: datetime | None = None,
        text: str = "",
    ) -> list[LogLine]:
        log_filter: dict[str, Any] = {
            "flow_run_id": f.LogFilterFlowRunId(any_=[as_uuid(run_id)]),
        }
        if min_level:
            log_filter["level"] = f.LogFilterLevel(ge_=min_level)
        if after is not None:
            log_filter["timestamp"] = f.LogFilterTimestamp(after_=after)
        if text:
            log_filter["text"] = f.LogFilterTextSearch(query=text)
        raw = await self._call(
            self._prefect.read_logs(
                log_filter=f.LogFilter(**log_filter),
                sort=LogSort.TIMESTAMP_ASC,
                limit=limit,
                offset=offset,
            )
        )
        return [convert.log_line(entry) for entry in raw]

    # -- deployments -----------------------------------------------------------
    async def list_deployments(self) -> list[DeploymentInfo]:
        raw: list[Any] = []
        while True:
            page = await self._call(self._prefect.read_deployments(limit=200, offset=len(raw)))
            raw += page
            if len(page) < 200:
                break
        await self._fill_names(str(d.flow_id) for d in raw)
        self._deployment_names.update({str(d.id): d.name for d in raw})
        deployments = [convert.deployment_info(d, self._flow_names) for d in raw]
        return sorted(deployments, key=lambda d: d.full_name)

    async def resolve_deployment(self, name: str) -> DeploymentInfo:
        """A deployment by `flow/deployment`, by a unique flow name, or by id."""
        deployments = await self.list_deployments()
        exact = [d for d in deployments if name in (d.full_name, d.id)]
        if exact:
            return exact[0]
        by_flow = [d for d in deployments if d.flow_name == name or d.name == name]
        if len(by_flow) == 1:
            return by_flow[0]
        if len(by_flow) > 1:
            options = ", ".join(d.full_name for d in by_flow)
            raise AmbiguousId(
                tr_core("'{name}' matches several deployments: {options}.").format(
                    name=name, options=options
                )
            )
        known = ", ".join(d.full_name for d in deployments) or "none"
        raise NotFound(
            tr_core("No deployment '{name}'. Known deployments: {known}.").format(
                name=name, known=known
            )
        )

    async def next_runs(self, deployment_id: str, limit: int = 1) -> list[RunInfo]:
        return await self.list_runs(
            RunFilter(states=["SCHEDULED"], deployment_ids=[deployment_id]),
            limit=limit,
            sort="expected_desc",
        )

    async def set_schedule_active(self, deployment_id: str, active: bool) -> None:
        if active:
            await self._call(self._prefect.resume_deployment(as_uuid(deployment_id)), "Deployment")
        else:
            await self._call(self._prefect.pause_deployment(as_uuid(deployment_id)), "Deployment")

    # -- work pools ------------------------------------------------------------
    async def work_pools(self) -> list[WorkPoolInfo]:
        pools = await self._call(self._prefect.read_work_pools())
        result = []
        for pool in pools:
            workers = await self._call(self._prefect.read_workers_for_work_pool(pool.name))
            depth = await self._call(
                self._prefect.count_flow_runs(
                    flow_run_filter=prefect_filter(RunFilter(states=["SCHEDULED", "PENDING"]))[
                        "flow_run_filter"
                    ],
                    work_pool_filter=f.WorkPoolFilter(name=f.WorkPoolFilterName(any_=[pool.name])),
                )
            )
            status = getattr(pool.status, "value", pool.status)
            result.append(
                WorkPoolInfo(
                    name=pool.name,
                    type=pool.type,
                    paused=bool(pool.is_paused),
                    status=str(status) if status else None,
                    workers=tuple((w.name, w.last_heartbeat_time) for w in workers),
                    queue_depth=depth,
                )
            )
        return result
