"""Work pools as a table: where runs execute, who is polling, how much is waiting.

Pure presentation over `WorkPoolInfo`; the view does the reading.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from desktop_app.core.models import WorkPoolInfo
from desktop_app.ui.runs.formatting import format_duration
from desktop_app.ui.style import state_color

Index = QModelIndex | QPersistentModelIndex

COLUMNS = (
    QT_TRANSLATE_NOOP("WorkPools", "Name"),
    QT_TRANSLATE_NOOP("WorkPools", "Type"),
    QT_TRANSLATE_NOOP("WorkPools", "Paused"),
    QT_TRANSLATE_NOOP("WorkPools", "Status"),
    QT_TRANSLATE_NOOP("WorkPools", "Workers (last heartbeat)"),
    QT_TRANSLATE_NOOP("WorkPools", "Queued runs"),
)
NAME, TYPE, PAUSED, STATUS, WORKERS, QUEUE = range(len(COLUMNS))
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


class WorkPoolsModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.pools: list[WorkPoolInfo] = []

    def set_pools(self, pools: list[WorkPoolInfo]) -> None:
        self.beginResetModel()
        self.pools = sorted(pools, key=lambda p: p.name.lower())
        self.endResetModel()

    def row_of(self, name: str) -> int | None:
        for row, pool in enumerate(self.pools):
            if pool.name == name:
                return row
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.pools)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        pool = self.pools[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == NAME:
                return pool.name
            if column == TYPE:
                return pool.type
            if column == PAUSED:
                return _tr("yes") if pool.paused else _tr("no")
            if column == STATUS:
                status = (pool.status or "").upper()
                return _tr(STATUS_NAMES[status]) if status in STATUS_NAMES else (pool.status or "—")
            if column == WORKERS:
                return workers_text(pool)
            if column == QUEUE:
                return pool.queue_depth
        if role == Qt.ItemDataRole.ForegroundRole and column == STATUS:
            tone = STATUS_TONES.get((pool.status or "").upper())
            return QColor(state_color(tone)) if tone else None
        if role == Qt.ItemDataRole.ToolTipRole and column == WORKERS and pool.workers:
            return "\n".join(
                f"{name}: {when.astimezone().strftime('%Y-%m-%d %H:%M:%S') if when else '—'}"
                for name, when in pool.workers
            )
        if role == Qt.ItemDataRole.TextAlignmentRole and column == QUEUE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self.pools:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.pools) - 1, QUEUE))
