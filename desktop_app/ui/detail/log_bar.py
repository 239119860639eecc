"""The row above the log text: level, search, only matching, wrap, follow, copy, save.

Its own widget so it retranslates itself on a live language switch; `LogView`
wires the controls to what they do.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLineEdit, QPushButton, QWidget

from desktop_app.ui.retranslating import Retranslating

LEVELS = (
    (0, QT_TRANSLATE_NOOP("LogBar", "All levels")),
    (10, QT_TRANSLATE_NOOP("LogBar", "Debug +")),
    (20, QT_TRANSLATE_NOOP("LogBar", "Info +")),
    (30, QT_TRANSLATE_NOOP("LogBar", "Warning +")),
    (40, QT_TRANSLATE_NOOP("LogBar", "Error +")),
)


class LogBar(Retranslating, QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.level_combo = QComboBox(self)
        for level, _name in LEVELS:
            self.level_combo.addItem("", level)
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.only_matching = QCheckBox(self)
        self.wrap = QCheckBox(self)
        self.follow_box = QCheckBox(self)
        self.follow_box.setChecked(True)
        self.copy_button = QPushButton(self)
        self.save_button = QPushButton(self)
        layout.addWidget(self.level_combo)
        layout.addWidget(self.search, 1)
        for widget in (
            self.only_matching,
            self.wrap,
            self.follow_box,
            self.copy_button,
            self.save_button,
        ):
            layout.addWidget(widget)
        self.retranslate()

    def retranslate(self) -> None:
        tr = self.tr
        for index, (_level, name) in enumerate(LEVELS):
            self.level_combo.setItemText(index, tr(name))
        self.level_combo.setToolTip(tr("Show only lines at or above this level"))
        self.search.setPlaceholderText(tr("Search logs (Enter: next, Shift+Enter: previous)"))
        self.only_matching.setText(tr("Only matching"))
        self.wrap.setText(tr("Wrap"))
        self.follow_box.setText(tr("Follow"))
        self.follow_box.setToolTip(tr("Keep the newest line in view; scrolling up pauses this."))
        self.copy_button.setText(tr("Copy"))
        self.copy_button.setToolTip(tr("Copy the selection, or every shown line"))
        self.save_button.setText(tr("Save…"))
        self.save_button.setToolTip(tr("Save the run's log lines to a text file"))

