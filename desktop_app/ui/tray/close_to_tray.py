"""Closing the window hides it to the tray -- when there is a tray to come back from.

An event filter, so the window needs no tray code: `CloseToTray(window, ...)`
and `window.installEventFilter(filter)`. Install it *after* any filter that
turns Close into "quit" (Qt calls the most recently installed filter first),
so a hide-to-tray swallows the Close before the quit path sees it. Without a
tray (no host on this desktop) or with the preference off it lets Close pass:
closing quits as usual, never leaving an invisible app behind.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal
from PySide6.QtWidgets import QWidget

from desktop_app.ui.settings.preferences import Preferences


class CloseToTray(QObject):
    hidden = Signal()
    """The window was hidden to the tray instead of closing."""

    def __init__(
        self,
        window: QWidget,
        tray_available: Callable[[], bool],
        show_hint: Callable[[str, str], None],
        preferences: Preferences | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.tray_available = tray_available
        self.show_hint = show_hint
        self.preferences = preferences or Preferences()
        self.quitting = False
        """Set by the app's real quit path so that Close goes through."""

    def active(self) -> bool:
        return not self.quitting and self.preferences.close_to_tray and self.tray_available()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self.window or event.type() != QEvent.Type.Close:
            return False
        if not self.active():
            return False
        save = getattr(self.window, "save_state", None)
        if callable(save):
            save()  # what closeEvent would have saved (geometry, table layouts)
        self.window.hide()
        event.ignore()
        self.hidden.emit()
        if not self.preferences.close_hint_shown:
            self.preferences.close_hint_shown = True
            self.show_hint(
                QCoreApplication.translate("Tray", "Flowdesk keeps running"),
                QCoreApplication.translate(
                    "Tray",
                    "The window is hidden; runs keep going and you are told when one "
                    "pauses. Quit from this icon's menu.",
                ),
            )
        return True
