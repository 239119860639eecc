"""A table read through the facade while it is visible: the work pools, variables and limits views.

Reading is async (one read at a time; a read under way is fresh enough);
shown, the view re-reads every ~10 s so what it lists stays true; hidden, it
reads nothing. A failed read keeps the last table and says why in the status
line. A subclass says what it reads (`read`), how it lays the widgets out
(`setup`) and what its status line says (`update_status`).
"""

from __future__ import annotations

import asyncio
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QWidget,
)

from desktop_app.ui.async_tools import GetClient, TaskKeeper, TaskSlot, describe
from desktop_app.ui.retranslating import Retranslating
from desktop_app.ui.table_model import ListTableModel
from desktop_app.ui.timers import make_timer

if TYPE_CHECKING:
    from desktop_app.core.api.client import FlowdeskClient

REFRESH_MS = 10_000
translate = QCoreApplication.translate


class PolledTableView(Retranslating, QWidget):
    loaded = Signal(int)
    """Rows after a successful read."""
    failed = Signal(str)

    prefix = ""
    """Prefix of its own and its children's object names (tests find them by it)."""
    stretch = 0
    """The column that takes the width left over."""

    def __init__(
        self,
        get_client: GetClient,
        tasks: TaskKeeper | None = None,
        parent: QWidget | None = None,
        refresh_ms: int = REFRESH_MS,
    ) -> None:
        """`tasks` is shared so closing the window cancels every read and action."""
        super().__init__(parent)
        self.setObjectName(f"{self.prefix}View")
        self._get_client = get_client
        self.tasks = tasks or TaskKeeper()
        self._reading = TaskSlot(self.tasks, f"{self.prefix}-read")
        self.reads = 0
        self.model = self.make_model()
        self.model.setParent(self)
        self.table = QTableView(self, objectName=f"{self.prefix}Table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(self.stretch, QHeaderView.ResizeMode.Stretch)
        self.status = QLabel(self, objectName=f"{self.prefix}Status")
        self.status.setWordWrap(True)
        self.refresh_button = QPushButton(self)
        self.refresh_button.clicked.connect(self.refresh)
        self.timer = make_timer(self, refresh_ms, self.refresh)
        self._last: datetime | None = None
        self._error = ""
        self.setup()
        self.retranslate()

    # -- what a subclass provides -------------------------------------------------------
    def make_model(self) -> ListTableModel:
        raise NotImplementedError

    def setup(self) -> None:
        """Lay out `table`, `status` and `refresh_button`, with the view's own widgets."""
        raise NotImplementedError

    async def read(self, client: FlowdeskClient) -> list[Any]:
        raise NotImplementedError

    def update_status(self) -> None:
        raise NotImplementedError

    def show_items(self, items: list[Any]) -> None:
        """A fresh read arrived: put it in the table."""
        self.model.set_items(items)

    # -- reading ------------------------------------------------------------------------
    def refresh(self) -> None:
        client = self._get_client()
        if client is None:
            self._error = translate("PolledTableView", "Not connected to a Prefect server.")
            self.update_status()
            return
        if self._reading.busy:
            return  # a read is under way; its answer is fresh enough
        self._reading.start(self._read(client))

    async def _read(self, client: FlowdeskClient) -> None:
        try:
            items = await self.read(client)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # keep the last table; say why it is not fresh
            self._error = describe(exc)
            self.update_status()
            self.failed.emit(self._error)
            return
        self.reads += 1
        self._error = ""
        self._last = datetime.now()
        self.show_items(items)
        self.update_status()
        self.loaded.emit(len(items))

    def on_connection_changed(self, *_args: object) -> None:
        """Hook for AppContext.connected/disconnected: re-read (or say why not)."""
        self.model.set_items([])
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

    # -- words ----------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.refresh_button.setText(translate("PolledTableView", "Refresh"))
        self.model.retranslate()
        self.update_status()

