"""A schedule in a sentence, English or Chinese: "every weekday at 09:00"."""

from __future__ import annotations

from datetime import datetime

from desktop_app.core.api.schedule_models import ScheduleSpec
from desktop_app.i18n import tr_core

_DAYS = ("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")


def day_name(index: int) -> str:
    """The day's name, Sunday = 0 (cron's numbering), in the current language."""
    names = [
        tr_core("Sunday"),
        tr_core("Monday"),
        tr_core("Tuesday"),
        tr_core("Wednesday"),
        tr_core("Thursday"),
        tr_core("Friday"),
        tr_core("Saturday"),
    ]
    return names[index % 7]


_ALIASES = {
    "@hourly": "0 * * * *",
    "@daily": "0 0 * * *",
    "@midnight": "0 0 * * *",
    "@weekly": "0 0 * * 0",
    "@monthly": "0 0 1 * *",
}
_DAY_NAMES = {name[:3].lower(): i for i, name in enumerate(_DAYS)}


def _number(text: str, low: int, high: int) -> int | None:
    if text.isdigit() and low <= int(text) <= high:
        return int(text)
    return None


def _weekdays(field: str) -> list[int] | None:
    """0-6 (Sunday first) for a list/range of days, or None if not that simple."""
    days: set[int] = set()
    for part in field.lower().split(","):
        ends: list[int] = []
        for end in part.split("-"):
            value = _DAY_NAMES.get(end[:3], _number(end, 0, 7))
            if value is None:
                return None
            ends.append(value)
        if len(ends) == 1:
            days.add(ends[0] % 7)
        elif len(ends) == 2 and ends[0] <= ends[1]:
            days.update(d % 7 for d in range(ends[0], ends[1] + 1))
        else:
            return None
    return sorted(days)


def describe_cron(expr: str) -> str:
    """A sentence for the usual shapes; "custom cron" for the rest."""
    fields = _ALIASES.get(expr.strip().lower(), expr).split()
    if len(fields) != 5:
        return tr_core("custom cron schedule")
    minute, hour, dom, month, dow = fields
    m, h = _number(minute, 0, 59), _number(hour, 0, 23)
    at = f"{h:02d}:{m:02d}" if m is not None and h is not None else None
    if (month, dom, dow) == ("*", "*", "*"):
        if minute == "*" and hour == "*":
            return tr_core("every minute")
        if minute.startswith("*/") and hour == "*" and _number(minute[2:], 1, 59):
            return tr_core("every {n} minutes").format(n=int(minute[2:]))
        if m is not None and hour == "*":
            return tr_core("every hour at minute {m}").format(m=m)
        if m is not None and hour.startswith("*/") and _number(hour[2:], 1, 23):
            return tr_core("every {n} hours at minute {m}").format(n=int(hour[2:]), m=m)
        if at:
            return tr_core("every day at {time}").format(time=at)
    if at is None:
        return tr_core("custom cron schedule")
    if month == "*" and dom == "*":
        days = _weekdays(dow)
        if days == [1, 2, 3, 4, 5]:
            return tr_core("every weekday at {time}").format(time=at)
        if days == [0, 6]:
            return tr_core("every Saturday and Sunday at {time}").format(time=at)
        if days:
            names = tr_core(", ").join(day_name(d) for d in days)
            return tr_core("every {days} at {time}").format(days=names, time=at)
    if month == "*" and dow == "*" and _number(dom, 1, 31):
        return tr_core("on day {day} of every month at {time}").format(day=int(dom), time=at)
    return tr_core("custom cron schedule")


def _interval_words(seconds: int) -> str:
    for size, one, many in (
        (604800, tr_core("every week"), tr_core("every {n} weeks")),
        (86400, tr_core("every day"), tr_core("every {n} days")),
        (3600, tr_core("every hour"), tr_core("every {n} hours")),
        (60, tr_core("every minute"), tr_core("every {n} minutes")),
    ):
        if seconds % size == 0:
            n = seconds // size
            return one if n == 1 else many.format(n=n)
    return tr_core("every {n} seconds").format(n=seconds)


def describe(spec: ScheduleSpec) -> str:
    """What `spec` means, with its time zone when it has one."""
    if spec.kind == "cron":
        text = describe_cron(spec.value)
    elif spec.kind == "interval":
        try:
            text = _interval_words(spec.seconds)
        except ValueError:
            text = spec.value
    else:
        text = tr_core("RRule: {rule}").format(rule=spec.value.replace("\n", " "))
    if spec.timezone:
        return tr_core("{schedule} ({zone})").format(schedule=text, zone=spec.timezone)
    return text


def when_text(moment: datetime) -> str:
    """ "Monday 2026-12-07 09:00" in the current language (the editor's next times)."""
    return f"{day_name((moment.weekday() + 1) % 7)} {moment:%Y-%m-%d %H:%M}"
