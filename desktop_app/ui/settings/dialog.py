"""The settings dialog: connection profiles, appearance, notifications.

Non-modal (`open()` / `show()`, never `exec()` under qasync). OK and Apply
save; Cancel forgets the drafts. It changes nothing in the running app by
itself -- it says what changed through signals and the app re-points its
views (`profile_changed`), installs the language (`language_changed`) and
the theme (`theme_changed`). Notification preferences are read live by the
tray, so they need no signal.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QSystemTrayIcon,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.api.connection import Connection
from desktop_app.core.config.autostart import Autostart
from desktop_app.core.config.profiles import ProfileStore
from desktop_app.ui.async_tools import TaskKeeper, describe
from desktop_app.ui.retranslating import Retranslating
from desktop_app.ui.settings.appearance_page import AppearancePage
from desktop_app.ui.settings.connection_page import ConnectionPage
from desktop_app.ui.settings.notifications_page import NotificationsPage
from desktop_app.ui.settings.preferences import Preferences


class SettingsDialog(Retranslating, QDialog):
    profile_changed = Signal(object)
    """The active `Profile` after it was switched (or its address/credentials edited)."""
    language_changed = Signal(str)
    """"system", "en" or "zh_CN"."""
    theme_changed = Signal(str)
    """"system", "light" or "dark"."""
    applied = Signal()

    def __init__(
        self,
        store: ProfileStore | None = None,
        preferences: Preferences | None = None,
        *,
        autostart: Autostart | None = None,
        local_connection: Callable[[], Connection | None] | None = None,
        tray_available: bool | None = None,
        tasks: TaskKeeper | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setModal(False)
        self.resize(720, 500)
        self.store = store or ProfileStore()
        self.preferences = preferences or Preferences()
        self.tasks = tasks or TaskKeeper(self._report)
        available = (
            QSystemTrayIcon.isSystemTrayAvailable() if tray_available is None else tray_available
        )

        self.tabs = QTabWidget(self)
        self.connection = ConnectionPage(
            self.store, self.tasks, autostart, local_connection, self.preferences, self.tabs
        )
        self.appearance = AppearancePage(self.tabs)
        self.notifications = NotificationsPage(available, self.tabs)
        self.tabs.addTab(self.connection, "")
        self.tabs.addTab(self.appearance, "")
        self.tabs.addTab(self.notifications, "")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Apply
            | QDialogButtonBox.StandardButton.Cancel,
            self,
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).clicked.connect(self._ok)
        self.buttons.button(QDialogButtonBox.StandardButton.Apply).clicked.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)
        self.load()
        self.retranslate()

    def load(self) -> None:
        """Show what is saved (drafts forgotten)."""
        self.connection.reset()
        self.appearance.load(self.preferences.language, self.preferences.theme)
        self.notifications.load(self.preferences)

    def apply(self) -> bool:
        """Save everything; False (and the problem shown, nothing saved) if a profile is wrong."""
        saved, profile = self.connection.apply()
        if not saved:
            self.tabs.setCurrentWidget(self.connection)
            return False
        language, theme = self.appearance.chosen()
        old_language, old_theme = self.preferences.language, self.preferences.theme
        self.preferences.language = language
        self.preferences.theme = theme
        self.notifications.save(self.preferences)
        if profile is not None:
            self.profile_changed.emit(profile)
        if theme != old_theme:
            self.theme_changed.emit(theme)
        if language != old_language:
            self.language_changed.emit(language)
        self.applied.emit()
        return True

    def _ok(self) -> None:
        if self.apply():
            self.accept()

    def reject(self) -> None:
        self.load()  # the next open shows what is saved, not abandoned drafts
        super().reject()

    def _report(self, exc: BaseException, name: str) -> None:
        self.connection.banner.show_message(describe(exc), "error")

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Flowdesk settings"))
        self.tabs.setTabText(0, self.tr("Connection"))
        self.tabs.setTabText(1, self.tr("Appearance"))
        self.tabs.setTabText(2, self.tr("Notifications"))

