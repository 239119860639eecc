"""The strip above the tabs that says why the data may be stale, and what to do.

Its own module so the window only assembles it; the buttons' actions are wired
by the window (restart, server log, repair of a damaged database).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from desktop_app.ui.retranslating import Retranslating
from desktop_app.ui.style import state_color, tinted


class ServerBanner(Retranslating, QFrame):
    """A strip above the tabs saying why the data may be stale, with what to do."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setAutoFillBackground(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.log_button = QPushButton(self)
        self.restart_button = QPushButton(self)
        self.repair_button = QPushButton(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.repair_button)
        layout.addWidget(self.restart_button)
        layout.addWidget(self.log_button)
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.log_button.setText(self.tr("Server log…"))
        self.repair_button.setText(self.tr("Repair database…"))

    def show_message(self, text: str, tone: str, restart_text: str | None) -> None:
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, tinted(state_color(tone), 56))
        self.setPalette(palette)
        self.text.setText(text)
        self.repair_button.hide()
        self.restart_button.setVisible(restart_text is not None)
        if restart_text:
            self.restart_button.setText(restart_text)
        self.show()
