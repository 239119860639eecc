"""The newest artifact of each key a flow's runs made, from the Deployments tab.

Prefect's artifact keys name a thing that changes run after run (a daily
report, a row count); what a person wants from the flow's page is the
current one of each, without opening a run. This dialog reuses the run
detail's `ArtifactsView`, fed by `services.artifacts.latest_artifacts`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop_app.core.api.errors import FlowdeskError
from desktop_app.core.api.models import DeploymentInfo
from desktop_app.services import artifacts
from desktop_app.ui.async_tools import TaskKeeper, TaskSlot, describe
from desktop_app.ui.detail.artifacts_view import ArtifactsView
from desktop_app.ui.retranslating import Retranslating

if TYPE_CHECKING:
    from desktop_app.core.api.client import FlowdeskClient
    from desktop_app.ui.deployments.view import DeploymentsView


def open_latest(view: DeploymentsView) -> LatestArtifactsDialog | None:
    """Open the dialog for the deployment selected in `view` (its context action)."""
    dep = view.selected()
    if dep is None:
        return None
    dialog = LatestArtifactsDialog(view.context.get_client, dep, view.context.tasks, view)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


class LatestArtifactsDialog(Retranslating, QDialog):
    def __init__(
        self,
        get_client: Callable[[], FlowdeskClient | None],
        deployment: DeploymentInfo,
        keeper: TaskKeeper,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("latestArtifactsDialog")
        self._get_client = get_client
        self.deployment = deployment
        self._load = TaskSlot(keeper, "latest-artifacts")
        self.loads = 0
        layout = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.view = ArtifactsView(self)
        self.view.empty_words = lambda: self.tr(
            "No runs of this flow made an artifact with a key yet."
        )
        layout.addWidget(self.view, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.refresh_button = QPushButton(self)
        self.buttons.addButton(self.refresh_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.refresh_button.clicked.connect(self.reload)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(900, 560)
        self.retranslate()
        self.reload()

    def retranslate(self) -> None:
        flow = self.deployment.flow_name
        self.setWindowTitle(self.tr("Latest artifacts of {flow}").format(flow=flow))
        self.intro.setText(
            self.tr(
                "The newest artifact of each key made by runs of the flow {flow} "
                "(from any of its deployments)."
            ).format(flow=flow)
        )
        self.refresh_button.setText(self.tr("Refresh"))

    def reload(self) -> None:
        client = self._get_client()
        if client is None:
            self.view.banner.show_message(self.tr("Not connected to a Prefect server."), "warning")
            return
        if not self._load.busy:
            self._load.start(self._read(client))

    async def _read(self, client: FlowdeskClient) -> None:
        try:
            found = await artifacts.latest_artifacts(client, flow_id=self.deployment.flow_id)
        except FlowdeskError as exc:
            self.view.banner.show_message(describe(exc), "error")
            return
        self.loads += 1
        self.view.set_artifacts(found, {})

    def done(self, result: int) -> None:
        self._load.cancel()
        super().done(result)
