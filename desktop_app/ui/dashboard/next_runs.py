"""The dashboard's "next 24 hours": the scheduled runs coming up, soonest first.

Cheap by construction: one request (`upcoming_runs`: Scheduled runs whose
expected start is in the next 24 h, at most `LIMIT`), never more than one
in flight (`TaskSlot`), started on connect, when the runs table changes
(a schedule added or paused shows up there as scheduled runs coming or
going; coalesced), and on a slow timer. The GUI loop only lays out labels.
"""

from __future__ import annotations

import asyncio
import logging
import time
from datetime import datetime, timezone

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop_app.core.api.models import RunInfo
from desktop_app.ui.async_tools import TaskSlot, describe
from desktop_app.ui.context import AppContext
from desktop_app.ui.retranslating import Retranslating
from desktop_app.ui.timers import make_timer

log = logging.getLogger(__name__)

HOURS = 24
LIMIT = 50
SHOWN = 4
"""Rows in the strip; the rest are counted and listed in the tooltip."""
REFRESH_MS = 60_000
"""The slow timer: runs fall out of the window as time passes even when nothing changes."""
SETTLE_MS = 1500
"""Table changes come in bursts: one read after the burst."""
MIN_GAP_S = 5.0
"""At most one read per this many seconds from table changes."""


class NextRuns(Retranslating, QWidget):
    """A title and up to `SHOWN` lines "09:00  flow/deployment" (local time)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("nextRuns")
        self.context = context
        self.runs: list[RunInfo] = []
        self.loads = 0
        self.error = ""
        self._slot = TaskSlot(context.tasks, "next-runs")
        self._last = 0.0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 8, 0)
        layout.setSpacing(2)
        self.title = QLabel(self)
        self.title.setEnabled(False)
        layout.addWidget(self.title)
        self.lines = [QLabel(self) for _ in range(SHOWN + 1)]
        for line in self.lines:
            line.setObjectName("nextRunLine")
            layout.addWidget(line)
        layout.addStretch(1)
        self._timer = make_timer(self, REFRESH_MS, self.reload)
        self._settle = make_timer(self, SETTLE_MS, self.reload, single_shot=True)
        context.connected.connect(lambda _c: self._on_connected())
        context.disconnected.connect(lambda _r: self._timer.stop())
        context.switched.connect(self._forget)
        self.retranslate()

    def watch(self, model) -> None:
        """Re-read (coalesced) when the runs table changes: scheduled runs came or went."""
        for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset):
            signal.connect(lambda *_: self.poke())

    def poke(self) -> None:
        if not self._settle.isActive():
            wait = max(0.0, MIN_GAP_S - (time.monotonic() - self._last))
            self._settle.start(int(max(SETTLE_MS, wait * 1000)))

    def _forget(self) -> None:
        """Another server: its runs are not these."""
        self._slot.cancel()
        self.runs, self.error = [], ""
        self.show_runs()

    def _on_connected(self) -> None:
        self._timer.start()
        self.reload()

    def reload(self) -> None:
        if self.context.get_client() is None or self._slot.busy:
            return
        self._last = time.monotonic()
        self._slot.start(self._load())

    async def _load(self) -> None:
        client = self.context.get_client()
        if client is None:
            return
        try:
            runs = await client.upcoming_runs(HOURS, LIMIT)
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            log.warning("reading the next runs failed: %s", exc)
            self.error = describe(exc)
        else:
            self.error = ""
            self.runs = runs
        self.loads += 1
        self.show_runs()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Next {hours} h").format(hours=HOURS))
        self.show_runs()

    def _line(self, run: RunInfo) -> str:
        when = run.expected_start_time or datetime.now(timezone.utc)
        name = f"{run.flow_name}/{run.deployment_name}" if run.deployment_name else run.flow_name
        return f"{when.astimezone():%H:%M}  {name}"

    def show_runs(self) -> None:
        for line in self.lines:
            line.clear()
            line.setToolTip("")
        if self.error:
            self.lines[0].setText(self.tr("Could not read: {error}").format(error=self.error))
            return
        if not self.runs:
            self.lines[0].setText(self.tr("Nothing scheduled."))
            return
        for line, run in zip(self.lines, self.runs[:SHOWN], strict=False):
            line.setText(self._line(run))
            when = run.expected_start_time
            line.setToolTip(
                f"{run.name} · {when.astimezone():%Y-%m-%d %H:%M}" if when else run.name
            )
        rest = len(self.runs) - SHOWN
        if rest > 0:
            more = self.lines[SHOWN]
            more.setText(
                self.tr("and {count} more").format(
                    count=rest if len(self.runs) < LIMIT else f"{rest}+"
                )
            )
            more.setToolTip("\n".join(self._line(r) for r in self.runs[SHOWN:]))
