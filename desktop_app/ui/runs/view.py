"""The runs tab: dashboard strip, filters, toolbar, the live table and the run detail."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QByteArray,
    QItemSelectionModel,
    QModelIndex,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QSplitter,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.api.models import RunInfo
from desktop_app.ui.async_tools import TaskSlot
from desktop_app.ui.context import AppContext
from desktop_app.ui.dashboard.strip import DashboardStrip
from desktop_app.ui.retranslating import Retranslating
from desktop_app.ui.runs.actions import RunActions, can_pause
from desktop_app.ui.runs.columns import DEFAULT_WIDTHS, Column
from desktop_app.ui.runs.filter_bar import RunsFilterBar
from desktop_app.ui.runs.filters import RunCriteria
from desktop_app.ui.runs.limit_watch import LimitWatch
from desktop_app.ui.runs.loader import RunsLoader
from desktop_app.ui.runs.model import RUN_ROLE, RunsTableModel
from desktop_app.ui.runs.pause_news import PauseNews
from desktop_app.ui.runs.proxy import RunsFilterProxy
from desktop_app.ui.runs.summary import Summary, summarize_cooperatively
from desktop_app.ui.timers import make_timer

SUMMARY_DELAY_MS = 300
DETAIL_DELAY_MS = 120
TABLE_ROWS = 8
"""Rows the table keeps in view by default, and after a restored splitter."""
LOG_LINES = 12
"""Log lines the run detail keeps in view by default, and after a restored splitter."""


def default_detail_factory(context: AppContext, parent: QWidget) -> QWidget:
    from desktop_app.ui.detail.run_detail import RunDetailPane

    return RunDetailPane(context.get_client, parent)


class RunsTable(QTableView):
    """A table tuned for 10,000 rows: fixed row height, no per-row size computation."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("runsTable")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        rows = self.verticalHeader()
        rows.setVisible(False)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.horizontalHeader()
        header.setSectionsMovable(True)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        header.setSortIndicatorShown(True)


class RunsView(Retranslating, QWidget):
    message = Signal(str)
    failed = Signal(str, str)
    summary_ready = Signal(object)
    """A fresh `Summary` of all rows (the deployments tab reads next/last runs from it)."""

    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        detail_factory: Callable[[AppContext, QWidget], QWidget] = default_detail_factory,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("runsView")
        self.context = context
        self.model = RunsTableModel(self)
        self.proxy = RunsFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.loader = RunsLoader(context, self.model, parent=self)
        self.limit_watch = LimitWatch(self.model, context.get_client, context.tasks)
        self.loader.failed.connect(lambda text: self.failed.emit(text, ""))

        self.dashboard = DashboardStrip(context, self.model, self)
        self.dashboard.state_clicked.connect(self._chart_clicked)
        self.filter_bar = RunsFilterBar(self)
        self.filter_bar.criteria_changed.connect(self._criteria_changed)

        self.table = RunsTable(self)
        self.table.setModel(self.proxy)
        for column, width in DEFAULT_WIDTHS.items():
            self.table.setColumnWidth(column, width)
        self.table.sortByColumn(Column.START, Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.doubleClicked.connect(self._activated)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        self.actions_ = RunActions(context, self.loader, self.selected_runs, self)
        self.actions_.message.connect(self.message)
        self.actions_.failed.connect(self.failed)
        self.actions_.show_details.connect(self.show_detail)

        self.refresh_action = QAction(self, objectName="refreshRuns")
        self.refresh_action.triggered.connect(self.refresh)

        self.toolbar = QToolBar(self, objectName="runActions")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        a = self.actions_
        for action in (a.pause, a.resume, a.resume_input, a.suspend, a.cancel, a.retry, a.delete):
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(a.open_web)
        self.toolbar.addAction(self.refresh_action)

        self.summary = QLabel(self, objectName="runsSummary")
        self.summary.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        self.detail = detail_factory(context, self)
        self.loader.run_event.connect(self._forward_event)
        self.pause_news = PauseNews(lambda: "pause" in getattr(self.actions_, "_in_flight", ()))
        self.pause_news.message.connect(self.message)
        self.loader.run_event.connect(self.pause_news.on_event, Qt.ConnectionType.QueuedConnection)

        table_box = QWidget(self)
        table_layout = QVBoxLayout(table_box)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.setSpacing(4)
        bar = QHBoxLayout()
        bar.addWidget(self.toolbar, 1)
        bar.addWidget(self.summary)
        table_layout.addLayout(bar)
        table_layout.addWidget(self.table, 1)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self, objectName="runsSplitter")
        self.splitter.addWidget(table_box)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self._table_box = table_box
        self._split_checked = False
        self._split_restored = False
        self.split_fitted = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.setSpacing(6)
        layout.addWidget(self.dashboard)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.splitter, 1)

        self._summary_timer = make_timer(
            self, SUMMARY_DELAY_MS, self._update_summaries, single_shot=True
        )
        self._count_label_timer = make_timer(self, 100, self._update_count_label, single_shot=True)
        self.model.counts_changed.connect(self._summaries_stale)
        for signal in (self.proxy.rowsInserted, self.proxy.rowsRemoved, self.proxy.layoutChanged):
            signal.connect(self._count_label_stale)
        self.loader.loading_changed.connect(self._summaries_stale)
        self._detail_timer = make_timer(self, DETAIL_DELAY_MS, self._show_current, single_shot=True)
        self._actions_timer = make_timer(self, 150, self.actions_.update, single_shot=True)
        self.model.dataChanged.connect(self._selected_data_changed)
        self._time_timer = make_timer(self, 60_000, self.proxy.refresh_time_window)
        self._time_timer.start()
        self._shown_run: str | None = None
        self._summary = TaskSlot(context.tasks, "runs-summary")
        self._summary_again = False
        self.last_summary: Summary | None = None
        self._connected = False
        self._stale_palette: QPalette | None = None
        context.connected.connect(lambda _c: self.set_connected(True))
        context.switched.connect(self._server_switched)
        context.disconnected.connect(lambda reason: self.set_connected(False, reason))
        self.set_connected(context.get_client() is not None)
        # Runs age out of "last 24 h" and time filters without changing.
        self._age_timer = make_timer(self, 60_000, self._summaries_stale)
        self._age_timer.start()
        self.actions_.pause.triggered.connect(self._pause_triggered)
        self.filter_bar.set_counts({})
        self.retranslate()

    def retranslate(self) -> None:
        """Texts built here, in the current language (again after a live switch)."""
        self.refresh_action.setText(self.tr("Refresh"))
        self.refresh_action.setToolTip(self.tr("Read all runs again from the server (F5)"))
        self.toolbar.setWindowTitle(self.tr("Run actions"))
        self.actions_.retranslate()
        self._update_count_label()
        # State names, durations and times are translated as the cells are drawn.
        columns = self.model.columnCount()
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, columns - 1)
        if self.model.rowCount():
            last = self.model.index(self.model.rowCount() - 1, columns - 1)
            self.model.dataChanged.emit(self.model.index(0, 0), last)
        if not self._connected:
            self.set_connected(False, self._offline_reason)

    def _pause_triggered(self) -> None:
        """Remember what was asked to pause: the status bar says when it did."""
        self.pause_news.asked([r.id for r in self.selected_runs() if can_pause(r)])

    # -- reading the selection ------------------------------------------------
    def selected_runs(self) -> list[RunInfo]:
        rows = self.table.selectionModel().selectedRows(0)
        return [index.data(RUN_ROLE) for index in rows]

    def _selection_changed(self, *_args: object) -> None:
        self._actions_timer.start()
        self._detail_timer.start()

    def _selected_data_changed(self, top: QModelIndex, bottom: QModelIndex, *_: object) -> None:
        if top.column() == bottom.column() == Column.DURATION:
            return  # the ticking clock: nothing an action depends on
        if self.table.selectionModel().hasSelection():
            self._actions_timer.start()

    # -- detail ------------------------------------------------------------------
    def _show_current(self) -> None:
        runs = self.selected_runs()
        if len(runs) == 1:
            self.show_detail(runs[0].id)

    def _activated(self, index: QModelIndex) -> None:
        run = index.data(RUN_ROLE)
        if run is not None:
            self.show_detail(run.id)

    def show_detail(self, run_id: str | None) -> None:
        if run_id == self._shown_run:
            return
        self._shown_run = run_id
        self.detail.show_run(run_id)

    def _server_switched(self) -> None:
        """Another server (profile switch): its runs are not these."""
        self.show_detail(None)
        self.model.clear()

    def _forward_event(self, event: object) -> None:
        self.detail.on_run_event(event)

    def select_run(self, run_id: str) -> bool:
        """Select and show a run (e.g. the one just started); False if it is filtered out."""
        row = self.model.row_of(run_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)
        return True

    # -- filters -----------------------------------------------------------------
    def _summaries_stale(self, *_args: object) -> None:
        """Throttle, not debounce: under a steady stream of changes it still fires."""
        if not self._summary_timer.isActive():
            self._summary_timer.start()

    def _count_label_stale(self, *_args: object) -> None:
        if not self._count_label_timer.isActive():
            self._count_label_timer.start()

    def _criteria_changed(self, criteria: RunCriteria) -> None:
        self.proxy.set_criteria(criteria)
        self._summaries_stale()

    def _chart_clicked(self, chip: str) -> None:
        current = self.filter_bar.criteria
        chips = frozenset() if current.chips == {chip} else frozenset({chip})
        self.filter_bar.set_criteria(current.with_(chips=chips, time_range="day"))

    def show_runs_of_deployment(self, deployment_id: str) -> None:
        self.filter_bar.set_criteria(RunCriteria(deployment_ids=frozenset({deployment_id})))

    def focus_search(self) -> None:
        self.filter_bar.focus_search()

    def _update_summaries(self) -> None:
        """Start one cooperative scan of all rows (or mark that another is due)."""
        if self._summary.busy:
            self._summary_again = True
            return
        self._summary_again = False
        self._summary.start(self._summarize())

    async def _summarize(self) -> None:
        summary = await summarize_cooperatively(
            list(self.model.row_facts()), self.filter_bar.criteria
        )
        self.apply_summary(summary)
        if self._summary_again:
            self._summaries_stale()

    def apply_summary(self, summary: Summary) -> None:
        self.last_summary = summary
        self.filter_bar.set_counts(summary.chip_counts)
        self.filter_bar.set_flows(summary.flows)
        labels = {
            dep: f"{facts.run.flow_name}/{facts.run.deployment_name}"
            for dep, facts in summary.deployments.items()
        }
        self.filter_bar.set_deployments(labels.items())
        self.dashboard.chart.set_counts(summary.day_counts)
        self.summary_ready.emit(summary)
        self._update_count_label()

    def _update_count_label(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if self.loader.loading:
            text = self.tr("Loading runs… {count}").format(count=f"{total:,}")
        elif shown == total:
            text = self.tr("%n run(s)", "", total)
        else:
            text = self.tr("{shown} of %n run(s)", "", total).format(shown=f"{shown:,}")
        self.summary.setText(text)

    # -- connection --------------------------------------------------------------
    def set_connected(self, connected: bool, reason: str = "") -> None:
        """Grey the (still readable) table while the server is away."""
        self._connected = connected
        self._offline_reason = reason
        viewport = self.table.viewport()
        if connected:
            if self._stale_palette is not None:
                viewport.setPalette(self._stale_palette)
                self._stale_palette = None
            self.table.setToolTip("")
        else:
            if self._stale_palette is None:
                self._stale_palette = QPalette(viewport.palette())
            grey = QPalette(viewport.palette())
            disabled = grey.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
            grey.setColor(QPalette.ColorGroup.Active, QPalette.ColorRole.Text, disabled)
            grey.setColor(QPalette.ColorGroup.Inactive, QPalette.ColorRole.Text, disabled)
            viewport.setPalette(grey)
            self.table.setToolTip(
                self.tr("These rows may be out of date: {reason}").format(reason=reason)
            )
        self.refresh_action.setEnabled(connected)
        self.actions_.update()

    @property
    def connected(self) -> bool:
        return self._connected

    def refresh(self) -> None:
        self.loader.reload()

    # -- context menu --------------------------------------------------------------
    def _context_menu(self, pos) -> None:
        a = self.actions_
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addAction(a.details)
        menu.addSeparator()
        a.add_to_menu(menu)
        menu.popup(self.table.viewport().mapToGlobal(pos))

    # -- the splitter ------------------------------------------------------------------
    def table_height_for(self, rows: int) -> int:
        """Height of the table box (toolbar, header, frame) showing `rows` rows."""
        table = self.table
        chrome = self._table_box.height() - table.viewport().height()
        if table.viewport().height() <= 0 or chrome <= 0:
            chrome = (
                self.toolbar.sizeHint().height()
                + table.horizontalHeader().sizeHint().height()
                + 2 * table.frameWidth()
                + 4
            )
        return chrome + rows * table.verticalHeader().defaultSectionSize()

    def detail_height_for(self, lines: int) -> int:
        needed = getattr(self.detail, "height_for_log_lines", None)
        return needed(lines) if callable(needed) else self.detail.minimumSizeHint().height()

    def fit_splitter(self, force: bool = False) -> None:
        """Give the table ≥ TABLE_ROWS rows and the log ≥ LOG_LINES lines where they fit.

        The default (nothing saved) splits what is left over evenly; a saved
        split is kept unless it starves one side (e.g. a 2½-row table after
        a drag), and then moved just enough.
        """
        total = sum(self.splitter.sizes())
        if total <= 0:
            return
        table_min = self.table_height_for(TABLE_ROWS)
        detail_min = self.detail_height_for(LOG_LINES)
        table, detail = self.splitter.sizes()
        if force:
            spare = max(0, total - table_min - detail_min)
            table = table_min + spare // 2
        elif table >= table_min and detail >= detail_min:
            return
        elif table < table_min:
            table = min(table_min, max(total - detail_min, total // 2))
        else:
            table = max(total - detail_min, min(table_min, total // 2))
        self.splitter.setSizes([table, total - table])

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._split_checked:
            self._split_checked = True
            # After this show's layout pass: the sizes are real then.
            QTimer.singleShot(0, self._first_fit)

    def _first_fit(self) -> None:
        self.fit_splitter(force=not self._split_restored)
        self.split_fitted = True

    # -- state ---------------------------------------------------------------------
    def save_state(self, settings: QSettings) -> None:
        settings.setValue("runs/header", self.table.horizontalHeader().saveState())
        settings.setValue("runs/splitter", self.splitter.saveState())

    def restore_state(self, settings: QSettings) -> None:
        header = settings.value("runs/header")
        if isinstance(header, QByteArray) and not header.isEmpty():
            self.table.horizontalHeader().restoreState(header)
        splitter = settings.value("runs/splitter")
        if isinstance(splitter, QByteArray) and not splitter.isEmpty():
            self._split_restored = self.splitter.restoreState(splitter)

    @property
    def shortcuts(self) -> dict[str, QKeySequence]:
        return {
            a.objectName(): a.shortcut() for a in self.actions_.all if not a.shortcut().isEmpty()
        }
