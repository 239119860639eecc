"""One task run in depth, under the Gantt chart when a bar is clicked.

Its retries (how many times it ran, how many retries it was allowed and
their delays, from the task run's policy), its state history, where its
arguments came from, its result and its own log lines. Prefect 3.9 records
an argument's *source* (an upstream task's result, a flow parameter), never
its value, and keeps a task's result only when persisted: both are said
plainly rather than shown as empty boxes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QTabWidget,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.api.artifact_models import TaskInput, TaskRunDetail
from desktop_app.core.api.errors import FlowdeskError
from desktop_app.ui.async_tools import TaskKeeper, TaskSlot, describe
from desktop_app.ui.detail.log_text import clean, cut
from desktop_app.ui.detail.log_view import LogView
from desktop_app.ui.detail.pages import note_above, read_only_text
from desktop_app.ui.detail.result_view import MAX_RESULT_CHARS, is_missing_result, result_text
from desktop_app.ui.detail.state_timeline import StateTimeline
from desktop_app.ui.retranslating import Retranslating
from desktop_app.ui.runs.formatting import format_duration
from desktop_app.ui.style import state_name

if TYPE_CHECKING:
    from desktop_app.core.api.client import FlowdeskClient

LOG_PAGE = 200
MOST_LOG_LINES = 5000


class TaskRunDetailView(Retranslating, QWidget):
    """`show_task(id)` loads one task run; `refresh()` reads it again while it runs."""

    closed = Signal()

    def __init__(
        self,
        get_client: Callable[[], FlowdeskClient | None],
        keeper: TaskKeeper,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._get_client = get_client
        self._read_slot = TaskSlot(keeper, "task-run-detail")
        """The read in flight: showing another task run cancels it (its answer is stale)."""
        self.task_id: str | None = None
        self.detail: TaskRunDetail | None = None
        self.task_names: dict[str, str] = {}
        self._log_count = 0
        self._final_read = False
        self._result_read = False
        self._result: tuple[str, str] = ("", "")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        top = QHBoxLayout()
        self.title = QLabel(self)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top.addWidget(self.title, 1)
        self.close_button = QToolButton(self)
        self.close_button.clicked.connect(self._close)
        top.addWidget(self.close_button)
        layout.addLayout(top)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary)
        self.tabs = QTabWidget(self)
        self.states = StateTimeline(self.tabs)
        inputs_page = QWidget(self.tabs)
        self.inputs = QTreeWidget(inputs_page)
        self.inputs.setRootIsDecorated(False)
        self.inputs.setColumnCount(2)
        self.inputs_note = note_above(inputs_page, self.inputs)
        result_page = QWidget(self.tabs)
        self.result_text = read_only_text(result_page)
        self.result_summary = note_above(result_page, self.result_text)
        self.logs = LogView(self.tabs)
        for page in (self.states, inputs_page, result_page, self.logs):
            self.tabs.addTab(page, "")
        layout.addWidget(self.tabs, 1)
        self.retranslate()

    # -- language --------------------------------------------------------------------
    def retranslate(self) -> None:
        for index, title in enumerate(
            (self.tr("State history"), self.tr("Inputs"), self.tr("Result"), self.tr("Logs"))
        ):
            self.tabs.setTabText(index, title)
        self.close_button.setText(self.tr("Close"))
        self.close_button.setToolTip(self.tr("Back to the task runs only"))
        self.inputs.setHeaderLabels([self.tr("Argument"), self.tr("Comes from")])
        self.inputs_note.setText(
            self.tr(
                "Prefect records where each argument came from, not its value: a value "
                "computed in the flow or written in the code is not stored on the server."
            )
        )
        if self.detail is not None:
            self._show_detail(self.detail)
        else:
            self.summary.setText(self.tr("Loading the task run…") if self.task_id else "")
        self._show_result(*self._result)

    # -- public ----------------------------------------------------------------------
    def show_task(self, task_id: str | None, task_names: dict[str, str]) -> None:
        self._read_slot.cancel()
        self.task_id = task_id
        self.task_names = dict(task_names)
        self.detail = None
        self._log_count = 0
        self._final_read = False
        self._result_read = False
        self.logs.clear()
        self.logs.task_names = self.task_names
        self.inputs.clear()
        self.states.set_history([], final=True)
        self._show_result("pending", "")
        self.title.setText(self.task_names.get(task_id or "", ""))
        self.summary.setText(self.tr("Loading the task run…") if task_id else "")
        self.setVisible(task_id is not None)
        if task_id is not None:
            self.refresh()

    def refresh(self) -> None:
        """Read the task again unless it ended and was read since."""
        client = self._get_client()
        if self.task_id is None or client is None or self._final_read:
            return
        if self._read_slot.busy:
            return
        self._read_slot.start(self._read(client, self.task_id))

    def _close(self) -> None:
        self.show_task(None, self.task_names)
        self.closed.emit()

    # -- reading ---------------------------------------------------------------------
    async def _read(self, client: FlowdeskClient, task_id: str) -> None:
        try:
            detail = await client.task_run_detail(task_id)
            self.detail = detail
            self._show_detail(detail)
            before = self._log_count
            await self._read_logs(client, task_id)
            if detail.task.state.is_final:
                if not self._result_read:
                    await self._read_result(client, detail)
                    self._result_read = True
                # Lines are shipped in batches after the state: done once a read brings none.
                self._final_read = self._log_count == before
        except FlowdeskError as exc:
            self.summary.setText(describe(exc))

    async def _read_logs(self, client: FlowdeskClient, task_id: str) -> None:
        while self._log_count < MOST_LOG_LINES:
            page = await client.task_logs(task_id, limit=LOG_PAGE, offset=self._log_count)
            self.logs.append_lines(page)
            self._log_count += len(page)
            if len(page) < LOG_PAGE:
                break

    async def _read_result(self, client: FlowdeskClient, detail: TaskRunDetail) -> None:
        state = detail.task.state
        if state.type != "COMPLETED":
            self._show_result("ended", state.message or "")
            return
        value = await client.task_run_result(detail.task.id)
        if is_missing_result(value):
            self._show_result("missing", "")
        elif isinstance(value, BaseException):
            self._show_result("unreadable", f"{type(value).__name__}: {value}")
        else:
            self._show_result("value", cut(clean(result_text(value)), MAX_RESULT_CHARS))

    # -- showing ---------------------------------------------------------------------
    def _show_detail(self, detail: TaskRunDetail) -> None:
        task = detail.task
        self.title.setText(f"{task.name} · {state_name(task.state.name)}")
        self.summary.setText(self.retry_text(detail))
        self.states.set_history(list(detail.states), final=task.state.is_final)
        self.inputs.clear()
        for source in detail.inputs:
            item = QTreeWidgetItem([source.name, self.source_text(source)])
            self.inputs.addTopLevelItem(item)
        if not detail.inputs:
            self.inputs.addTopLevelItem(QTreeWidgetItem(["", self.tr("(no arguments)")]))
        self.inputs.resizeColumnToContents(0)

    def retry_text(self, detail: TaskRunDetail) -> str:
        if detail.run_count == 0:
            ran = self.tr("Has not run yet.")
        elif detail.run_count == 1:
            ran = self.tr("Ran once.")
        else:
            ran = self.tr("Ran {count} times ({retries} retried).").format(
                count=detail.run_count, retries=detail.retries_used
            )
        if detail.max_retries:
            delays = ", ".join(format_duration(d) for d in detail.retry_delays) or "0"
            allowed = self.tr("Retries allowed: {count}, waiting {delays}.").format(
                count=detail.max_retries, delays=delays
            )
        else:
            allowed = self.tr("No retries allowed.")
        return f"{ran} {allowed}"

    def source_text(self, source: TaskInput) -> str:
        if source.kind == "task_run":
            name = self.task_names.get(source.ref) or source.ref[:8]
            return self.tr("the result of task {name}").format(name=name)
        if source.kind == "flow_run":
            return self.tr("the result of subflow run {id}").format(id=source.ref[:8])
        if source.kind == "parameter":
            return self.tr("the flow parameter “{name}”").format(name=source.ref)
        if source.kind == "constant":
            return self.tr("a constant ({type})").format(type=source.ref)
        return self.tr("a value from the flow (not recorded by Prefect)")

    def _show_result(self, kind: str, text: str) -> None:
        self._result = (kind, text)
        words = {
            "pending": self.tr("The task run has not finished yet."),
            "ended": self.tr("The task run did not complete, so it has no result."),
            "missing": self.tr(
                "Not persisted: Prefect kept no copy of this task's result. Set "
                "persist_result=True on the task (or the flow) to see it here."
            ),
            "unreadable": self.tr("The result could not be read."),
            "value": self.tr("Result:"),
        }
        self.result_summary.setText(words.get(kind, ""))
        self.result_text.setPlainText(text)
        self.result_text.setVisible(bool(text))

    def content(self) -> str:
        """Everything shown, as text (for tests and copying)."""
        rows = [
            f"{self.inputs.topLevelItem(i).text(0)}: {self.inputs.topLevelItem(i).text(1)}"
            for i in range(self.inputs.topLevelItemCount())
        ]
        return "\n".join(
            [
                self.title.text(),
                self.summary.text(),
                *rows,
                self.result_summary.text(),
                self.result_text.toPlainText(),
            ]
        )
