"""`RunParametersDialog`: start a deployment with parameters from a generated form.

The form comes from the deployment's `parameter_openapi_schema`, pre-filled
with the deployment's own parameter values (else the flow's defaults). A
value the schema refuses is flagged and not sent; if the server still refuses
(it enforces the same schema: HTTP 409 "Validation failed for field …"), the
reason is shown next to the field and the dialog stays open. Non-modal:
`.open()`/`.show()`, never `.exec()` (qasync).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFrame,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.api.models import DeploymentInfo
from desktop_app.ui.async_tools import GetClient, describe
from desktop_app.ui.forms.banner import Banner
from desktop_app.ui.forms.deployment_dialog import DeploymentDialog
from desktop_app.ui.forms.schema_form import SchemaForm

if TYPE_CHECKING:
    from desktop_app.core.api.client import FlowdeskClient


class RunParametersDialog(DeploymentDialog):
    """Fill in a deployment's parameters and start a run."""

    started = Signal(object)  # RunInfo of the new run

    def __init__(
        self, get_client: GetClient, deployment: DeploymentInfo, parent: QWidget | None = None
    ) -> None:
        super().__init__(get_client, deployment, parent)
        self.setWindowTitle(self.tr("Run {name}").format(name=deployment.full_name))
        self.setMinimumWidth(480)

        layout = QVBoxLayout(self)
        layout.addWidget(self._title_label(1.2))
        if deployment.description:
            # A docstring: `code` and **bold** read as Markdown, not as marks.
            about = QLabel(deployment.description, self, objectName="deploymentDescription")
            about.setWordWrap(True)
            about.setEnabled(False)
            about.setTextFormat(Qt.TextFormat.MarkdownText)
            layout.addWidget(about)
        from desktop_app.ui.deployments.model import file_note

        self.file_note = QLabel(file_note(deployment), self, objectName="flowFile")
        self.file_note.setWordWrap(True)
        self.file_note.setTextFormat(Qt.TextFormat.PlainText)
        self.file_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.file_note.setVisible(bool(self.file_note.text()))
        layout.addWidget(self.file_note)

        self.form = SchemaForm(
            deployment.parameter_schema, dict(deployment.parameters), self,
            checks=deployment.parameter_checks,
        )
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.form)
        layout.addWidget(scroll, 1)
        self.form.changed.connect(self._on_changed)

        self.banner = Banner(self)
        layout.addWidget(self.banner)

        self.run_button = self._add_buttons(layout, self.tr("Run"))
        reset = self.buttons.addButton(self.tr("Reset"), QDialogButtonBox.ButtonRole.ResetRole)
        reset.clicked.connect(self._on_reset)
        self._check_connection()

    def _check_connection(self) -> bool:
        if self._get_client() is None:
            self.banner.show_message(self.tr("Not connected to a Prefect server."), "error")
            return False
        return True

    def submit(self) -> None:
        if self._busy:
            return
        client = self._get_client()
        if client is None:
            self._check_connection()
            return
        self.form.clear_server_error()
        if self.form.validate():
            self.banner.show_message(
                self.tr("Please fix the marked fields. Nothing was started."), "error"
            )
            return
        self.banner.clear()
        self._set_busy(True)
        self._tasks.spawn(self._start(client, self.form.values()), name="run-parameters-start")

    async def _start(self, client: FlowdeskClient, values: dict[str, Any]) -> None:
        await self._submit(client.run_deployment(self.deployment.id, values), self.started.emit)

    def _fail(self, exc: BaseException) -> None:
        text = describe(exc)
        self.form.show_server_error(text, banner=False)
        self.banner.show_message(
            self.tr("The run was not started: {error}").format(error=text), "error"
        )

    def _set_busy(self, busy: bool) -> None:
        super()._set_busy(busy)
        self.run_button.setEnabled(not busy)
        self.run_button.setText(self.tr("Starting…") if busy else self.tr("Run"))
        self.form.setEnabled(not busy)

    def _on_changed(self) -> None:
        if self.banner.kind == "error" and self._get_client() is not None:
            self.banner.clear()

    def _on_reset(self) -> None:
        self.form.reset()
        self.banner.clear()
        self._check_connection()
