"""The variables list: new, edit, delete; values shown as the JSON Prefect keeps."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QDialog, QPushButton, QWidget

from desktop_app.services import variables
from desktop_app.ui.async_tools import GetClient, TaskKeeper
from desktop_app.ui.variables.listing import REFRESH_MS, ListingView
from desktop_app.ui.variables.models import V_VALUE, VariablesModel
from desktop_app.ui.variables.variable_dialog import VariableDialog

if TYPE_CHECKING:
    from desktop_app.core.api.client import FlowdeskClient


class VariablesView(ListingView):
    def __init__(
        self,
        get_client: GetClient,
        tasks: TaskKeeper | None = None,
        parent: QWidget | None = None,
        refresh_ms: int = REFRESH_MS,
    ) -> None:
        super().__init__(
            VariablesModel(), get_client, tasks, parent, refresh_ms, "variables", V_VALUE
        )
        self.setObjectName("variablesView")
        self.model.setParent(self)
        self.new_button = QPushButton(self)
        self.new_button.setObjectName("newVariable")
        self.new_button.clicked.connect(self.new_variable)
        self.edit_button = QPushButton(self)
        self.edit_button.setObjectName("editVariable")
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button = QPushButton(self)
        self.delete_button.setObjectName("deleteVariable")
        self.delete_button.clicked.connect(self.delete_selected)
        for button in (self.new_button, self.edit_button, self.delete_button):
            self.buttons.addWidget(button)
        self.dialog: VariableDialog | None = None
        self.retranslate()
        self.update_buttons()

    async def read(self, client: FlowdeskClient) -> list[Any]:
        return await variables.list_variables(client)

    def selected(self) -> Any:
        row = self.selected_row()
        return None if row is None else self.model.row_item(row)

    def update_buttons(self) -> None:
        chosen = self.selected() is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    # -- actions ------------------------------------------------------------------------
    def new_variable(self) -> VariableDialog:
        return self._open(None)

    def edit_selected(self) -> None:
        if self.selected() is not None:
            self._open(self.selected())

    def _open(self, existing: Any) -> VariableDialog:
        """Non-blocking dialog (tests drive it); when saved, the list is read again."""
        self.dialog = VariableDialog(self._get_client, self.tasks, existing, self)
        self.dialog.finished.connect(self._dialog_done)
        self.dialog.open()
        return self.dialog

    def _dialog_done(self, result: int) -> None:
        dialog = self.dialog
        if dialog is None or result != QDialog.DialogCode.Accepted or not dialog.result_change:
            return
        change = dialog.result_change
        text = (
            self.tr("Created variable {name}.") if change.created else self.tr("Saved {name}.")
        ).format(name=change.name)
        self._note = text + (" " + change.warning if change.warning else "")
        self.changed.emit(self._note)
        self.update_status()
        self.refresh()

    def delete_selected(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        question = self.tr("Delete variable {name}? Flows that read it will get None.").format(
            name=chosen.name
        )
        if not self.confirm(self, self.tr("Delete variable"), question):
            return
        self.act(
            lambda c: variables.delete_variable(c, chosen.name, source="window"),
            lambda _r: self.tr("Deleted variable {name}.").format(name=chosen.name),
        )

    # -- words --------------------------------------------------------------------------
    def summary(self) -> str:
        count = self.model.rowCount()
        if not count:
            return self.tr("No variables yet: New… makes one that flows read by name.")
        return self.tr("{count} variable(s).").format(count=count)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Variables"))
        self.new_button.setText(self.tr("New…"))
        self.edit_button.setText(self.tr("Edit…"))
        self.delete_button.setText(self.tr("Delete"))
        super().retranslate()
