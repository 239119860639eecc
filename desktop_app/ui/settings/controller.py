"""Carries out what the settings dialog changed, in the running app.

The dialog only saves and says what changed; this is where a new language is
installed, a theme applied and -- the big one -- a profile switch re-points
every view live: `AppContext.switch` drops the old server's rows and connects
to the new one (a local server we own keeps running until the app quits).
Kept apart from `app.py` so a test can drive it with a real dialog and a
real context, without launching the whole app.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QWidget

from desktop_app.core.api.connection import Connection
from desktop_app.core.config.profiles import Profile, ProfileStore
from desktop_app.ui.settings.preferences import Preferences, SettingsSignals
from desktop_app.ui.theme import apply_theme
from desktop_app.ui.translations import install_language

if TYPE_CHECKING:
    from desktop_app.core.supervision.server import ServerManager
    from desktop_app.ui.context import AppContext
    from desktop_app.ui.settings.dialog import SettingsDialog

log = logging.getLogger(__name__)


def profile_target(
    store: ProfileStore, profile: Profile
) -> tuple[ServerManager | None, Connection | None]:
    """What an `AppContext` needs for `profile`: a server manager (local) or a connection."""
    if profile.kind == "local":
        from desktop_app.core.supervision.server import ServerManager

        return ServerManager(preferred_port=profile.port_preference or None), None
    return None, store.remote_connection(profile)


def profile_label(profile: Profile) -> str | None:
    """The name the window title shows (None for the local profile: the usual case)."""
    return None if profile.kind == "local" else profile.name


class SettingsController(QObject):
    switched = Signal(object)
    """The `Profile` the app now shows, once the context has been re-pointed."""
    applied = Signal()
    """Settings were saved (by the dialog, the Server menu, any part of the app):
    views that mirror one of them re-read it."""

    def __init__(
        self,
        context: AppContext,
        store: ProfileStore,
        preferences: Preferences,
        window: QWidget | None = None,
        *,
        tray_available: bool | None = None,
    ) -> None:
        super().__init__(window)
        self.context = context
        self.tasks = context.tasks
        """The app's tasks: a profile switch must outlive the dialog that asked for it."""
        self.store = store
        self.preferences = preferences
        self.window = window
        self.tray_available = tray_available
        self.dialog: SettingsDialog | None = None
        self.before_switch: Callable[..., object] | None = None
        """The window's "may the designer close?" check, run before re-pointing the app."""
        self.shown_id = store.active.id
        """The profile the app shows (the store's active one may be ahead of it)."""
        self.signals = SettingsSignals(preferences.store, self)
        self.signals.changed.connect(lambda _settings: self.applied.emit())

    def open(self) -> SettingsDialog:
        """Show the (one) settings dialog, built on first use."""
        if self.dialog is None:
            from desktop_app.ui.settings.dialog import SettingsDialog

            dialog = SettingsDialog(
                self.store,
                self.preferences,
                local_connection=self._local_connection,
                tray_available=self.tray_available,
                tasks=self.tasks,
                parent=self.window,
            )
            dialog.language_changed.connect(self.set_language)
            dialog.theme_changed.connect(self.set_theme)
            dialog.profile_changed.connect(self.switch_to)
            dialog.applied.connect(self.applied)
            self.dialog = dialog
        else:
            self.dialog.load()
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        return self.dialog

    def _local_connection(self) -> Connection | None:
        """The managed server's connection (for "Test connection" on the Local profile).

        From the state file only: the test itself checks health, off the Qt loop.
        """
        if self.context.manager is not None:
            return self.context.connection
        from desktop_app.core.supervision.server import ServerManager

        manager = ServerManager()
        status = manager.status(check_health=False)
        return manager.connection(status.state) if status.state is not None else None

    def set_language(self, language: str) -> None:
        app = QApplication.instance()
        if app is not None:
            install_language(app, language)

    def set_theme(self, theme: str) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, theme)

    def switch_to(self, profile: Profile) -> None:
        def switch() -> None:
            self.tasks.spawn(self._switch(profile), "switch-profile")

        def cancelled() -> None:  # the designer kept its work: stay, and say so in the store
            self.store.activate(self.shown_id)
            if self.dialog is not None:
                self.dialog.load()

        if self.before_switch is not None:
            self.before_switch(switch, cancelled)
        else:
            switch()

    async def _switch(self, profile: Profile) -> None:
        manager, connection = profile_target(self.store, profile)
        await self.context.switch(manager=manager, connection=connection)
        self.shown_id = profile.id
        log.info("now showing profile %s (%s)", profile.name, profile.kind)
        self.switched.emit(profile)
