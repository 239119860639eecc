"""`ScheduleEditDialog`: add a schedule to a deployment, or change one.

Save goes through `services.schedules` (checked, marked "edited here",
audited). A schedule the editor finds wrong cannot be saved; one the server
refuses leaves the dialog open with the reason, and an edit that fails leaves
the old schedule as it was (Prefect replaces it in one request). Non-modal:
`.open()`, never `.exec()` (qasync).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop_app.core.api.models import DeploymentInfo
from desktop_app.core.api.schedule_models import ScheduleEntry, ScheduleSpec
from desktop_app.services import schedules
from desktop_app.ui.async_tools import GetClient, describe
from desktop_app.ui.forms.banner import Banner
from desktop_app.ui.forms.deployment_dialog import DeploymentDialog
from desktop_app.ui.schedules.editor import ScheduleEditor

if TYPE_CHECKING:
    from desktop_app.core.api.client import FlowdeskClient


def kept_note() -> str:
    """The rule, said where schedules are edited."""
    return QCoreApplication.translate(
        "ScheduleEditDialog",
        "Schedules you set in Flowdesk are kept when the flow file changes and is served "
        "again; until you change one here, the file's own schedules apply.",
    )


class ScheduleEditDialog(DeploymentDialog):
    """One schedule: the editor, the rule about re-serving, Save and Cancel."""

    saved = Signal(object)  # services.schedules.Changed

    def __init__(
        self,
        get_client: GetClient,
        deployment: DeploymentInfo,
        entry: ScheduleEntry | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(get_client, deployment, parent, object_name="scheduleEditDialog")
        self.entry = entry
        self.setMinimumWidth(520)
        self.setWindowTitle(
            (
                self.tr("Change schedule of {name}")
                if entry
                else self.tr("Add a schedule to {name}")
            ).format(name=deployment.full_name)
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self._title_label(1.15))
        self.editor = ScheduleEditor(entry.spec if entry else None, self)
        layout.addWidget(self.editor)
        self.note = QLabel(kept_note(), self, objectName="scheduleKeptNote")
        self.note.setWordWrap(True)
        self.note.setEnabled(False)
        layout.addWidget(self.note)
        self.banner = Banner(self)
        layout.addWidget(self.banner)
        self.save_button = self._add_buttons(layout, self.tr("Save"))
        self.editor.changed.connect(self._on_changed)
        self._on_changed()

    def _on_changed(self) -> None:
        self.save_button.setEnabled(not self._busy and self.editor.spec() is not None)
        if self.banner.kind == "error":
            self.banner.clear()

    def submit(self) -> None:
        if self._busy:
            return
        spec = self.editor.spec()
        if spec is None:
            self.banner.show_message(
                self.tr("Not saved: {error}").format(error=self.editor.error()), "error"
            )
            return
        client = self._get_client()
        if client is None:
            self.banner.show_message(self.tr("Not connected to a Prefect server."), "error")
            return
        self._set_busy(True)
        self._tasks.spawn(self._save(client, spec), name="schedule-save")

    async def _save(self, client: FlowdeskClient, spec: ScheduleSpec) -> None:
        if self.entry is None:
            call = schedules.add(client, self.deployment, spec, source="window")
        else:
            call = schedules.edit(client, self.deployment, self.entry.id, spec, source="window")
        await self._submit(call, self.saved.emit)

    def _fail(self, exc: BaseException) -> None:
        self.banner.show_message(self.tr("Not saved: {error}").format(error=describe(exc)), "error")

    def _set_busy(self, busy: bool) -> None:
        super()._set_busy(busy)
        self.save_button.setText(self.tr("Saving…") if busy else self.tr("Save"))
        self.save_button.setEnabled(not busy and self.editor.spec() is not None)
        self.editor.setEnabled(not busy)
