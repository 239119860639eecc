"""What the variables and limits views share: a polled table, buttons, dialogs and actions.

Reading is `PolledTableView`'s. An action runs through `desktop_app.services`
and its outcome, or its refusal in words, lands in the status line; so does
what a New…/Edit… dialog saved.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui.async_tools import TaskSlot, describe
from desktop_app.ui.polled_table import PolledTableView

if TYPE_CHECKING:
    from desktop_app.core.api.client import FlowdeskClient

translate = QCoreApplication.translate

Confirm = Callable[[QWidget, str, str], bool]


def ask(parent: QWidget, title: str, text: str) -> bool:
    """A yes/no question (tests put their own answer in `ListingView.confirm`)."""
    answer = QMessageBox.question(parent, title, text)
    return answer == QMessageBox.StandardButton.Yes


class ListingView(PolledTableView):
    """A titled table with its own buttons left of Refresh, and a status line below."""

    changed = Signal(str)
    """An action succeeded: what was done, in words."""

    def setup(self) -> None:
        self._acting = TaskSlot(self.tasks, f"{self.prefix}-action")
        self.confirm: Confirm = ask
        self._note = ""
        self.dialog: Any = None
        self.title = QLabel(self, objectName=f"{self.prefix}Title")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.stretch, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        self.buttons = QHBoxLayout()
        for button in self.make_buttons():
            self.buttons.addWidget(button)
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
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self.update_buttons())
        self.update_buttons()

    # -- what a subclass provides -------------------------------------------------------
    def make_buttons(self) -> list[QPushButton]:
        raise NotImplementedError

    def edit_selected(self) -> None:
        raise NotImplementedError

    def update_buttons(self) -> None:
        pass

    def summary(self) -> str:
        raise NotImplementedError

    def saved_text(self, change: Any) -> str:
        """What the status line says after a dialog saved `change`."""
        raise NotImplementedError

    # -- helpers for subclasses -----------------------------------------------------------
    def button(self, name: str, slot: Callable[[], Any]) -> QPushButton:
        made = QPushButton(self, objectName=name)
        made.clicked.connect(lambda *_a: slot())
        return made

    def selected(self) -> Any:
        row = self.selected_row()
        return None if row is None else self.model.row_item(row)

    def selected_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def show_items(self, items: list[Any]) -> None:
        selected = self.selected_row()
        super().show_items(items)
        if selected is not None and selected < self.model.rowCount():
            self.table.selectRow(selected)
        self.update_buttons()

    # -- dialogs ----------------------------------------------------------------------------
    def open_dialog(self, dialog: QDialog) -> Any:
        """Non-blocking (tests drive it); when saved, the list is read again."""
        self.dialog = dialog
        dialog.finished.connect(self._dialog_done)
        dialog.open()
        return dialog

    def _dialog_done(self, result: int) -> None:
        dialog = self.dialog
        if dialog is None or result != QDialog.DialogCode.Accepted or not dialog.result_change:
            return
        change = dialog.result_change
        self._note = self.saved_text(change) + (" " + change.warning if change.warning else "")
        self.changed.emit(self._note)
        self.update_status()
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

    def act_if_confirmed(
        self,
        title: str,
        question: str,
        call: Callable[[FlowdeskClient], Awaitable[Any]],
        done: Callable[[Any], str],
    ) -> None:
        """`act` once the person said yes to `question` (for what cannot be undone)."""
        if self.confirm(self, title, question):
            self.act(call, done)

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
