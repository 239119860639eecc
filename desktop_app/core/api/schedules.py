"""A deployment's schedules: read, add, replace, remove, switch on and off.

Part of the client facade (`FlowdeskClient` inherits it). Uses Prefect's
per-schedule endpoints (`/deployments/{id}/schedules[/{schedule_id}]`), so a
change touches one schedule and never rewrites the others. Replacing is one
PATCH of the schedule in place: when the server refuses the new one, the old
one is still there, untouched. Validation in words happens before this, in
`desktop_app.services.schedules`; what only Prefect can check (its RRule
rules) comes back as `ScheduleRejected` with Prefect's reason in one line.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

from desktop_app.core.api.api_errors import as_uuid
from desktop_app.core.api.errors import NotFound, ScheduleRejected
from desktop_app.core.api.facade_part import FacadePart
from desktop_app.core.api.models import RunFilter, RunInfo
from desktop_app.core.api.schedule_models import ScheduleEntry, ScheduleSpec
from desktop_app.i18n import tr_core


def to_prefect(spec: ScheduleSpec) -> Any:
    """Prefect's schedule model for `spec`; `ScheduleRejected` with Prefect's reason."""
    from prefect.client.schemas.schedules import CronSchedule, IntervalSchedule, RRuleSchedule

    try:
        if spec.kind == "cron":
            return CronSchedule(cron=spec.value, timezone=spec.timezone)
        if spec.kind == "interval":
            return IntervalSchedule(
                interval=timedelta(seconds=spec.seconds), timezone=spec.timezone
            )
        return RRuleSchedule(rrule=spec.value, timezone=spec.timezone)
    except (ValueError, TypeError) as exc:
        raise ScheduleRejected(
            tr_core("Prefect refused the schedule: {reason}").format(reason=one_line(exc))
        ) from exc


def one_line(exc: BaseException) -> str:
    """Pydantic's multi-line report reduced to its reason ("Value error, …")."""
    errors = getattr(exc, "errors", None)
    if callable(errors):
        try:
            messages = [str(e.get("msg", "")) for e in errors()]
        except Exception:
            messages = []
        text = "; ".join(m.removeprefix("Value error, ") for m in messages if m)
        if text:
            return text
    return " ".join(str(exc).split()) or type(exc).__name__


def from_prefect(schedule: Any) -> ScheduleSpec:
    """Our spec of Prefect's cron / interval / RRule schedule model."""
    tz = getattr(schedule, "timezone", None)
    if getattr(schedule, "cron", None):
        return ScheduleSpec("cron", schedule.cron, tz)
    interval = getattr(schedule, "interval", None)
    if interval is not None:
        anchor = getattr(schedule, "anchor_date", None)
        return ScheduleSpec("interval", str(int(interval.total_seconds())), tz, anchor)
    return ScheduleSpec("rrule", str(getattr(schedule, "rrule", "")), tz)


def entry(deployment_id: str, raw: Any) -> ScheduleEntry:
    return ScheduleEntry(
        id=str(raw.id),
        deployment_id=deployment_id,
        spec=from_prefect(raw.schedule),
        active=bool(raw.active),
        slug=getattr(raw, "slug", None),
    )


class Schedules(FacadePart):
    """Schedule operations, on top of the facade's `_call` and `list_runs`."""

    async def list_runs(self, run_filter: RunFilter | None = None, **kwargs: Any) -> list[RunInfo]:
        raise NotImplementedError  # provided by FlowdeskClient

    async def list_schedules(self, deployment_id: str) -> list[ScheduleEntry]:
        """The deployment's schedules, oldest first (the order `schedule ls` numbers)."""
        raw = await self._call(
            self._prefect.read_deployment_schedules(as_uuid(deployment_id)), "Deployment"
        )
        ordered = sorted(raw, key=lambda s: s.created or datetime.min.replace(tzinfo=timezone.utc))
        return [entry(deployment_id, s) for s in ordered]

    async def add_schedule(
        self, deployment_id: str, spec: ScheduleSpec, active: bool = True
    ) -> ScheduleEntry:
        schedule = to_prefect(spec)
        created = await self._call(
            self._prefect.create_deployment_schedules(as_uuid(deployment_id), [(schedule, active)]),
            "Deployment",
        )
        return entry(deployment_id, created[0])

    async def _own(self, deployment_id: str, schedule_id: str) -> ScheduleEntry:
        for item in await self.list_schedules(deployment_id):
            if item.id == schedule_id:
                return item
        raise NotFound(
            tr_core(
                "Schedule {id} is no longer on this deployment: it may have been removed elsewhere."
            ).format(id=schedule_id)
        )

    async def replace_schedule(
        self, deployment_id: str, schedule_id: str, spec: ScheduleSpec
    ) -> ScheduleEntry:
        """Change one schedule in place (one PATCH: refused means unchanged)."""
        schedule = to_prefect(spec)
        await self._own(deployment_id, schedule_id)
        await self._call(
            self._prefect.update_deployment_schedule(
                as_uuid(deployment_id), as_uuid(schedule_id), schedule=schedule
            ),
            "Schedule",
        )
        return await self._own(deployment_id, schedule_id)

    async def set_schedule_entry_active(
        self, deployment_id: str, schedule_id: str, active: bool
    ) -> ScheduleEntry:
        await self._call(
            self._prefect.update_deployment_schedule(
                as_uuid(deployment_id), as_uuid(schedule_id), active=active
            ),
            "Schedule",
        )
        return await self._own(deployment_id, schedule_id)

    async def remove_schedule(self, deployment_id: str, schedule_id: str) -> None:
        await self._call(
            self._prefect.delete_deployment_schedule(as_uuid(deployment_id), as_uuid(schedule_id)),
            "Schedule",
        )

    async def upcoming_runs(self, hours: float = 24, limit: int = 50) -> list[RunInfo]:
        """Scheduled runs expected in the next `hours`, soonest first (one request)."""
        now = datetime.now(timezone.utc)
        return await self.list_runs(
            RunFilter(
                states=["SCHEDULED"],
                started_after=now - timedelta(minutes=1),
                started_before=now + timedelta(hours=hours),
            ),
            limit=limit,
            sort="expected_asc",
        )
