"""The Appearance tab: language and theme.

Language names are shown in their own language ("简体中文", "English"), as
every OS does, so a person who cannot read the current UI still finds theirs.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QWidget

from desktop_app.ui.retranslating import Retranslating
from desktop_app.ui.settings.preferences import LANGUAGES, THEMES

LANGUAGE_NAMES = {"en": "English", "zh_CN": "简体中文"}


class AppearancePage(Retranslating, QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = QComboBox(self, objectName="language")
        for code in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES.get(code, code), code)
        self.theme = QComboBox(self, objectName="theme")
        for code in THEMES:
            self.theme.addItem(code, code)
        self.language_label = QLabel(self)
        self.theme_label = QLabel(self)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.language_label, self.language)
        form.addRow(self.theme_label, self.theme)
        form.addRow(self.note)
        self.retranslate()

    def load(self, language: str, theme: str) -> None:
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        self.theme.setCurrentIndex(max(0, self.theme.findData(theme)))

    def chosen(self) -> tuple[str, str]:
        return str(self.language.currentData()), str(self.theme.currentData())

    def retranslate(self) -> None:
        self.language_label.setText(self.tr("Language:"))
        self.theme_label.setText(self.tr("Theme:"))
        self.language.setItemText(0, self.tr("System default"))
        names = {
            "system": self.tr("System default"),
            "light": self.tr("Light"),
            "dark": self.tr("Dark"),
        }
        for row in range(self.theme.count()):
            self.theme.setItemText(row, names.get(self.theme.itemData(row), ""))
        self.note.setText(self.tr("Both apply at once, to every open window."))

