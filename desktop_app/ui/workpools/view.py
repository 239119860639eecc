"""The work pools view: refreshed on demand and every ~10 s while it is visible.

For a Remote or Cloud profile this is where a person sees *where* runs
execute and whether anything is polling: a pool with no live worker is why
runs sit in Scheduled. Hidden, it reads nothing (see `PolledTableView`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout

from desktop_app.core.api.models import WorkPoolInfo
from desktop_app.ui.polled_table import PolledTableView
from desktop_app.ui.workpools.model import WORKERS, WorkPoolsModel

if TYPE_CHECKING:
    from desktop_app.core.api.client import FlowdeskClient


class WorkPoolsView(PolledTableView):
    prefix = "workPools"
    stretch = WORKERS

    def make_model(self) -> WorkPoolsModel:
        return WorkPoolsModel()

    def setup(self) -> None:
        self.refresh_button.setObjectName("refreshWorkPools")
        top = QHBoxLayout()
        top.addWidget(self.status, 1)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)

    async def read(self, client: FlowdeskClient) -> list[WorkPoolInfo]:
        self.refresh_button.setEnabled(False)
        try:
            return await client.work_pools()
        finally:
            self.refresh_button.setEnabled(True)

    def show_items(self, items: list[WorkPoolInfo]) -> None:
        super().show_items(items)
        self.table.resizeColumnsToContents()

    def update_status(self) -> None:
        if self._error:
            text = self.tr("Could not read the work pools: {error}").format(error=self._error)
        elif self._last is None:
            text = self.tr("Reading the work pools…")
        elif not self.model.items:
            text = self.tr(
                "No work pools on this server: runs of served deployments run in the "
                "process that serves them."
            )
        else:
            text = self.tr("{count} work pool(s), read at {time}.").format(
                count=len(self.model.items), time=self._last.strftime("%H:%M:%S")
            )
        self.status.setText(text)
