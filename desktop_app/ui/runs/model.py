"""The runs table model: one row per flow run, keyed by run id.

Why the model sorts itself instead of leaving it to QSortFilterProxyModel:
the proxy compares rows by calling `data()` back into Python, which took
5.6 s to sort 10,000 rows here. Sorting a Python list with a key takes
~5 ms, so this model keeps its rows in display order (new runs are inserted
at their place with a binary search) and the proxy only filters.

Changes never reset the model: `upsert` emits `dataChanged` for changed rows
and `rowsInserted` for new ones; only a changed sort position emits one
`layoutChanged` per batch (persistent indexes, so the selection, follow).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont

from desktop_app.core.api.models import RunInfo
from desktop_app.ui.runs.columns import COLUMNS, Column, SortKey, icon_state, sort_key
from desktop_app.ui.runs.filters import RowFacts, row_facts
from desktop_app.ui.style import state_color, tinted
from desktop_app.ui.table_model import ColumnTableModel
from desktop_app.ui.timers import make_timer

RUN_ROLE = Qt.ItemDataRole.UserRole + 1
"""`data(index, RUN_ROLE)` → the row's RunInfo."""
RUN_ID_ROLE = Qt.ItemDataRole.UserRole + 2

_ROOT = QModelIndex()


def _ranges(rows: Iterable[int]) -> Iterator[tuple[int, int]]:
    """Sorted rows → contiguous (first, last) ranges."""
    start = prev = None
    for row in sorted(set(rows)):
        if start is None:
            start = prev = row
        elif row == prev + 1:
            prev = row
        else:
            yield start, prev
            start = prev = row
    if start is not None:
        yield start, prev


class RunsTableModel(ColumnTableModel):
    """Flow runs, in sorted order, updated in place by id."""

    context = "RunsTable"
    columns = COLUMNS

    counts_changed = Signal()
    """Rows were added, removed or changed: summaries (chip counts, chart) are stale."""

    def __init__(self, parent: QObject | None = None, tick_ms: int = 1000) -> None:
        super().__init__(parent)
        self._runs: list[RunInfo] = []
        self._keys: list[SortKey] = []
        self._row: dict[str, int] = {}
        self._facts: dict[str, RowFacts] = {}
        self._running: set[str] = set()
        self._sort_column = Column.START
        self._descending = True
        self._bold = QFont()
        self._bold.setBold(True)
        self._ticker = make_timer(self, tick_ms, self.tick)
        self._ticker.start()
        self.generation = 0
        """Bumped on every change; lets a reload tell rows it saw from rows changed since."""
        self._touched: dict[str, int] = {}
        self.limit_notes: dict[str, str] = {}
        """Run id → "waiting for a slot of gpu" and the like (`LimitWatch` keeps it)."""

    # -- Qt model interface (the rest is `ColumnTableModel`'s) -----------------
    def row_count(self) -> int:
        return len(self._runs)

    def row_item(self, row: int) -> RunInfo:
        return self._runs[row]

    def row_data(self, run: RunInfo, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.FontRole:
            return self._bold if run.state.is_paused or run.pause_requested else None
        if role == Qt.ItemDataRole.BackgroundRole:
            if run.state.is_paused or run.pause_requested:
                return tinted(state_color(icon_state(run)), 48)
            return None
        if role == RUN_ROLE:
            return run
        if role == RUN_ID_ROLE:
            return run.id
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        value = super().data(index, role)
        if self.limit_notes and index.isValid() and index.column() == Column.STATE:
            note = self.limit_notes.get(self._runs[index.row()].id)
            if note and role == Qt.ItemDataRole.DisplayRole:
                return f"{value} · {note}"
            if note and role == Qt.ItemDataRole.ToolTipRole:
                return f"{value}\n{note}"
        return value

    def set_limit_notes(self, notes: dict[str, str]) -> None:
        """Show these notes in the State cells (only the rows whose note changed repaint)."""
        changed = {i for i in notes.keys() | self.limit_notes.keys()
                   if notes.get(i) != self.limit_notes.get(i)}
        self.limit_notes = dict(notes)
        for first, last in _ranges(self._row[i] for i in changed if i in self._row):
            self.dataChanged.emit(self.index(first, Column.STATE), self.index(last, Column.STATE))

    # -- sorting -------------------------------------------------------------
    @property
    def sort_column(self) -> Column:
        return self._sort_column

    @property
    def descending(self) -> bool:
        return self._descending

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column < 0 or column >= len(Column):
            return
        self._sort_column = Column(column)
        self._descending = order == Qt.SortOrder.DescendingOrder
        self._keys = [sort_key(self._sort_column, run) for run in self._runs]
        self._relayout()

    def _relayout(self) -> None:
        """Re-sort every row in one layout change, keeping persistent indexes valid."""
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        remembered = [(self._runs[i.row()].id, i.column()) for i in persistent if i.isValid()]
        order = sorted(range(len(self._runs)), key=self._keys.__getitem__, reverse=self._descending)
        self._runs = [self._runs[i] for i in order]
        self._keys = [self._keys[i] for i in order]
        self._reindex()
        moved = [self.index(self._row[run_id], column) for run_id, column in remembered]
        self.changePersistentIndexList([i for i in persistent if i.isValid()], moved)
        self.layoutChanged.emit()

    def _before(self, a: SortKey, b: SortKey) -> bool:
        """True if key `a` goes above key `b` in the current order."""
        return a > b if self._descending else a < b

    def _position(self, key: SortKey) -> int:
        """Where a row with `key` goes (binary search over the sorted keys)."""
        low, high = 0, len(self._keys)
        while low < high:
            middle = (low + high) // 2
            if self._before(self._keys[middle], key):
                low = middle + 1
            else:
                high = middle
        return low

    def _in_place(self, row: int) -> bool:
        key = self._keys[row]
        if row > 0 and self._before(key, self._keys[row - 1]):
            return False
        return not (row + 1 < len(self._keys) and self._before(self._keys[row + 1], key))

    def _reindex(self) -> None:
        self._row = {run.id: row for row, run in enumerate(self._runs)}

    # -- reading -----------------------------------------------------------
    def run_at(self, row: int) -> RunInfo:
        return self._runs[row]

    def run(self, run_id: str) -> RunInfo | None:
        row = self._row.get(run_id)
        return None if row is None else self._runs[row]

    def row_of(self, run_id: str) -> int | None:
        return self._row.get(run_id)

    def runs(self) -> Sequence[RunInfo]:
        """All rows in display order (a read-only view; do not mutate)."""
        return self._runs

    def ids(self) -> set[str]:
        return set(self._row)

    def row_facts(self) -> Iterable[RowFacts]:
        """Filter/summary facts of every row (any order), cheap to scan."""
        return self._facts.values()

    def facts_at(self, row: int) -> RowFacts:
        return self._facts[self._runs[row].id]

    def touched_since(self, run_id: str, generation: int) -> bool:
        return self._touched.get(run_id, -1) > generation

    # -- changing ----------------------------------------------------------
    def upsert(self, runs: Iterable[RunInfo]) -> tuple[int, int]:
        """Insert new runs and update known ones by id; returns (inserted, updated)."""
        latest: dict[str, RunInfo] = {}
        for run in runs:
            latest[run.id] = run
        if not latest:
            return 0, 0
        self.generation += 1
        fresh: list[RunInfo] = []
        changed: list[str] = []
        out_of_place = False
        for run_id, run in latest.items():
            self._touched[run_id] = self.generation
            self._facts[run_id] = row_facts(run)
            row = self._row.get(run_id)
            if row is None:
                fresh.append(run)
                continue
            self._runs[row] = run
            key = sort_key(self._sort_column, run)
            if key != self._keys[row]:
                self._keys[row] = key
                out_of_place = out_of_place or not self._in_place(row)
            changed.append(run_id)
            self._track_running(run)
        if out_of_place:
            self._relayout()
        for first, last in _ranges(self._row[i] for i in changed):
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(Column) - 1))
        if fresh:
            self._insert(fresh)
        self.counts_changed.emit()
        return len(fresh), len(changed)

    def _insert(self, fresh: list[RunInfo]) -> None:
        keyed = sorted(
            ((sort_key(self._sort_column, run), run) for run in fresh),
            key=lambda pair: pair[0],
            reverse=self._descending,
        )
        positions = [self._position(key) for key, _ in keyed]
        groups: dict[int, list[tuple[SortKey, RunInfo]]] = {}
        for position, pair in zip(positions, keyed, strict=True):
            groups.setdefault(position, []).append(pair)
        if len(groups) > 20:
            # Scattered all over: one block at the end, then one re-sort.
            self._insert_block(len(self._runs), keyed)
            self._reindex()
            self._relayout()
        else:
            # Back to front, so the positions still ahead stay valid.
            for position in sorted(groups, reverse=True):
                self._insert_block(position, groups[position])
            self._reindex()
        for _, run in keyed:
            self._track_running(run)

    def _insert_block(self, position: int, pairs: list[tuple[SortKey, RunInfo]]) -> None:
        self.beginInsertRows(_ROOT, position, position + len(pairs) - 1)
        self._keys[position:position] = [key for key, _ in pairs]
        self._runs[position:position] = [run for _, run in pairs]
        self.endInsertRows()

    def remove(self, run_ids: Iterable[str]) -> int:
        """Drop rows (deleted runs); returns how many were there."""
        rows = [self._row[i] for i in set(run_ids) if i in self._row]
        if not rows:
            return 0
        self.generation += 1
        for first, last in sorted(_ranges(rows), reverse=True):
            self.beginRemoveRows(_ROOT, first, last)
            for run in self._runs[first : last + 1]:
                self._running.discard(run.id)
                self._touched.pop(run.id, None)
                self._facts.pop(run.id, None)
            del self._runs[first : last + 1]
            del self._keys[first : last + 1]
            self.endRemoveRows()
        self._reindex()
        self.counts_changed.emit()
        return len(rows)

    def clear(self) -> None:
        """Forget everything: only for switching to another server (a reset is honest there)."""
        self.beginResetModel()
        self._runs, self._keys, self._row = [], [], {}
        self._running.clear()
        self._touched.clear()
        self._facts.clear()
        self.endResetModel()
        self.counts_changed.emit()

    # -- the ticking duration column -----------------------------------------
    def _track_running(self, run: RunInfo) -> None:
        if run.state.type == "RUNNING" and run.start_time is not None and run.end_time is None:
            self._running.add(run.id)
        else:
            self._running.discard(run.id)

    @property
    def running_ids(self) -> frozenset[str]:
        return frozenset(self._running)

    def tick(self) -> None:
        """Refresh only the duration cells of running runs (no reset, no other column)."""
        rows = [self._row[i] for i in self._running if i in self._row]
        for first, last in _ranges(rows):
            self.dataChanged.emit(
                self.index(first, Column.DURATION),
                self.index(last, Column.DURATION),
                [Qt.ItemDataRole.DisplayRole],
            )
