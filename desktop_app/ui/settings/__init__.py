"""Settings: connection profiles, language, theme and notification preferences.

`SettingsDialog` is imported lazily: the tray needs only `Preferences`, and
should not pull in the dialog (and the connection check) to read a switch.
"""

from __future__ import annotations

from typing import Any

from desktop_app.ui.settings.preferences import Preferences

__all__ = ["Preferences", "SettingsDialog"]


def __getattr__(name: str) -> Any:
    if name == "SettingsDialog":
        from desktop_app.ui.settings.dialog import SettingsDialog

        return SettingsDialog
    raise AttributeError(name)
