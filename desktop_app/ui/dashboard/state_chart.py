"""A small bar chart of runs per state, drawn with QPainter; a click filters by state.

Palette roles for text and axes, state colours for bars: readable in light and
dark mode. No chart library: ~120 lines beat a dependency for eight bars.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QMouseEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop_app.ui.retranslating import Retranslating
from desktop_app.ui.runs.filters import CHIP_STATES
from desktop_app.ui.style import state_color, state_type_name


class StateBarChart(Retranslating, QWidget):
    state_clicked = Signal(str)
    """The chip (state group) whose bar was clicked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stateChart")
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.states = list(CHIP_STATES)
        self.counts: dict[str, int] = {}
        self.title = self.tr("Last 24 hours")
        self._hover: str | None = None
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def _height(self) -> int:
        """Title, count and label lines plus ~30 px of bar: the count never meets the title."""
        return 3 * QFontMetrics(self.font()).height() + 40

    def sizeHint(self) -> QSize:
        return QSize(8 * 64, self._height())

    def minimumSizeHint(self) -> QSize:
        return QSize(8 * 40, self._height())

    def set_counts(self, counts: Mapping[str, int]) -> None:
        new = {state: int(counts.get(state, 0)) for state in self.states}
        if new != self.counts:
            self.counts = new
            self._update_tooltip()
            self.update()

    def _update_tooltip(self) -> None:
        self.setToolTip(
            "\n".join(f"{state_type_name(s)}: {n}" for s, n in self.counts.items())
            + "\n"
            + self.tr("Click a bar to show those runs.")
        )

    def retranslate(self) -> None:
        self.title = self.tr("Last 24 hours")
        self._update_tooltip()
        self.update()

    def bar_rect(self, state: str) -> QRectF:
        """The clickable column of a state (bar, count and label)."""
        index = self.states.index(state)
        width = (self.width() - 8) / len(self.states)
        return QRectF(4 + index * width, 0, width, self.height())

    def state_at(self, x: float) -> str | None:
        for state in self.states:
            rect = self.bar_rect(state)
            if rect.left() <= x < rect.right():
                return state
        return None

    def title_rect(self) -> QRectF:
        return QRectF(4, 0, self.width() - 8, QFontMetrics(self.font()).height())

    def bar_and_count_rects(self, state: str) -> tuple[QRectF, QRectF]:
        """Where a state's bar and the count above it are drawn."""
        line = QFontMetrics(self.font()).height()
        # Below the title, the tallest bar's count has a line of its own.
        top, bottom = 2 * line + 6, self.height() - line - 4
        peak = max([1, *self.counts.values()])
        column = self.bar_rect(state)
        count = self.counts.get(state, 0)
        bar_width = min(28.0, column.width() * 0.5)
        height = (bottom - top) * count / peak
        if count:
            height = max(height, 2.0)
        bar = QRectF(column.center().x() - bar_width / 2, bottom - height, bar_width, height)
        label = QRectF(column.left(), bottom - height - line - 1, column.width(), line)
        return bar, label

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text_color = palette.color(QPalette.ColorRole.WindowText)
        muted = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
        metrics = QFontMetrics(self.font())
        line = metrics.height()
        bottom = self.height() - line - 4
        for state in self.states:
            column = self.bar_rect(state)
            count = self.counts.get(state, 0)
            if state == self._hover:
                hover = QColor(palette.color(QPalette.ColorRole.Highlight))
                hover.setAlpha(40)
                painter.fillRect(column.adjusted(1, 0, -1, 0), hover)
            bar, count_rect = self.bar_and_count_rects(state)
            painter.fillRect(bar, state_color(state))
            painter.setPen(text_color if count else muted)
            painter.drawText(
                count_rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, str(count)
            )
            painter.setPen(text_color if count else muted)
            label = metrics.elidedText(
                state_type_name(state), Qt.TextElideMode.ElideRight, int(column.width()) - 2
            )
            painter.drawText(
                QRectF(column.left(), bottom + 2, column.width(), line),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                label,
            )
        painter.setPen(muted)
        painter.drawText(self.title_rect(), Qt.AlignmentFlag.AlignLeft, self.title)
        painter.end()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        state = self.state_at(event.position().x())
        if state != self._hover:
            self._hover = state
            self.update()

    def leaveEvent(self, event) -> None:
        self._hover = None
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            state = self.state_at(event.position().x())
            if state is not None:
                self.state_clicked.emit(state)
