"""`ResumeDialog`: look at why a run is waiting, fill in its form, resume it.

Non-modal and async: it loads `client.pause_info(run_id)` on the qasync loop,
shows the flow's markdown description and the pause expiry, and builds a
`SchemaForm` when the pause wants typed input (else it asks for a plain
confirmation). Bad input is flagged next to its field and nothing is sent;
a server rejection is shown in place with the input kept, so the person can
fix it; success closes the dialog and emits `resumed`. Reading, resuming and
extending are `desktop_app.services` (which write the audit trail, with this
dialog's `source`). Never `.exec()` this (qasync): use `.open()` or `.show()`.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.api.errors import FlowdeskError, InputRejected, InvalidState
from desktop_app.core.api.models import PauseInfo, RunInfo
from desktop_app.core.api.release_note import release_line
from desktop_app.services import reading
from desktop_app.services import runs as service
from desktop_app.services.runs import EXTEND_SECONDS, can_extend
from desktop_app.ui.async_tools import GetClient, TaskKeeper, TaskSlot, describe
from desktop_app.ui.forms.banner import Banner
from desktop_app.ui.forms.fitting_scroll import FittingScrollArea
from desktop_app.ui.forms.markdown import set_markdown
from desktop_app.ui.forms.schema_form import SchemaForm
from desktop_app.ui.runs.formatting import format_duration, format_full_time
from desktop_app.ui.timers import make_timer

if TYPE_CHECKING:
    from desktop_app.core.api.client import FlowdeskClient



class ResumeDialog(QDialog):
    """Resume one paused run, with its input form when it asks for one."""

    resumed = Signal(object)  # RunInfo after a successful resume
    audit_warning = Signal(str)
    """Resumed, but the audit trail could not be written (the dialog has closed)."""

    def __init__(
        self,
        get_client: GetClient,
        run_id: str,
        parent: QWidget | None = None,
        source: str = "window",
    ) -> None:
        super().__init__(parent)
        self._get_client = get_client
        self.run_id = run_id
        self.source = source
        self.pause: PauseInfo | None = None
        self.run: RunInfo | None = None
        self.form: SchemaForm | None = None
        self._busy = False
        self._tasks = TaskKeeper(report=self._report)
        self._loading = TaskSlot(self._tasks, "resume-dialog-load")
        self.setModal(False)
        self.setWindowTitle(self.tr("Resume run"))
        self.setMinimumWidth(520)
        self._build()
        self._countdown = make_timer(self, 15_000, self._show_timeout)
        self.reload()

    # -- layout ----------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.title = QLabel(self.tr("Loading…"), self)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        layout.addWidget(self.title)

        timing = QHBoxLayout()
        self.timeout_label = QLabel(self)
        self.timeout_label.setWordWrap(True)
        timing.addWidget(self.timeout_label, 1)
        self.extend_button = QPushButton(self.tr("Extend by 1 h"), self)
        self.extend_button.setToolTip(
            self.tr("Give this suspended run one more hour before its pause expires.")
        )
        self.extend_button.clicked.connect(self._on_extend)
        self.extend_button.hide()
        timing.addWidget(self.extend_button)
        layout.addLayout(timing)

        self.description = QTextBrowser(self)
        self.description.setOpenExternalLinks(True)
        self.description.setFrameShape(QFrame.Shape.NoFrame)
        self.description.setMaximumHeight(160)
        self.description.hide()
        layout.addWidget(self.description)

        self.scroll = FittingScrollArea(self)  # grows with a message; never clips a hint
        self.scroll.hide()
        layout.addWidget(self.scroll, 1)

        self.confirm_label = QLabel(self)
        self.confirm_label.setWordWrap(True)
        self.confirm_label.hide()
        layout.addWidget(self.confirm_label)

        self.banner = Banner(self)
        layout.addWidget(self.banner)

        self.buttons = QDialogButtonBox(self)
        self.resume_button = self.buttons.addButton(
            self.tr("Resume"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.resume_button.setDefault(True)
        self.resume_button.setEnabled(False)
        self.reset_button = self.buttons.addButton(
            self.tr("Reset"), QDialogButtonBox.ButtonRole.ResetRole
        )
        self.reset_button.setToolTip(self.tr("Back to the values the form opened with"))
        self.reset_button.hide()
        self.retry_button = self.buttons.addButton(
            self.tr("Try again"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.retry_button.hide()
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.resume_button.clicked.connect(self.submit)
        self.reset_button.clicked.connect(self._on_reset)
        self.retry_button.clicked.connect(self.reload)
        self.close_button.clicked.connect(self.reject)
        layout.addWidget(self.buttons)

    # -- loading ---------------------------------------------------------------
    def reload(self) -> None:
        """(Re)read the pause from the server."""
        self.banner.clear()
        self.retry_button.hide()
        client = self._get_client()
        if client is None:
            self._show_load_error(self.tr("Not connected to a Prefect server."))
            return
        self.resume_button.setEnabled(False)
        self._loading.start(self._load(client))

    async def _load(self, client: FlowdeskClient) -> None:
        try:
            run = await reading.read_run(client, self.run_id)
            if not run.state.is_paused:
                self._show_not_paused(run.state.name)
                return
            pause = await reading.pause_info(client, self.run_id)
        except InvalidState:  # resumed between the two reads
            self._show_not_paused(self.tr("no longer paused"))
            return
        except FlowdeskError as exc:
            self._show_load_error(describe(exc))
            return
        self._apply(run, pause)

    def _show_not_paused(self, state: str) -> None:
        self._show_load_error(
            self.tr("This run is not paused any more (it is {state}): nothing to resume.").format(
                state=state
            ),
            retry=False,
        )

    def _apply(self, run: RunInfo, pause: PauseInfo) -> None:
        self.run, self.pause = run, pause
        where = run.flow_name + (f"/{run.deployment_name}" if run.deployment_name else "")
        self.title.setText(self.tr("Resume “{name}” ({where})").format(name=run.name, where=where))
        self._show_timeout()
        self._countdown.start()
        self.extend_button.setVisible(can_extend(pause))
        if pause.description:
            set_markdown(self.description, pause.description)
            self.description.show()
            doc_height = int(self.description.document().size().height()) + 8
            self.description.setFixedHeight(min(160, max(40, doc_height)))
        if self.form is None and pause.wants_input:
            assert pause.schema is not None
            self.form = SchemaForm(pause.schema, None, self, checks=pause.checks)
            self.scroll.setWidget(self.form)
            self.scroll.show()
            self.reset_button.show()
            self.form.changed.connect(self._on_form_changed)
        elif not pause.wants_input:
            self.confirm_label.setText(
                self.tr("The run continues where it stopped when you resume it.")
                if not pause.suspended
                else release_line(run)  # released by the flow: it goes on from the pause
                or self.tr(
                    "The run was suspended: resuming starts it again from the top; "
                    "tasks with persisted results come back cached."
                )
            )
            self.confirm_label.show()
        self.resume_button.setEnabled(True)
        self.adjustSize()

    def _show_load_error(self, text: str, retry: bool = True) -> None:
        if self.title.text() == self.tr("Loading…"):
            self.title.setText(self.tr("Resume run"))
        self.banner.show_message(text, "error")
        self.resume_button.setEnabled(False)
        self.retry_button.setVisible(retry)

    def _show_timeout(self) -> None:
        pause = self.pause
        if pause is None:
            return
        if pause.timeout_at is None:
            self.timeout_label.setText(self.tr("Waits until resumed (no timeout)."))
            return
        left = (pause.timeout_at - datetime.now(timezone.utc)).total_seconds()
        when = format_full_time(pause.timeout_at)
        if left > 0:
            text = self.tr("Times out at {when} (in {left}); then the run fails.").format(
                when=when, left=format_duration(left)
            )
        else:
            text = self.tr("The pause expired at {when}.").format(when=when)
        self.timeout_label.setText(text)
        if not can_extend(pause):
            self.timeout_label.setToolTip(
                self.tr(
                    "The flow's own process counts this timeout down, so it cannot be "
                    "extended from here."
                )
            )

    # -- resuming ----------------------------------------------------------------
    def submit(self) -> None:
        """Validate locally; send only valid input."""
        if self._busy or self.pause is None:
            return
        client = self._get_client()
        if client is None:
            self.banner.show_message(self.tr("Not connected to a Prefect server."), "error")
            return
        values: dict[str, Any] | None = None
        if self.form is not None:
            self.form.clear_server_error()
            problems = self.form.validate()
            if problems:
                self.banner.show_message(
                    self.tr("Please fix the marked fields. Nothing was sent."), "error"
                )
                return
            values = self.form.values()
        self.banner.clear()
        self._set_busy(True)
        self._tasks.spawn(self._resume(client, values), name="resume-dialog-resume")

    async def _resume(self, client: FlowdeskClient, values: dict[str, Any] | None) -> None:
        try:
            done = await service.resume(client, self.run_id, values, source=self.source)
        except InputRejected as exc:
            text = self.tr("The server rejected the input; the run is still paused.")
            if self.form is not None:
                self.form.show_server_error(exc.reason, banner=False)
            self.banner.show_message(f"{text}\n{exc.reason}", "error")
            return
        except InvalidState as exc:
            self.banner.show_message(
                self.tr("This run is not paused any more, so there is nothing to resume.")
                + "\n"
                + str(exc),
                "warning",
            )
            self.pause = None  # nothing left to resume: keep the button off
            return
        except FlowdeskError as exc:
            self.banner.show_message(
                self.tr("Could not resume: {error}").format(error=describe(exc)), "error"
            )
            return
        finally:
            self._set_busy(False)
        self.resumed.emit(done.run)
        self.accept()
        if done.warning:  # resumed all the same: the window that opened us says it
            self.audit_warning.emit(done.warning)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.resume_button.setEnabled(not busy and self.pause is not None)
        self.resume_button.setText(self.tr("Resuming…") if busy else self.tr("Resume"))
        if self.form is not None:
            self.form.setEnabled(not busy)

    def _on_form_changed(self) -> None:
        if self.banner.kind == "error" and not self._busy:
            self.banner.clear()

    def _on_reset(self) -> None:
        if self.form is not None:
            self.form.reset()
        self.banner.clear()

    # -- extending ---------------------------------------------------------------
    def _on_extend(self) -> None:
        client = self._get_client()
        if client is None:
            self.banner.show_message(self.tr("Not connected to a Prefect server."), "error")
            return
        self.extend_button.setEnabled(False)
        self._tasks.spawn(self._extend(client), name="resume-dialog-extend")

    async def _extend(self, client: FlowdeskClient) -> None:
        try:
            done = await service.extend_pause(
                client, self.run_id, EXTEND_SECONDS, source=self.source
            )
        except FlowdeskError as exc:
            self.banner.show_message(
                self.tr("Could not extend the pause: {error}").format(error=describe(exc)),
                "error",
            )
            return
        finally:
            self.extend_button.setEnabled(True)
        new_expiry = done.expires_at
        assert new_expiry is not None
        if self.pause is not None:
            self.pause = replace(self.pause, timeout_at=new_expiry)
        self._show_timeout()
        text = self.tr("The pause now expires at {when}.").format(
            when=format_full_time(new_expiry)
        )
        if done.warning:
            self.banner.show_message(f"{text}\n{done.warning}", "warning")
        else:
            self.banner.show_message(text, "info")

    # -- lifetime ---------------------------------------------------------------
    def _report(self, exc: BaseException, name: str) -> None:
        self.banner.show_message(describe(exc), "error")

    def done(self, result: int) -> None:
        # Stop reading; a resume already sent is left to finish and report.
        self._countdown.stop()
        self._loading.cancel()
        super().done(result)
