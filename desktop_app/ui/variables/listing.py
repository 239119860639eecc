"""What the variables and limits views share: a table read while visible, and actions.

Reading is async through the facade (one read at a time, a newer one cancels
the older); shown, the view re-reads every ~10 s so slots in use stay true;
hidden, it reads nothing. An action runs through `desktop_app.services` and its
outcome, or its refusal in words, lands in the status line.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QTimer, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui.async_tools import GetClient, TaskKeeper, TaskSlot, describe
from desktop_app.ui.table_model import ColumnTableModel

if TYPE_CHECKING:
    from desktop_app.core.api.client import FlowdeskClient

REFRESH_MS = 10_000
translate = QCoreApplication.translate

Confirm = Callable[[QWidget, str, str], bool]


def ask(parent: QWidget, title: str, text: str) -> bool:
    """A yes/no question (tests put their own answer in `ListingView.confirm`)."""
    answer = QMessageBox.question(parent, title, text)
    return answer == QMessageBox.StandardButton.Yes


class ListingView(QWidget):
    loaded = Signal(int)
    """Rows after a successful read."""
    failed = Signal(str)
    changed = Signal(str)
    """An action succeeded: what was done, in words."""

    def __init__(
        self,
        model: ColumnTableModel,
        get_client: GetClient,
        tasks: TaskKeeper | None,
        parent: QWidget | None,
        refresh_ms: int,
        name: str,
        stretch: int = 0,
    ) -> None:
        super().__init__(parent)
        self._get_client = get_client
        self.tasks = tasks or TaskKeeper()
        self._reading = TaskSlot(self.tasks, f"{name}-read")
        self._acting = TaskSlot(self.tasks, f"{name}-action")
        self.confirm: Confirm = ask
        self.reads = 0
        self.model = model
        self.title = QLabel(self)
        self.title.setObjectName(f"{name}Title")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.table = QTableView(self)
        self.table.setObjectName(f"{name}Table")
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        self.status = QLabel(self)
        self.status.setObjectName(f"{name}Status")
        self.status.setWordWrap(True)
        self.buttons = QHBoxLayout()
        self.refresh_button = QPushButton(self)
        self.refresh_button.clicked.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addLayout(self.buttons)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self.timer = QTimer(self)
        self.timer.setInterval(refresh_ms)
        self.timer.timeout.connect(self.refresh)
        self._last: datetime | None = None
        self._error = ""
        self._note = ""
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self.update_buttons())

    # -- what a subclass provides -------------------------------------------------------
    async def read(self, client: FlowdeskClient) -> list[Any]:
        raise NotImplementedError

    def edit_selected(self) -> None:
        raise NotImplementedError

    def update_buttons(self) -> None:
        pass

    def summary(self) -> str:
        raise NotImplementedError

    # -- reading ------------------------------------------------------------------------
    def client(self) -> FlowdeskClient | None:
        return self._get_client()

    def refresh(self) -> None:
        client = self._get_client()
        if client is None:
            self._error = translate("VariablesLimits", "Not connected to a Prefect server.")
            self.update_status()
            return
        if self._reading.busy:
            return
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
        selected = self.selected_row()
        self.model.set_items(items)  # type: ignore[attr-defined]
        if selected is not None and selected < self.model.rowCount():
            self.table.selectRow(selected)
        self.update_status()
        self.update_buttons()
        self.loaded.emit(len(items))

    def selected_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def on_connection_changed(self, *_args: object) -> None:
        self.model.set_items([])  # type: ignore[attr-defined]
        if self.isVisible():
            self.refresh()

    # -- actions --------------------------------------------------------------------------
    def act(
        self, call: Callable[[FlowdeskClient], Awaitable[Any]], done: Callable[[Any], str]
    ) -> asyncio.Task[Any] | None:
        """Run one service call; its words (or its refusal) go to the status line."""
        client = self._get_client()
        if client is None:
            self._note = translate("VariablesLimits", "Not connected to a Prefect server.")
            self.update_status()
            return None
        return self._acting.start(self._act(client, call, done))

    async def _act(
        self, client: FlowdeskClient, call: Callable[..., Any], done: Callable[[Any], str]
    ) -> None:
        try:
            result = await call(client)
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            self._note = describe(exc)
            self.update_status()
            self.failed.emit(self._note)
            return
        self._note = done(result)
        if getattr(result, "warning", None):
            self._note += " " + result.warning
        self.changed.emit(self._note)
        self.update_status()
        await self._read(client)

    # -- visibility drives the timer ---------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.timer.start()
        self.refresh()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.timer.stop()

    # -- words ------------------------------------------------------------------------------
    def update_status(self) -> None:
        if self._error:
            text = translate("VariablesLimits", "Could not read them: {error}").format(
                error=self._error
            )
        elif self._last is None:
            text = translate("VariablesLimits", "Reading…")
        else:
            text = (
                self.summary()
                + " "
                + translate("VariablesLimits", "Read at {time}.").format(
                    time=self._last.strftime("%H:%M:%S")
                )
            )
        if self._note:
            text = f"{self._note}\n{text}"
        self.status.setText(text)

    def retranslate(self) -> None:
        self.refresh_button.setText(translate("VariablesLimits", "Refresh"))
        self.model.retranslate()
        self.update_status()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
