"""The dashboard strip at the top of the runs tab: state counts, next runs, server cost."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QWidget

from desktop_app.core.config import paths
from desktop_app.core.supervision.server_state import read_state
from desktop_app.ui.context import AppContext
from desktop_app.ui.dashboard.next_runs import NextRuns
from desktop_app.ui.dashboard.resources import ProcessCost, ResourceSample, ResourceSampler
from desktop_app.ui.dashboard.state_chart import StateBarChart
from desktop_app.ui.retranslating import Retranslating
from desktop_app.ui.runs.formatting import format_bytes
from desktop_app.ui.runs.model import RunsTableModel
from desktop_app.ui.timers import make_timer

SAMPLE_MS = 2000
"""While the strip is on screen; hidden (another tab, minimised, in the tray) it samples
nothing: reading /proc for every process was the window's biggest idle cost."""


class DashboardStrip(Retranslating, QFrame):
    """The state chart (its counts come from the runs view's summary) and the cost panel."""

    state_clicked = Signal(str)

    def __init__(
        self, context: AppContext, model: RunsTableModel, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.context = context
        self.model = model
        self.sampler = ResourceSampler()
        self.last_sample: ResourceSample | None = None
        self._sampling = False

        self.chart = StateBarChart(self)
        self.chart.state_clicked.connect(self.state_clicked)
        self.next_runs = NextRuns(context, self)
        self.next_runs.watch(model)

        costs = QWidget(self)
        grid = QGridLayout(costs)
        grid.setContentsMargins(8, 0, 4, 0)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(2)
        self.labels: dict[str, QLabel] = {}
        self.names: dict[str, QLabel] = {}
        self.title = QLabel(costs)
        self.title.setEnabled(False)
        grid.addWidget(self.title, 0, 0, 1, 2)
        for row, key in enumerate(("server", "runner", "app", "database"), start=1):
            name = QLabel(costs)
            value = QLabel("–", costs, objectName=f"cost_{key}")
            grid.addWidget(name, row, 0)
            grid.addWidget(value, row, 1)
            self.names[key] = name
            self.labels[key] = value
        self.labels["database"].setToolTip(str(paths.prefect_home() / "prefect.db"))
        self.retranslate()

        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.chart, 1)
        layout.addWidget(self.next_runs, 0)
        layout.addWidget(costs, 0)

        self._sample_timer = make_timer(self, SAMPLE_MS, self._sample)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._sample_timer.isActive():
            self._sample_timer.start()
            self._sample()  # a fresh reading now, not 2 s after coming back

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._sample_timer.stop()

    @property
    def sampling(self) -> bool:
        """True while the strip takes readings (it is on screen)."""
        return self._sample_timer.isActive()

    def retranslate(self) -> None:
        tr = self.tr
        self.title.setText(tr("Local cost"))
        names = {
            "server": tr("Server"),
            "runner": tr("Runner"),
            "app": tr("This window"),
            "database": tr("Database"),
        }
        for key, label in self.names.items():
            label.setText(names[key])
        self.labels["runner"].setToolTip(tr("The runner and the flow runs it started"))
        if self.last_sample is not None:
            self.show_sample(self.last_sample)

    def _sample(self) -> None:
        if self._sampling or self.context.tasks.closed or self.window().isMinimized():
            return
        self._sampling = True
        self.context.tasks.spawn(self._sample_async(), "resource-sample")

    async def _sample_async(self) -> None:
        try:
            sample = await asyncio.to_thread(self._read_sample)
        finally:
            self._sampling = False
        self.show_sample(sample)

    def _read_sample(self) -> ResourceSample:
        state = read_state() if self.context.manager is not None else None
        return self.sampler.sample(
            state.server_pid if state else None,
            state.runner_pid if state else None,
            paths.prefect_home() / "prefect.db" if self.context.manager is not None else None,
        )

    def _cost_text(self, cost: ProcessCost, with_runs: bool = False) -> str:
        if not cost.alive:
            return self.tr("not running")
        text = self.tr("{memory} · {cpu:.1f} % CPU").format(
            memory=format_bytes(cost.rss), cpu=cost.cpu
        )
        if with_runs and cost.children:
            text += " " + self.tr("(%n run(s))", "", cost.children)
        return text

    def show_sample(self, sample: ResourceSample) -> None:
        self.last_sample = sample
        self.labels["server"].setText(self._cost_text(sample.server))
        self.labels["runner"].setText(self._cost_text(sample.runner, with_runs=True))
        self.labels["app"].setText(self._cost_text(sample.app))
        self.labels["database"].setText(
            format_bytes(sample.database_bytes) if sample.database_bytes is not None else "–"
        )
