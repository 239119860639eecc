"""Task runs as a Gantt chart drawn with QPainter: one row per task, bars on a time axis.

Why paint rather than use a table: the shape of a run (what ran in
parallel, what waited, which step took the time) is seen at a glance on a
time axis, and a painted widget draws 1,000 tasks by painting only the rows
in view. Running tasks grow up to "now"; hovering a bar tells its state and
duration; clicking one selects it (`task_clicked`) to see it in depth.
"""

from __future__ import annotations

from datetime import datetime, timezone

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFontMetrics,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from desktop_app.core.api.models import TaskRunInfo
from desktop_app.ui.runs.formatting import axis_ticks, format_duration
from desktop_app.ui.style import state_color, state_name

ROW_HEIGHT = 22
AXIS_HEIGHT = 24
NAME_WIDTH = 200
MIN_BAR = 3.0


class TaskGantt(QWidget):
    """Set with `set_tasks()`; sized to its rows so a scroll area can hold it."""

    task_clicked = Signal(str)
    """The id of the task run whose row was clicked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks: list[TaskRunInfo] = []
        self.selected_id: str | None = None
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.start: datetime | None = None
        self.end: datetime | None = None
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(NAME_WIDTH + 200)

    def set_tasks(
        self,
        tasks: list[TaskRunInfo],
        run_start: datetime | None = None,
        run_end: datetime | None = None,
    ) -> None:
        """Tasks (sorted by start), with the run's span as the axis when known."""
        self.tasks = list(tasks)
        starts = [t.start_time for t in tasks if t.start_time]
        ends = [t.end_time for t in tasks if t.end_time]
        self.start = min([*starts, *([run_start] if run_start else [])], default=None)
        self.end = max([*ends, *([run_end] if run_end else [])], default=None)
        self.updateGeometry()
        self.setFixedHeight(self.sizeHint().height())
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(700, AXIS_HEIGHT + max(1, len(self.tasks)) * ROW_HEIGHT + 4)

    # -- geometry -----------------------------------------------------------------
    def _span(self) -> tuple[datetime, float] | None:
        if self.start is None:
            return None
        now = datetime.now(timezone.utc)
        running_end = [now for t in self.tasks if t.start_time and not t.end_time]
        end = max([e for e in (self.end, *running_end) if e is not None], default=now)
        span = max((end - self.start).total_seconds(), 0.001)
        return self.start, span

    def _bar(self, task: TaskRunInfo, origin: datetime, span: float, width: float):
        if task.start_time is None:
            return None
        end = task.end_time or datetime.now(timezone.utc)
        x0 = NAME_WIDTH + (task.start_time - origin).total_seconds() / span * width
        x1 = NAME_WIDTH + (end - origin).total_seconds() / span * width
        return x0, max(x1, x0 + MIN_BAR)

    def row_at(self, y: float) -> int | None:
        index = int((y - AXIS_HEIGHT) // ROW_HEIGHT)
        return index if 0 <= index < len(self.tasks) and y >= AXIS_HEIGHT else None

    # -- painting -----------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text_color = palette.color(QPalette.ColorRole.WindowText)
        grid = QColor(text_color)
        grid.setAlpha(40)
        metrics = QFontMetrics(self.font())
        if not self.tasks:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(
                self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No task runs (yet).")
            )
            return
        span_info = self._span()
        width = max(10.0, self.width() - NAME_WIDTH - 12)
        if span_info is not None:
            span = span_info[1]
            painter.setPen(QPen(grid, 1))
            for tick, label in axis_ticks(span, width):
                x = NAME_WIDTH + tick / span * width
                painter.drawLine(QPointF(x, AXIS_HEIGHT - 4), QPointF(x, self.height()))
                painter.setPen(text_color)
                if x + 3 + metrics.horizontalAdvance(label) <= self.width():
                    painter.drawText(QPointF(x + 3, AXIS_HEIGHT - 8), label)
                painter.setPen(QPen(grid, 1))
        first = max(0, int((event.rect().top() - AXIS_HEIGHT) // ROW_HEIGHT))
        last = min(len(self.tasks), int((event.rect().bottom() - AXIS_HEIGHT) // ROW_HEIGHT) + 1)
        for index in range(first, last):
            task = self.tasks[index]
            top = AXIS_HEIGHT + index * ROW_HEIGHT
            if task.id == self.selected_id:
                selected = QColor(palette.color(QPalette.ColorRole.Highlight))
                selected.setAlpha(70)
                painter.fillRect(QRectF(0, top, self.width(), ROW_HEIGHT), selected)
            elif index % 2:
                shade = QColor(text_color)
                shade.setAlpha(12)
                painter.fillRect(QRectF(0, top, self.width(), ROW_HEIGHT), shade)
            painter.setPen(text_color)
            name = metrics.elidedText(task.name, Qt.TextElideMode.ElideMiddle, NAME_WIDTH - 12)
            painter.drawText(
                QRectF(6, top, NAME_WIDTH - 12, ROW_HEIGHT),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                name,
            )
            if span_info is None:
                continue
            bar = self._bar(task, span_info[0], span_info[1], width)
            if bar is None:
                continue
            color = state_color(task.state.type)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color)
            rect = QRectF(bar[0], top + 4, bar[1] - bar[0], ROW_HEIGHT - 8)
            painter.drawRoundedRect(rect, 3, 3)
            if task.end_time is None:  # still running: an open right edge
                painter.setPen(QPen(color.darker(130), 2, Qt.PenStyle.DotLine))
                painter.drawLine(rect.topRight(), rect.bottomRight())
        painter.end()

    # -- selection, tooltips --------------------------------------------------------
    def select(self, task_id: str | None) -> None:
        self.selected_id = task_id
        self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        index = self.row_at(event.position().y())
        if index is not None and event.button() == Qt.MouseButton.LeftButton:
            self.select(self.tasks[index].id)
            self.task_clicked.emit(self.tasks[index].id)
            return
        super().mousePressEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.update()  # axis units and the empty text are drawn in the new language
        super().changeEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = self.row_at(event.pos().y())
            if index is None:
                QToolTip.hideText()
                event.ignore()
                return True
            QToolTip.showText(event.globalPos(), self.tooltip_for(index), self)
            return True
        return super().event(event)

    def tooltip_for(self, index: int) -> str:
        task = self.tasks[index]
        if task.start_time and task.end_time:
            seconds = (task.end_time - task.start_time).total_seconds()
        elif task.start_time:
            seconds = (datetime.now(timezone.utc) - task.start_time).total_seconds()
        else:
            seconds = None
        duration = format_duration(seconds) if seconds is not None else self.tr("not started")
        return self.tr("{name}\n{state} · {duration}").format(
            name=task.name, state=state_name(task.state.name), duration=duration
        )
