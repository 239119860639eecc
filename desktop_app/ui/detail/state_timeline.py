"""The run's state history: a coloured band (time spent in each state) over a list.

The band answers "where did the time go" (minutes Scheduled, seconds
Running, an hour Paused); the list below gives exact times and messages.
"""

from __future__ import annotations

from datetime import datetime, timezone

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QHeaderView,
    QSizePolicy,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.api.models import StateInfo
from desktop_app.ui.retranslating import Retranslating
from desktop_app.ui.runs.formatting import format_duration, format_full_time
from desktop_app.ui.style import state_color, state_icon, state_name

BAND_HEIGHT = 18


def segments(
    history: list[StateInfo], final: bool, now: datetime | None = None
) -> list[tuple[StateInfo, float]]:
    """(state, seconds in it) for each state; the last one runs to now unless final."""
    now = now or datetime.now(timezone.utc)
    timed = [s for s in history if s.timestamp is not None]
    result = []
    for index, state in enumerate(timed):
        if index + 1 < len(timed):
            end = timed[index + 1].timestamp
        else:
            end = state.timestamp if final else now
        assert state.timestamp is not None and end is not None
        result.append((state, max(0.0, (end - state.timestamp).total_seconds())))
    return result


class StateBand(QWidget):
    """Proportional segments; a final state gets a small fixed cap so it shows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.parts: list[tuple[StateInfo, float]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(BAND_HEIGHT + 4)

    def sizeHint(self) -> QSize:
        return QSize(400, BAND_HEIGHT + 4)

    def set_parts(self, parts: list[tuple[StateInfo, float]]) -> None:
        self.parts = parts
        tips = [
            f"{state_name(s.name)}: {format_duration(seconds) or '0 s'}" for s, seconds in parts
        ]
        self.setToolTip("\n".join(tips))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(1, 2, -1, -2)
        if not self.parts:
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.tr("No states yet."))
            return
        total = sum(seconds for _s, seconds in self.parts) or 1.0
        min_width = 4.0
        fixed = min_width * len(self.parts)
        free = max(0.0, rect.width() - fixed)
        x = rect.left()
        for state, seconds in self.parts:
            width = min_width + free * seconds / total
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(state_color(state.type))
            painter.drawRect(QRectF(x, rect.top(), width, rect.height()))
            x += width
        painter.end()


class StateTimeline(Retranslating, QWidget):
    """Band + list of the run's states (oldest first)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.band = StateBand(self)
        layout.addWidget(self.band)
        self.tree = QTreeWidget(self)
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        layout.addWidget(self.tree, 1)
        self._shown: tuple[list[StateInfo], bool] = ([], False)
        self.retranslate()

    def retranslate(self) -> None:
        self.tree.setHeaderLabels(
            [self.tr("State"), self.tr("At"), self.tr("For"), self.tr("Message")]
        )
        if self._shown[0]:
            self.set_history(*self._shown)

    def set_history(self, history: list[StateInfo], final: bool) -> None:
        self._shown = (history, final)
        parts = segments(history, final)
        self.band.set_parts(parts)
        self.tree.clear()
        for state, seconds in parts:
            item = QTreeWidgetItem(
                [
                    state_name(state.name),
                    format_full_time(state.timestamp),
                    format_duration(seconds) if seconds else "",
                    (state.message or "").splitlines()[0] if state.message else "",
                ]
            )
            item.setIcon(0, state_icon(state.type))
            item.setForeground(0, state_color(state.type))
            if state.message:
                item.setToolTip(3, state.message[:2000])
            self.tree.addTopLevelItem(item)

    def row_count(self) -> int:
        return self.tree.topLevelItemCount()

    def state_names(self) -> list[str]:
        return [self.tree.topLevelItem(i).text(0) for i in range(self.tree.topLevelItemCount())]
