"""The Deployments tab's "Tell me when a run fails" switch, one deployment at a time.

A checkable action in the context menu, where a person looks when one noisy
deployment (a flaky job every 5 minutes) should stop interrupting them. It
changes the settings file (`quiet_deployments`), which the tray reads live:
the next failure of that deployment is remembered but not announced. Off for
all deployments is the settings dialog's Notifications tab.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from desktop_app.core.api.models import DeploymentInfo
from desktop_app.ui.settings.preferences import Preferences


class FailureSwitch(QObject):
    def __init__(self, preferences: Preferences | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.preferences = preferences or Preferences()
        self.action = QAction(self, objectName="failureNotices")
        self.action.setCheckable(True)
        self.action.toggled.connect(self._toggled)
        self.deployment: DeploymentInfo | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.action.setText(self.tr("Tell me when a run fails"))

    def show_for(self, deployment: DeploymentInfo | None) -> QAction:
        """The action, checked as `deployment`'s setting is (disabled without one)."""
        self.retranslate()  # the language may have changed since the last menu
        self.deployment = None  # no write while the check mark is set from the settings
        enabled = deployment is not None and self.preferences.notify_on_failure
        self.action.setEnabled(enabled)
        checked = deployment is not None and self.preferences.failure_notices(deployment.id)
        self.action.setChecked(checked)
        if deployment is not None and not self.preferences.notify_on_failure:
            self.action.setToolTip(
                self.tr("Failure notices are off for all deployments (Settings ▸ Notifications).")
            )
        else:
            self.action.setToolTip("")
        self.deployment = deployment
        return self.action

    def _toggled(self, on: bool) -> None:
        if self.deployment is not None:
            self.preferences.set_failure_notices(self.deployment.id, on)
