"""Concurrency limits: global (v2) and tag limits, and the runs they hold up.

Part of the client facade (`FlowdeskClient` inherits `Limits`). Prefect 3
stores a tag limit as a global limit named "tag:<tag>" and a deployment's
limit as "deployment:<id>"; the global list here leaves the tag ones out
(they are listed with their task-run holders by `tag_limits`).

What Prefect 3.9 shows of a wait, and what we read for it:
- a task run with a limited tag waits *before* it starts, in the process
  that runs it; the server only sees it Pending while the tag's slots are
  all held (`notices`: Pending task runs whose tag limit is full);
- a deployment run over its deployment's limit is put in Scheduled /
  "AwaitingConcurrencySlot" (its state says so; the runs table reads that);
- `concurrency("gpu:default")` on a limit that does not exist only logs
  "Concurrency limits ['gpu:default'] do not exist - skipping acquisition."
  at WARNING and runs unguarded (`notices` finds those lines).
Validation of names and numbers is in `desktop_app.services.limits`.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from desktop_app.core.api.api_errors import as_uuid
from desktop_app.core.api.errors import ConnectionFailed, FlowdeskError, Unauthorized
from desktop_app.core.api.facade_part import FacadePart, all_pages
from desktop_app.core.api.limits_models import (
    TAG_PREFIX,
    GlobalLimitInfo,
    LimitNotice,
    TagLimitInfo,
)
from desktop_app.i18n import tr_core

LIMITS_PAGE = 200
MISSING_LINE = re.compile(r"Concurrency limits (\[[^\]]*\]) do not exist")
MISSING_QUERY = '"do not exist - skipping acquisition"'


def _global(raw: Any) -> GlobalLimitInfo:
    return GlobalLimitInfo(
        name=raw.name,
        limit=raw.limit,
        active_slots=raw.active_slots,
        active=raw.active,
        slot_decay_per_second=float(raw.slot_decay_per_second or 0.0),
        id=str(raw.id),
    )


def _tag(raw: Any) -> TagLimitInfo:
    return TagLimitInfo(
        tag=raw.tag,
        limit=raw.concurrency_limit,
        active_slots=tuple(str(s) for s in raw.active_slots),
        id=str(raw.id),
    )


def missing_names(message: str) -> list[str]:
    """The limit names in Prefect's "Concurrency limits [...] do not exist" line."""
    found = MISSING_LINE.search(message)
    if not found:
        return []
    try:
        names = ast.literal_eval(found.group(1))
    except (ValueError, SyntaxError):
        return []
    return [str(n) for n in names] if isinstance(names, (list, tuple)) else []


class Limits(FacadePart):
    """Concurrency-limit operations on top of the facade's `_prefect` and `_call`."""

    # -- reading ---------------------------------------------------------------------
    async def global_limits(self) -> list[GlobalLimitInfo]:
        """Global limits (deployment limits included, tag limits left out), by name."""
        page = await self._every_limit(self._prefect.read_global_concurrency_limits)
        found = [_global(r) for r in page if not r.name.startswith(TAG_PREFIX)]
        return sorted(found, key=lambda g: g.name)

    async def tag_limits(self) -> list[TagLimitInfo]:
        page = await self._every_limit(self._prefect.read_concurrency_limits)
        return sorted((_tag(r) for r in page), key=lambda t: t.tag)

    async def _every_limit(self, read_page: Callable[..., Awaitable[list[Any]]]) -> list[Any]:
        """All pages of one of Prefect's limit lists (global or tag)."""
        return await all_pages(
            lambda offset: self._call(
                read_page(limit=LIMITS_PAGE, offset=offset), tr_core("Concurrency limits")
            ),
            LIMITS_PAGE,
        )

    async def read_global_limit(self, name: str) -> GlobalLimitInfo:
        raw = await self._call(
            self._prefect.read_global_concurrency_limit_by_name(name), _global_what(name)
        )
        return _global(raw)

    async def read_tag_limit(self, tag: str) -> TagLimitInfo:
        raw = await self._call(self._prefect.read_concurrency_limit_by_tag(tag), _tag_what(tag))
        return _tag(raw)

    # -- changing --------------------------------------------------------------------
    async def create_global_limit(
        self, name: str, limit: int, *, slot_decay_per_second: float = 0.0, active: bool = True
    ) -> GlobalLimitInfo:
        from prefect.client.schemas.actions import GlobalConcurrencyLimitCreate

        action = _action(
            GlobalConcurrencyLimitCreate,
            name=name,
            limit=limit,
            active=active,
            slot_decay_per_second=slot_decay_per_second,
        )
        await self._call(self._prefect.create_global_concurrency_limit(action), _global_what(name))
        return await self.read_global_limit(name)

    async def update_global_limit(self, name: str, **changes: Any) -> GlobalLimitInfo:
        """Change `limit`, `active`, `slot_decay_per_second` or `active_slots` (0 = reset)."""
        from prefect.client.schemas.actions import GlobalConcurrencyLimitUpdate

        action = _action(GlobalConcurrencyLimitUpdate, **changes)
        await self._call(
            self._prefect.update_global_concurrency_limit(name, action), _global_what(name)
        )
        return await self.read_global_limit(name)

    async def delete_global_limit(self, name: str) -> None:
        await self._call(
            self._prefect.delete_global_concurrency_limit_by_name(name), _global_what(name)
        )

    async def set_tag_limit(self, tag: str, limit: int) -> TagLimitInfo:
        """Create the tag's limit, or change it (Prefect's create is an upsert on the tag)."""
        await self._call(self._prefect.create_concurrency_limit(tag, limit), _tag_what(tag))
        return await self.read_tag_limit(tag)

    async def reset_tag_limit(self, tag: str) -> TagLimitInfo:
        """Release every slot of the tag (task runs that still run keep running).

        Prefect 3.9's tag reset revokes the holders' leases but leaves the
        count of the "tag:<tag>" limit behind it as it was, so waiting task
        runs would still be refused: the count is zeroed here as well.
        """
        from prefect.client.schemas.actions import GlobalConcurrencyLimitUpdate

        await self._call(self._prefect.reset_concurrency_limit_by_tag(tag), _tag_what(tag))
        await self._call(
            self._prefect.update_global_concurrency_limit(
                TAG_PREFIX + tag, GlobalConcurrencyLimitUpdate(active_slots=0)
            ),
            _tag_what(tag),
        )
        return await self.read_tag_limit(tag)

    async def delete_tag_limit(self, tag: str) -> None:
        await self._call(self._prefect.delete_concurrency_limit_by_tag(tag), _tag_what(tag))

    # -- runs held up ------------------------------------------------------------------
    async def limit_notices(self, flow_run_ids: Sequence[str]) -> dict[str, LimitNotice]:
        """For each of these flow runs that waits on a limit, or asked for one that does not
        exist: why. Three requests at most, whatever the number of runs."""
        ids = [as_uuid(i) for i in dict.fromkeys(flow_run_ids) if i]
        if not ids:
            return {}
        waiting = await self._waiting_tasks(ids)
        missing = await self._missing_limits(ids)
        notices: dict[str, LimitNotice] = {}
        for run_id in set(waiting) | set(missing):
            tags, tasks = waiting.get(run_id, ((), ()))
            notices[run_id] = LimitNotice(
                waiting_for=tuple(tags), missing=tuple(missing.get(run_id, ())), task_runs=tasks
            )
        return notices

    async def _waiting_tasks(
        self, ids: list[Any]
    ) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
        full = {t.tag: t for t in await self.tag_limits() if t.full}
        if not full:
            return {}
        from prefect.client.schemas import filters as f

        task_runs = await self._call(
            self._prefect.read_task_runs(
                task_run_filter=f.TaskRunFilter(
                    flow_run_id=f.TaskRunFilterFlowRunId(any_=ids),
                    state=f.TaskRunFilterState(
                        type=f.TaskRunFilterStateType(any_=["PENDING"])  # type: ignore[list-item]
                    ),
                ),
                limit=LIMITS_PAGE,
            ),
            tr_core("Task runs"),
        )
        found: dict[str, tuple[list[str], list[str]]] = {}
        for task in task_runs:
            tags = [t for t in task.tags if t in full and str(task.id) not in full[t].active_slots]
            if tags and task.flow_run_id:
                run_tags, names = found.setdefault(str(task.flow_run_id), ([], []))
                run_tags.extend(t for t in tags if t not in run_tags)
                names.append(task.name)
        return {k: (tuple(v[0]), tuple(v[1])) for k, v in found.items()}

    async def _missing_limits(self, ids: list[Any]) -> dict[str, list[str]]:
        if getattr(self, "_no_log_search", False):
            return {}
        try:
            lines = await self._read_missing_lines(ids)
        except (ConnectionFailed, Unauthorized):
            raise
        except FlowdeskError:
            # An older server without log text search answers 422: stop
            # asking this one rather than fail every few seconds; waits still show.
            self._no_log_search = True
            return {}
        asked: dict[str, list[str]] = {}
        for line in lines:
            for name in missing_names(line.message):
                names = asked.setdefault(str(line.flow_run_id), [])
                if name not in names:
                    names.append(name)
        if not asked:
            return {}
        existing = {g.name for g in await self.global_limits()}
        existing |= {TAG_PREFIX + t.tag for t in await self.tag_limits()}
        still = {run: [n for n in names if n not in existing] for run, names in asked.items()}
        return {run: names for run, names in still.items() if names}

    async def _read_missing_lines(self, ids: list[Any]) -> list[Any]:
        from prefect.client.schemas import filters as f
        from prefect.client.schemas.sorting import LogSort

        return await self._call(
            self._prefect.read_logs(
                log_filter=f.LogFilter(
                    flow_run_id=f.LogFilterFlowRunId(any_=ids),
                    level=f.LogFilterLevel(ge_=30),
                    text=f.LogFilterTextSearch(query=MISSING_QUERY),
                ),
                limit=LIMITS_PAGE,
                sort=LogSort.TIMESTAMP_DESC,
            ),
            tr_core("Logs"),
        )


def _action(model: Any, **values: Any) -> Any:
    """Prefect's action model, its refusal as one sentence (never a pydantic dump)."""
    try:
        return model(**values)
    except ValueError as exc:
        errors = getattr(exc, "errors", None)
        text = str(exc).splitlines()[0]
        if callable(errors):
            first = errors()[0]
            where = ".".join(str(p) for p in first.get("loc", ()))
            text = f"{where}: {first.get('msg', text)}"
        raise FlowdeskError(
            tr_core("Prefect refused the limit: {reason}").format(reason=text)
        ) from None


def _global_what(name: str) -> str:
    return tr_core("Concurrency limit '{name}'").format(name=name)


def _tag_what(tag: str) -> str:
    return tr_core("The limit of tag '{tag}'").format(tag=tag)
