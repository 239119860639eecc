"""A message strip above the canvas, with optional action buttons.

Used for everything that must not block: "a newer autosave exists —
Restore / Discard", "Deploy refused: 2 problems", a save that failed. The
person keeps working; the strip stays until acted on or closed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

_COLORS = {
    "error": ("#fdecea", "#c62828", "#7f1d1d"),
    "warning": ("#fff4e5", "#d9730d", "#6b3a00"),
    "info": ("#e8f1fd", "#1f6fd1", "#123b6d"),
    "success": ("#e7f6ed", "#1e8a4c", "#0f4d2a"),
}


class NoticeBar(QFrame):
    """Hidden until `show_message`; `kind` tells which message is showing."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("designerNotice")
        self.kind = ""
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(10, 4, 4, 4)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._layout.addWidget(self.label, 1)
        self.buttons: list[QPushButton] = []
        self.close_button = QToolButton(self)
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(self.tr("Dismiss"))
        self.close_button.clicked.connect(self.clear)
        self._layout.addWidget(self.close_button)
        self.hide()

    def show_message(self, text: str, kind: str = "info",
                     actions: list[tuple[str, Callable[[], None]]] | None = None) -> None:
        background, border, color = _COLORS.get(kind, _COLORS["info"])
        self.kind = kind
        self.setStyleSheet(
            f"QFrame#designerNotice {{ background: {background}; border: 1px solid {border};"
            f" border-radius: 4px; }} QFrame#designerNotice QLabel {{ color: {color}; }}")
        palette = self.label.palette()
        palette.setColor(QPalette.ColorRole.WindowText, QColor(color))
        self.label.setPalette(palette)
        self.label.setText(text)
        for button in self.buttons:
            button.deleteLater()
        self.buttons = []
        for index, (label, callback) in enumerate(actions or []):
            button = QPushButton(label, self)
            button.clicked.connect(lambda _checked=False, cb=callback: self._act(cb))
            self._layout.insertWidget(1 + index, button)
            self.buttons.append(button)
        self.show()

    def _act(self, callback: Callable[[], None]) -> None:
        self.clear()
        callback()

    def button(self, label: str) -> QPushButton | None:
        return next((b for b in self.buttons if b.text() == label), None)

    def text(self) -> str:
        return self.label.text() if self.kind else ""

    def clear(self) -> None:
        self.kind = ""
        self.label.clear()
        for button in self.buttons:
            button.deleteLater()
        self.buttons = []
        self.hide()
