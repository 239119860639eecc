"""The deployments tab: run now, run with parameters, pause/resume schedules, see runs."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QByteArray,
    QSettings,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMenu,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.api.models import DeploymentInfo, RunInfo
from desktop_app.core.serving.flow_ownership import entrypoint_file, read_flow_report
from desktop_app.core.serving.user_flows import CopyError, copy_example
from desktop_app.ui.async_tools import TaskSlot, describe
from desktop_app.ui.context import AppContext
from desktop_app.ui.deployments.action_texts import translated
from desktop_app.ui.deployments.failure_switch import FailureSwitch
from desktop_app.ui.deployments.flow_notes import FlowNotes
from desktop_app.ui.deployments.latest_artifacts import open_latest
from desktop_app.ui.deployments.model import (
    DEPLOYMENT_ROLE,
    SORT_ROLE,
    DColumn,
    DeploymentsTableModel,
    RunFacts,
    is_example,
    schedule_active,
)
from desktop_app.ui.retranslating import Retranslating
from desktop_app.ui.runs.model import RunsTableModel
from desktop_app.ui.runs.summary import Summary
from desktop_app.ui.timers import make_timer

if TYPE_CHECKING:
    from desktop_app.core.api.client import FlowdeskClient

log = logging.getLogger(__name__)

RELOAD_SECONDS = 60
"""A safety-net re-read while the event stream is live (events bring changes at once).

Not while the window is hidden or minimised; showing it again, or the stream
dropping or reconnecting, reads at once."""
CHECK_MS = 2000
"""Without the stream (polling), the visible tab re-reads this often: one cheap request."""
EVENT_DELAY_MS = 100
"""Events come in bursts (created, then ready): one read for the burst."""

class DeploymentsView(Retranslating, QWidget):
    message = Signal(str)
    failed = Signal(str, str)
    show_runs = Signal(str)
    """Show the runs of this deployment id (the window switches tabs)."""
    run_started = Signal(object)
    """RunInfo of a run started here."""

    def __init__(
        self, context: AppContext, runs_model: RunsTableModel, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("deploymentsView")
        self.context = context
        self.runs_model = runs_model
        self.model = DeploymentsTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._in_flight: set[str] = set()
        self._dialogs: list[QWidget] = []
        self._loading = TaskSlot(context.tasks, "deployments-load")
        self.loads = 0

        self.table = QTableView(self, objectName="deploymentsTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionsMovable(True)
        for column, width in (
            (DColumn.FLOW, 200),
            (DColumn.NAME, 190),
            (DColumn.SCHEDULE, 170),
            (DColumn.NEXT_RUN, 120),
            (DColumn.SCHEDULE_STATE, 100),
            (DColumn.LAST_RUN, 190),
        ):
            self.table.setColumnWidth(column, width)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(DColumn.FLOW, Qt.SortOrder.AscendingOrder)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.doubleClicked.connect(lambda _i: self._show_runs())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.update_actions())

        self.run_now = self._action("runNow", self._run_now)
        self.run_with = self._action("runWithParameters", self._run_with_parameters)
        self.pause_schedule = self._action("pauseSchedule", lambda: self._set_schedule(False))
        self.resume_schedule = self._action("resumeSchedule", lambda: self._set_schedule(True))
        self.schedules_action = self._action("editSchedules", self._edit_schedules)
        self.runs_action = self._action("showRuns", self._show_runs, network=False)
        self.copy_action = self._action("copyToMyFlows", self._copy_to_my_flows, network=False)
        self.artifacts_action = self._action("latestArtifacts", lambda: open_latest(self))
        self.toolbar = QToolBar(self)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in self._main_actions():
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.runs_action)
        self.toolbar.addAction(self.copy_action)
        self.notes = FlowNotes(context, self)
        self.failure_switch = FailureSwitch(parent=self)

        self.empty = QLabel(self)
        self.empty.setWordWrap(True)
        self.empty.setEnabled(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.notes)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)

        self._loaded_at = 0.0
        self._load_again = False
        self._checked_mode = context.stream_mode
        self._window_shown = True
        self._reload_timer = make_timer(self, CHECK_MS, self._check)
        self._event_timer = make_timer(self, EVENT_DELAY_MS, self.reload, single_shot=True)
        context.connected.connect(lambda _c: self._on_connected())
        context.disconnected.connect(lambda _r: self._on_disconnected())
        context.switched.connect(lambda: self.model.set_deployments([]))
        self.retranslate()

    def _action(self, name, handler, network: bool = True) -> QAction:
        action = QAction(self, objectName=name)
        action.setProperty("network", network)
        action.triggered.connect(handler)
        self.addAction(action)
        return action

    def retranslate(self) -> None:
        """Texts in the current language: at start and after a live switch."""
        for action in self.actions():
            texts = translated(action.objectName())
            if texts is None:
                continue
            text, tip = texts
            action.setText(text)
            action.setStatusTip(tip)
            action.setProperty("tip", tip)
        self.toolbar.setWindowTitle(self.tr("Deployment actions"))
        self.model.retranslate()
        self.update_actions()
        self._update_empty()

    # -- loading -----------------------------------------------------------------
    def on_deployment_event(self, _event: object) -> None:
        """A deployment was created, changed or deleted: read them again (coalesced)."""
        self._event_timer.start()

    def _check(self) -> None:
        """The timer: cheap re-reads while visible without events, rare ones with."""
        window = self.window()
        shown = window.isVisible() and not window.isMinimized()
        mode = self.context.stream_mode
        changed = mode != self._checked_mode or not self._window_shown
        self._checked_mode, self._window_shown = mode, shown
        if not shown:
            return  # hidden to the tray: nobody looks, events keep the model current
        live = mode == "events"
        age = time.monotonic() - self._loaded_at
        if changed or age >= RELOAD_SECONDS or (not live and self.isVisible()):
            self.reload()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.reload()  # opening the tab shows what is there now

    def _on_connected(self) -> None:
        self.reload()
        self._reload_timer.start()
        self.update_actions()

    def _on_disconnected(self) -> None:
        self._reload_timer.stop()
        self.update_actions()

    def reload(self) -> None:
        if self.context.get_client() is None:
            return
        if not self._loading.busy:
            self._loading.start(self._load())
        else:
            self._load_again = True  # the answer in flight may predate what changed

    async def _load(self) -> None:
        client = self.context.get_client()
        if client is None:
            return
        try:
            deployments = await client.list_deployments()
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            log.warning("loading deployments failed: %s", exc)
            self.failed.emit(
                self.tr("Could not load deployments: {error}").format(error=describe(exc)), ""
            )
            return
        self.model.set_deployments(deployments)
        self.notes.refresh()
        self._loaded_at = time.monotonic()
        self.loads += 1
        self.update_actions()
        self._update_empty()
        if self._load_again:
            self._load_again = False
            self._event_timer.start()

    def apply_summary(self, summary: Summary) -> None:
        """Next and last runs per deployment, from the runs view's scan of all rows."""
        self.model.set_facts(
            {
                dep: RunFacts(
                    summary.next_runs[dep].run.expected_start_time
                    if dep in summary.next_runs
                    else None,
                    summary.last_runs[dep].run if dep in summary.last_runs else None,
                )
                for dep in set(summary.next_runs) | set(summary.last_runs)
            }
        )
        known = {d.id for d in self.model.deployments()}
        if self.loads and set(summary.deployments) - known:
            self.reload()  # a run of a deployment we have not seen: a new flow file is served

    def _update_empty(self) -> None:
        self.empty.setText(
            self.tr(
                "No deployments yet. Flowdesk serves every flow file in its flows folders; "
                "they appear here once the local server's runner has registered them."
            )
        )
        self.empty.setVisible(not self.model.rowCount())

    # -- selection and enabling ------------------------------------------------------
    def selected(self) -> DeploymentInfo | None:
        rows = self.table.selectionModel().selectedRows(0)
        return rows[0].data(DEPLOYMENT_ROLE) if rows else None

    def select(self, deployment_id: str) -> bool:
        for row in range(self.proxy.rowCount()):
            dep = self.proxy.index(row, 0).data(DEPLOYMENT_ROLE)
            if dep.id == deployment_id:
                self.table.selectRow(row)
                return True
        return False

    def update_actions(self) -> None:
        dep = self.selected()
        connected = self.context.get_client() is not None
        rules = {
            self.run_now: dep is not None,
            self.run_with: dep is not None,
            self.pause_schedule: dep is not None and schedule_active(dep),
            self.resume_schedule: dep is not None
            and bool(dep.schedules)
            and not schedule_active(dep),
            self.schedules_action: dep is not None,
            self.runs_action: dep is not None,
            self.artifacts_action: dep is not None,
            self.copy_action: self._copyable(dep) is not None,
        }
        for action, allowed in rules.items():
            if action.property("network") and not connected:
                action.setEnabled(False)
                action.setToolTip(self.tr("Not connected to the server."))
                continue
            busy = action.objectName() in self._in_flight
            action.setEnabled(allowed and not busy)
            action.setToolTip(self.tr("In progress…") if busy else action.property("tip"))

    # -- actions ----------------------------------------------------------------------
    def _spawn(self, name: str, coro) -> None:
        self._in_flight.add(name)
        self.update_actions()

        async def wrapped() -> None:
            try:
                await coro
            finally:
                self._in_flight.discard(name)
                self.update_actions()

        self.context.tasks.spawn(wrapped(), f"deployment-{name}")

    def _call(self, name: str, failure: str, work: Callable[[FlowdeskClient, DeploymentInfo],
              Awaitable[Any]], then: Callable[[DeploymentInfo, Any], Awaitable[None]]) -> None:
        """Run `work` for the selected deployment; a failure is said with `failure`.

        `failure` has {name} and {error} placeholders; `then` runs after success.
        """
        dep = self.selected()
        client = self.context.get_client()
        if dep is None or client is None:
            return

        async def call() -> None:
            try:
                result = await work(client, dep)
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                self.failed.emit(failure.format(name=dep.full_name, error=describe(exc)), "")
                return
            await then(dep, result)

        self._spawn(name, call())

    def _run_now(self) -> None:
        async def started(_dep: DeploymentInfo, run: RunInfo) -> None:
            self._started(run)

        self._call("runNow", self.tr("Could not start {name}: {error}"),
                   lambda client, dep: client.run_deployment(dep.id), started)

    def _started(self, run: RunInfo) -> None:
        self.runs_model.upsert([run])
        self.run_started.emit(run)
        self.message.emit(
            self.tr("Started {run} of {flow}.").format(run=run.name, flow=run.flow_name)
        )

    def _run_with_parameters(self) -> None:
        dep = self.selected()
        if dep is None:
            return
        from desktop_app.ui.forms.run_parameters_dialog import RunParametersDialog

        dialog = RunParametersDialog(self.context.get_client, dep, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.started.connect(self._started)
        self._dialogs.append(dialog)
        dialog.destroyed.connect(lambda *_: self._dialogs.clear())
        dialog.open()

    def _set_schedule(self, active: bool) -> None:
        async def changed(dep: DeploymentInfo, _result: object) -> None:
            self.message.emit(
                (
                    self.tr("Schedule of {name} resumed.")
                    if active
                    else self.tr("Schedule of {name} paused.")
                ).format(name=dep.full_name)
            )
            await self._load()

        self._call("resumeSchedule" if active else "pauseSchedule",
                   self.tr("Could not change the schedule of {name}: {error}"),
                   lambda client, dep: client.set_schedule_active(dep.id, active), changed)

    def _main_actions(self) -> tuple[QAction, ...]:
        return (self.run_now, self.run_with, self.pause_schedule, self.resume_schedule,
                self.schedules_action)

    def _edit_schedules(self) -> None:
        """The deployment's schedules in their own dialog (ui/schedules); changes reload."""
        from desktop_app.ui.schedules.dialog import SchedulesDialog

        if (dep := self.selected()) is not None:
            dialog = SchedulesDialog(self.context.get_client, dep, self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.changed.connect(self.reload)
            self.schedules_dialog = dialog
            dialog.open()

    def _copyable(self, dep: DeploymentInfo | None) -> Path | None:
        """The example's file, if `dep` is an example this machine serves."""
        if dep is None or not is_example(dep) or self.context.manager is None:
            return None
        source = Path(entrypoint_file(dep.entrypoint))
        return source if source.is_file() else None

    def _copy_to_my_flows(self) -> None:
        dep = self.selected()
        source = self._copyable(dep)
        if dep is None or source is None:
            return
        taken = {d.flow_name for d in self.model.deployments()}
        taken |= {name.split("/")[0] for name in read_flow_report().owners}
        try:
            copied = copy_example(source, dep.flow_name, taken)
        except CopyError as exc:
            self.failed.emit(
                self.tr("Could not copy {name}: {error}").format(name=dep.full_name, error=exc),
                "",
            )
            return
        self.message.emit(
            self.tr(
                "Copied {name} to {path} as the flow {flow}; it appears here in a moment. "
                "Edit that file: the next run uses it."
            ).format(name=dep.full_name, path=copied.path, flow=copied.flow_name)
        )

    def _show_runs(self) -> None:
        dep = self.selected()
        if dep is not None:
            self.show_runs.emit(dep.id)

    def _context_menu(self, pos) -> None:
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        for action in self._main_actions():
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.runs_action)
        menu.addAction(self.artifacts_action)
        menu.addAction(self.copy_action)
        menu.addSeparator()
        menu.addAction(self.failure_switch.show_for(self.selected()))
        menu.popup(self.table.viewport().mapToGlobal(pos))

    # -- state --------------------------------------------------------------------
    def save_state(self, settings: QSettings) -> None:
        settings.setValue("deployments/header", self.table.horizontalHeader().saveState())

    def restore_state(self, settings: QSettings) -> None:
        header = settings.value("deployments/header")
        if isinstance(header, QByteArray) and not header.isEmpty():
            self.table.horizontalHeader().restoreState(header)
