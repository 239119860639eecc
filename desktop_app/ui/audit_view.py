"""The audit trail, readable: who paused, resumed or cancelled which run, from where, with what.

`services` append one JSON line per action taken from this machine (window,
tray, command line, designer). This window lists them newest first and
filters by run id (any part of it), so "who resumed this, and with which
input?" is answered by pasting the run id. Damaged lines (torn by a crash,
or not text) are skipped and counted, and the window says how many;
everything else is shown as written.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    Qt,
)
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services import trail
from desktop_app.ui.retranslating import Retranslating
from desktop_app.ui.table_model import ColumnTableModel, Getter, TableColumn

ACTIONS = {
    "resume": QT_TRANSLATE_NOOP("AuditView", "Resumed"),
    "resume-rejected": QT_TRANSLATE_NOOP("AuditView", "Resume rejected"),
    "pause": QT_TRANSLATE_NOOP("AuditView", "Pause requested"),
    "suspend": QT_TRANSLATE_NOOP("AuditView", "Suspended"),
    "cancel": QT_TRANSLATE_NOOP("AuditView", "Cancelled"),
    "extend-pause": QT_TRANSLATE_NOOP("AuditView", "Pause extended"),
    "retry": QT_TRANSLATE_NOOP("AuditView", "Retried"),
    "delete": QT_TRANSLATE_NOOP("AuditView", "Deleted"),
    "variable-set": QT_TRANSLATE_NOOP("AuditView", "Variable set"),
    "variable-delete": QT_TRANSLATE_NOOP("AuditView", "Variable deleted"),
    "limit-add": QT_TRANSLATE_NOOP("AuditView", "Limit created"),
    "limit-set": QT_TRANSLATE_NOOP("AuditView", "Limit changed"),
    "limit-reset": QT_TRANSLATE_NOOP("AuditView", "Limit reset"),
    "limit-delete": QT_TRANSLATE_NOOP("AuditView", "Limit deleted"),
    # Schedule changes (services/schedules.py): "Run" holds the deployment's id there.
    "schedule-add": QT_TRANSLATE_NOOP("AuditView", "Schedule added"),
    "schedule-edit": QT_TRANSLATE_NOOP("AuditView", "Schedule changed"),
    "schedule-remove": QT_TRANSLATE_NOOP("AuditView", "Schedule removed"),
    "schedule-pause": QT_TRANSLATE_NOOP("AuditView", "Schedule paused"),
    "schedule-resume": QT_TRANSLATE_NOOP("AuditView", "Schedule resumed"),
}
SOURCES = {
    "window": QT_TRANSLATE_NOOP("AuditView", "Window"),
    "tray": QT_TRANSLATE_NOOP("AuditView", "Tray"),
    "cli": QT_TRANSLATE_NOOP("AuditView", "Command line"),
    "designer": QT_TRANSLATE_NOOP("AuditView", "Designer"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("AuditView", text)


def _input_text(value: Any, indent: int | None = None) -> str:
    if value is None:
        return "—"
    separators = (", ", ": ") if indent is not None else (", ", "=")
    if isinstance(value, dict) and indent is None:
        return ", ".join(
            f"{k}={json.dumps(v, ensure_ascii=False, default=str)}" for k, v in value.items()
        )
    return json.dumps(value, ensure_ascii=False, default=str, indent=indent, separators=separators)


def _when(entry: dict[str, Any]) -> str:
    try:
        return datetime.fromtimestamp(float(entry.get("time", 0))).strftime("%Y-%m-%d %H:%M:%S")
    except (TypeError, ValueError, OSError, OverflowError):
        return "?"


def _time_key(entry: dict[str, Any]) -> float:
    """Sort key that survives an entry whose time is not a number."""
    try:
        return float(entry.get("time") or 0)
    except (TypeError, ValueError):
        return 0.0


def _named(names: dict[str, str], key: str) -> Getter:
    def text(entry: dict[str, Any]) -> str:
        value = str(entry.get(key, ""))
        return _tr(names[value]) if value in names else value

    return text


def _run_id(entry: dict[str, Any]) -> str:
    return str(entry.get("run_id", ""))


def _detail(entry: dict[str, Any]) -> str:
    return str(entry.get("detail") or "")


def _input_tooltip(entry: dict[str, Any]) -> str | None:
    value = entry.get("input")
    return None if value is None else _input_text(value, indent=2)


COLUMNS = (
    TableColumn(QT_TRANSLATE_NOOP("AuditView", "When"), _when),
    TableColumn(QT_TRANSLATE_NOOP("AuditView", "Run"), lambda e: _run_id(e)[:8],
                tooltip=_run_id),
    TableColumn(QT_TRANSLATE_NOOP("AuditView", "Action"), _named(ACTIONS, "action")),
    TableColumn(QT_TRANSLATE_NOOP("AuditView", "From"), _named(SOURCES, "source")),
    TableColumn(QT_TRANSLATE_NOOP("AuditView", "User"), lambda e: str(e.get("user", ""))),
    TableColumn(QT_TRANSLATE_NOOP("AuditView", "Input"), lambda e: _input_text(e.get("input")),
                tooltip=_input_tooltip),
    TableColumn(QT_TRANSLATE_NOOP("AuditView", "Detail"), _detail, tooltip=_detail),
)
WHEN, RUN, ACTION, SOURCE, USER, INPUT, DETAIL = range(len(COLUMNS))


class AuditModel(ColumnTableModel):
    """Audit entries, newest first, optionally only those whose run id contains a text."""

    context = "AuditView"
    columns = COLUMNS

    def __init__(self, path: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self._all: list[dict[str, Any]] = []
        self._rows: list[dict[str, Any]] = []
        self._needle = ""
        self.skipped = 0
        """Damaged lines the last read skipped."""

    def reload(self) -> None:
        result = trail.read(path=self.path)
        entries = result.entries
        self.skipped = result.skipped
        entries.sort(key=_time_key, reverse=True)
        self.beginResetModel()
        self._all = entries
        self._rows = self._filtered()
        self.endResetModel()

    def set_filter(self, text: str) -> None:
        needle = text.strip().lower()
        if needle == self._needle:
            return
        self.beginResetModel()
        self._needle = needle
        self._rows = self._filtered()
        self.endResetModel()

    def _filtered(self) -> list[dict[str, Any]]:
        if not self._needle:
            return list(self._all)
        return [e for e in self._all if self._needle in str(e.get("run_id", "")).lower()]

    @property
    def total(self) -> int:
        return len(self._all)

    def entry(self, row: int) -> dict[str, Any]:
        return self._rows[row]

    def row_count(self) -> int:
        return len(self._rows)

    def row_item(self, row: int) -> dict[str, Any]:
        return self._rows[row]

    def row_data(self, item: dict[str, Any], column: int, role: int) -> Any:
        return item if role == Qt.ItemDataRole.UserRole else None


class AuditView(Retranslating, QDialog):
    """Non-modal window over the audit trail; `run_id` pre-fills the filter."""

    def __init__(
        self, parent: QWidget | None = None, run_id: str = "", path: Path | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("auditView")
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(900, 420)
        self.model = AuditModel(path, self)

        self.filter_label = QLabel(self)
        self.filter = QLineEdit(self, objectName="auditFilter")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._filter_changed)
        self.refresh_button = QPushButton(self)
        self.refresh_button.clicked.connect(self.reload)
        top = QHBoxLayout()
        top.addWidget(self.filter_label)
        top.addWidget(self.filter, 1)
        top.addWidget(self.refresh_button)

        self.table = QTableView(self, objectName="auditTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(INPUT, QHeaderView.ResizeMode.Interactive)
        self.summary = QLabel(self, objectName="auditSummary")

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)

        copy = QShortcut(QKeySequence(QKeySequence.StandardKey.Copy), self.table)
        copy.activated.connect(self.copy_selection)
        self.retranslate()
        self.reload()
        if run_id:
            self.filter.setText(run_id)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Audit trail"))
        self.filter_label.setText(self.tr("Run id:"))
        self.filter.setPlaceholderText(self.tr("Paste a run id (or part of one) to filter"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.model.retranslate()
        self._update_summary()

    def reload(self) -> None:
        try:
            self.model.reload()
        except OSError as exc:  # unreadable file: say so, keep what is shown
            self.summary.setText(
                self.tr("The audit trail cannot be read: {error}").format(error=exc)
            )
            return
        self.table.resizeColumnsToContents()
        self._update_summary()

    def _filter_changed(self, text: str) -> None:
        self.model.set_filter(text)
        self._update_summary()

    def _update_summary(self) -> None:
        shown, total = self.model.rowCount(), self.model.total
        if total == 0:
            text = self.tr("Nothing recorded yet: pauses, resumes and cancels will appear here.")
        elif shown == total:
            text = self.tr("{count} entries, newest first.").format(count=total)
        elif shown == 0:
            text = self.tr("No entry for a run id containing “{text}” ({total} in all).").format(
                text=self.filter.text().strip(), total=total
            )
        else:
            text = self.tr("{shown} of {total} entries.").format(shown=shown, total=total)
        if self.model.skipped:
            text += " " + self.tr(
                "{count} damaged line(s) in {file} could not be read and were skipped."
            ).format(count=self.model.skipped, file=self.model.path or trail.location())
        self.summary.setText(text)

    def copy_selection(self) -> None:
        """Selected rows as tab-separated text, full run id and input included."""
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        lines = []
        for row in rows:
            entry = self.model.entry(row)
            lines.append(
                "\t".join(
                    [
                        _when(entry),
                        str(entry.get("run_id", "")),
                        str(entry.get("action", "")),
                        str(entry.get("source", "")),
                        str(entry.get("user", "")),
                        _input_text(entry.get("input")),
                        str(entry.get("detail") or ""),
                    ]
                )
            )
        if lines:
            QGuiApplication.clipboard().setText("\n".join(lines))


_open_view: AuditView | None = None


def open_audit_view() -> AuditView:
    """The app's one audit window (from the File menu or the tray), shown and raised.

    Reloaded when shown again, so an action taken meanwhile is in it.
    """
    global _open_view
    if _open_view is None:
        _open_view = AuditView(None)
        _open_view.destroyed.connect(_forget_view)
    else:
        _open_view.reload()
    _open_view.show()
    _open_view.raise_()
    _open_view.activateWindow()
    return _open_view


def _forget_view(*_args: object) -> None:
    global _open_view
    _open_view = None


def close_audit_view() -> None:
    """Close the audit window if it is open (the app is quitting)."""
    if _open_view is not None:
        _open_view.close()
