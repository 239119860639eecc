"""A scroll area as tall as its form (up to a cap), so a message never hides a hint.

A plain QScrollArea keeps its height when the form inside grows (a validation
message appears under a field): the last help text slides out of view. This
one asks for its form's height, up to `max_height`, and re-asks whenever the
form's layout changes; the dialog around it grows to fit, and only a form taller
than the cap scrolls.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget


class FittingScrollArea(QScrollArea):
    def __init__(self, parent: QWidget | None = None, max_height: int = 520) -> None:
        super().__init__(parent)
        self.max_height = max_height
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)

    def setWidget(self, widget: QWidget) -> None:  # type: ignore[override]
        super().setWidget(widget)
        widget.installEventFilter(self)
        self.updateGeometry()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()  # the form changed height: ask the dialog again
        return super().eventFilter(watched, event)

    def _fitted(self, hint: QSize) -> QSize:
        widget = self.widget()
        if widget is None:
            return hint
        frame = 2 * self.frameWidth()
        content = widget.sizeHint()
        width = widget.width() or content.width()
        fits = widget.hasHeightForWidth()
        height = widget.heightForWidth(width) if fits else content.height()
        return QSize(hint.width(), min(self.max_height, max(height, 0) + frame))

    def sizeHint(self) -> QSize:
        return self._fitted(super().sizeHint())

    def minimumSizeHint(self) -> QSize:
        return self._fitted(super().minimumSizeHint())
