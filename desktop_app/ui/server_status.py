"""The server's state in the status bar, and its log a click away.

Starting shows a progress bar (a new database takes ~15-20 s to migrate, so
the user must see something move); ready, restarting, unreachable, stopped
and failed each get a coloured dot and words. Clicking opens a small non-modal
window with the server log's tail and a Restart (or Start) button.
"""

from __future__ import annotations

import asyncio

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QUrl
from PySide6.QtGui import QColor, QDesktopServices, QFontDatabase, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.config import paths
from desktop_app.core.config.logs import tail
from desktop_app.ui.context import AppContext, ServerView
from desktop_app.ui.retranslating import Retranslating
from desktop_app.ui.style import is_dark
from desktop_app.ui.timers import make_timer

_PHASE_COLORS = {  # (light, dark)
    "ready": ("#1e8a4c", "#4cd189"),
    "launching": ("#b07d00", "#e6b84a"),
    "connecting": ("#b07d00", "#e6b84a"),
    "starting": ("#b07d00", "#e6b84a"),
    "restarting": ("#b07d00", "#e6b84a"),
    "stopping": ("#6b7280", "#a3aab5"),
    "unreachable": ("#c62828", "#ff6b6b"),
    "failed": ("#c62828", "#ff6b6b"),
    "stopped": ("#6b7280", "#a3aab5"),
}


def phase_text(view: ServerView) -> str:
    tr = QCoreApplication.translate
    texts = {
        "launching": tr("ServerStatus", "Launching the local server…"),
        "connecting": tr("ServerStatus", "Connecting…"),
        "starting": tr("ServerStatus", "Server starting…"),
        "restarting": tr("ServerStatus", "Server restarting…"),
        "ready": tr("ServerStatus", "Server ready"),
        "unreachable": tr("ServerStatus", "Server not answering"),
        "stopping": tr("ServerStatus", "Server stopping…"),
        "stopped": tr("ServerStatus", "Server stopped"),
        "failed": tr("ServerStatus", "Server failed"),
    }
    return texts.get(view.phase, view.phase)


def _dot(phase: str) -> QIcon:
    light, dark = _PHASE_COLORS.get(phase, ("#6b7280", "#a3aab5"))
    pixmap = QPixmap(12, 12)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(dark if is_dark() else light))
    painter.drawEllipse(1, 1, 10, 10)
    painter.end()
    return QIcon(pixmap)


class ServerStatusWidget(QWidget):
    """Status-bar item: dot + words (+ a progress bar while starting); click for the log."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._dialog: ServerLogDialog | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.stream_label = QLabel(self, objectName="streamMode")
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.progress.setFixedWidth(120)
        self.progress.setMaximumHeight(14)
        self.button = QToolButton(self, objectName="serverStatus")
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.button.setAutoRaise(True)
        self.button.setToolTip(self.tr("Server status and log"))
        self.button.clicked.connect(self.show_log)
        layout.addWidget(self.stream_label)
        layout.addWidget(self.progress)
        layout.addWidget(self.button)
        context.server_changed.connect(self.show_view)
        context.stream_mode_changed.connect(self._stream_mode)
        self.show_view(context.view)
        self._stream_mode(context.stream_mode)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.show_view(self.context.view)
            self._stream_mode(self.context.stream_mode)
        super().changeEvent(event)

    def show_view(self, view: ServerView) -> None:
        text = phase_text(view)
        if view.fraction is not None and view.busy:
            text += f" {view.fraction * 100:.0f} %"
        self.button.setText(text)
        self.button.setIcon(_dot(view.phase))
        busy = view.phase in ("launching", "starting", "restarting")
        self.progress.setVisible(busy)
        if busy:
            self.progress.setValue(int((view.fraction or 0.0) * 1000))
        tip = [phase_text(view)]
        if view.message:
            tip.append(view.message.splitlines()[0][:300])
        if view.api_url:
            tip.append(view.api_url)
        tip.append(self.tr("Click for the server log."))
        self.button.setToolTip("\n".join(tip))

    def _stream_mode(self, mode: str) -> None:
        texts = {
            "events": self.tr("live"),
            "poll": self.tr("polling"),
            "connecting": "",
        }
        self.stream_label.setText(texts.get(mode, mode))
        self.stream_label.setToolTip(
            self.tr("Run updates arrive as events (live).")
            if mode == "events"
            else self.tr("The event stream is unavailable: run updates are polled every second.")
        )

    def show_log(self) -> None:
        if self._dialog is None:
            self._dialog = ServerLogDialog(self.context, self.window())
        self._dialog.show()
        self._dialog.raise_()
        self._dialog.activateWindow()


class ServerLogDialog(Retranslating, QDialog):
    """The server's phase, addresses and log tail, with Restart. Non-modal."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.resize(760, 460)
        self.summary = QLabel(self)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setWordWrap(True)
        self.log_view = QPlainTextEdit(self)
        self.log_view.setReadOnly(True)
        self.log_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.log_view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.restart_button = QPushButton(self)
        self.restart_button.clicked.connect(self._restart)
        self.folder_button = QPushButton(self)
        self.folder_button.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(paths.log_dir())))
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        buttons.addButton(self.restart_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.log_view, 1)
        layout.addWidget(buttons)
        self._timer = make_timer(self, 2000, self.refresh)
        context.server_changed.connect(self._show_view)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Local server"))
        self.folder_button.setText(self.tr("Open log folder"))
        self._show_view(self.context.view)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.refresh()
        self._timer.start()

    def hideEvent(self, event) -> None:
        self._timer.stop()
        super().hideEvent(event)

    def _show_view(self, view: ServerView) -> None:
        lines = [f"<b>{phase_text(view)}</b>"]
        if view.api_url:
            lines.append(self.tr("API: {url}").format(url=view.api_url))
        pids = ", ".join(f"{name} {pid}" for name, pid in view.pids.items() if pid)
        if pids:
            lines.append(self.tr("Processes: {pids}").format(pids=pids))
        if view.restarts:
            lines.append(self.tr("Restarts: {count}").format(count=view.restarts))
        if view.message:
            lines.append(view.message.splitlines()[0][:300])
        self.summary.setText("<br>".join(lines))
        managed = view.managed
        self.restart_button.setVisible(managed)
        self.restart_button.setEnabled(view.phase not in ("launching", "stopping"))
        self.restart_button.setText(
            self.tr("Start server")
            if view.phase in ("stopped", "failed")
            else self.tr("Restart server")
        )

    def refresh(self) -> None:
        """Read the log tail off the GUI thread (the file may be large or on a slow disk)."""
        self.context.tasks.spawn(self._load_tail(), "server-log-tail")

    async def _load_tail(self) -> None:
        text = await asyncio.to_thread(tail, paths.log_dir() / "server.log", 200)
        if not text:
            text = self.tr("(The server log is empty so far: {path})").format(
                path=paths.log_dir() / "server.log"
            )
        bar = self.log_view.verticalScrollBar()
        at_end = bar.value() >= bar.maximum() - 2
        if text != self.log_view.toPlainText():
            self.log_view.setPlainText(text)
            if at_end:
                bar.setValue(bar.maximum())

    def _restart(self) -> None:
        self.context.restart_server()
