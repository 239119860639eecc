"""Concurrency limits, global and tag, with their slots in use: new, edit, reset, delete."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QPushButton

from desktop_app.services import limits
from desktop_app.ui.variables.limit_dialog import LimitDialog
from desktop_app.ui.variables.listing import ListingView
from desktop_app.ui.variables.models import L_NAME, LimitRow, LimitsModel, limit_rows

if TYPE_CHECKING:
    from desktop_app.core.api.client import FlowdeskClient


class LimitsView(ListingView):
    prefix = "limits"
    stretch = L_NAME

    def make_model(self) -> LimitsModel:
        return LimitsModel()

    def make_buttons(self) -> list[QPushButton]:
        self.new_button = self.button("newLimit", self.new_limit)
        self.edit_button = self.button("editLimit", self.edit_selected)
        self.reset_button = self.button("resetLimit", self.reset_selected)
        self.delete_button = self.button("deleteLimit", self.delete_selected)
        return [self.new_button, self.edit_button, self.reset_button, self.delete_button]

    async def read(self, client: FlowdeskClient) -> list[Any]:
        globals_, tags = await limits.list_limits(client)
        names: dict[str, str] = {}
        if any(g.kind == "deployment" for g in globals_):  # one more read, only then
            names = {d.id: d.full_name for d in await client.list_deployments()}
        return limit_rows(globals_, tags, names)

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
        dialog = LimitDialog(self._get_client, self.tasks, existing, self, **prefill)
        return self.open_dialog(dialog)

    def saved_text(self, change: limits.LimitChanged) -> str:
        return self.tr("Saved limit {name}.").format(name=change.name)

    def reset_selected(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        question = self.tr(
            "Release all {used} slot(s) of {name}? Runs holding them keep running; "
            "waiting runs may start at once."
        ).format(used=chosen.used, name=chosen.name)
        self.act_if_confirmed(
            self.tr("Reset limit"),
            question,
            lambda c: limits.reset_limit(c, chosen.kind, chosen.name, source="window"),
            lambda _r: self.tr("Released every slot of {name}.").format(name=chosen.name),
        )

    def delete_selected(self) -> None:
        chosen = self.selected()
        if chosen is None or chosen.kind == "deployment":
            return
        question = self.tr("Delete the limit {name}? Runs will no longer wait for it.").format(
            name=chosen.name
        )
        self.act_if_confirmed(
            self.tr("Delete limit"),
            question,
            lambda c: limits.delete_limit(c, chosen.kind, chosen.name, source="window"),
            lambda _r: self.tr("Deleted limit {name}.").format(name=chosen.name),
        )

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
