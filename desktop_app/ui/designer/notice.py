"""A message strip above the canvas, with optional action buttons.

Used for everything that must not block: "a newer autosave exists —
Restore / Discard", "Deploy refused: 2 problems", a save that failed. The
person keeps working; the strip stays until acted on or closed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QToolButton, QWidget

from desktop_app.ui.forms.banner import message_label, tint


class NoticeBar(QFrame):
    """Hidden until `show_message`; `kind` tells which message is showing."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("designerNotice")
        self.kind = ""
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(10, 4, 4, 4)
        self.label = message_label(self)
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
        self.kind = kind
        tint(self, self.label, kind, "designerNotice")
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
