"""Checking and explaining a schedule before it is sent: words, a preview, the next times.

Everything here is local and instant, so the editor can check as a person
types and the CLI can refuse before any request. The checks are the ones
Prefect applies (its cron check is croniter's, which Prefect vendors; its
RRule check is dateutil's `rrulestr`; its time zones are zoneinfo's), so what
passes here is what the server takes.

Cron descriptions are our own for the shapes people write (every N minutes,
hourly, daily, weekdays, certain days of the week or month) in both
languages; `cron-descriptor` was evaluated and left out: its Chinese leaves
day names in English ("在 09:00, Monday 到 Friday"). Anything more unusual is
described as "custom" and the next five times say the rest.
"""

from __future__ import annotations

import re
import zoneinfo
from datetime import datetime, timedelta, timezone
from functools import lru_cache

from desktop_app.core.api.errors import ScheduleRejected
from desktop_app.core.api.schedule_models import KINDS, ScheduleSpec
from desktop_app.i18n import tr_core

MAX_RRULE_LENGTH = 6500
"""Prefect refuses longer RRule texts."""

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}
_INTERVAL = re.compile(r"(\d+(?:\.\d+)?)\s*([smhdw]?)", re.IGNORECASE)


@lru_cache(maxsize=1)
def _zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def local_timezone() -> str:
    """This machine's IANA time zone name (UTC when it cannot be told)."""
    try:
        from tzlocal import get_localzone_name

        name = get_localzone_name()
    except Exception:
        name = None
    return name if name and name in _zones() else "UTC"


def parse_interval(text: str) -> int:
    """Seconds from "90", "15m", "1h30m", "2d"; `ScheduleRejected` in words otherwise."""
    cleaned = text.strip().replace(" ", "")
    total, pos = 0.0, 0
    for match in _INTERVAL.finditer(cleaned):
        if match.start() != pos:
            break
        total += float(match.group(1)) * _UNITS[(match.group(2) or "s").lower()]
        pos = match.end()
    if not cleaned or pos != len(cleaned):
        raise ScheduleRejected(
            tr_core(
                "'{text}' is not an interval: give seconds (3600) or units such as 15m, 1h30m, 2d."
            ).format(text=text)
        )
    if total < 1:
        raise ScheduleRejected(
            tr_core("An interval must be at least one second (got '{text}').").format(text=text)
        )
    return int(total)


def check_timezone(name: str | None) -> None:
    if name is not None and name not in _zones():
        raise ScheduleRejected(
            tr_core(
                "'{zone}' is not a time zone this machine knows: use an IANA name "
                "such as Europe/Berlin or Asia/Shanghai."
            ).format(zone=name)
        )


def check_cron(expr: str) -> None:
    from croniter import croniter

    fields = expr.split()
    if not croniter.is_valid(expr) or not (expr.startswith("@") or len(fields) in (5, 6)):
        raise ScheduleRejected(
            tr_core(
                "'{expr}' is not a cron expression: it needs five fields "
                "(minute hour day-of-month month day-of-week), e.g. '0 9 * * 1-5'."
            ).format(expr=expr)
        )
    if any(f.casefold() in ("r", "h") for f in fields):
        raise ScheduleRejected(
            tr_core("Random (R) and hashed (H) cron fields are not supported by Prefect.")
        )


def check_rrule(text: str) -> None:
    from dateutil.rrule import rrulestr

    if len(text) > MAX_RRULE_LENGTH:
        raise ScheduleRejected(
            tr_core("The RRule is {length} characters long; Prefect takes at most {most}.").format(
                length=len(text), most=MAX_RRULE_LENGTH
            )
        )
    try:
        rrulestr(text, cache=True)
    except (ValueError, TypeError, AttributeError) as exc:
        raise ScheduleRejected(
            tr_core("'{rule}' is not a valid RRule: {reason}").format(rule=text, reason=exc)
        ) from exc


def checked(spec: ScheduleSpec) -> ScheduleSpec:
    """`spec` made canonical (interval in seconds, trimmed text), or `ScheduleRejected`."""
    if spec.kind not in KINDS:
        raise ScheduleRejected(tr_core("Unknown kind of schedule '{kind}'.").format(kind=spec.kind))
    zone = (spec.timezone or "").strip() or None
    check_timezone(zone)
    value = spec.value.strip()
    if not value:
        raise ScheduleRejected(tr_core("The schedule is empty: write when it should run."))
    if spec.kind == "cron":
        value = " ".join(value.split())
        check_cron(value)
    elif spec.kind == "interval":
        value = str(parse_interval(value))
    else:
        check_rrule(value)
    return ScheduleSpec(spec.kind, value, zone, spec.anchor)


def next_times(spec: ScheduleSpec, count: int = 5, after: datetime | None = None) -> list[datetime]:
    """The next `count` times `spec` fires after `after` (now), in its time zone.

    Intervals count from their anchor when they have one (a schedule read
    from the server), else from `after` (Prefect anchors a new interval
    schedule at its creation time, so this is what a new schedule does).
    """
    zone = zoneinfo.ZoneInfo(spec.timezone or "UTC")
    start = (after or datetime.now(timezone.utc)).astimezone(zone)
    if spec.kind == "cron":
        from croniter import croniter

        it = croniter(spec.value, start)
        return [it.get_next(datetime) for _ in range(count)]
    if spec.kind == "interval":
        step = timedelta(seconds=spec.seconds)
        first = start + step
        if spec.anchor is not None:  # Prefect counts from the schedule's anchor
            passed = (start - spec.anchor) // step
            first = (spec.anchor + step * (passed + 1)).astimezone(zone)
        return [first + step * i for i in range(count)]
    from dateutil.rrule import rrulestr

    # Prefect anchors a rule without DTSTART at midnight; today's midnight keeps
    # that phase for daily and weekly rules without iterating from 2020.
    midnight = start.replace(hour=0, minute=0, second=0, microsecond=0)
    rule = rrulestr(spec.value, dtstart=midnight, cache=True)
    found: list[datetime] = []
    for when in rule:  # type: ignore[attr-defined]
        aware = when if when.tzinfo else when.replace(tzinfo=zone)
        if aware > start:
            found.append(aware)
        if len(found) >= count:
            break
    return found
