"""Follows one run of the design and turns it into per-node statuses.

Refreshed on every run event for this run (forwarded by the window) and
polled every ~0.5 s while the run is not final, because task runs starting
and finishing raise no flow-run event. Refreshes never overlap: a request
during one is remembered and done right after. Following another run bumps a
generation number, so late answers about the previous run are dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from desktop_app.core.api.errors import FlowdeskError
from desktop_app.core.api.models import RunEvent, RunInfo
from desktop_app.designer import Design
from desktop_app.ui.async_tools import TaskKeeper, describe
from desktop_app.ui.designer.node_status import NodeStatus, node_statuses
from desktop_app.ui.timers import make_timer

if TYPE_CHECKING:
    from desktop_app.core.api.client import FlowdeskClient

POLL_MS = 500
SETTLE_POLLS = 2
"""Extra refreshes after the run is final (the last task states may lag a little)."""


class RunMonitor(QObject):
    """`updated(run, statuses)` whenever something about the followed run is known."""

    updated = Signal(object, dict)
    failed = Signal(str)

    def __init__(self, get_client: Callable[[], FlowdeskClient | None],
                 get_design: Callable[[], Design], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._get_client = get_client
        self._get_design = get_design
        self._tasks = TaskKeeper(report=lambda exc, _name: self.failed.emit(describe(exc)))
        self.run_id: str | None = None
        self.run: RunInfo | None = None
        self.statuses: dict[str, NodeStatus] = {}
        self._generation = 0
        self._busy = False
        self._again = False
        self._settle = 0
        self._poll = make_timer(self, POLL_MS, self.refresh)

    def follow(self, run_id: str) -> None:
        self._generation += 1
        self.run_id = run_id
        self.run = None
        self.statuses = {}
        self._settle = SETTLE_POLLS
        self._poll.start()
        self.refresh()

    def stop(self) -> None:
        """Stop following (statuses stay as they were until `follow` again)."""
        self._generation += 1
        self._poll.stop()
        self.run_id = None

    def on_run_event(self, event: RunEvent) -> None:
        if self.run_id is not None and event.run_id == self.run_id:
            if not self._poll.isActive():
                self._settle = SETTLE_POLLS
                self._poll.start()
            self.refresh()

    @property
    def following(self) -> bool:
        return self.run_id is not None

    def refresh(self) -> None:
        if self.run_id is None:
            return
        if self._busy:
            self._again = True
            return
        client = self._get_client()
        if client is None:
            return
        task = self._tasks.spawn(self._refresh(client, self.run_id, self._generation),
                                 name="designer-run-refresh")
        self._busy = task is not None

    async def _refresh(self, client: FlowdeskClient, run_id: str, generation: int) -> None:
        try:
            run = await client.read_run(run_id)
            tasks = await client.task_runs(run_id)
        except FlowdeskError as exc:
            if generation == self._generation:
                self.failed.emit(describe(exc))
            return
        finally:
            self._busy = False
            if self._again:
                self._again = False
                self.refresh()
        if generation != self._generation:
            return
        self.run = run
        self.statuses = node_statuses(self._get_design(), run, tasks)
        if run.state.is_final:
            self._settle -= 1
            if self._settle <= 0:
                self._poll.stop()
        self.updated.emit(run, self.statuses)

    @property
    def idle(self) -> bool:
        return not self._busy

    async def shutdown(self) -> None:
        self.stop()
        await self._tasks.cancel_all()

