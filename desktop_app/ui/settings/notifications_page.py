"""The Notifications tab: what the tray announces, and what closing the window does."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from desktop_app.ui.retranslating import Retranslating
from desktop_app.ui.settings.preferences import Preferences

CHECKED = {
    "on_pause": "notify_on_pause",
    "on_end": "notify_on_end",
    "on_failure": "notify_on_failure",
    "sound": "sound",
    "close_to_tray": "close_to_tray",
}
"""Each check box of the page (attribute) → the `Preferences` field it shows and sets."""


class NotificationsPage(Retranslating, QWidget):
    def __init__(self, tray_available: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tray_available = tray_available
        self.on_pause = QCheckBox(self, objectName="notifyOnPause")
        self.on_end = QCheckBox(self, objectName="notifyOnEnd")
        self.on_failure = QCheckBox(self, objectName="notifyOnFailure")
        self.quiet_note = QLabel(self)
        self.quiet_note.setWordWrap(True)
        self.quiet_note.setEnabled(False)
        self.quiet_note.setContentsMargins(24, 0, 0, 4)  # under its check box, as its note
        self.sound = QCheckBox(self, objectName="notifySound")
        self.close_to_tray = QCheckBox(self, objectName="closeToTray")
        self.close_to_tray.setEnabled(tray_available)
        self.no_tray = QLabel(self)
        self.no_tray.setWordWrap(True)
        self.no_tray.setVisible(not tray_available)
        # What a long pause costs: a process each, unless released (pause_here's release_after).
        self.release_label = QLabel(self)
        self.release_after = QSpinBox(self, objectName="releasePausedAfter")
        self.release_after.setRange(0, 7 * 24 * 60)
        self.release_label.setBuddy(self.release_after)
        self.release_hint = QLabel(self)
        self.release_hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        for widget in (
            self.on_pause,
            self.on_end,
            self.on_failure,
            self.quiet_note,
            self.sound,
            self.close_to_tray,
            self.no_tray,
        ):
            layout.addWidget(widget)
        release_row = QHBoxLayout()
        release_row.addWidget(self.release_label)
        release_row.addWidget(self.release_after)
        release_row.addStretch(1)
        layout.addSpacing(8)
        layout.addLayout(release_row)
        layout.addWidget(self.release_hint)
        layout.addStretch(1)
        self.retranslate()

    def load(self, prefs: Preferences) -> None:
        for box, name in CHECKED.items():
            getattr(self, box).setChecked(getattr(prefs, name))
        self.release_after.setValue(prefs.release_paused_after_minutes)

    def save(self, prefs: Preferences) -> None:
        for box, name in CHECKED.items():
            setattr(prefs, name, getattr(self, box).isChecked())
        prefs.release_paused_after_minutes = self.release_after.value()

    def retranslate(self) -> None:
        self.on_pause.setText(self.tr("Tell me when a run pauses"))
        self.on_end.setText(self.tr("Tell me how a run ends after it had paused"))
        self.on_failure.setText(self.tr("Tell me when a run fails or crashes"))
        self.quiet_note.setText(
            self.tr(
                "To quiet one deployment only, right-click it in the Deployments tab and "
                "untick \"Tell me when a run fails\"."
            )
        )
        self.sound.setText(self.tr("Play a sound with these notifications"))
        self.close_to_tray.setText(self.tr("Closing the window keeps Flowdesk running in the tray"))
        self.no_tray.setText(
            self.tr(
                "This desktop has no system tray: closing the window quits, and pauses "
                "are shown in the window's title and taskbar entry instead."
            )
        )
        self.release_label.setText(self.tr("Release a paused run's memory after:"))
        self.release_after.setSuffix(self.tr(" min"))
        self.release_after.setSpecialValueText(self.tr("never"))
        self.release_hint.setText(
            self.tr(
                "A paused run keeps its process (about 100 MB) while it waits. After this "
                "long its process exits; resuming starts it again and it goes on from the "
                "pause, reusing its finished tasks' results. Applies to pauses whose flow "
                "sets no release_after, in runs of served flows."
            )
        )

