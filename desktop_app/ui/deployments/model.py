"""The deployments table model: what can be run, when it runs next, how it went last.

Next and last runs come from the runs view's summary of the runs it already
holds (`runs.summary`), so this table stays live without a request per deployment.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import IntEnum
from typing import Any, NamedTuple

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, Qt

from desktop_app.core.api.models import DeploymentInfo, RunInfo
from desktop_app.core.serving.flow_ownership import EXAMPLE_TAG, entrypoint_file
from desktop_app.ui.runs.filters import reference_time
from desktop_app.ui.runs.formatting import format_full_time, format_time
from desktop_app.ui.style import state_icon, state_name
from desktop_app.ui.table_model import ColumnTableModel, TableColumn

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


class _Row(NamedTuple):
    dep: DeploymentInfo
    facts: RunFacts


def _name_tooltip(row: _Row) -> str:
    dep = row.dep
    parts = (dep.full_name, dep.description or "", file_note(dep) or dep.entrypoint or "")
    return "\n".join(part for part in parts if part)


def _name(row: _Row) -> str:
    if is_example(row.dep):
        return QCoreApplication.translate(
            "DeploymentsTable", "{name} · example (read-only)"
        ).format(name=row.dep.name)
    return row.dep.name


def _schedules(row: _Row) -> str:
    from desktop_app.services.schedule_words import describe

    texts = [
        (describe(s.spec) if s.spec else s.description) + ("" if s.active else " ⏸")
        for s in row.dep.schedules
    ]
    return "; ".join(texts) if texts else "—"


def _last_run(row: _Row) -> str:
    last = row.facts.last_run
    if last is None:
        return "—"
    return f"{state_name(last.display_state)} · {format_time(reference_time(last))}"


def _last_run_sort(row: _Row) -> Any:
    last = row.facts.last_run
    if last is None:
        return ""
    when = reference_time(last)
    return when.timestamp() if when else 0.0


def _last_run_tooltip(row: _Row) -> str | None:
    last = row.facts.last_run
    if last is None:
        return None
    return f"{last.name}\n{format_full_time(reference_time(last))}"


COLUMNS = (
    TableColumn(QT_TRANSLATE_NOOP("DeploymentsTable", "Flow"), lambda r: r.dep.flow_name,
                tooltip=_name_tooltip),
    TableColumn(QT_TRANSLATE_NOOP("DeploymentsTable", "Deployment"), _name,
                tooltip=_name_tooltip, sort=lambda r: r.dep.name),
    TableColumn(QT_TRANSLATE_NOOP("DeploymentsTable", "Schedule"), _schedules),
    TableColumn(
        QT_TRANSLATE_NOOP("DeploymentsTable", "Next run"),
        lambda r: format_time(r.facts.next_run) if r.facts.next_run else "—",
        tooltip=lambda r: format_full_time(r.facts.next_run) if r.facts.next_run else None,
        sort=lambda r: r.facts.next_run.timestamp() if r.facts.next_run else float("inf"),
    ),
    TableColumn(QT_TRANSLATE_NOOP("DeploymentsTable", "Schedule state"),
                lambda r: schedule_state(r.dep)),
    TableColumn(
        QT_TRANSLATE_NOOP("DeploymentsTable", "Last run"), _last_run,
        tooltip=_last_run_tooltip, sort=_last_run_sort,
        decoration=lambda r: state_icon(r.facts.last_run.state.type) if r.facts.last_run
        else None,
    ),
    TableColumn(QT_TRANSLATE_NOOP("DeploymentsTable", "Work pool"),
                lambda r: r.dep.work_pool_name or "—"),
)
assert len(COLUMNS) == len(DColumn)


class DeploymentsTableModel(ColumnTableModel):
    context = "DeploymentsTable"
    columns = COLUMNS

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[DeploymentInfo] = []
        self._facts: dict[str, RunFacts] = {}

    def row_count(self) -> int:
        return len(self._rows)

    def row_item(self, row: int) -> _Row:
        dep = self._rows[row]
        return _Row(dep, self._facts.get(dep.id, RunFacts()))

    def row_data(self, item: _Row, column: int, role: int) -> Any:
        if role == DEPLOYMENT_ROLE:
            return item.dep
        if role == SORT_ROLE:
            return self.sort_value(item, column)
        return None

    def deployment_at(self, row: int) -> DeploymentInfo:
        return self._rows[row]

    def deployments(self) -> list[DeploymentInfo]:
        return list(self._rows)

    def facts(self, deployment_id: str) -> RunFacts:
        return self._facts.get(deployment_id, RunFacts())

    # -- changing, by id -----------------------------------------------------------
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
