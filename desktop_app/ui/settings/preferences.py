"""The app's own preferences (language, theme, notifications, closing), in QSettings.

Connection profiles live in `ProfileStore` (JSON + secret store); these are
the small per-user switches the tray and the window read at the moment they
need them -- read live, never cached, so a change in the settings dialog
applies to the next notification without any wiring.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

LANGUAGES = ("system", "en", "zh_CN")
THEMES = ("system", "light", "dark")

_LANGUAGE = "appearance/language"
_THEME = "appearance/theme"
_NOTIFY_PAUSE = "notifications/on_pause"
_NOTIFY_END = "notifications/on_end_after_pause"
_SOUND = "notifications/sound"
_CLOSE_TO_TRAY = "tray/close_to_tray"
_CLOSE_HINT = "tray/close_hint_shown"
KEEP_RUNNING = "server/keep_running"
"""The key AppContext.keep_server_running reads: one source of truth."""


class Preferences:
    """Typed access to the preferences; `settings` defaults to the app's QSettings."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self._settings = settings

    @property
    def settings(self) -> QSettings:
        # A fresh QSettings each time follows QSettings.setPath() changes made
        # after construction (tests move FLOWDESK_HOME).
        return self._settings if self._settings is not None else QSettings()

    def _bool(self, key: str, default: bool) -> bool:
        return bool(self.settings.value(key, default, type=bool))

    def _choice(self, key: str, allowed: tuple[str, ...]) -> str:
        value = str(self.settings.value(key, allowed[0]) or allowed[0])
        return value if value in allowed else allowed[0]

    def _set(self, key: str, value: object) -> None:
        settings = self.settings
        settings.setValue(key, value)
        settings.sync()

    @property
    def language(self) -> str:
        return self._choice(_LANGUAGE, LANGUAGES)

    @language.setter
    def language(self, value: str) -> None:
        if value not in LANGUAGES:
            raise ValueError(f"unknown language '{value}' (expected one of {LANGUAGES})")
        self._set(_LANGUAGE, value)

    @property
    def theme(self) -> str:
        return self._choice(_THEME, THEMES)

    @theme.setter
    def theme(self, value: str) -> None:
        if value not in THEMES:
            raise ValueError(f"unknown theme '{value}' (expected one of {THEMES})")
        self._set(_THEME, value)

    @property
    def notify_on_pause(self) -> bool:
        return self._bool(_NOTIFY_PAUSE, True)

    @notify_on_pause.setter
    def notify_on_pause(self, value: bool) -> None:
        self._set(_NOTIFY_PAUSE, bool(value))

    @property
    def notify_on_end(self) -> bool:
        """Announce a run that ends (finishes, fails) after it had paused."""
        return self._bool(_NOTIFY_END, True)

    @notify_on_end.setter
    def notify_on_end(self, value: bool) -> None:
        self._set(_NOTIFY_END, bool(value))

    @property
    def sound(self) -> bool:
        return self._bool(_SOUND, False)

    @sound.setter
    def sound(self, value: bool) -> None:
        self._set(_SOUND, bool(value))

    @property
    def close_to_tray(self) -> bool:
        """Closing the window keeps the app in the tray (when there is a tray)."""
        return self._bool(_CLOSE_TO_TRAY, True)

    @close_to_tray.setter
    def close_to_tray(self, value: bool) -> None:
        self._set(_CLOSE_TO_TRAY, bool(value))

    @property
    def close_hint_shown(self) -> bool:
        return self._bool(_CLOSE_HINT, False)

    @close_hint_shown.setter
    def close_hint_shown(self, value: bool) -> None:
        self._set(_CLOSE_HINT, bool(value))

    @property
    def keep_server_running(self) -> bool:
        return self._bool(KEEP_RUNNING, False)

    @keep_server_running.setter
    def keep_server_running(self, value: bool) -> None:
        self._set(KEEP_RUNNING, bool(value))
