"""What can be done to selected runs: pause, suspend, resume, cancel, retry, delete…

Each action is a QAction (toolbar, context menu, menu bar, shortcut) whose
handler runs as a task on the qasync loop. While one is in flight its action
is disabled; when it ends, the rows are updated from the server's answer and
failures are reported in words. The actions themselves (and their audit
entries, source "window") are `desktop_app.services.runs`; this module only
decides what is enabled, asks first and shows the outcome.

Destructive actions ask first with a non-modal box (`open()`, never `exec()`:
a nested loop inside qasync breaks the running task).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from desktop_app.core.api.models import RunInfo
from desktop_app.services import Done
from desktop_app.services import runs as service
from desktop_app.services.runs import (
    can_cancel,
    can_pause,
    can_resume,
    can_retry,
    can_suspend,
)
from desktop_app.ui.async_tools import describe
from desktop_app.ui.context import AppContext
from desktop_app.ui.runs.action_texts import translated
from desktop_app.ui.runs.loader import RunsLoader
from desktop_app.ui.web_ui import open_web_ui

if TYPE_CHECKING:
    from desktop_app.core.api.client import FlowdeskClient

log = logging.getLogger(__name__)

SOURCE = "window"
Call = Callable[..., Awaitable[Done]]
"""A `services.runs` action: `(client, run_id, *, source)` → `Done`."""
Question = tuple[str, str, str]
"""What to ask before a destructive action: (title, text, button)."""

__all__ = ["RunActions", "can_cancel", "can_pause", "can_resume", "can_retry", "can_suspend"]


@dataclass
class Outcome:
    run_id: str
    done: Done | None = None
    error: BaseException | None = None


class RunActions(QObject):
    """The run actions of one runs view, enabled for its current selection."""

    message = Signal(str)
    """A short success/progress sentence for the status bar."""
    failed = Signal(str, str)
    """(summary, details) of a failed action."""
    show_details = Signal(str)
    """Open this run's detail (Enter / double click)."""

    def __init__(
        self,
        context: AppContext,
        loader: RunsLoader,
        selection: Callable[[], list[RunInfo]],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.loader = loader
        self.selection = selection
        self.parent_widget = parent
        self._in_flight: set[str] = set()
        self._dialogs: list[QWidget] = []
        self.pause = self._action("pause", QKeySequence("Ctrl+P"), self._pause)
        self.suspend = self._action("suspend", None, self._suspend)
        self.resume = self._action("resume", QKeySequence("Ctrl+R"), self._resume)
        self.resume_input = self._action(
            "resume_input", QKeySequence("Ctrl+Shift+R"), self._resume_with_input
        )
        self.cancel = self._action("cancel", None, self._cancel)
        self.retry = self._action("retry", None, self._retry)
        self.delete = self._action(
            "delete", QKeySequence(QKeySequence.StandardKey.Delete), self._delete
        )
        self.copy_id = self._action(
            "copy_id", QKeySequence("Ctrl+Shift+C"), self._copy_id, network=False
        )
        self.open_web = self._action("open_web", None, self._open_web)
        self.details = self._action(
            "details", QKeySequence(Qt.Key.Key_Return), self._details, network=False
        )
        self.details.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
        self._rules: dict[str, Callable[[list[RunInfo]], bool]] = {
            "pause": lambda runs: any(can_pause(r) for r in runs),
            "suspend": lambda runs: any(can_suspend(r) for r in runs),
            "resume": lambda runs: any(can_resume(r) for r in runs),
            "resume_input": lambda runs: len(runs) == 1 and can_resume(runs[0]),
            "cancel": lambda runs: any(can_cancel(r) for r in runs),
            "retry": lambda runs: any(can_retry(r) for r in runs),
            "delete": lambda runs: bool(runs),
            "copy_id": lambda runs: bool(runs),
            "open_web": lambda runs: len(runs) == 1,
            "details": lambda runs: len(runs) == 1,
        }
        context.connected.connect(lambda _client: self.update())
        context.disconnected.connect(lambda _reason: self.update())
        self.update()

    def _action(
        self,
        name: str,
        shortcut: QKeySequence | None,
        handler: Callable[[], None],
        *,
        network: bool = True,
    ) -> QAction:
        action = QAction(self.parent_widget, objectName=f"run_{name}")
        self._apply_texts(action)
        action.setProperty("network", network)
        if shortcut is not None:
            action.setShortcut(shortcut)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(handler)
        self.parent_widget.addAction(action)
        return action

    def _apply_texts(self, action: QAction) -> None:
        text, tip = translated(action.objectName().removeprefix("run_"))
        action.setText(text)
        action.setStatusTip(tip)
        action.setToolTip(tip)
        action.setProperty("tip", tip)

    def retranslate(self) -> None:
        """After a live language switch (the view that owns the actions calls this)."""
        for action in [*self.all, self.details]:
            self._apply_texts(action)
        self.update()

    @property
    def all(self) -> list[QAction]:
        return [
            self.pause,
            self.suspend,
            self.resume,
            self.resume_input,
            self.cancel,
            self.retry,
            self.delete,
            self.copy_id,
            self.open_web,
        ]

    # -- enabling --------------------------------------------------------------
    def add_to_menu(self, menu: QMenu) -> None:
        """The run actions in their groups: the Runs menu and the table's context menu."""
        for action in (self.pause, self.resume, self.resume_input, self.suspend):
            menu.addAction(action)
        menu.addSeparator()
        for action in (self.cancel, self.retry, self.delete):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.copy_id)
        menu.addAction(self.open_web)

    def update(self) -> None:
        """Enable what the selection allows; disable everything that needs a server if none."""
        runs = self.selection()
        client = self.context.get_client()
        offline_reason = self.tr("Not connected to the server: {reason}").format(
            reason=self.context.view.message or self.context.view.phase
        )
        for action in [*self.all, self.details]:
            name = action.objectName().removeprefix("run_")
            allowed = self._rules[name](runs) and name not in self._in_flight
            if action.property("network") and client is None:
                action.setEnabled(False)
                action.setToolTip(offline_reason)
                continue
            action.setEnabled(allowed)
            tip = action.property("tip")
            if name in self._in_flight:
                tip = self.tr("{action}: in progress…").format(action=action.text())
            action.setToolTip(tip)

    # -- running one action on many runs ---------------------------------------
    def _start(self, name: str, runs: Sequence[RunInfo], call: Call, done_text: str) -> None:
        client = self.context.get_client()
        if client is None or not runs:
            return
        self._in_flight.add(name)
        self.update()
        self.context.tasks.spawn(
            self._run(name, client, list(runs), call, done_text), f"run-action-{name}"
        )

    async def _run(
        self,
        name: str,
        client: FlowdeskClient,
        runs: list[RunInfo],
        call: Call,
        done_text: str,
    ) -> None:
        try:
            results = await asyncio.gather(*(self._one(client, run.id, call) for run in runs))
        finally:
            self._in_flight.discard(name)
            self.update()
        fresh = [o.done.run for o in results if o.done is not None and o.done.run is not None]
        if fresh:
            self.loader.model.upsert(fresh)
        failures = [o for o in results if o.error is not None]
        succeeded = [o for o in results if o.done is not None]
        if name == "delete":
            self.loader.model.remove(o.run_id for o in succeeded)
        if succeeded:
            self.message.emit(done_text.format(count=len(succeeded)))
        warnings = {o.done.warning for o in succeeded if o.done is not None and o.done.warning}
        for warning in warnings:  # done, but the audit trail could not be written
            self.failed.emit(warning, "")
        if failures:
            # What the server says now is what the table must show.
            self.loader.refresh_ids([o.run_id for o in failures])
            names = {r.id: r.name for r in runs}
            details = "\n".join(
                f"{names.get(o.run_id, o.run_id)} ({o.run_id}): {describe(o.error)}"
                for o in failures
                if o.error is not None
            )
            first = failures[0].error
            assert first is not None
            summary = (
                describe(first)
                if len(failures) == 1
                else self.tr("{count} of {total} runs failed: {first}").format(
                    count=len(failures), total=len(runs), first=describe(first)
                )
            )
            self.failed.emit(summary, details)
        self.update()

    async def _one(self, client: FlowdeskClient, run_id: str, call: Call) -> Outcome:
        try:
            return Outcome(run_id, await call(client, run_id, source=SOURCE))
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            return Outcome(run_id, error=exc)

    # -- the handlers ----------------------------------------------------------
    def _act(
        self,
        name: str,
        runs: list[RunInfo],
        call: Call,
        done_text: str,
        question: Question | None = None,
    ) -> None:
        """Run `call` on `runs`, after a yes to `question` (title, text, button) if given."""
        if not runs:
            return
        if question is None:
            self._start(name, runs, call, done_text)
            return
        title, text, ok_text = question
        self._confirm(title, text, ok_text, lambda: self._start(name, runs, call, done_text))

    def _pause(self) -> None:
        runs = [r for r in self.selection() if can_pause(r)]
        done = self.tr("Pause requested for {count} run(s): they pause at their next checkpoint.")
        self._act("pause", runs, service.pause, done)

    def _suspend(self) -> None:
        runs = [r for r in self.selection() if can_suspend(r)]
        text = self.tr(
            "Suspend {count} run(s)?\n\nThe run's process stops now. Resume starts the flow "
            "again from the top; tasks whose results were persisted are reused."
        ).format(count=len(runs))
        question = (self.tr("Suspend runs"), text, self.tr("Suspend"))
        self._act("suspend", runs, service.suspend, self.tr("Suspended {count} run(s)."), question)

    def _resume(self) -> None:
        runs = [r for r in self.selection() if can_resume(r)]
        self._act("resume", runs, service.resume, self.tr("Resumed {count} run(s)."))

    def _resume_with_input(self) -> None:
        runs = [r for r in self.selection() if can_resume(r)]
        if len(runs) != 1:
            return
        from desktop_app.ui.forms.resume_dialog import ResumeDialog

        dialog = ResumeDialog(
            self.context.get_client, runs[0].id, parent=self.parent_widget, source=SOURCE
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.resumed.connect(self._resumed_from_dialog)
        dialog.audit_warning.connect(lambda text: self.failed.emit(text, ""))
        self._keep(dialog)
        dialog.open()

    def _resumed_from_dialog(self, run: RunInfo) -> None:
        self.loader.model.upsert([run])
        self.message.emit(self.tr("Resumed {name}.").format(name=run.name))

    def _cancel(self) -> None:
        runs = [r for r in self.selection() if can_cancel(r)]
        text = self.tr("Cancel {count} run(s)? Running ones are stopped by their runner.").format(
            count=len(runs)
        )
        question = (self.tr("Cancel runs"), text, self.tr("Cancel runs"))
        self._act("cancel", runs, service.cancel, self.tr("Cancelled {count} run(s)."), question)

    def _retry(self) -> None:
        runs = [r for r in self.selection() if can_retry(r)]
        done = self.tr("Scheduled {count} run(s) to run again.")
        self._act("retry", runs, service.retry, done)

    def _delete(self) -> None:
        runs = self.selection()
        live = [r for r in runs if r.state.type in service.LIVE]
        text = self.tr("Delete {count} run(s) and their logs from the server?").format(
            count=len(runs)
        )
        if live:
            text += "\n\n" + self.tr(
                "{count} of them are still running. Deleting a run does not stop its process: "
                "cancel it first if it should stop."
            ).format(count=len(live))
        question = (self.tr("Delete runs"), text, self.tr("Delete"))
        self._act("delete", runs, service.delete, self.tr("Deleted {count} run(s)."), question)

    def _copy_id(self) -> None:
        runs = self.selection()
        if runs:
            QGuiApplication.clipboard().setText("\n".join(r.id for r in runs))
            self.message.emit(self.tr("Copied %n run id(s).", "", len(runs)))

    def _open_web(self) -> None:
        runs = self.selection()
        client = self.context.get_client()
        if len(runs) == 1 and client is not None:
            open_web_ui(client.connection, runs[0].id)  # logged in, for the local server

    def _details(self) -> None:
        runs = self.selection()
        if len(runs) == 1:
            self.show_details.emit(runs[0].id)

    # -- dialogs -----------------------------------------------------------------
    def _confirm(self, title: str, text: str, ok_text: str, on_ok: Callable[[], None]) -> None:
        box = QMessageBox(self.parent_widget)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(title)
        box.setText(text)
        ok = box.addButton(ok_text, QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def clicked(button) -> None:
            if button is ok:
                on_ok()

        box.buttonClicked.connect(clicked)
        self._keep(box)
        box.open()

    def _keep(self, widget: QWidget) -> None:
        """Hold a reference until the dialog is gone (Python would collect it)."""
        self._dialogs.append(widget)

        def forget(*_args: object) -> None:
            if widget in self._dialogs:
                self._dialogs.remove(widget)

        widget.destroyed.connect(forget)
        if hasattr(widget, "finished"):
            widget.finished.connect(forget)

    @property
    def open_dialogs(self) -> list[QWidget]:
        return list(self._dialogs)
