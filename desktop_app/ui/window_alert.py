"""Pause alerts for desktops without a tray: the window's title and the taskbar.

Where `QSystemTrayIcon.isSystemTrayAvailable()` is false (GNOME without the
AppIndicator extension, some tiling WMs) there is no balloon to show, so the
window says it itself: the title gains "— 2 paused" (visible in the taskbar
and the window switcher) and `QApplication.alert` flashes/bounces the
taskbar entry until the person looks. The title badge is kept with a tray
too: it costs nothing and the taskbar is where people look.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal
from PySide6.QtWidgets import QApplication, QWidget


class WindowAlert(QObject):
    alerted = Signal(str, str)
    """(title, body) of an alert shown through the window (e.g. for a status-bar line)."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.count = 0
        self.alerts: list[tuple[str, str]] = []
        self._base = window.windowTitle()
        self._applied = self._base
        window.windowTitleChanged.connect(self._title_changed)
        window.installEventFilter(self)

    def set_paused_count(self, count: int) -> None:
        self.count = max(0, count)
        self._apply()

    def alert(self, title: str, body: str) -> None:
        """Flash the taskbar entry (until the window is activated) and remember the words."""
        self.alerts.append((title, body))
        del self.alerts[:-50]
        if not self.window.isActiveWindow():
            QApplication.alert(self.window, 0)
        self.alerted.emit(title, body)

    def title_for(self, count: int) -> str:
        if count <= 0:
            return self._base
        return QCoreApplication.translate("WindowAlert", "{title} — {count} paused").format(
            title=self._base, count=count
        )

    def _apply(self) -> None:
        self._applied = self.title_for(self.count)
        if self.window.windowTitle() != self._applied:
            self.window.setWindowTitle(self._applied)

    def _title_changed(self, title: str) -> None:
        if title != self._applied:
            self._base = title  # the window renamed itself (profile, language): keep the badge
            self._apply()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self._apply()
        return False

    def detach(self) -> None:
        """Give the window its own title back."""
        self.window.removeEventFilter(self)
        self.window.windowTitleChanged.disconnect(self._title_changed)
        self.count = 0
        self.window.setWindowTitle(self._base)
