"""Resuming from the tray: one run, one run with its form, all paused runs of a deployment.

The resume itself is `services.runs.resume` with source "tray" (so "who
resumed this?" has an answer even when no window was open). Confirmations
are non-modal (`QMessageBox.open()`): a nested event loop inside qasync
would break the tasks that are running.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop_app.core.api.errors import FlowdeskError, InputRejected
from desktop_app.services import runs as service
from desktop_app.ui.async_tools import GetClient, TaskKeeper, describe
from desktop_app.ui.tray.notifier import Notification, not_connected
from desktop_app.ui.tray.run_tracker import PausedRun
from desktop_app.ui.tray.texts import names_list, run_label

if TYPE_CHECKING:
    from desktop_app.core.api.client import FlowdeskClient

log = logging.getLogger(__name__)

SOURCE = "tray"


class TrayResumer(QObject):
    message = Signal(object)
    """A `Notification` about the outcome (resumed, or what went wrong)."""
    resumed = Signal(str)
    """The id of a run resumed from the tray."""

    def __init__(
        self, get_client: GetClient, tasks: TaskKeeper, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._get_client = get_client
        self._tasks = tasks
        self.dialogs: dict[str, QWidget] = {}
        self.confirmation: QMessageBox | None = None
        self.in_flight: set[str] = set()

    # -- one run -------------------------------------------------------------------
    def resume(self, entry: PausedRun) -> asyncio.Task[Any] | None:
        client = self._client_or_say()
        if client is None or entry.run_id in self.in_flight:
            return None
        self.in_flight.add(entry.run_id)
        return self._tasks.spawn(self._resume_one(client, entry), "tray-resume")

    async def _resume_one(self, client: FlowdeskClient, entry: PausedRun) -> None:
        label = run_label(entry.run, entry.run_id)
        try:
            resumed, text = await self._resume(client, entry.run_id)
        finally:
            self.in_flight.discard(entry.run_id)
        if resumed:
            title = QCoreApplication.translate("Tray", "Resumed")
            body, level = (label, "info") if text is None else (f"{label}\n{text}", "warning")
            self.message.emit(Notification("resumed", title, body, (entry.run_id,), level))
        else:
            title = QCoreApplication.translate("Tray", "Could not resume {run}").format(run=label)
            self.message.emit(
                Notification("error", title, text or "", (entry.run_id,), "warning")
            )

    async def _resume(self, client: FlowdeskClient, run_id: str) -> tuple[bool, str | None]:
        """(resumed?, what to add in words: why not, or a warning about the audit trail)."""
        try:
            done = await service.resume(client, run_id, None, source=SOURCE)
        except InputRejected as exc:
            return False, QCoreApplication.translate(
                "Tray", "The server rejected it: {reason}. The run is still paused."
            ).format(reason=exc.reason)
        except FlowdeskError as exc:
            return False, describe(exc)
        self.resumed.emit(run_id)
        return True, done.warning

    def _client_or_say(self) -> FlowdeskClient | None:
        client = self._get_client()
        if client is None:
            self.message.emit(not_connected())
        return client

    # -- with the form ---------------------------------------------------------------
    def resume_with_input(self, run_id: str) -> QWidget:
        """The resume dialog as a small window of its own (raised if already open)."""
        from desktop_app.ui.forms.resume_dialog import ResumeDialog

        dialog = self.dialogs.get(run_id)
        if dialog is None:
            dialog = ResumeDialog(self._get_client, run_id, None, source=SOURCE)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, True)
            dialog.resumed.connect(lambda run: self.resumed.emit(run.id))
            dialog.audit_warning.connect(
                lambda text, run_id=run_id: self.message.emit(
                    Notification(
                        "resumed",
                        QCoreApplication.translate("Tray", "Resumed"),
                        text,
                        (run_id,),
                        "warning",
                    )
                )
            )
            dialog.destroyed.connect(lambda *_: self.dialogs.pop(run_id, None))
            self.dialogs[run_id] = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    # -- a whole deployment --------------------------------------------------------------
    def confirm_resume_all(self, deployment: str, entries: Sequence[PausedRun]) -> QMessageBox:
        """Ask first (non-modal); runs waiting for typed input are left for their form."""
        plain = [e for e in entries if not e.wants_input]
        with_input = [e for e in entries if e.wants_input]
        box = QMessageBox(objectName="trayResumeAllConfirmation")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(QCoreApplication.translate("Tray", "Resume paused runs"))
        box.setText(
            QCoreApplication.translate(
                "Tray", "Resume {count} paused run(s) of {deployment}?"
            ).format(count=len(plain), deployment=deployment)
        )
        info = names_list((run_label(e.run, e.run_id) for e in plain), limit=6)
        if with_input:
            info += "\n\n" + QCoreApplication.translate(
                "Tray",
                "{count} run(s) waiting for input stay paused: resume them one by one "
                "with their form.",
            ).format(count=len(with_input))
        box.setInformativeText(info)
        accept = box.addButton(
            QCoreApplication.translate("Tray", "Resume {count}").format(count=len(plain)),
            QMessageBox.ButtonRole.AcceptRole,
        )
        accept.setObjectName("confirmResumeAll")
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(accept)
        box.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, True)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        accept.setEnabled(bool(plain))

        def finished(_result: int) -> None:
            if box.clickedButton() is accept:
                self.resume_all(deployment, plain)
            self.confirmation = None

        box.finished.connect(finished)
        self.confirmation = box
        box.open()
        return box

    def resume_all(self, deployment: str, entries: Sequence[PausedRun]) -> asyncio.Task[Any] | None:
        client = self._client_or_say()
        if client is None or not entries:
            return None
        return self._tasks.spawn(self._resume_all(client, deployment, entries), "tray-resume-all")

    async def _resume_all(
        self, client: FlowdeskClient, deployment: str, entries: Sequence[PausedRun]
    ) -> None:
        todo = [e for e in entries if e.run_id not in self.in_flight]
        self.in_flight.update(e.run_id for e in todo)
        try:
            results = await asyncio.gather(*(self._resume(client, e.run_id) for e in todo))
        finally:
            self.in_flight.difference_update(e.run_id for e in todo)
        outcomes = list(zip(todo, results, strict=True))
        failed = [(e, text) for e, (resumed, text) in outcomes if not resumed]
        warnings = sorted({text for _e, (resumed, text) in outcomes if resumed and text})
        done = len(todo) - len(failed)
        title = QCoreApplication.translate("Tray", "Resumed {done} of {total} runs of {name}")
        title = title.format(done=done, total=len(todo), name=deployment)
        if failed:
            body = "\n".join(f"{run_label(e.run, e.run_id)}: {error}" for e, error in failed[:5])
            self.message.emit(
                Notification("error", title, body, tuple(e.run_id for e, _ in failed), "warning")
            )
        else:
            body = names_list(run_label(e.run, e.run_id) for e in todo)
            body = "\n".join([body, *warnings])
            level = "warning" if warnings else "info"
            self.message.emit(
                Notification("resumed", title, body, tuple(e.run_id for e in todo), level)
            )

    def close_all(self) -> None:
        for dialog in list(self.dialogs.values()):
            dialog.close()
        if self.confirmation is not None:
            self.confirmation.close()
