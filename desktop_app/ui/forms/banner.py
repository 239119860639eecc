"""A message strip shown in place (above a form, in a dialog): error, warning or info.

Errors are shown where the person is looking, not in a modal box they must
dismiss: the input stays on screen, ready to be fixed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

_COLORS = {
    # kind: (background, border, text) — readable on light and dark palettes.
    "error": ("#fdecea", "#c62828", "#7f1d1d"),
    "warning": ("#fff4e5", "#d9730d", "#6b3a00"),
    "info": ("#e8f1fd", "#1f6fd1", "#123b6d"),
}


class Banner(QFrame):
    """Hidden until `show_message`; selectable text so a reason can be copied."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.label, 1)
        self.kind = ""
        self.hide()

    def show_message(self, text: str, kind: str = "error") -> None:
        background, border, color = _COLORS.get(kind, _COLORS["info"])
        self.kind = kind
        self.setStyleSheet(
            f"QFrame#banner {{ background: {background}; border: 1px solid {border};"
            f" border-radius: 4px; }} QFrame#banner QLabel {{ color: {color}; }}"
        )
        palette = self.label.palette()
        palette.setColor(QPalette.ColorRole.WindowText, QColor(color))
        self.label.setPalette(palette)
        self.label.setText(text)
        self.show()

    def clear(self) -> None:
        self.kind = ""
        self.label.clear()
        self.hide()

    def text(self) -> str:
        return self.label.text() if self.kind else ""
