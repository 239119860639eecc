"""The deployments table model: what can be run, when it runs next, how it went last.

Next and last runs come from the runs view's summary of the runs it already
holds (`runs.summary`), so this table stays live without a request per deployment.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt

from desktop_app.core.flow_ownership import EXAMPLE_TAG, entrypoint_file
from desktop_app.core.models import DeploymentInfo, RunInfo
from desktop_app.ui.runs.filters import reference_time
from desktop_app.ui.runs.formatting import format_full_time, format_time
from desktop_app.ui.style import state_icon, state_name

DEPLOYMENT_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
_ROOT = QModelIndex()


class DColumn(IntEnum):
    FLOW = 0
    NAME = 1
    SCHEDULE = 2
    NEXT_RUN = 3
    SCHEDULE_STATE = 4
    LAST_RUN = 5
    WORK_POOL = 6


_TITLES = {
    DColumn.FLOW: QT_TRANSLATE_NOOP("DeploymentsTable", "Flow"),
    DColumn.NAME: QT_TRANSLATE_NOOP("DeploymentsTable", "Deployment"),
    DColumn.SCHEDULE: QT_TRANSLATE_NOOP("DeploymentsTable", "Schedule"),
    DColumn.NEXT_RUN: QT_TRANSLATE_NOOP("DeploymentsTable", "Next run"),
    DColumn.SCHEDULE_STATE: QT_TRANSLATE_NOOP("DeploymentsTable", "Schedule state"),
    DColumn.LAST_RUN: QT_TRANSLATE_NOOP("DeploymentsTable", "Last run"),
    DColumn.WORK_POOL: QT_TRANSLATE_NOOP("DeploymentsTable", "Work pool"),
}


@dataclass(frozen=True)
class RunFacts:
    next_run: datetime | None = None
    last_run: RunInfo | None = None


def schedule_state(deployment: DeploymentInfo) -> str:
    tr = QCoreApplication.translate
    if not deployment.schedules:
        return tr("DeploymentsTable", "No schedule")
    if deployment.paused or not any(s.active for s in deployment.schedules):
        return tr("DeploymentsTable", "Paused")
    return tr("DeploymentsTable", "Active")


def schedule_active(deployment: DeploymentInfo) -> bool:
    return (
        bool(deployment.schedules)
        and not deployment.paused
        and any(s.active for s in deployment.schedules)
    )


def is_example(deployment: DeploymentInfo) -> bool:
    """Served from the bundled, read-only examples (the runner tags them)."""
    return EXAMPLE_TAG in deployment.tags


def file_note(deployment: DeploymentInfo) -> str:
    """Which file a Flowdesk-served deployment runs, and whether the user may edit it."""
    if "flowdesk" not in deployment.tags:
        return ""
    tr = QCoreApplication.translate
    path = entrypoint_file(deployment.entrypoint)
    if is_example(deployment):
        return tr(
            "DeploymentsTable",
            "Example (read-only): {path}. To change it, use “Copy to my flows” in the "
            "Deployments tab and edit your copy.",
        ).format(path=path)
    return tr(
        "DeploymentsTable", "Your flow file: {path}. Edit it and the next run uses it."
    ).format(path=path)


class DeploymentsTableModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[DeploymentInfo] = []
        self._facts: dict[str, RunFacts] = {}

    def rowCount(self, parent: QModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(DColumn)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("DeploymentsTable", _TITLES[DColumn(section)])
        return None

    def deployment_at(self, row: int) -> DeploymentInfo:
        return self._rows[row]

    def deployments(self) -> list[DeploymentInfo]:
        return list(self._rows)

    def facts(self, deployment_id: str) -> RunFacts:
        return self._facts.get(deployment_id, RunFacts())

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        dep = self._rows[index.row()]
        column = index.column()
        facts = self._facts.get(dep.id, RunFacts())
        if role == DEPLOYMENT_ROLE:
            return dep
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            return self._display(dep, facts, column, sort=role == SORT_ROLE)
        if role == Qt.ItemDataRole.DecorationRole and column == DColumn.LAST_RUN and facts.last_run:
            return state_icon(facts.last_run.state.type)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column in (DColumn.NAME, DColumn.FLOW):
                return "\n".join(
                    part
                    for part in (
                        dep.full_name,
                        dep.description or "",
                        file_note(dep) or dep.entrypoint or "",
                    )
                    if part
                )
            if column == DColumn.NEXT_RUN and facts.next_run:
                return format_full_time(facts.next_run)
            if column == DColumn.LAST_RUN and facts.last_run:
                return f"{facts.last_run.name}\n{format_full_time(reference_time(facts.last_run))}"
        return None

    def _display(self, dep: DeploymentInfo, facts: RunFacts, column: int, sort: bool) -> Any:
        if column == DColumn.NAME:
            if is_example(dep) and not sort:
                return QCoreApplication.translate(
                    "DeploymentsTable", "{name} · example (read-only)"
                ).format(name=dep.name)
            return dep.name
        if column == DColumn.FLOW:
            return dep.flow_name
        if column == DColumn.SCHEDULE:
            texts = [s.description + ("" if s.active else " ⏸") for s in dep.schedules]
            return "; ".join(texts) if texts else "—"
        if column == DColumn.NEXT_RUN:
            if sort:
                return facts.next_run.timestamp() if facts.next_run else float("inf")
            return format_time(facts.next_run) if facts.next_run else "—"
        if column == DColumn.SCHEDULE_STATE:
            return schedule_state(dep)
        if column == DColumn.LAST_RUN:
            if facts.last_run is None:
                return "" if sort else "—"
            when = reference_time(facts.last_run)
            if sort:
                return when.timestamp() if when else 0.0
            return f"{state_name(facts.last_run.display_state)} · {format_time(when)}"
        if column == DColumn.WORK_POOL:
            return dep.work_pool_name or "—"
        return None

    # -- changing, by id -----------------------------------------------------------
    def retranslate(self) -> None:
        """Headers and translated cells (schedule state, times) in the new language."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(DColumn) - 1)
        if self.rowCount():
            last = self.index(self.rowCount() - 1, len(DColumn) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def set_deployments(self, deployments: Iterable[DeploymentInfo]) -> None:
        incoming = {d.id: d for d in deployments}
        gone = [row for row, d in enumerate(self._rows) if d.id not in incoming]
        for row in reversed(gone):
            self.beginRemoveRows(_ROOT, row, row)
            del self._rows[row]
            self.endRemoveRows()
        for row, dep in enumerate(self._rows):
            fresh = incoming.pop(dep.id)
            if fresh != dep:
                self._rows[row] = fresh
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(DColumn) - 1))
        if incoming:
            first = len(self._rows)
            self.beginInsertRows(_ROOT, first, first + len(incoming) - 1)
            self._rows.extend(sorted(incoming.values(), key=lambda d: d.full_name))
            self.endInsertRows()

    def set_facts(self, facts: Mapping[str, RunFacts]) -> None:
        old, self._facts = self._facts, dict(facts)
        for row, dep in enumerate(self._rows):
            if self._facts.get(dep.id, RunFacts()) != old.get(dep.id, RunFacts()):
                self.dataChanged.emit(
                    self.index(row, DColumn.NEXT_RUN), self.index(row, DColumn.LAST_RUN)
                )
