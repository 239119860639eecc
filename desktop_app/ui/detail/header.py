"""The top of the run detail: what run, in what state, since when, and what it waits for."""

from __future__ import annotations

from datetime import datetime, timezone

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.api.models import RunInfo
from desktop_app.core.api.release_note import release_line
from desktop_app.ui.retranslating import Retranslating
from desktop_app.ui.runs.formatting import format_duration, format_full_time
from desktop_app.ui.style import PAUSE_REQUESTED, state_color, state_icon, state_name


class RunHeader(Retranslating, QWidget):
    """Name, coloured state, flow/deployment, start, ticking duration, pause box."""

    resume_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.run: RunInfo | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)

        top = QHBoxLayout()
        self.icon = QLabel(self)
        top.addWidget(self.icon)
        self.name = QLabel(self)
        font = self.name.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.name.setFont(font)
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top.addWidget(self.name)
        self.state = QLabel(self)
        state_font = self.state.font()
        state_font.setBold(True)
        self.state.setFont(state_font)
        top.addWidget(self.state)
        top.addStretch(1)
        layout.addLayout(top)

        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        self.fields: dict[str, QLabel] = {}
        self.captions: dict[str, QLabel] = {}
        keys = ("flow", "started", "duration", "id")
        for column, key in enumerate(keys):
            caption = QLabel(self)
            caption.setEnabled(False)
            self.captions[key] = caption
            value = QLabel(self)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(caption, 0, column)
            grid.addWidget(value, 1, column)
            self.fields[key] = value
        grid.setColumnStretch(len(keys), 1)
        layout.addLayout(grid)

        self.pause_box = QFrame(self, objectName="pauseBox")
        pause_layout = QHBoxLayout(self.pause_box)
        pause_layout.setContentsMargins(8, 4, 8, 4)
        self.pause_text = QLabel(self.pause_box)
        self.pause_text.setWordWrap(True)
        pause_layout.addWidget(self.pause_text, 1)
        self.resume_button = QPushButton(self.pause_box)
        self.resume_button.clicked.connect(self.resume_clicked)
        pause_layout.addWidget(self.resume_button)
        self.pause_box.hide()
        layout.addWidget(self.pause_box)
        self.retranslate()

    def retranslate(self) -> None:
        titles = {
            "flow": self.tr("Flow"),
            "started": self.tr("Started"),
            "duration": self.tr("Duration"),
            "id": self.tr("Run id"),
        }
        for key, caption in self.captions.items():
            caption.setText(titles[key])
        self.resume_button.setText(self.tr("Resume…"))
        if self.run is not None:
            self.set_run(self.run)

    def set_run(self, run: RunInfo | None) -> None:
        self.run = run
        if run is None:
            self.name.clear()
            self.state.clear()
            self.icon.clear()
            for value in self.fields.values():
                value.clear()
            self.pause_box.hide()
            return
        state_type = PAUSE_REQUESTED if run.pause_requested else run.state.type
        color = state_color(state_type)
        self.icon.setPixmap(state_icon(state_type).pixmap(22, 22))
        self.name.setText(run.name)
        self.state.setText(state_name(run.display_state))
        self.state.setStyleSheet(f"color: {color.name()};")
        flow = run.flow_name + (f" / {run.deployment_name}" if run.deployment_name else "")
        self.fields["flow"].setText(flow)
        self.fields["started"].setText(
            format_full_time(run.start_time) if run.start_time else self.tr("not yet")
        )
        self.fields["id"].setText(run.id)
        self.tick()
        self._pause(run)

    def tick(self) -> None:
        """Update the duration (called every second while the run is live)."""
        if self.run is None:
            return
        seconds = self.run.duration(datetime.now(timezone.utc))
        self.fields["duration"].setText(format_duration(seconds) if seconds is not None else "–")

    def _pause(self, run: RunInfo) -> None:
        color = state_color(PAUSE_REQUESTED if run.pause_requested else "PAUSED")
        self.pause_box.setStyleSheet(
            f"QFrame#pauseBox {{ border: 1px solid {color.name()}; border-radius: 4px; }}"
        )
        if run.state.is_paused:
            waits = (
                self.tr("waiting for input")
                if run.state.run_input_keyset and run.state.run_input_keyset.get("schema")
                else self.tr("waiting to be resumed")
            )
            if run.state.pause_timeout is not None:
                text = self.tr("{state}, {waits}; times out at {when}.").format(
                    state=state_name(run.display_state),
                    waits=waits,
                    when=format_full_time(run.state.pause_timeout),
                )
            else:
                text = self.tr("{state}, {waits}.").format(
                    state=state_name(run.display_state), waits=waits
                )
            if run.pause_released:
                text += "\n" + release_line(run)
            self.pause_text.setText(text)
            self.resume_button.show()
            self.pause_box.show()
        elif run.pause_requested:
            self.pause_text.setText(
                self.tr("Pause requested: the run stops at its next checkpoint.")
            )
            self.resume_button.hide()
            self.pause_box.show()
        else:
            self.pause_box.hide()
