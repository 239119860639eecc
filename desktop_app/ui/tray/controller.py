"""TrayController: the tray icon, its menu and notifications, wired to the app by callbacks.

The app gives it `get_client`, what to do to show the window or one run, and
the server controls; it gets back run events (`on_run_event`), server views
(`on_server_changed`) and connection changes (`set_connected`). Nothing here
reaches into the main window, so the window can change freely.

Without a system tray (`QSystemTrayIcon.isSystemTrayAvailable()` false) no
icon is made; notifications go to the window (`WindowAlert`: title badge +
taskbar alert) and closing the window quits as usual.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QApplication, QSystemTrayIcon, QWidget
from shiboken6 import isValid

from desktop_app.core.api.models import RunEvent
from desktop_app.services.failures import FAILED_STATES, FailureLedger
from desktop_app.ui.async_tools import TaskKeeper
from desktop_app.ui.settings.preferences import Preferences
from desktop_app.ui.timers import make_timer
from desktop_app.ui.tray.close_to_tray import CloseToTray
from desktop_app.ui.tray.failure_menu import FailureHandlers
from desktop_app.ui.tray.failure_watcher import FailureWatcher
from desktop_app.ui.tray.icon import tray_icon
from desktop_app.ui.tray.menu import MenuHandlers, MenuState, TrayMenu
from desktop_app.ui.tray.notifier import Notification, Notifier
from desktop_app.ui.tray.resumer import TrayResumer
from desktop_app.ui.tray.run_tracker import PausedRun, RunTracker
from desktop_app.ui.tray.texts import SEP, counts_line
from desktop_app.ui.window_alert import WindowAlert

if TYPE_CHECKING:
    from desktop_app.core.api.client import FlowdeskClient

log = logging.getLogger(__name__)

MESSAGE_MS = {
    "paused": 10_000,
    "summary": 10_000,
    "failed": 10_000,
    "failure": 10_000,
    "failures": 10_000,
    "error": 8_000,
}
ALERT_KINDS = ("paused", "summary", "failed", "failure", "failures")
"""Notices that alert the window when there is no tray, and beep when asked to."""
DEFAULT_MESSAGE_MS = 5_000
TRAY_WATCH_MS = 2_000
TRAY_WATCH_TRIES = 90
"""Look for a late tray host every 2 s for 3 min after start."""
_LEVELS = {
    "info": QSystemTrayIcon.MessageIcon.Information,
    "warning": QSystemTrayIcon.MessageIcon.Warning,
    "critical": QSystemTrayIcon.MessageIcon.Critical,
}


@dataclass
class ServerControls:
    """What the tray may do to the server; None hides the item (e.g. remote profiles)."""

    start: Callable[[], object] | None = None
    stop: Callable[[], object] | None = None
    restart: Callable[[], object] | None = None
    open_web_ui: Callable[[], object] | None = None


def tray_available() -> bool:
    return QSystemTrayIcon.isSystemTrayAvailable()


class TrayController(QObject):
    notified = Signal(object)
    """Every `Notification` shown (balloon or window alert), after showing it."""
    paused_count_changed = Signal(int)
    tray_appeared = Signal()
    """A tray host showed up after start (e.g. the panel started after the app)."""

    def __init__(
        self,
        get_client: Callable[[], FlowdeskClient | None],
        show_window: Callable[[], object],
        open_run: Callable[[str], object],
        *,
        server: ServerControls | None = None,
        quit_app: Callable[[], object] | None = None,
        show_paused: Callable[[], object] | None = None,
        open_settings: Callable[[], object] | None = None,
        tasks: TaskKeeper | None = None,
        preferences: Preferences | None = None,
        available: bool | None = None,
        failure_ledger: FailureLedger | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._get_client = get_client
        self._show_window = show_window
        self._open_run = open_run
        self._show_paused = show_paused or show_window
        self._quit = quit_app or QApplication.quit
        self.server = server or ServerControls()
        self.tasks = tasks or TaskKeeper()
        self.preferences = preferences or Preferences()
        self.available = tray_available() if available is None else available
        self.connected = False
        self.view: Any = None
        self.window: QWidget | None = None
        self.window_alert: WindowAlert | None = None
        self.close_filter: CloseToTray | None = None
        self.last_message: Notification | None = None
        self.shown: list[Notification] = []

        self.tracker = RunTracker(get_client, self.tasks, parent=self)
        self.notifier = Notifier(
            get_client, self.tracker, self.tasks, self.preferences, parent=self
        )
        self.resumer = TrayResumer(get_client, self.tasks, parent=self)
        self.failures = FailureWatcher(
            get_client, self.tasks, self.preferences, ledger=failure_ledger, parent=self
        )
        self.failures.changed.connect(self._refresh)
        self.failures.ready.connect(self.show_notification)
        self.tracker.changed.connect(self._refresh)
        self.tracker.repaired.connect(self.notifier.add)
        self.notifier.ready.connect(self.show_notification)
        self.resumer.message.connect(self.show_notification)
        self.resumer.resumed.connect(lambda _id: self.tracker.reconcile_now())

        self.menu = TrayMenu(
            MenuHandlers(
                resume=self.resumer.resume,
                resume_input=self.resumer.resume_with_input,
                open_run=self._open_run_and_show,
                resume_all=self.resumer.confirm_resume_all,
                toggle_window=self.toggle_window,
                show_paused=self._show_paused,
                quit=self._quit,
                start=self.server.start,
                stop=self.server.stop,
                restart=self.server.restart,
                open_web=self.server.open_web_ui,
                open_audit=self.open_audit,
                open_settings=open_settings,
                failures=FailureHandlers(
                    open_run=self._open_failed,
                    retry=self.failures.retry,
                    clear=self.failures.dismiss,
                    show_window=self._show_window,
                ),
            )
        )
        self.menu.aboutToShow.connect(self._menu_opening)
        self.menu.language_changed.connect(self._language_changed)
        self.icon: QSystemTrayIcon | None = None
        if self.available:
            self._create_icon()
        # At login the app may start before the panel that hosts the tray: keep
        # looking for one for a while (only when not told there is none).
        self._tray_watch = make_timer(self, TRAY_WATCH_MS, self._look_for_tray)
        self._tray_watch_left = TRAY_WATCH_TRIES
        if self.icon is None and available is None:
            self._tray_watch.start()
        # The relative times in the tooltip ("paused 3 min ago") age.
        self._tick = make_timer(self, 30_000, self._refresh)
        self._tick.start()
        self._refresh()

    def _create_icon(self) -> None:
        self.icon = QSystemTrayIcon(tray_icon(0, False), self)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)
        self.icon.messageClicked.connect(self._message_clicked)
        self.rebuild_menu()  # a menu with content even before the first aboutToShow
        self.icon.show()

    def _look_for_tray(self) -> None:
        self._tray_watch_left -= 1
        if tray_available():
            self._tray_watch.stop()
            self.available = True
            self._create_icon()
            self._refresh()
            self.tray_appeared.emit()
        elif self._tray_watch_left <= 0:
            self._tray_watch.stop()

    # -- inputs from the app ----------------------------------------------------------
    def on_run_event(self, event: RunEvent) -> None:
        """Every run event the window receives (stream or poll)."""
        self.tracker.on_event(event)
        said = event.state_type in FAILED_STATES and self.notifier.announces_end(event.run_id)
        self.notifier.add(event)
        self.failures.on_event(event, said_elsewhere=said)

    def on_server_changed(self, view: Any) -> None:
        self.view = view
        self._refresh()

    def set_connected(self, connected: bool) -> None:
        if connected == self.connected:
            return
        self.connected = connected
        if connected:
            self.tracker.start()
            self.failures.start()
        else:
            self.tracker.stop()
            self.failures.stop()
        self._refresh()

    def attach_window(self, window: QWidget) -> CloseToTray:
        """Title badge + fallback alerts on `window`; returns the hide-on-close filter.

        The caller installs the filter (`window.installEventFilter(...)`) after
        its own close handling, see `CloseToTray`.
        """
        self.window = window
        self.window_alert = WindowAlert(window)
        self.window_alert.set_paused_count(self.tracker.paused_count)
        self.close_filter = CloseToTray(
            window,
            lambda: self.icon is not None and self.icon.isVisible(),
            self.show_hint,
            self.preferences,
        )
        return self.close_filter

    # -- window ---------------------------------------------------------------------------
    def toggle_window(self) -> None:
        window = self.window
        if window is not None and window.isVisible() and not window.isMinimized():
            window.hide()
        else:
            self._show_window()

    def _open_run_and_show(self, run_id: str) -> None:
        self._open_run(run_id)

    def _open_failed(self, run_id: str) -> None:
        """The failed run in the window: its detail shows the error."""
        self.failures.mark_seen([run_id])
        self._open_run(run_id)

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.toggle_window()

    def open_audit(self) -> QWidget:
        from desktop_app.ui.audit_view import open_audit_view

        return open_audit_view()  # the one the window's File menu shows too

    # -- notifications ----------------------------------------------------------------------
    def show_notification(self, note: Notification) -> None:
        """A balloon when there is a tray; otherwise the window alert."""
        self.last_message = note
        self.shown.append(note)
        del self.shown[:-100]
        if self.icon is not None and self.icon.isVisible():
            ms = MESSAGE_MS.get(note.kind, DEFAULT_MESSAGE_MS)
            self.icon.showMessage(
                note.title, note.body, _LEVELS.get(note.level, _LEVELS["info"]), ms
            )
        elif self.window_alert is not None and note.kind in ALERT_KINDS:
            self.window_alert.alert(note.title, note.body)
        if self.preferences.sound and note.kind in ALERT_KINDS:
            QApplication.beep()
        self.notified.emit(note)

    def show_hint(self, title: str, body: str) -> None:
        self.show_notification(Notification("hint", title, body))

    def _message_clicked(self) -> None:
        note = self.last_message
        if note is None or note.kind == "hint":
            self._show_window()
            return
        if note.kind in ("failure", "failures"):
            self.failures.mark_seen(note.run_ids)
        if note.run_id is not None:
            self._open_run(note.run_id)
        elif note.kind == "summary":
            self._show_paused()
        else:
            self._show_window()

    # -- menu --------------------------------------------------------------------------------
    def menu_state(self) -> MenuState:
        view = self.view
        managed = bool(getattr(view, "managed", True)) if view is not None else True
        phase = getattr(view, "phase", "connecting") if view is not None else "connecting"
        busy = phase in ("launching", "starting", "restarting", "stopping", "connecting")
        return MenuState(
            paused=self.tracker.paused(),
            window_visible=bool(
                self.window is not None and isValid(self.window) and self.window.isVisible()
            ),
            server_text=self._server_text(),
            connected=self.connected,
            managed=managed,
            phase=phase,
            can_start=phase in ("stopped", "failed"),
            can_stop=not busy and phase not in ("stopped", "failed"),
            can_restart=not busy,
            can_open_web=self.connected,
            failures=self.failures.recent(),
            unseen_failures=frozenset(self.failures.unseen()),
        )

    def rebuild_menu(self) -> None:
        self.menu.rebuild(self.menu_state())

    def _menu_opening(self) -> None:
        """The menu shows the failures (new ones in bold): from now on they are seen."""
        self.rebuild_menu()
        self.failures.mark_seen()

    def _server_text(self) -> str:
        view = self.view
        if view is None:
            return QCoreApplication.translate("Tray", "Server: connecting…")
        from desktop_app.ui.server_status import phase_text

        text = phase_text(view)
        fraction = getattr(view, "fraction", None)
        if getattr(view, "busy", False) and fraction is not None:
            text += f" {int(fraction * 100)} %"
        return text

    def _language_changed(self) -> None:
        self.rebuild_menu()
        self._refresh()

    # -- icon, tooltip, title -----------------------------------------------------------------
    def _refresh(self) -> None:
        count = self.tracker.paused_count
        up = self.connected and (self.view is None or getattr(self.view, "ready", True))
        if self.window_alert is not None:
            self.window_alert.set_paused_count(count)
        if self.icon is not None:
            self.icon.setIcon(tray_icon(count, up, self.failures.unseen_count))
            self.icon.setToolTip(self.tooltip())
        self.paused_count_changed.emit(count)

    def tooltip(self) -> str:
        lines = [f"Flowdesk{SEP}{self._server_text()}"]
        if self.tracker.loaded or self.tracker.states:
            line = counts_line(self.tracker.counts())
            if not self.connected:
                line = QCoreApplication.translate("Tray", "Last known: {counts}").format(
                    counts=line
                )
            lines.append(line)
        if self.tracker.failed_recent:
            lines.append(
                QCoreApplication.translate("Tray", "{count} failed in the last 24 h").format(
                    count=self.tracker.failed_recent
                )
            )
        return "\n".join(lines)

    @property
    def paused_count(self) -> int:
        return self.tracker.paused_count

    def paused(self) -> list[PausedRun]:
        return self.tracker.paused()

    # -- the end ----------------------------------------------------------------------------
    def shutdown(self) -> None:
        """Hide the icon (else it lingers in some trays until hovered) and stop timers."""
        self._tick.stop()
        self._tray_watch.stop()
        self.tracker.stop()
        self.notifier.stop()
        self.failures.stop()
        self.resumer.close_all()
        # A language switch after shutdown must not reach a window that is gone:
        # the menu (parentless) can outlive it and still hears LanguageChange.
        with contextlib.suppress(RuntimeError, TypeError):
            self.menu.language_changed.disconnect(self._language_changed)
        self.window_alert = None
        from desktop_app.ui.audit_view import close_audit_view

        close_audit_view()
        if self.close_filter is not None:
            self.close_filter.quitting = True
        if self.icon is not None:
            self.icon.hide()
