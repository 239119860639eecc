"""The tray: paused-run badge, pause notifications, resume from the menu.

Its names load on first use (PEP 562): the window takes its icon from
`tray.icon` before the first paint, and that must not import the controller,
the notifier and the resumer with it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop_app.ui.tray.close_to_tray import CloseToTray
    from desktop_app.ui.tray.controller import ServerControls, TrayController, tray_available

__all__ = ["CloseToTray", "ServerControls", "TrayController", "tray_available"]

_HOMES = {
    "CloseToTray": "desktop_app.ui.tray.close_to_tray",
    "ServerControls": "desktop_app.ui.tray.controller",
    "TrayController": "desktop_app.ui.tray.controller",
    "tray_available": "desktop_app.ui.tray.controller",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(home), name)
