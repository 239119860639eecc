"""The tray: paused-run badge, pause notifications, resume from the menu."""

from desktop_app.ui.tray.close_to_tray import CloseToTray
from desktop_app.ui.tray.controller import ServerControls, TrayController, tray_available

__all__ = ["CloseToTray", "ServerControls", "TrayController", "tray_available"]
