"""What the tray knows about runs: which are paused (with names), counts by state.

Run events (forwarded by the window) keep it current within milliseconds --
the badge follows a pause the moment its event arrives. A reconcile against
the server (on connect, shortly after events about runs we cannot name yet,
and every ~15 s) fills in names and repairs anything the event stream missed;
such repairs are re-emitted as synthetic events so the notifier hears about
them too (a pause nobody announced would be the worst failure of a tray).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from desktop_app.core.api.models import FINAL_STATES, RunEvent, RunInfo
from desktop_app.ui.async_tools import GetClient, TaskKeeper, TaskSlot
from desktop_app.ui.timers import make_timer

if TYPE_CHECKING:
    from desktop_app.core.api.client import FlowdeskClient

log = logging.getLogger(__name__)

ACTIVE_STATES = ("RUNNING", "PENDING", "PAUSED", "CANCELLING")
FAILED_STATES = ("FAILED", "CRASHED")
RECENT_FAILURES = timedelta(hours=24)
MAX_ACTIVE = 1000
PAGE = 200
"""The server's largest page (PREFECT_API_DEFAULT_LIMIT)."""
MAX_REPAIRS = 20



@dataclass(frozen=True)
class PausedRun:
    run_id: str
    since: datetime | None
    run: RunInfo | None  # None until the reconcile has read its names

    @property
    def deployment_id(self) -> str | None:
        return self.run.deployment_id if self.run else None

    @property
    def wants_input(self) -> bool:
        """A typed-input pause: a plain resume would send no answer."""
        return bool(self.run and self.run.state.run_input_keyset)


class RunTracker(QObject):
    changed = Signal()
    """Paused runs or counts changed (update icon, tooltip, window title)."""
    repaired = Signal(object)
    """A `RunEvent` the stream did not deliver, found by a reconcile."""

    def __init__(
        self,
        get_client: GetClient,
        tasks: TaskKeeper,
        *,
        reconcile_ms: int = 15_000,
        debounce_ms: int = 300,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._get_client = get_client
        self._tasks = tasks
        self.states: dict[str, str] = {}
        """run id → state type, for active runs."""
        self.runs: dict[str, RunInfo] = {}
        self.paused_since: dict[str, datetime | None] = {}
        self.failed_recent: int | None = None
        self.loaded = False
        self.reconciles = 0
        self.last_error = ""
        self._seq = 0
        self._last_event: dict[str, int] = {}
        self._slot = TaskSlot(tasks, "tray-reconcile")
        self._again = False
        self._timer = make_timer(self, reconcile_ms, self.reconcile_now)
        self._soon = make_timer(self, debounce_ms, self.reconcile_now, single_shot=True)

    # -- reading -----------------------------------------------------------------
    @property
    def paused_count(self) -> int:
        return sum(1 for state in self.states.values() if state == "PAUSED")

    def paused(self) -> list[PausedRun]:
        """Paused runs, the most recently paused first."""
        entries = [
            PausedRun(run_id, self.paused_since.get(run_id), self.runs.get(run_id))
            for run_id, state in self.states.items()
            if state == "PAUSED"
        ]
        floor = datetime.min.replace(tzinfo=timezone.utc)
        return sorted(entries, key=lambda e: e.since or floor, reverse=True)

    def counts(self) -> Counter[str]:
        return Counter(self.states.values())

    def run(self, run_id: str) -> RunInfo | None:
        return self.runs.get(run_id)

    # -- lifecycle ---------------------------------------------------------------
    def start(self) -> None:
        """Connected: read everything now, then every few seconds."""
        self.loaded = False
        self._timer.start()
        self.reconcile_now()

    def stop(self) -> None:
        """Disconnected: keep the last known picture (shown greyed), stop reading."""
        self._timer.stop()
        self._soon.stop()
        self._slot.cancel()

    # -- events ------------------------------------------------------------------
    def on_event(self, event: RunEvent) -> None:
        self._seq += 1
        self._last_event[event.run_id] = self._seq
        if event.run is not None:
            self.remember(event.run)
        state = event.state_type
        if state in ACTIVE_STATES:
            if state == "PAUSED" and self.states.get(event.run_id) != "PAUSED":
                self.paused_since[event.run_id] = event.occurred
            self.states[event.run_id] = state
        else:
            self.states.pop(event.run_id, None)
        if state != "PAUSED":
            self.paused_since.pop(event.run_id, None)
        if state in FAILED_STATES and self.failed_recent is not None:
            self.failed_recent += 1
        if state in ACTIVE_STATES and event.run_id not in self.runs:
            self._soon.start()  # a run we cannot name yet
        self.changed.emit()

    def remember(self, run: RunInfo) -> None:
        self.runs[run.id] = run
        if len(self.runs) > MAX_ACTIVE * 2:
            for run_id in list(self.runs)[:MAX_ACTIVE]:
                if run_id not in self.states:
                    del self.runs[run_id]

    # -- reconciling -------------------------------------------------------------
    def reconcile_now(self) -> None:
        client = self._get_client()
        if client is None:
            return
        if self._slot.busy:
            self._again = True  # one more round after this one: it may predate the event
            return
        self._slot.start(self._reconcile(client))

    async def _reconcile(self, client: FlowdeskClient) -> None:
        from desktop_app.core.api.models import RunFilter

        snapshot = self._seq
        try:
            # Paused runs on their own: a flood of running ones must never hide them.
            active = await client.list_runs(RunFilter(states=["PAUSED"]), limit=PAGE)
            others = [s for s in ACTIVE_STATES if s != "PAUSED"]
            active += await client.list_runs(RunFilter(states=others), limit=PAGE)
            since = datetime.now(timezone.utc) - RECENT_FAILURES
            failed = await client.count_runs(RunFilter(states=FAILED_STATES, started_after=since))
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # the next round (or reconnect) tries again
            log.warning("tray reconcile failed: %s", exc)
            self.last_error = str(exc)
            return
        self.last_error = ""
        first = not self.loaded
        was_paused = {run_id for run_id, s in self.states.items() if s == "PAUSED"}
        fresh = {run.id: run for run in active}
        for run in active:
            self.remember(run)
        repairs: list[RunEvent] = []
        for run_id in set(self.states) | set(fresh):
            if self._last_event.get(run_id, 0) > snapshot:
                continue  # an event arrived while we read: it is newer than the list
            run = fresh.get(run_id)
            if run is None:
                self.states.pop(run_id, None)
                self.paused_since.pop(run_id, None)
                continue
            self.states[run_id] = run.state.type
            if run.state.is_paused:
                self.paused_since.setdefault(run_id, run.state.timestamp)
                if not first and run_id not in was_paused:
                    repairs.append(_synthetic(run))
            else:
                self.paused_since.pop(run_id, None)
        left = [run_id for run_id in was_paused if self.states.get(run_id) != "PAUSED"]
        self.failed_recent = failed
        self.loaded = True
        self.reconciles += 1
        self.changed.emit()
        for event in repairs:
            self.repaired.emit(event)
        if not first and left:
            await self._repair_left(client, left[:MAX_REPAIRS], snapshot)
        if self._again:
            self._again = False
            self._soon.start()

    async def _repair_left(self, client: FlowdeskClient, run_ids: list[str], snapshot: int) -> None:
        """Paused runs that left Paused unseen: tell the notifier how they ended."""
        for run_id in run_ids:
            if self._last_event.get(run_id, 0) > snapshot:
                continue
            try:
                run = await client.read_run(run_id)
            except asyncio.CancelledError:
                raise
            except Exception:
                continue
            self.remember(run)
            if run.state.type in FINAL_STATES or not run.state.is_paused:
                self.repaired.emit(_synthetic(run))


def _synthetic(run: RunInfo) -> RunEvent:
    occurred = run.state.timestamp or datetime.now(timezone.utc)
    return RunEvent(
        id=f"tray-reconcile-{run.id}-{occurred.isoformat()}-{time.monotonic_ns()}",
        occurred=occurred,
        run_id=run.id,
        state_type=run.state.type,
        state_name=run.state.name,
        source="poll",
        run=run,
    )
