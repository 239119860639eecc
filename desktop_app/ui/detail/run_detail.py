"""`RunDetailPane`: everything about one run, kept live.

Header (state, timing, pause box with Resume…), then tabs: Logs (live tail),
Task runs (Gantt; a clicked task opens below it in depth), State history,
Parameters, Result, Artifacts. Data comes from
`FlowdeskClient` on the qasync loop: a refresh on `show_run`, on each run
event for the shown run (debounced), and every `POLL_MS` while the run is
live (task-run changes raise no flow-run event). Switching runs bumps a
generation counter, so answers for the previous run are dropped, and
cancels its log tail. Artifacts are read only while their tab is visible:
on each poll while the run is live (progress artifacts change in place), and
once more after it ends.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QLabel,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.api import log_tail
from desktop_app.core.api.errors import FlowdeskError, NotFound
from desktop_app.core.api.models import LogLine, RunEvent, RunInfo
from desktop_app.services import artifacts
from desktop_app.ui.async_tools import TaskKeeper, TaskSlot, describe
from desktop_app.ui.detail.artifacts_view import ArtifactsView
from desktop_app.ui.detail.header import RunHeader
from desktop_app.ui.detail.log_export import write_all_logs
from desktop_app.ui.detail.log_view import LogView
from desktop_app.ui.detail.parameters_view import ParametersView
from desktop_app.ui.detail.result_view import ResultView
from desktop_app.ui.detail.state_timeline import StateTimeline
from desktop_app.ui.detail.task_detail import TaskRunDetailView
from desktop_app.ui.detail.task_gantt import TaskGantt
from desktop_app.ui.forms.banner import Banner
from desktop_app.ui.limit_notice import LimitNoticeBar
from desktop_app.ui.retranslating import Retranslating
from desktop_app.ui.timers import make_timer

if TYPE_CHECKING:
    from desktop_app.core.api.client import FlowdeskClient

POLL_MS = 2000
EVENT_DEBOUNCE_MS = 150
RETRY_MS = 3000
SETTLE_MS = 1000
SETTLE_ROUNDS = 5
"""Reads after the run ended, until its task list holds still (at most ~5 s)."""


class RunDetailPane(Retranslating, QWidget):
    """Shows one run; `show_run(None)` clears it."""

    def __init__(
        self, get_client: Callable[[], FlowdeskClient | None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._get_client = get_client
        self.run_id: str | None = None
        self.run: RunInfo | None = None
        self._generation = 0
        self._tasks = TaskKeeper(report=lambda exc, _name: self._show_error(exc))
        self._tail = TaskSlot(self._tasks, "detail-log-tail")
        self._tail_cursor = log_tail.LogCursor()
        self._refreshing = False
        self._refresh_again = False
        self._outcome_for: str | None = None
        self._resume_dialog: QWidget | None = None
        self._log_backlog: list[list[LogLine]] = []
        self._naming = TaskSlot(self._tasks, "detail-task-names")
        self._reading_artifacts: int | None = None  # the generation being read, if any
        self._artifacts_for: str | None = None
        self._build()
        self._debounce = make_timer(self, EVENT_DEBOUNCE_MS, self.refresh, single_shot=True)
        self._poll = make_timer(self, POLL_MS, self.refresh)
        self._tick = make_timer(self, 1000, self._on_tick)
        self._retry = make_timer(self, RETRY_MS, self.refresh, single_shot=True)
        # After the run ends, Prefect may still be recording its last task runs
        # (from their events): read again until the list holds still.
        self._settle = make_timer(self, SETTLE_MS, self.refresh, single_shot=True)
        self._settle_left = SETTLE_ROUNDS
        self._task_count = -1

    # -- layout ------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.stack = QStackedWidget(self)
        layout.addWidget(self.stack)
        self.empty = QLabel(self)
        self.empty.setEnabled(False)
        self.empty.setWordWrap(True)
        self.stack.addWidget(self.empty)

        page = QWidget(self)
        page_layout = QVBoxLayout(page)
        page_layout.setContentsMargins(0, 0, 0, 0)
        self.header = RunHeader(page)
        self.header.resume_clicked.connect(self._open_resume)
        page_layout.addWidget(self.header)
        self.limit_notice = LimitNoticeBar(self._tasks, page)
        self.limit_notice.create_requested.connect(self._create_limit)
        page_layout.addWidget(self.limit_notice)
        self.banner = Banner(page)
        page_layout.addWidget(self.banner)
        self.tabs = QTabWidget(page)
        self.logs = LogView(self.tabs)
        self.logs.has_external_save = True
        self.logs.save_requested.connect(self._save_logs)
        self.gantt = TaskGantt()
        self._task_split = task_split = QSplitter(Qt.Orientation.Vertical, self.tabs)
        gantt_scroll = QScrollArea(task_split)
        gantt_scroll.setWidgetResizable(True)
        gantt_scroll.setWidget(self.gantt)
        self.task_detail = TaskRunDetailView(self._get_client, self._tasks, task_split)
        self.task_detail.hide()
        self.task_detail.closed.connect(lambda: self.gantt.select(None))
        self.gantt.task_clicked.connect(self.show_task)
        task_split.addWidget(gantt_scroll)
        task_split.addWidget(self.task_detail)
        task_split.setStretchFactor(1, 2)
        self.states = StateTimeline(self.tabs)
        self.parameters = ParametersView(self.tabs)
        self.result = ResultView(self.tabs)
        self.artifacts = ArtifactsView(self.tabs)
        pages = (self.logs, task_split, self.states, self.parameters, self.result, self.artifacts)
        for widget in pages:
            self.tabs.addTab(widget, "")
        self.tabs.currentChanged.connect(lambda _i: self._read_artifacts())
        page_layout.addWidget(self.tabs, 1)
        self.stack.addWidget(page)
        self.page = page
        self.retranslate()

    def retranslate(self) -> None:
        self.empty.setText(self.tr("Select a run to see its details."))
        titles = (
            self.tr("Logs"),
            self.tr("Task runs"),
            self.tr("State history"),
            self.tr("Parameters"),
            self.tr("Result"),
            self.tr("Artifacts"),
        )
        for index, title in enumerate(titles):
            self.tabs.setTabText(index, title)

    def height_for_log_lines(self, lines: int) -> int:
        """The pane's height when its log shows `lines` lines (the splitter's minimum).

        From size hints, so it holds before the pane first showed a run.
        """
        text = self.logs.text
        spacing = self.page.layout().spacing() + self.logs.layout().spacing()
        margins = self.layout().contentsMargins()
        chrome = (
            margins.top()
            + margins.bottom()
            + self.header.sizeHint().height()
            + (self.header.pause_box.sizeHint().height() if self.header.pause_box.isHidden() else 0)
            + self.tabs.tabBar().sizeHint().height()
            + self.logs.bar.sizeHint().height()
            + self.logs.status.sizeHint().height()
            + 2 * spacing
            + 8  # the tab page's frame
        )
        body = lines * text.fontMetrics().lineSpacing() + 2 * text.frameWidth()
        return chrome + body + 2 * int(text.document().documentMargin())

    # -- public ----------------------------------------------------------------------
    def show_run(self, run_id: str | None) -> None:
        """Show `run_id` (None: nothing); cancels the previous run's tail."""
        if run_id == self.run_id and run_id is not None:
            self.refresh()
            return
        self._generation += 1
        self._stop_tail()
        self._poll.stop()
        self._tick.stop()
        self._settle.stop()
        self._settle_left = SETTLE_ROUNDS
        self._task_count = -1
        self.run_id = run_id
        self.run = None
        self._outcome_for = None
        self._tail_cursor = log_tail.LogCursor()
        self._log_backlog = []
        self.logs.clear()
        self.banner.clear()
        self.limit_notice.clear()
        self.header.set_run(None)
        self.gantt.set_tasks([])
        self.states.set_history([], final=True)
        self.parameters.set_parameters({})
        self.result.show_pending()
        self._artifacts_for = None
        self.artifacts.clear()
        self.gantt.select(None)
        self.task_detail.show_task(None, {})
        if run_id is None:
            self.stack.setCurrentWidget(self.empty)
            return
        self.stack.setCurrentWidget(self.page)
        self.refresh()

    def _create_limit(self, name: str, kind: str) -> None:
        """The notice's "Create limit…": the window's Variables & limits tab does it."""
        opener = getattr(self.window(), "create_limit", None)
        if opener is not None:
            opener(name, kind)

    def on_run_event(self, event: RunEvent) -> None:
        """A state change somewhere: refresh (debounced) if it is this run."""
        if self.run_id is not None and event.run_id == self.run_id:
            self._debounce.start()

    def show_task(self, task_id: str) -> None:
        """Open one task run in depth under the Gantt chart."""
        self.gantt.select(task_id)
        if self.task_detail.isHidden():  # first opened: the chart keeps its rows, up to 40 %
            total = max(self._task_split.height(), 300)
            chart = min(self.gantt.sizeHint().height() + 6, int(total * 0.4))
            self._task_split.setSizes([chart, total - chart])
        self.task_detail.show_task(task_id, self.logs.task_names)

    @property
    def tailing(self) -> bool:
        return self._tail.busy

    # -- refreshing ------------------------------------------------------------------
    def refresh(self) -> None:
        if self.run_id is None:
            return
        if self._refreshing:
            self._refresh_again = True
            return
        client = self._get_client()
        if client is None:
            self.banner.show_message(self.tr("Not connected to a Prefect server."), "warning")
            self._retry.start()
            return
        self._refreshing = True
        self._tasks.spawn(self._refresh(client, self.run_id, self._generation), "detail-refresh")

    async def _refresh(self, client: FlowdeskClient, run_id: str, generation: int) -> None:
        try:
            run, history, tasks = await asyncio.gather(
                client.read_run(run_id), client.state_history(run_id), client.task_runs(run_id)
            )
        except FlowdeskError as exc:
            if generation == self._generation:
                self._show_error(exc)
                if isinstance(exc, NotFound):  # deleted: it does not come back, stop asking
                    for timer in (self._poll, self._tick, self._settle):
                        timer.stop()
                else:
                    self._retry.start()
            return
        finally:
            self._refreshing = False
            if self._refresh_again:
                self._refresh_again = False
                QTimer.singleShot(0, self.refresh)
        if generation != self._generation:
            return  # the person moved on to another run
        if self.banner.kind in ("warning", "error"):
            self.banner.clear()
        self.run = run
        self.header.set_run(run)
        self.states.set_history(history, final=run.state.is_final)
        self.gantt.set_tasks(tasks, run.start_time, run.end_time)
        self.logs.task_names.update({task.id: task.name for task in tasks})
        self.parameters.set_parameters(run.parameters)
        self.limit_notice.check(client, run)
        if self.task_detail.task_id is not None:
            self.task_detail.task_names = dict(self.logs.task_names)
            self.task_detail.refresh()
        if run.state.is_final:
            self._poll.stop()
            self._tick.stop()
            settled = len(tasks) == self._task_count and all(t.state.is_final for t in tasks)
            self._task_count = len(tasks)
            if not settled and self._settle_left > 0:
                self._settle_left -= 1
                self._settle.start()
            stamp = f"{run.state.type}@{run.state.timestamp}"
            if self._outcome_for != stamp:  # once per final state, not every refresh
                self._outcome_for = stamp
                self._tasks.spawn(self._load_outcome(client, run, generation), "detail-outcome")
        else:
            self._outcome_for = None
            self._settle_left = SETTLE_ROUNDS
            self._task_count = -1
            self.result.show_pending()
            if not self._poll.isActive():
                self._poll.start()
            if not self._tick.isActive():
                self._tick.start()
        if not self.tailing and (not run.state.is_final or self._tail.task is None):
            self._start_tail(client, run_id)
        self._read_artifacts()  # after the settle timer is set: it reads while that runs

    async def _load_outcome(self, client: FlowdeskClient, run: RunInfo, generation: int) -> None:
        self.result.show_loading()
        try:
            if run.state.type == "COMPLETED":
                value = await client.run_result(run.id)
                if generation == self._generation:
                    self.result.show_result(run, value)
            else:
                errors = await client.logs(run.id, min_level=40, limit=50)
                if generation == self._generation:
                    self.result.show_error(run, errors)
        except FlowdeskError as exc:
            if generation == self._generation:
                self.result.summary.setText(describe(exc))

    # -- artifacts ---------------------------------------------------------------------
    def _read_artifacts(self) -> None:
        """Read the run's artifacts if their tab shows and they may have changed."""
        run = self.run
        client = self._get_client()
        if run is None or client is None or self.tabs.currentWidget() is not self.artifacts:
            return
        stamp = f"{run.state.type}@{run.state.timestamp}"
        if run.state.is_final and stamp == self._artifacts_for and not self._settle.isActive():
            return  # ended and read since: artifacts no longer change
        if self._reading_artifacts != self._generation:  # an older run's read: its answer drops
            self._reading_artifacts = self._generation
            self._tasks.spawn(self._load_artifacts(client, run.id, stamp), "detail-artifacts")

    async def _load_artifacts(self, client: FlowdeskClient, run_id: str, stamp: str) -> None:
        generation = self._generation
        try:
            found = await artifacts.run_artifacts(client, run_id)
        except FlowdeskError as exc:
            if generation == self._generation:
                self.artifacts.banner.show_message(describe(exc), "error")
            return
        finally:
            if self._reading_artifacts == generation:
                self._reading_artifacts = None
        if generation == self._generation:
            self._artifacts_for = stamp
            self.artifacts.set_artifacts(found, self.logs.task_names)

    def _on_tick(self) -> None:
        self.header.tick()
        self.gantt.update()

    # -- logs ----------------------------------------------------------------------
    def _start_tail(self, client: FlowdeskClient, run_id: str) -> None:
        generation = self._generation

        def deliver(lines: list[LogLine]) -> None:
            if generation != self._generation:
                return
            names = self.logs.task_names
            if not self._log_backlog and all(
                not line.task_run_id or line.task_run_id in names for line in lines
            ):
                self.logs.append_lines(lines)
                return
            # A task we have not read yet: name it first (one read), keeping line order.
            self._log_backlog.append(lines)
            if not self._naming.busy:
                self._naming.start(self._name_tasks(client, run_id, generation))

        def is_final() -> bool:
            return bool(self.run and self.run.id == run_id and self.run.state.is_final)

        async def tail() -> None:
            await log_tail.follow(client, run_id, deliver, is_final, cursor=self._tail_cursor)
            if generation == self._generation:
                self.logs.request_sort()  # late lines into time order, once

        self._tail.start(tail())

    async def _name_tasks(self, client: FlowdeskClient, run_id: str, generation: int) -> None:
        """Read the run's task names for backlogged lines, then show them in order."""
        while self._log_backlog and generation == self._generation:
            names = self.logs.task_names
            unknown = {
                line.task_run_id
                for batch in self._log_backlog
                for line in batch
                if line.task_run_id and line.task_run_id not in names
            }
            if unknown:
                try:
                    tasks = await client.task_runs(run_id)
                except FlowdeskError:
                    tasks = []  # the lines still show, with the logger's name
                if generation != self._generation:
                    return
                names.update({task.id: task.name for task in tasks})
            batches, self._log_backlog = self._log_backlog, []
            for batch in batches:
                self.logs.append_lines(batch)

    def _stop_tail(self) -> None:
        self._tail.cancel()

    def _save_logs(self, path: str, min_level: int) -> None:
        client = self._get_client()
        if client is None or self.run_id is None:
            self.logs.save_memory(path)
            return
        self._tasks.spawn(
            write_all_logs(client, self.run_id, path, min_level, self.logs), "save-logs"
        )

    # -- resume ----------------------------------------------------------------------
    def _open_resume(self) -> None:
        if self.run_id is None:
            return
        from desktop_app.ui.forms.resume_dialog import ResumeDialog

        dialog = ResumeDialog(self._get_client, self.run_id, self, source="detail")
        dialog.resumed.connect(lambda _run: self.refresh())
        dialog.finished.connect(dialog.deleteLater)
        self._resume_dialog = dialog
        dialog.show()  # non-modal: the logs stay usable while deciding
        dialog.raise_()
        dialog.activateWindow()

    # -- errors, lifetime ----------------------------------------------------------------
    def _show_error(self, exc: BaseException) -> None:
        self.banner.show_message(describe(exc), "error")

    def shutdown(self) -> None:
        """Stop timers and background work (the window calls this when closing)."""
        self._generation += 1
        self._stop_tail()
        self.task_detail.show_task(None, {})
        for timer in (self._poll, self._tick, self._retry, self._debounce, self._settle):
            timer.stop()
