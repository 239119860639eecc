"""Work pools as a table: where runs execute, who is polling, how much is waiting.

Pure presentation over `WorkPoolInfo`; the view does the reading.
"""

from __future__ import annotations

from datetime import datetime, timezone

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor

from desktop_app.core.api.models import WorkPoolInfo
from desktop_app.ui.runs.formatting import format_duration
from desktop_app.ui.style import state_color
from desktop_app.ui.table_model import ALIGN_RIGHT, ListTableModel, TableColumn

STATUS_NAMES = {
    "READY": QT_TRANSLATE_NOOP("WorkPools", "Ready"),
    "NOT_READY": QT_TRANSLATE_NOOP("WorkPools", "Not ready"),
    "PAUSED": QT_TRANSLATE_NOOP("WorkPools", "Paused"),
}
STATUS_TONES = {"READY": "COMPLETED", "NOT_READY": "SCHEDULED", "PAUSED": "PAUSED"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("WorkPools", text)


def heartbeat_text(when: datetime | None, now: datetime | None = None) -> str:
    if when is None:
        return _tr("never")
    seconds = ((now or datetime.now(timezone.utc)) - when).total_seconds()
    return _tr("{ago} ago").format(ago=format_duration(max(0.0, float(int(seconds)))))


def workers_text(pool: WorkPoolInfo, now: datetime | None = None) -> str:
    if not pool.workers:
        return _tr("no workers")
    return ", ".join(f"{name} ({heartbeat_text(when, now)})" for name, when in pool.workers)


def _status_text(pool: WorkPoolInfo) -> str:
    status = (pool.status or "").upper()
    return _tr(STATUS_NAMES[status]) if status in STATUS_NAMES else (pool.status or "—")


def _status_color(pool: WorkPoolInfo) -> QColor | None:
    tone = STATUS_TONES.get((pool.status or "").upper())
    return QColor(state_color(tone)) if tone else None


def _heartbeats(pool: WorkPoolInfo) -> str | None:
    if not pool.workers:
        return None
    return "\n".join(
        f"{name}: {when.astimezone().strftime('%Y-%m-%d %H:%M:%S') if when else '—'}"
        for name, when in pool.workers
    )


COLUMNS = (
    TableColumn(QT_TRANSLATE_NOOP("WorkPools", "Name"), lambda p: p.name),
    TableColumn(QT_TRANSLATE_NOOP("WorkPools", "Type"), lambda p: p.type),
    TableColumn(QT_TRANSLATE_NOOP("WorkPools", "Paused"),
                lambda p: _tr("yes") if p.paused else _tr("no")),
    TableColumn(QT_TRANSLATE_NOOP("WorkPools", "Status"), _status_text,
                foreground=_status_color),
    TableColumn(QT_TRANSLATE_NOOP("WorkPools", "Workers (last heartbeat)"),
                workers_text, tooltip=_heartbeats),
    TableColumn(QT_TRANSLATE_NOOP("WorkPools", "Queued runs"), lambda p: p.queue_depth,
                alignment=ALIGN_RIGHT),
)
NAME, TYPE, PAUSED, STATUS, WORKERS, QUEUE = range(len(COLUMNS))


class WorkPoolsModel(ListTableModel):
    context = "WorkPools"
    columns = COLUMNS

    def arrange(self, items: list[WorkPoolInfo]) -> list[WorkPoolInfo]:
        return sorted(items, key=lambda p: p.name.lower())
