"""The variables list: new, edit, delete; values shown as the JSON Prefect keeps."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QPushButton

from desktop_app.services import variables
from desktop_app.ui.variables.listing import ListingView
from desktop_app.ui.variables.models import V_VALUE, VariablesModel
from desktop_app.ui.variables.variable_dialog import VariableDialog

if TYPE_CHECKING:
    from desktop_app.core.api.client import FlowdeskClient


class VariablesView(ListingView):
    prefix = "variables"
    stretch = V_VALUE

    def make_model(self) -> VariablesModel:
        return VariablesModel()

    def make_buttons(self) -> list[QPushButton]:
        self.new_button = self.button("newVariable", self.new_variable)
        self.edit_button = self.button("editVariable", self.edit_selected)
        self.delete_button = self.button("deleteVariable", self.delete_selected)
        return [self.new_button, self.edit_button, self.delete_button]

    async def read(self, client: FlowdeskClient) -> list[Any]:
        return await variables.list_variables(client)

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
        return self.open_dialog(VariableDialog(self._get_client, self.tasks, existing, self))

    def saved_text(self, change: variables.VariableChanged) -> str:
        if change.created:
            return self.tr("Created variable {name}.").format(name=change.name)
        return self.tr("Saved {name}.").format(name=change.name)

    def delete_selected(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        question = self.tr("Delete variable {name}? Flows that read it will get None.").format(
            name=chosen.name
        )
        self.act_if_confirmed(
            self.tr("Delete variable"),
            question,
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
