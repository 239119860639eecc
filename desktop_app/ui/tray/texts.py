"""Words the tray shows about runs, kept in one place (and in the "Tray" context).

Pure functions over RunInfo: notification titles, menu labels, tooltips.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime, timezone

from PySide6.QtCore import QCoreApplication

from desktop_app.core.api.models import RunInfo
from desktop_app.ui.runs.formatting import format_duration

SEP = " · "


def run_label(run: RunInfo | None, run_id: str) -> str:
    """`flow · run name`, or the short id while the names are not known yet."""
    if run is None:
        return QCoreApplication.translate("Tray", "run {id}").format(id=run_id[:8])
    return f"{run.flow_name}{SEP}{run.name}"


def ago(when: datetime | None, now: datetime | None = None) -> str:
    """Whole seconds and up: `16 s`, `3 min 05 s`, `2 h 03 min`."""
    if when is None:
        return ""
    seconds = ((now or datetime.now(timezone.utc)) - when).total_seconds()
    return format_duration(float(max(10, int(seconds))))


def paused_since(when: datetime | None, now: datetime | None = None) -> str:
    if when is None:
        return QCoreApplication.translate("Tray", "paused")
    seconds = ((now or datetime.now(timezone.utc)) - when).total_seconds()
    if seconds < 10:
        return QCoreApplication.translate("Tray", "paused just now")
    return QCoreApplication.translate("Tray", "paused {ago} ago").format(ago=ago(when, now))


def names_list(labels: Iterable[str], limit: int = 3) -> str:
    """`a, b, c and 4 more`."""
    items = list(labels)
    shown = ", ".join(items[:limit])
    rest = len(items) - limit
    if rest > 0:
        return QCoreApplication.translate("Tray", "{names} and {count} more").format(
            names=shown, count=rest
        )
    return shown


def counts_line(counts: Mapping[str, int]) -> str:
    """`2 paused · 3 running · 1 pending` (only the states there are)."""
    parts = []
    templates = (
        ("PAUSED", QCoreApplication.translate("Tray", "{count} paused")),
        ("RUNNING", QCoreApplication.translate("Tray", "{count} running")),
        ("PENDING", QCoreApplication.translate("Tray", "{count} pending")),
        ("CANCELLING", QCoreApplication.translate("Tray", "{count} cancelling")),
    )
    for state, template in templates:
        if counts.get(state):
            parts.append(template.format(count=counts[state]))
    return SEP.join(parts) if parts else QCoreApplication.translate("Tray", "No active runs")
