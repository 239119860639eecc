"""Concurrency limits, global and tag, with their slots in use: new, edit, reset, delete."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QDialog, QPushButton, QWidget

from desktop_app.services import limits
from desktop_app.ui.async_tools import GetClient, TaskKeeper
from desktop_app.ui.variables.limit_dialog import LimitDialog
from desktop_app.ui.variables.listing import REFRESH_MS, ListingView
from desktop_app.ui.variables.models import L_NAME, LimitRow, LimitsModel, limit_rows

if TYPE_CHECKING:
    from desktop_app.core.api.client import FlowdeskClient


class LimitsView(ListingView):
    def __init__(
        self,
        get_client: GetClient,
        tasks: TaskKeeper | None = None,
        parent: QWidget | None = None,
        refresh_ms: int = REFRESH_MS,
    ) -> None:
        super().__init__(LimitsModel(), get_client, tasks, parent, refresh_ms, "limits", L_NAME)
        self.setObjectName("limitsView")
        self.model.setParent(self)
        self.new_button = QPushButton(self)
        self.new_button.setObjectName("newLimit")
        self.new_button.clicked.connect(lambda: self.new_limit())
        self.edit_button = QPushButton(self)
        self.edit_button.setObjectName("editLimit")
        self.edit_button.clicked.connect(self.edit_selected)
        self.reset_button = QPushButton(self)
        self.reset_button.setObjectName("resetLimit")
        self.reset_button.clicked.connect(self.reset_selected)
        self.delete_button = QPushButton(self)
        self.delete_button.setObjectName("deleteLimit")
        self.delete_button.clicked.connect(self.delete_selected)
        for button in (self.new_button, self.edit_button, self.reset_button, self.delete_button):
            self.buttons.addWidget(button)
        self.dialog: LimitDialog | None = None
        self.retranslate()
        self.update_buttons()

    async def read(self, client: FlowdeskClient) -> list[Any]:
        globals_, tags = await limits.list_limits(client)
        names: dict[str, str] = {}
        if any(g.kind == "deployment" for g in globals_):  # one more read, only then
            names = {d.id: d.full_name for d in await client.list_deployments()}
        return limit_rows(globals_, tags, names)

    def selected(self) -> LimitRow | None:
        row = self.selected_row()
        return None if row is None else self.model.row_item(row)

    def update_buttons(self) -> None:
        chosen = self.selected()
        own = chosen is not None and chosen.kind != "deployment"
        self.edit_button.setEnabled(own)
        self.delete_button.setEnabled(own)
        self.reset_button.setEnabled(chosen is not None and chosen.used > 0)

    # -- actions ------------------------------------------------------------------------
    def new_limit(self, name: str = "", kind: str = "global") -> LimitDialog:
        """Also the "create it" of a run that asked for a limit that does not exist."""
        return self._open(None, name=name, kind=kind)

    def edit_selected(self) -> None:
        chosen = self.selected()
        if chosen is not None and chosen.kind != "deployment":
            self._open(chosen)

    def _open(self, existing: LimitRow | None, **prefill: str) -> LimitDialog:
        self.dialog = LimitDialog(self._get_client, self.tasks, existing, self, **prefill)
        self.dialog.finished.connect(self._dialog_done)
        self.dialog.open()
        return self.dialog

    def _dialog_done(self, result: int) -> None:
        dialog = self.dialog
        if dialog is None or result != QDialog.DialogCode.Accepted or not dialog.result_change:
            return
        change = dialog.result_change
        self._note = self.tr("Saved limit {name}.").format(name=change.name)
        if change.warning:
            self._note += " " + change.warning
        self.changed.emit(self._note)
        self.update_status()
        self.refresh()

    def reset_selected(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        question = self.tr(
            "Release all {used} slot(s) of {name}? Runs holding them keep running; "
            "waiting runs may start at once."
        ).format(used=chosen.used, name=chosen.name)
        if not self.confirm(self, self.tr("Reset limit"), question):
            return
        if chosen.kind == "tag":
            call = lambda c: limits.reset_tag(c, chosen.name, source="window")  # noqa: E731
        else:
            call = lambda c: limits.reset_global(c, chosen.name, source="window")  # noqa: E731
        self.act(
            call, lambda _r: self.tr("Released every slot of {name}.").format(name=chosen.name)
        )

    def delete_selected(self) -> None:
        chosen = self.selected()
        if chosen is None or chosen.kind == "deployment":
            return
        question = self.tr("Delete the limit {name}? Runs will no longer wait for it.").format(
            name=chosen.name
        )
        if not self.confirm(self, self.tr("Delete limit"), question):
            return
        if chosen.kind == "tag":
            call = lambda c: limits.delete_tag(c, chosen.name, source="window")  # noqa: E731
        else:
            call = lambda c: limits.delete_global(c, chosen.name, source="window")  # noqa: E731
        self.act(call, lambda _r: self.tr("Deleted limit {name}.").format(name=chosen.name))

    # -- words --------------------------------------------------------------------------
    def summary(self) -> str:
        rows = self.model.items
        if not rows:
            return self.tr("No limits yet: New… makes a global one, or one on a tag (e.g. gpu).")
        full = sum(1 for r in rows if r.full)
        text = self.tr("{count} limit(s).").format(count=len(rows))
        if full:
            text += " " + self.tr("{full} with every slot taken.").format(full=full)
        return text

    def retranslate(self) -> None:
        self.title.setText(self.tr("Concurrency limits"))
        self.new_button.setText(self.tr("New…"))
        self.edit_button.setText(self.tr("Edit…"))
        self.reset_button.setText(self.tr("Reset"))
        self.reset_button.setToolTip(self.tr("Release every slot in use"))
        self.delete_button.setText(self.tr("Delete"))
        super().retranslate()
