"""The one door to Prefect for the GUI and the CLI.

Async only: the GUI runs it on the qasync loop, the CLI under `asyncio.run`.
The Prefect client is built with an explicit URL and auth, never from
ambient settings -- `get_client()` without an API URL silently starts a
temporary server, which must never happen here.

Front ends do not call this directly for run operations: `desktop_app.services`
does, and adds the audit entry and the words. Every HTTP failure that reaches
a caller is logged here (logger `desktop_app.core.client`, record attribute
`http_status`), so none of our own requests fails silently.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta, timezone
from typing import Any
from uuid import UUID

import httpx
from prefect.client.orchestration import PrefectClient
from prefect.client.schemas import filters as f
from prefect.client.schemas.objects import StateType
from prefect.client.schemas.sorting import FlowRunSort, LogSort
from prefect.exceptions import ObjectNotFound, PrefectHTTPStatusError
from prefect.states import Cancelled, Cancelling, Paused, Scheduled, Suspended

from desktop_app.constants import DESCRIPTION_INPUT_KEY, PAUSE_REQUEST_TAG
from desktop_app.core import convert
from desktop_app.core.connection import Connection
from desktop_app.core.errors import (
    AmbiguousId,
    ConnectionFailed,
    FlowdeskError,
    InputRejected,
    InvalidState,
    NotFound,
    Unauthorized,
)
from desktop_app.core.models import (
    DeploymentInfo,
    LogLine,
    PauseInfo,
    RunFilter,
    RunInfo,
    StateInfo,
    TaskRunInfo,
    WorkPoolInfo,
)
from desktop_app.i18n import state_word, tr_core

SORTS = {
    "expected_desc": FlowRunSort.EXPECTED_START_TIME_DESC,
    "start_desc": FlowRunSort.START_TIME_DESC,
    "start_asc": FlowRunSort.START_TIME_ASC,
    "name_asc": FlowRunSort.NAME_ASC,
    "end_desc": FlowRunSort.END_TIME_DESC,
}
SUSPEND_TIMEOUT = 7 * 24 * 3600
PAGE = 200
"""The server's largest page (`limit` above it is answered 422)."""

log = logging.getLogger(__name__)

__all__ = ["SORTS", "FlowdeskClient", "RunFilter", "prefect_filter"]


def _uuid(value: str | UUID) -> UUID:
    try:
        return value if isinstance(value, UUID) else UUID(str(value))
    except ValueError:
        raise NotFound(tr_core("'{value}' is not a run id.").format(value=value)) from None


def _not_found(what: str) -> NotFound:
    if what:
        return NotFound(tr_core("{what} was not found on the server.").format(what=what))
    return NotFound(tr_core("That object was not found on the server."))


def _translate(exc: BaseException, what: str = "") -> FlowdeskError:
    """Prefect/httpx exceptions → one clear sentence."""
    if isinstance(exc, FlowdeskError):
        return exc
    if isinstance(exc, ObjectNotFound):
        response = getattr(exc.http_exc, "response", None)
        if isinstance(response, httpx.Response):
            _log_http_failure(response)
        return _not_found(what)
    if isinstance(exc, (PrefectHTTPStatusError, httpx.HTTPStatusError)):
        code = exc.response.status_code
        _log_http_failure(exc.response)
        if code == 401:
            return Unauthorized(
                tr_core("The server refused our credentials (401): check the auth string.")
            )
        if code == 403:
            return Unauthorized(
                tr_core("The server refused the request (403): check the auth string.")
            )
        if code == 404:
            return _not_found(what)
        try:
            detail = exc.response.json().get("detail")
        except Exception:
            detail = exc.response.text[:200]
        return FlowdeskError(
            tr_core("The server answered {code}: {detail}").format(code=code, detail=detail)
        )
    if isinstance(exc, (httpx.ConnectError, httpx.ConnectTimeout, ConnectionError)):
        text = tr_core("Cannot reach the Prefect server: {error}")
        return ConnectionFailed(text.format(error=exc))
    if isinstance(exc, httpx.TimeoutException):
        return ConnectionFailed(tr_core("The Prefect server did not answer in time."))
    return FlowdeskError(f"{type(exc).__name__}: {exc}")


def _log_http_failure(response: httpx.Response) -> None:
    """Say in the log which of our requests failed and why (never silently)."""
    request = response.request
    try:
        detail = response.json().get("detail")
    except Exception:
        detail = response.text[:200]
    code = response.status_code
    # A missing object is an ordinary answer (a run deleted elsewhere); the rest is not.
    level = logging.INFO if code == 404 else logging.WARNING
    log.log(
        level,
        "HTTP %s on %s %s: %s",
        code,
        request.method,
        request.url.path,
        str(detail)[:300],
        extra={"http_status": code, "http_path": request.url.path},
    )


def prefect_filter(run_filter: RunFilter | None) -> dict[str, Any]:
    """Keyword arguments for Prefect's `read_flow_runs`/`count_flow_runs`."""
    wanted = run_filter or RunFilter()
    run_filter_args: dict[str, Any] = {}
    if wanted.states:
        run_filter_args["state"] = f.FlowRunFilterState(
            type=f.FlowRunFilterStateType(any_=[StateType(s) for s in wanted.states])
        )
    if wanted.deployment_ids:
        run_filter_args["deployment_id"] = f.FlowRunFilterDeploymentId(
            any_=[_uuid(d) for d in wanted.deployment_ids]
        )
    if wanted.text:
        run_filter_args["name"] = f.FlowRunFilterName(like_=wanted.text)
    if wanted.started_after or wanted.started_before:
        run_filter_args["expected_start_time"] = f.FlowRunFilterExpectedStartTime(
            after_=wanted.started_after, before_=wanted.started_before
        )
    if wanted.run_ids:
        run_filter_args["id"] = f.FlowRunFilterId(any_=[_uuid(r) for r in wanted.run_ids])
    if wanted.tags:
        run_filter_args["tags"] = f.FlowRunFilterTags(all_=wanted.tags)
    kwargs: dict[str, Any] = {}
    if run_filter_args:
        kwargs["flow_run_filter"] = f.FlowRunFilter(**run_filter_args)
    if wanted.flow_names:
        kwargs["flow_filter"] = f.FlowFilter(name=f.FlowFilterName(any_=wanted.flow_names))
    return kwargs


def _dump(model: Any, **options: Any) -> Any:
    return model.model_dump(mode="json", **options) if model is not None else None


def _parse_runs(content: bytes) -> list[Any]:
    from prefect.client.schemas.objects import FlowRun

    return FlowRun.model_validate_list(json.loads(content))


def warm_up() -> None:
    """Build the pydantic models the client will parse (call from a worker thread).

    Prefect builds many models lazily, on their first validation: done on the
    GUI loop, that first read stalled it for ~0.1 s.
    """
    from prefect.client.schemas import filters, objects, responses

    for model in (
        objects.FlowRun,
        objects.State,
        objects.Flow,
        objects.TaskRun,
        objects.Log,
        objects.FlowRunInput,
        objects.WorkPool,
        objects.Worker,
        objects.CsrfToken,
        responses.DeploymentResponse,
        responses.OrchestrationResult,
        filters.FlowRunFilter,
        filters.FlowFilter,
        filters.DeploymentFilter,
        filters.LogFilter,
    ):
        if not model.__pydantic_complete__:
            model.model_rebuild()
    # Schedules validate time zones against a cached scan of ~600 tz files.
    from prefect.types._datetime import get_timezones

    get_timezones()
    import pytz  # Prefect's interval schedules check names against this lazy set

    len(pytz.all_timezones_set)


class FlowdeskClient:
    """Typed async operations on one Prefect server."""

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
            raise _translate(exc, what) from exc

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
            raise _translate(exc) from exc

    # -- names -----------------------------------------------------------------
    async def _fill_names(
        self, flow_ids: Iterable[str] = (), deployment_ids: Iterable[str] = ()
    ) -> None:
        """Look up flow and deployment names not known yet (one request each).

        An id the server no longer has is remembered as "" so it is not asked
        for again on every page.
        """
        missing_flows = {i for i in flow_ids if i} - self._flow_names.keys()
        if missing_flows:
            flows = await self._call(
                self._prefect.read_flows(
                    flow_filter=f.FlowFilter(
                        id=f.FlowFilterId(any_=[UUID(i) for i in missing_flows])
                    )
                )
            )
            self._flow_names.update(dict.fromkeys(missing_flows, ""))
            self._flow_names.update({str(fl.id): fl.name for fl in flows})
        missing_deps = {i for i in deployment_ids if i} - self._deployment_names.keys()
        if missing_deps:
            deps = await self._call(
                self._prefect.read_deployments(
                    deployment_filter=f.DeploymentFilter(
                        id=f.DeploymentFilterId(any_=[UUID(i) for i in missing_deps])
                    )
                )
            )
            self._deployment_names.update(dict.fromkeys(missing_deps, ""))
            self._deployment_names.update({str(d.id): d.name for d in deps})

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

        The JSON → Prefect model → `RunInfo` work runs in a worker thread: for
        200 runs it takes 60-150 ms (mostly date conversions), a visible stall
        if done on the GUI loop.
        """
        kwargs = prefect_filter(run_filter)
        body = {
            "flows": _dump(kwargs.get("flow_filter")),
            "flow_runs": _dump(kwargs.get("flow_run_filter"), exclude_unset=True),
            "sort": SORTS[sort],
            "limit": min(limit, PAGE),
            "offset": offset,
        }
        response = await self._call(
            self._prefect.request("POST", "/flow_runs/filter", json=body)
        )
        raw = await asyncio.to_thread(_parse_runs, response.content)
        await self._fill_names(
            (str(r.flow_id) for r in raw),
            (str(r.deployment_id) for r in raw if r.deployment_id),
        )
        flows, deployments = dict(self._flow_names), dict(self._deployment_names)
        return await asyncio.to_thread(
            lambda: [convert.run_info(r, flows, deployments) for r in raw]
        )

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
            self._prefect.read_flow_run(_uuid(run_id)),
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
        states = await self._call(self._prefect.read_flow_run_states(_uuid(run_id)), "Run")
        return [convert.state_info(s) for s in sorted(states, key=lambda s: s.timestamp)]

    async def task_runs(self, run_id: str) -> list[TaskRunInfo]:
        raw: list[Any] = []
        run_filter = f.FlowRunFilter(id=f.FlowRunFilterId(any_=[_uuid(run_id)]))
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
        raw = await self._call(self._prefect.read_flow_run(_uuid(run_id)), "Run")
        if raw.state is None:
            return None
        try:
            return await raw.state.aresult(raise_on_failure=False)  # type: ignore[union-attr]
        except Exception as exc:
            return exc

    # -- actions ---------------------------------------------------------------
    async def run_deployment(
        self,
        deployment_id: str,
        parameters: dict[str, Any] | None = None,
        tags: Sequence[str] = (),
    ) -> RunInfo:
        raw = await self._call(
            self._prefect.create_flow_run_from_deployment(
                _uuid(deployment_id), parameters=parameters or {}, tags=list(tags) or None
            ),
            "Deployment",
        )
        return (await self._run_infos([raw]))[0]

    async def _set_tags(self, run_id: str, add: str | None = None, remove: str | None = None):
        run = await self._call(self._prefect.read_flow_run(_uuid(run_id)), "Run")
        tags = [t for t in (run.tags or []) if t != remove]
        if add and add not in tags:
            tags.append(add)
        await self._call(self._prefect.update_flow_run(run.id, tags=tags))
        return run

    async def request_pause(self, run_id: str) -> RunInfo:
        """Ask a running run to pause at its next `checkpoint()`.

        Prefect cannot stop a flow from outside; the flow honours the request
        itself, so until it does the run is shown as "pause requested".
        """
        run = await self.read_run(run_id)
        if run.state.type not in ("RUNNING", "PENDING", "SCHEDULED"):
            raise InvalidState(
                tr_core("Run '{name}' is {state}; only a running run can pause.").format(
                    name=run.name, state=state_word(run.state.name)
                )
            )
        await self._set_tags(run_id, add=PAUSE_REQUEST_TAG)
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
            raise InvalidState(
                tr_core("Run '{name}' is {state}; it cannot be suspended.").format(
                    name=run.name, state=state_word(run.state.name)
                )
            )
        state = Suspended(timeout_seconds=timeout, pause_key=f"flowdesk-suspend-{run.run_count}")
        result = await self._call(self._prefect.set_flow_run_state(_uuid(run_id), state))
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
            raise InvalidState(
                tr_core("Run '{name}' is {state}, not paused: nothing to resume.").format(
                    name=run.name, state=state_word(run.state.name)
                )
            )
        result = await self._call(
            self._prefect.resume_flow_run(_uuid(run_id), run_input=run_input), "Run"
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
            raise InvalidState(
                tr_core("Run '{name}' is {state}, not paused.").format(
                    name=run.name, state=state_word(run.state.name)
                )
            )
        keyset = run.state.run_input_keyset or {}
        schema = description = None
        uid = _uuid(run_id)
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
        uid = _uuid(run_id)
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
            raise InvalidState(
                tr_core("Run '{name}' is already {state}.").format(
                    name=run.name, state=state_word(run.state.name)
                )
            )
        # A live process (running, or paused in-process) is stopped by its runner
        # through Cancelling; a run with no process can be cancelled outright.
        has_process = run.state.type in ("RUNNING", "CANCELLING") or (
            run.state.is_paused and not run.state.pause_reschedule
        )
        state = Cancelling() if has_process else Cancelled()
        await self._call(self._prefect.set_flow_run_state(_uuid(run_id), state, force=True))
        return await self.read_run(run_id)

    async def retry(self, run_id: str) -> RunInfo:
        run = await self.read_run(run_id)
        if not run.state.is_final:
            raise InvalidState(
                tr_core("Run '{name}' is {state}; only finished runs retry.").format(
                    name=run.name, state=state_word(run.state.name)
                )
            )
        if not run.deployment_id:
            raise InvalidState(
                tr_core(
                    "Run '{name}' has no deployment, so nothing can start it again: "
                    "run the flow anew."
                ).format(name=run.name)
            )
        state = Scheduled(name="AwaitingRetry")
        await self._call(self._prefect.set_flow_run_state(_uuid(run_id), state, force=True))
        return await self.read_run(run_id)

    async def delete(self, run_id: str) -> None:
        await self._call(self._prefect.delete_flow_run(_uuid(run_id)), "Run")

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
            "flow_run_id": f.LogFilterFlowRunId(any_=[_uuid(run_id)]),
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
            await self._call(self._prefect.resume_deployment(_uuid(deployment_id)), "Deployment")
        else:
            await self._call(self._prefect.pause_deployment(_uuid(deployment_id)), "Deployment")

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
