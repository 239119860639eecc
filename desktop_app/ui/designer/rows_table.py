"""An editable table of small records (parameters, inputs, approval fields).

Generic on purpose: each caller describes its columns, and gets back plain
lists of dicts of strings/bools; turning them into model values and commands
is the caller's job. Every finished cell edit, added, removed or moved row
emits `rows_edited` once; setting rows from the model emits nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    """Already translated."""
    choices: tuple[str, ...] = ()
    """A combo box of these values."""
    check: bool = False
    """A check box (the value is a bool)."""
    tooltip: str = ""


class RowsTable(QWidget):
    """Rows of `Column` values with Add / Remove / Up / Down buttons."""

    rows_edited = Signal(list, object)
    """(rows, renamed): `renamed` is (old, new) when only one row's `name` changed."""

    def __init__(self, columns: list[Column], new_row, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = columns
        self._new_row = new_row
        self._setting = False
        self._rows: list[dict] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.table = QTableWidget(0, len(columns), self)
        self.table.setHorizontalHeaderLabels([c.title for c in columns])
        for i, column in enumerate(columns):
            if column.tooltip:
                self.table.horizontalHeaderItem(i).setToolTip(column.tooltip)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.table.itemChanged.connect(self._on_item_changed)
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        buttons.setSpacing(2)
        self.add_button = self._button(
            "+", QCoreApplication.translate("DesignerInspector", "Add a row"), self.add_row)
        self.remove_button = self._button(
            "−", QCoreApplication.translate("DesignerInspector", "Remove the selected row"),
            self.remove_row)
        self.up_button = self._button(
            "↑", QCoreApplication.translate("DesignerInspector", "Move up"),
            lambda: self.move_row(-1))
        self.down_button = self._button(
            "↓", QCoreApplication.translate("DesignerInspector", "Move down"),
            lambda: self.move_row(1))
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

    def _button(self, text: str, tooltip: str, slot) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tooltip)
        button.setAutoRaise(True)
        button.clicked.connect(slot)
        return button

    # -- model → table ---------------------------------------------------------------------
    def set_rows(self, rows: list[dict]) -> None:
        if rows == self._rows and self.table.rowCount() == len(rows):
            return
        self._setting = True
        try:
            self._rows = [dict(r) for r in rows]
            self.table.setRowCount(len(rows))
            for r, row in enumerate(rows):
                for c, column in enumerate(self.columns):
                    self._set_cell(r, c, column, row.get(column.key))
            height = self.table.horizontalHeader().height() + 4 + sum(
                self.table.rowHeight(r) for r in range(len(rows)))
            self.table.setMinimumHeight(min(max(height, 60), 260))
            self.table.setMaximumHeight(max(height + 24, 80))
        finally:
            self._setting = False

    def _set_cell(self, r: int, c: int, column: Column, value) -> None:
        if column.choices:
            combo = self.table.cellWidget(r, c)
            if not isinstance(combo, QComboBox):
                combo = QComboBox(self.table)
                combo.addItems(list(column.choices))
                combo.currentTextChanged.connect(lambda _t: self._emit())
                self.table.setCellWidget(r, c, combo)
            combo.blockSignals(True)
            if value not in column.choices:
                combo.addItem(str(value))
            combo.setCurrentText(str(value))
            combo.blockSignals(False)
            return
        item = self.table.item(r, c)
        if item is None:
            item = QTableWidgetItem()
            self.table.setItem(r, c, item)
        if column.check:
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
                          | Qt.ItemFlag.ItemIsSelectable)
            item.setCheckState(Qt.CheckState.Checked if value else Qt.CheckState.Unchecked)
        else:
            item.setText("" if value is None else str(value))

    # -- table → rows ----------------------------------------------------------------------
    def rows(self) -> list[dict]:
        result = []
        for r in range(self.table.rowCount()):
            row = {}
            for c, column in enumerate(self.columns):
                if column.choices:
                    combo = self.table.cellWidget(r, c)
                    row[column.key] = combo.currentText() if isinstance(combo, QComboBox) else ""
                else:
                    item = self.table.item(r, c)
                    if column.check:
                        row[column.key] = bool(item and item.checkState() == Qt.CheckState.Checked)
                    else:
                        row[column.key] = item.text() if item else ""
            result.append(row)
        return result

    def _on_item_changed(self, _item: QTableWidgetItem) -> None:
        if not self._setting:
            self._emit()

    def _emit(self) -> None:
        if self._setting:
            return
        rows = self.rows()
        renamed = None
        if len(rows) == len(self._rows):
            changed = [(old, new) for old, new in zip(self._rows, rows, strict=True)
                       if old != new]
            if len(changed) == 1:
                old, new = changed[0]
                differing = {k for k in new if new.get(k) != old.get(k)}
                if differing == {"name"}:
                    renamed = (old.get("name"), new.get("name"))
        self._rows = [dict(r) for r in rows]
        self.rows_edited.emit(rows, renamed)

    def add_row(self) -> None:
        rows = self.rows()
        rows.append(self._new_row([r.get("name", "") for r in rows]))
        self._rows = self.rows()
        self.set_rows(rows)
        self.table.selectRow(len(rows) - 1)
        self._emit()

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            row = self.table.rowCount() - 1
        if row < 0:
            return
        rows = self.rows()
        del rows[row]
        self.set_rows(rows)
        self._emit()

    def move_row(self, step: int) -> None:
        row = self.table.currentRow()
        target = row + step
        rows = self.rows()
        if row < 0 or not 0 <= target < len(rows):
            return
        rows[row], rows[target] = rows[target], rows[row]
        self.set_rows(rows)
        self.table.selectRow(target)
        self._emit()



