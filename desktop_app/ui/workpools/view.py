"""The work pools view: refreshed on demand and every ~10 s while it is visible.

For a Remote or Cloud profile this is where a person sees *where* runs
execute and whether anything is polling: a pool with no live worker is why
runs sit in Scheduled. Hidden, it reads nothing.
"""

from __future__ import annotations

import asyncio
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui.async_tools import GetClient, TaskKeeper, TaskSlot, describe
from desktop_app.ui.workpools.model import WORKERS, WorkPoolsModel

if TYPE_CHECKING:
    from desktop_app.core.api.client import FlowdeskClient

REFRESH_MS = 10_000


class WorkPoolsView(QWidget):
    loaded = Signal(int)
    """Number of pools after a successful read."""
    failed = Signal(str)

    def __init__(
        self,
        get_client: GetClient,
        tasks: TaskKeeper | None = None,
        parent: QWidget | None = None,
        refresh_ms: int = REFRESH_MS,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("workPoolsView")
        self._get_client = get_client
        self._tasks = tasks or TaskKeeper()
        self._reading = TaskSlot(self._tasks, "work-pools")
        self.reads = 0
        self.model = WorkPoolsModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("workPoolsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(WORKERS, QHeaderView.ResizeMode.Stretch)
        self.refresh_button = QPushButton(self)
        self.refresh_button.setObjectName("refreshWorkPools")
        self.refresh_button.clicked.connect(self.refresh)
        self.status = QLabel(self)
        self.status.setObjectName("workPoolsStatus")
        self.status.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.status, 1)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.timer = QTimer(self)
        self.timer.setInterval(refresh_ms)
        self.timer.timeout.connect(self.refresh)
        self._last: datetime | None = None
        self._error = ""
        self.retranslate()

    # -- reading -----------------------------------------------------------------------
    def refresh(self) -> None:
        client = self._get_client()
        if client is None:
            self._error = self.tr("Not connected to a Prefect server.")
            self._update_status()
            return
        if self._reading.busy:
            return  # a read is under way; its answer is fresh enough
        self._reading.start(self._read(client))

    async def _read(self, client: FlowdeskClient) -> None:
        self.refresh_button.setEnabled(False)
        try:
            pools = await client.work_pools()
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # keep the last table; say why it is not fresh
            self._error = describe(exc)
            self._update_status()
            self.failed.emit(self._error)
            return
        finally:
            self.refresh_button.setEnabled(True)
        self.reads += 1
        self._error = ""
        self._last = datetime.now()
        self.model.set_pools(pools)
        self.table.resizeColumnsToContents()
        self._update_status()
        self.loaded.emit(len(pools))

    def on_connection_changed(self, *_args: object) -> None:
        """Hook for AppContext.connected/disconnected: re-read (or say why not)."""
        self.model.set_pools([])
        if self.isVisible():
            self.refresh()

    # -- visibility drives the timer ------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.timer.start()
        self.refresh()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.timer.stop()

    # -- words --------------------------------------------------------------------------------
    def _update_status(self) -> None:
        if self._error:
            text = self.tr("Could not read the work pools: {error}").format(error=self._error)
        elif self._last is None:
            text = self.tr("Reading the work pools…")
        elif not self.model.pools:
            text = self.tr(
                "No work pools on this server: runs of served deployments run in the "
                "process that serves them."
            )
        else:
            text = self.tr("{count} work pool(s), read at {time}.").format(
                count=len(self.model.pools), time=self._last.strftime("%H:%M:%S")
            )
        self.status.setText(text)

    def retranslate(self) -> None:
        self.refresh_button.setText(self.tr("Refresh"))
        self.model.retranslate()
        self._update_status()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
