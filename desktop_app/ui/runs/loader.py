"""Filling the runs model: a paged first load, then events, polling only as backfill.

- First load: 100 runs at once (the table has rows to show in a fraction of a
  second), then the rest in pages of 200, yielding to the loop between pages.
  Rows are upserted by id, so a reload after a reconnect never duplicates; at
  the end, rows the server no longer has are dropped (after checking them).
- Then `RunEventStream` drives updates. Events are coalesced: a burst of 50
  state changes per second becomes one `read` of the changed runs every
  ~100 ms (one request for all of them) and one model batch.
- A light backfill re-reads the active runs (running, paused, …), page by
  page: it catches what state events do not carry, such as a pause requested
  from the CLI (a tag change), and anything a gap in the stream lost. Every
  5 s without a live stream, every 60 s with one (events carry the changes;
  at idle the short round was most of the requests the server got from us).
  When the stream's mode changes (dropped, reconnected) a catch-up round runs
  at once, with the newest page, so correctness never waits on the slow
  round. While the window is hidden or minimised there are no rounds; showing
  it again runs one catch-up. A failing backfill is logged as a warning.

Pages are read through `services.reading` (parsed off the GUI thread).

Prefect is imported by the time any of this runs (the context connects first);
the imports inside methods only look it up.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from desktop_app.core.api.models import DeploymentEvent, RunEvent, RunFilter, RunInfo
from desktop_app.services import reading
from desktop_app.ui.async_tools import TaskSlot, describe, import_off_thread
from desktop_app.ui.context import AppContext
from desktop_app.ui.runs.model import RunsTableModel
from desktop_app.ui.timers import make_timer

if TYPE_CHECKING:
    from desktop_app.core.api.client import FlowdeskClient

log = logging.getLogger(__name__)

ACTIVE_STATES = ("RUNNING", "PENDING", "PAUSED", "CANCELLING")
FIRST_PAGE = 100
"""Runs in the first request: rows to show in a fraction of a second."""
PAGE_SIZE = 200
"""Runs per request after the first page."""
COALESCE_SECONDS = 0.1
"""Events arriving within this window become one read and one model batch."""
BACKFILL_SECONDS = 5.0
"""How often the active runs are re-read while the event stream is not live."""
LIVE_BACKFILL_SECONDS = 60.0
"""The same while the event stream is live: events carry the changes."""
BACKFILL_MOST = 2000
"""Active runs the backfill reads at most (pages of 200)."""


class RunsLoader(QObject):
    progress = Signal(int, int)
    """(rows loaded, total on the server or -1) during a load."""
    loading_changed = Signal(bool)
    first_rows = Signal()
    """The first page is in the model (once per load)."""
    run_event = Signal(object)
    """Every RunEvent, for the detail pane."""
    deployment_event = Signal(object)
    """Every DeploymentEvent the same stream carries, for the deployments tab."""
    failed = Signal(str)

    def __init__(
        self, context: AppContext, model: RunsTableModel, *, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.model = model
        self.backfill_seconds = BACKFILL_SECONDS
        self.live_backfill_seconds = LIVE_BACKFILL_SECONDS
        self.shown = True
        """False while the window is hidden or minimised: no backfill rounds."""
        self.backfill_requests = 0
        self.backfill_wakes = 0
        """Reads the backfill sent, and times it woke (tests count them)."""
        self._wake = asyncio.Event()
        self._catch_up = False
        self._last_mode = ""
        self.loading = False
        self.loads = 0
        self.events_seen = 0
        self.backfills = 0
        """Completed backfill rounds (tests wait on it)."""
        self.last_load_seconds: float | None = None
        self._pending: set[str] = set()
        self._pending_runs: dict[str, RunInfo] = {}
        self._tasks: list[asyncio.Task[Any]] = []
        self._load = TaskSlot(context.tasks, "runs-load")
        self._flush = TaskSlot(context.tasks, "runs-flush")
        self._stream: Any = None
        self._client: FlowdeskClient | None = None
        self._mode_timer = make_timer(self, 500, self._report_mode)
        context.connected.connect(self.on_connected)
        context.disconnected.connect(self.on_disconnected)

    # -- lifecycle -------------------------------------------------------------
    def on_connected(self, client: FlowdeskClient) -> None:
        self._stop_tasks()
        self._client = client
        self.reload()
        follow = self.context.tasks.spawn(self._follow_after_load(client), "run-events")
        backfill = self.context.tasks.spawn(self._backfill(client), "run-backfill")
        self._tasks += [t for t in (follow, backfill) if t is not None]
        self._mode_timer.start()

    def on_disconnected(self, reason: str = "") -> None:
        self._stop_tasks()
        self._mode_timer.stop()
        self._pending.clear()
        self._pending_runs.clear()
        self._set_loading(False)

    def _stop_tasks(self) -> None:
        for task in self._tasks:
            if not task.done():
                task.cancel()
        self._tasks = []
        self._load.cancel()
        self._flush.cancel()
        self._stream = None
        self._client = None
        self._last_mode = ""

    def reload(self) -> None:
        """Read every run again (F5, reconnect), merging by id."""
        client = self._client
        if client is None:
            return
        self._load.start(self._load_all(client))

    def _set_loading(self, loading: bool) -> None:
        if loading != self.loading:
            self.loading = loading
            self.loading_changed.emit(loading)

    def _report_mode(self) -> None:
        if self._stream is not None:
            mode = self._stream.mode
            self.context.set_stream_mode(mode)
            if mode != self._last_mode:  # dropped or (re)connected: catch up now
                self._last_mode = mode
                self.wake_backfill()

    def set_shown(self, shown: bool) -> None:
        """The window was shown (catch up at once) or hidden/minimised (stop polling)."""
        if shown == self.shown:
            return
        self.shown = shown
        if shown:
            self.wake_backfill()

    def wake_backfill(self) -> None:
        """Run a catch-up round now: active runs and the newest page."""
        self._catch_up = True
        self._wake.set()

    # -- the paged load --------------------------------------------------------
    async def _load_all(self, client: FlowdeskClient) -> None:
        began = time.perf_counter()
        generation = self.model.generation
        seen: set[str] = set()
        self._set_loading(True)
        total = -1
        total_task = asyncio.ensure_future(reading.count_runs(client))
        try:
            page = await reading.list_runs(client, limit=FIRST_PAGE, offset=0)
            self.model.upsert(page)
            seen.update(r.id for r in page)
            self.first_rows.emit()
            offset, size = len(page), FIRST_PAGE
            while len(page) == size:
                if total < 0 and total_task.done() and not total_task.exception():
                    total = total_task.result()
                self.progress.emit(len(seen), total)
                await asyncio.sleep(0)  # let paint and input in between pages
                size = PAGE_SIZE
                page = await reading.list_runs(client, limit=size, offset=offset)
                self.model.upsert(page)
                seen.update(r.id for r in page)
                offset += len(page)
            await self._sweep(client, seen, generation)
            self.loads += 1
            self.last_load_seconds = time.perf_counter() - began
            self.progress.emit(len(seen), len(seen))
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            log.warning("loading runs failed: %s", exc)
            self.failed.emit(self.tr("Could not load runs: {error}").format(error=describe(exc)))
        finally:
            if not total_task.done():
                total_task.cancel()
            elif not total_task.cancelled():
                total_task.exception()  # retrieved: no "never retrieved" warning
            self._set_loading(False)

    async def _sweep(self, client: FlowdeskClient, seen: set[str], generation: int) -> None:
        """Drop rows the load did not see and nothing touched since: deleted meanwhile."""
        stale = [
            run_id
            for run_id in self.model.ids() - seen
            if not self.model.touched_since(run_id, generation)
        ]
        if stale:
            await self._refresh(client, stale)

    # -- events ----------------------------------------------------------------
    async def _follow_after_load(self, client: FlowdeskClient) -> None:
        """Connect the event stream once the first load is in.

        The first rows then arrive without competing with the websocket
        handshake, and on connect the server replays the last ~60 s of events,
        which covers what changed during the load; after a longer load the
        newest page is read once more.
        """
        began = time.monotonic()
        while self._load.busy:
            await asyncio.sleep(0.05)
        if time.monotonic() - began > 45 and self._client is not None:
            self.model.upsert(await reading.list_runs(self._client, limit=FIRST_PAGE))
        await self._follow(client)

    async def _follow(self, client: FlowdeskClient) -> None:
        # The stream imports Prefect's event client when it connects: do it off-loop first.
        await import_off_thread("prefect.events.clients")
        await import_off_thread("prefect.events.filters")
        events = await import_off_thread("desktop_app.core.api.events")
        self._stream = events.RunEventStream(client, deployments=True)
        async for event in self._stream:
            if isinstance(event, DeploymentEvent):
                self.deployment_event.emit(event)
            else:
                self.on_event(event)

    def on_event(self, event: RunEvent) -> None:
        self.events_seen += 1
        self.run_event.emit(event)
        if event.run is not None:
            self._pending_runs[event.run_id] = event.run
        else:
            self._pending.add(event.run_id)
        self._schedule_flush()

    def refresh_ids(self, run_ids: list[str]) -> None:
        """Re-read these runs soon (after an action, or when told they changed)."""
        self._pending.update(run_ids)
        self._schedule_flush()

    def _schedule_flush(self) -> None:
        if not self._flush.busy:
            self._flush.start(self._flush_loop())

    async def _flush_loop(self) -> None:
        while self._pending or self._pending_runs:
            await asyncio.sleep(COALESCE_SECONDS)
            client = self._client
            if client is None:
                return
            known = dict(self._pending_runs)
            self._pending_runs.clear()
            ids = list(self._pending - known.keys())
            self._pending.clear()
            if known:
                self.model.upsert(known.values())
            if ids:
                try:
                    await self._refresh(client, ids)
                except asyncio.CancelledError:
                    raise
                except Exception as exc:
                    log.warning("refreshing %d runs failed: %s", len(ids), exc)

    async def _refresh(self, client: FlowdeskClient, run_ids: list[str]) -> None:
        """Read these runs in one request per page; ids the server lacks were deleted."""
        for start in range(0, len(run_ids), reading.PAGE):
            chunk = run_ids[start : start + reading.PAGE]
            runs = await reading.list_runs(client, RunFilter(run_ids=chunk), limit=len(chunk))
            self.model.upsert(runs)
            found = {r.id for r in runs}
            self.model.remove(i for i in chunk if i not in found)

    # -- backfill --------------------------------------------------------------
    def backfill_interval(self) -> float:
        """Long while the event stream is live, short without it."""
        live = self._stream is not None and self._stream.mode == "events"
        return self.live_backfill_seconds if live else self.backfill_seconds

    async def _backfill(self, client: FlowdeskClient) -> None:
        active = RunFilter(states=ACTIVE_STATES)
        self._wake = asyncio.Event()  # on this loop
        if self._catch_up:
            self._wake.set()
        while True:
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self._wake.wait(), self.backfill_interval())
            self._wake.clear()
            self.backfill_wakes += 1
            if self.loading or not self.shown:
                continue
            catch_up, self._catch_up = self._catch_up, False
            try:
                if catch_up:  # what a gap in the stream may have lost, ended runs too
                    self.backfill_requests += 1
                    self.model.upsert(await reading.list_runs(client, limit=FIRST_PAGE))
                self.backfill_requests += 1
                runs = await reading.list_all_runs(client, active, most=BACKFILL_MOST)
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # the next round tries again; the log says why
                log.warning("backfill of active runs failed: %s", describe(exc))
                continue
            self.backfills += 1
            changed = [r for r in runs if self.model.run(r.id) != r]
            if changed:
                self.model.upsert(changed)
            if len(runs) >= BACKFILL_MOST:
                continue  # not all of them: cannot tell which rows ended
            # Rows we still show as active but the server no longer lists as active.
            listed = {r.id for r in runs}
            ended = [
                f.id
                for f in self.model.row_facts()
                if f.state_type in ACTIVE_STATES and f.id not in listed
            ]
            if ended:
                self.refresh_ids(ended)
