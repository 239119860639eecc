"""The strip that says which run the canvas is showing, and offers its logs.

Shown while the designer follows a run: its name and live state (coloured
like everywhere else in the app), the failure message when there is one,
"Resume…" when it waits at an approval, "Logs" and "Stop showing".
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from desktop_app.core.api.models import RunInfo
from desktop_app.ui.style import state_color, state_icon, state_name


class RunBar(QFrame):
    logs_requested = Signal()
    resume_requested = Signal()
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 4, 2)
        self.icon = QLabel(self)
        layout.addWidget(self.icon)
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setWordWrap(True)
        layout.addWidget(self.label, 1)
        self.resume_button = QPushButton(self.tr("Resume…"), self)
        self.resume_button.clicked.connect(self.resume_requested)
        self.resume_button.hide()
        layout.addWidget(self.resume_button)
        self.logs_button = QPushButton(self.tr("Logs"), self)
        self.logs_button.setToolTip(self.tr("This run's logs, task runs and result"))
        self.logs_button.clicked.connect(self.logs_requested)
        layout.addWidget(self.logs_button)
        self.dismiss_button = QPushButton(self.tr("Stop showing"), self)
        self.dismiss_button.setToolTip(self.tr("Clear the run's colours from the canvas"))
        self.dismiss_button.clicked.connect(self.dismissed)
        layout.addWidget(self.dismiss_button)
        self.run: RunInfo | None = None
        self.hide()

    def show_starting(self, run_id: str) -> None:
        self.run = None
        self.icon.setPixmap(state_icon("PENDING").pixmap(16, 16))
        self.label.setText(self.tr("Run {id}: starting…").format(id=run_id[:8]))
        self.resume_button.hide()
        self.show()

    def set_run(self, run: RunInfo, waiting_at: str | None = None) -> None:
        self.run = run
        state = run.state
        self.icon.setPixmap(state_icon(state.type).pixmap(16, 16))
        text = self.tr("Run “{name}”: {state}").format(name=run.name,
                                                       state=state_name(state.name))
        if waiting_at:
            text += " — " + self.tr("waiting at “{node}”").format(node=waiting_at)
        if state.type in ("FAILED", "CRASHED") and state.message:
            text += "\n" + state.message
        self.label.setText(text)
        color = state_color(state.type).name()
        self.setStyleSheet(f"RunBar {{ border-left: 4px solid {color}; }}")
        self.resume_button.setVisible(bool(waiting_at))
        self.show()
