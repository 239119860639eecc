"""The app's own preferences (language, theme, notifications, closing), typed access for the UI.

They live in the one settings file (`core.settings`), beside the connection
profiles; "keep the server running" is the local profile's field, the same
one the settings dialog and the window's Server menu change. Read live, never
cached here, so a change in the settings dialog (or the CLI) applies to the
next notification without any wiring. `SettingsSignals` turns the store's
change callback into a Qt signal for views that must follow a change at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from desktop_app.core.config.settings import (
    LANGUAGES,
    LOCAL_ID,
    THEMES,
    Settings,
    SettingsStore,
    default_store,
)

__all__ = ["LANGUAGES", "THEMES", "Preferences", "SettingsSignals"]


class Preferences:
    """Typed access to the preferences; `store` defaults to this install's settings."""

    def __init__(self, store: SettingsStore | None = None) -> None:
        self._store = store

    @property
    def store(self) -> SettingsStore:
        # The shared store is looked up each time: tests move FLOWDESK_HOME.
        return self._store if self._store is not None else default_store()

    def _get(self, name: str) -> Any:
        return self.store.value(name)

    def _set(self, name: str, value: object) -> None:
        self.store.update(**{name: value})

    @property
    def language(self) -> str:
        return self._get("language")

    @language.setter
    def language(self, value: str) -> None:
        if value not in LANGUAGES:
            raise ValueError(f"unknown language '{value}' (expected one of {LANGUAGES})")
        self._set("language", value)

    @property
    def theme(self) -> str:
        return self._get("theme")

    @theme.setter
    def theme(self, value: str) -> None:
        if value not in THEMES:
            raise ValueError(f"unknown theme '{value}' (expected one of {THEMES})")
        self._set("theme", value)

    @property
    def notify_on_pause(self) -> bool:
        return self._get("notify_on_pause")

    @notify_on_pause.setter
    def notify_on_pause(self, value: bool) -> None:
        self._set("notify_on_pause", bool(value))

    @property
    def notify_on_end(self) -> bool:
        """Announce a run that ends (finishes, fails) after it had paused."""
        return self._get("notify_on_end")

    @notify_on_end.setter
    def notify_on_end(self, value: bool) -> None:
        self._set("notify_on_end", bool(value))

    @property
    def notify_on_failure(self) -> bool:
        """Announce runs that end Failed or Crashed (all deployments; each may be quiet)."""
        return self._get("notify_on_failure")

    @notify_on_failure.setter
    def notify_on_failure(self, value: bool) -> None:
        self._set("notify_on_failure", bool(value))

    def failure_notices(self, deployment_id: str | None) -> bool:
        """Whether a failure of this deployment's runs is announced (None: an ad hoc run)."""
        if not self.notify_on_failure:
            return False
        return deployment_id is None or deployment_id not in self._get("quiet_deployments")

    def set_failure_notices(self, deployment_id: str, on: bool) -> None:
        """The Deployments tab's switch: quiet (or not) one deployment's failures."""
        quiet = [d for d in self._get("quiet_deployments") if d != deployment_id]
        if not on:
            quiet.append(deployment_id)
        self._set("quiet_deployments", quiet)

    @property
    def sound(self) -> bool:
        return self._get("sound")

    @sound.setter
    def sound(self, value: bool) -> None:
        self._set("sound", bool(value))

    @property
    def close_to_tray(self) -> bool:
        """Closing the window keeps the app in the tray (when there is a tray)."""
        return self._get("close_to_tray")

    @close_to_tray.setter
    def close_to_tray(self, value: bool) -> None:
        self._set("close_to_tray", bool(value))

    @property
    def close_hint_shown(self) -> bool:
        return self._get("close_hint_shown")

    @close_hint_shown.setter
    def close_hint_shown(self, value: bool) -> None:
        self._set("close_hint_shown", bool(value))

    @property
    def release_paused_after_minutes(self) -> int:
        return self._get("release_paused_after_minutes")

    @release_paused_after_minutes.setter
    def release_paused_after_minutes(self, value: int) -> None:
        self._set("release_paused_after_minutes", max(0, int(value)))

    @property
    def keep_server_running(self) -> bool:
        """The local profile's switch: one value for the dialog and the Server menu."""
        return self.store.value("keep_server_running")

    @keep_server_running.setter
    def keep_server_running(self, value: bool) -> None:
        settings = self.store.get()
        if settings.local.keep_server_running == bool(value):
            return
        for profile in settings.profiles:
            if profile.id == LOCAL_ID:
                profile.keep_server_running = bool(value)
        self.store.save(settings)


class SettingsSignals(QObject):
    """`changed(Settings)` after every saved change of the store (on the saving thread)."""

    changed = Signal(object)

    def __init__(self, store: SettingsStore | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store or default_store()
        self._stop: Callable[[], None] | None = self.store.subscribe(self._emit)
        self.destroyed.connect(self._unsubscribe)

    def _emit(self, settings: Settings) -> None:
        self.changed.emit(settings)

    def _unsubscribe(self) -> None:
        if self._stop is not None:
            self._stop()
            self._stop = None
