"""A message strip shown in place (above a form, in a dialog): error, warning or info.

Errors are shown where the person is looking, not in a modal box they must
dismiss: the input stays on screen, ready to be fixed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

MESSAGE_COLORS = {
    # kind: (background, border, text) — readable on light and dark palettes.
    "error": ("#fdecea", "#c62828", "#7f1d1d"),
    "warning": ("#fff4e5", "#d9730d", "#6b3a00"),
    "info": ("#e8f1fd", "#1f6fd1", "#123b6d"),
    "success": ("#e7f6ed", "#1e8a4c", "#0f4d2a"),
}


def message_label(parent: QWidget) -> QLabel:
    """The text of a message strip: wrapped, plain, selectable so a reason can be copied."""
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def tint(frame: QFrame, label: QLabel, kind: str, selector: str) -> None:
    """Colour a message strip for `kind` (frame `QFrame#selector`, its label's text)."""
    background, border, color = MESSAGE_COLORS.get(kind, MESSAGE_COLORS["info"])
    frame.setStyleSheet(
        f"QFrame#{selector} {{ background: {background}; border: 1px solid {border};"
        f" border-radius: 4px; }} QFrame#{selector} QLabel {{ color: {color}; }}"
    )
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor(color))
    label.setPalette(palette)


class Banner(QFrame):
    """Hidden until `show_message`; selectable text so a reason can be copied."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        self.label = message_label(self)
        layout.addWidget(self.label, 1)
        self.kind = ""
        self.hide()

    def show_message(self, text: str, kind: str = "error") -> None:
        self.kind = kind
        # Its own name: callers rename banners (e.g. "profileProblem") for tests and styles.
        tint(self, self.label, kind, self.objectName() or "banner")
        self.label.setText(text)
        self.show()

    def clear(self) -> None:
        self.kind = ""
        self.label.clear()
        self.hide()

    def text(self) -> str:
        return self.label.text() if self.kind else ""
