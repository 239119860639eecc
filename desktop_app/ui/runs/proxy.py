"""The filtering proxy between the runs model and the table.

It filters only: sorting is the source model's job (see `model.py` for why),
so a header click is forwarded to the source and the proxy keeps source order.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt

from desktop_app.core.api.models import RunInfo
from desktop_app.ui.runs.filters import RunCriteria, row_facts
from desktop_app.ui.runs.model import RUN_ROLE, RunsTableModel


def _timestamp(value: datetime | None) -> float | None:
    return value.timestamp() if value is not None else None


class RunsFilterProxy(QSortFilterProxyModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._criteria = RunCriteria()
        self._since: float | None = None
        self.setDynamicSortFilter(True)

    @property
    def criteria(self) -> RunCriteria:
        return self._criteria

    def set_criteria(self, criteria: RunCriteria) -> None:
        if criteria == self._criteria:
            return
        self._criteria = criteria
        self._since = _timestamp(criteria.since())
        self._refilter()

    def refresh_time_window(self) -> None:
        """Move "last hour" forward: runs age out of a time range without changing."""
        if self._criteria.time_range != "all":
            self._since = _timestamp(self._criteria.since())
            self._refilter()

    def _refilter(self) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt >= 6.9; invalidate*Filter is deprecated
            self.beginFilterChange()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.invalidateRowsFilter()

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        if self._criteria.is_empty:
            return True
        model = self.sourceModel()
        if isinstance(model, RunsTableModel):
            facts = model.facts_at(source_row)
        else:  # any other source: go through the public interface
            facts = row_facts(model.index(source_row, 0, source_parent).data(RUN_ROLE))
        return self._criteria.matches_facts(facts, self._since)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if source is not None:
            source.sort(column, order)

    def run_at(self, row: int) -> RunInfo:
        return self.index(row, 0).data(RUN_ROLE)
