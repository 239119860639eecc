"""A deployment's schedules as plain data, so front ends never see Prefect's types.

`ScheduleSpec` is what a person writes (cron, interval or RRule, and a time
zone); `ScheduleEntry` is one schedule as the server holds it. The facade
(`core/api/schedules.py`) converts both ways.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

ScheduleKind = Literal["cron", "interval", "rrule"]
KINDS: tuple[ScheduleKind, ...] = ("cron", "interval", "rrule")


@dataclass(frozen=True)
class ScheduleSpec:
    """When a deployment runs.

    `value` is the cron expression, the RRule text, or the interval in whole
    seconds written as text (so one field holds all three). `timezone` is an
    IANA name; None means the server's default (UTC).
    """

    kind: ScheduleKind
    value: str
    timezone: str | None = None
    anchor: datetime | None = field(default=None, compare=False)
    """Where an interval counts from (Prefect's `anchor_date`; None: from when it is made)."""

    @property
    def seconds(self) -> int:
        """The interval in seconds (interval schedules only)."""
        return int(float(self.value))


@dataclass(frozen=True)
class ScheduleEntry:
    """One schedule of a deployment as the server has it."""

    id: str
    deployment_id: str
    spec: ScheduleSpec
    active: bool = True
    slug: str | None = None
