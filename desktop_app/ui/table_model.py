"""One way to declare a table's columns, and the one model that serves them.

The runs, deployments, work pools and audit tables each list their columns
as `TableColumn`s (title, how a row shows in that column, its tooltip, icon,
colour, alignment, sort key) and inherit the Qt plumbing from
`ColumnTableModel`: row and column counts, translated headers, the per-role
dispatch of `data()`, and re-reading every text after a language switch.
A model adds only what is its own: where its rows come from, and roles that
belong to the whole row (the run behind a row, a bold font for paused runs).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

Index = QModelIndex | QPersistentModelIndex
Getter = Callable[[Any], Any]

ALIGN_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
"""Numbers and durations: right-aligned so digits line up."""

_ROOT = QModelIndex()
_Role = Qt.ItemDataRole


@dataclass(frozen=True)
class TableColumn:
    """One column: its header and how a row shows in it.

    `title` is the source text, marked with `QT_TRANSLATE_NOOP(<model's context>, …)`
    so the header follows the language. Every getter takes the model's row item.
    """

    title: str
    display: Getter
    tooltip: Getter | None = None
    decoration: Getter | None = None
    foreground: Getter | None = None
    sort: Getter | None = None
    """The value the column sorts by (defaults to what it displays)."""
    alignment: int | None = None


class ColumnTableModel(QAbstractTableModel):
    """A flat table whose columns are `TableColumn`s.

    Subclasses set `context` (the translation context of the titles) and
    `columns`, and implement `row_count()` and `row_item(row)`; `row_data`
    answers roles that are not a column's own.
    """

    context = ""
    columns: Sequence[TableColumn] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)

    # -- what a subclass provides -------------------------------------------------
    def row_count(self) -> int:
        raise NotImplementedError

    def row_item(self, row: int) -> Any:
        raise NotImplementedError

    def row_data(self, item: Any, column: int, role: int) -> Any:
        """Roles that belong to the whole row (None: nothing to say)."""
        return None

    # -- Qt model interface --------------------------------------------------------
    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else self.row_count()

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def title(self, section: int) -> str:
        return QCoreApplication.translate(self.context, self.columns[section].title)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = _Role.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == _Role.DisplayRole:
            return self.title(section)
        return None

    def data(self, index: Index, role: int = _Role.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.row_item(index.row())
        column = self.columns[index.column()]
        if role == _Role.DisplayRole:
            return column.display(item)
        getter = None
        if role == _Role.ToolTipRole:
            getter = column.tooltip
        elif role == _Role.DecorationRole:
            getter = column.decoration
        elif role == _Role.ForegroundRole:
            getter = column.foreground
        elif role == _Role.TextAlignmentRole:
            return column.alignment
        else:
            return self.row_data(item, index.column(), role)
        return getter(item) if getter is not None else None

    def sort_value(self, item: Any, column: int) -> Any:
        declared = self.columns[column]
        return (declared.sort or declared.display)(item)

    def retranslate(self) -> None:
        """The language changed: headers and every shown text are stale."""
        last = len(self.columns) - 1
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, last)
        rows = self.row_count()
        if rows:
            self.dataChanged.emit(self.index(0, 0), self.index(rows - 1, last))


class ListTableModel(ColumnTableModel):
    """A `ColumnTableModel` over a plain list of row items, replaced whole on each read.

    Subclasses say only how rows are ordered (`arrange`) and which field names a
    row (`key`, for `row_of`).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.items: list[Any] = []

    def arrange(self, items: list[Any]) -> list[Any]:
        """The order rows are shown in (default: as read)."""
        return list(items)

    def key(self, item: Any) -> str:
        """What `row_of` looks a row up by."""
        return str(item.name)

    def set_items(self, items: list[Any]) -> None:
        self.beginResetModel()
        self.items = self.arrange(items)
        self.endResetModel()

    def row_of(self, name: str) -> int | None:
        return next((i for i, item in enumerate(self.items) if self.key(item) == name), None)

    def row_count(self) -> int:
        return len(self.items)

    def row_item(self, row: int) -> Any:
        return self.items[row]
