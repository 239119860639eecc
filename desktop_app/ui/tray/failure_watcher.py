"""Failures that reach you: runs that end Failed or Crashed, announced once, retried from the tray.

Event-driven: the window forwards every run event (the tray keeps the app
alive with the window closed), and a Failed/Crashed event is announced ~0.1 s
later -- after one read of the run for its error message and the 60 ms burst
window (`services.failures.FailureBatch`). A look at the server on connect,
and every `CHECK_MS` after, finds what no event brought: failures that
happened while the app was closed (runs that ended after the ledger's
watermark) and any the stream dropped. The `FailureLedger` makes sure each
failed attempt is announced once, across restarts too.

Retry goes through the one door, `services.runs.retry` (source "tray"),
which writes the audit entry.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Iterable, Sequence
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from desktop_app.core.api.errors import FlowdeskError
from desktop_app.core.api.models import RunEvent, RunFilter, RunInfo
from desktop_app.services import runs as run_actions
from desktop_app.services.failures import FAILED_STATES, Failure, FailureBatch, FailureLedger
from desktop_app.ui.async_tools import GetClient, TaskKeeper, TaskSlot, describe
from desktop_app.ui.settings.preferences import Preferences
from desktop_app.ui.timers import make_timer
from desktop_app.ui.tray.due_timer import DueTimer
from desktop_app.ui.tray.failure_texts import (
    failure_body,
    failure_label,
    failure_title,
    summary_body,
    summary_title,
)
from desktop_app.ui.tray.notifier import Notification, not_connected

if TYPE_CHECKING:
    from desktop_app.core.api.client import FlowdeskClient

log = logging.getLogger(__name__)

SOURCE = "tray"
CHECK_MS = 30_000
"""How often the server is asked for failures no event brought (a safety net, not the path)."""
READ_TRIES = 5
READ_DELAY = 0.04
"""The Failed event can arrive a moment before the state is readable: read again."""
CATCH_UP_PAGE = 200


class FailureWatcher(QObject):
    changed = Signal()
    """The list of failures or the unseen count changed (badge, menu)."""
    ready = Signal(object)
    """A `Notification` to show now."""
    retried = Signal(str)
    """A run retried from the tray (its id)."""

    def __init__(
        self,
        get_client: GetClient,
        tasks: TaskKeeper,
        preferences: Preferences,
        *,
        ledger: FailureLedger | None = None,
        check_ms: int = CHECK_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._get_client = get_client
        self._tasks = tasks
        self.preferences = preferences
        self.ledger = ledger or FailureLedger()
        self.batch = FailureBatch()
        self.server = ""
        """The server the ledger's entries are for (its API URL)."""
        self.since = datetime.now(timezone.utc)
        self.latencies: list[float] = []
        """Seconds from a Failed/Crashed event's arrival to its notice."""
        self.event_latencies: list[float] = []
        """Seconds from the run ending (event time) to its notice."""
        self.checks = 0
        self.last_error = ""
        self._received: dict[str, tuple[float, datetime]] = {}
        self._reading: set[str] = set()
        self._said_elsewhere: set[str] = set()
        self._found_later: set[str] = set()
        self.in_flight: set[str] = set()
        self._slot = TaskSlot(tasks, "tray-failures")
        self._due = DueTimer(lambda: self.batch, self._announce, self)
        self._check = make_timer(self, check_ms, self.check_now)

    # -- reading ---------------------------------------------------------------------
    def _server_key(self) -> str:
        client = self._get_client()
        if client is not None:
            self.server = client.connection.api_url
        return self.server

    def recent(self) -> list[Failure]:
        return self.ledger.recent(self._server_key())

    def unseen(self) -> list[str]:
        return self.ledger.unseen(self._server_key())

    @property
    def unseen_count(self) -> int:
        return len(self.unseen())

    # -- lifecycle -------------------------------------------------------------------
    def start(self) -> None:
        """Connected: look for what happened meanwhile, then now and then."""
        self._check.start()
        self.check_now()
        self.changed.emit()  # another server, another list

    def stop(self) -> None:
        self._check.stop()
        self._due.stop()
        self._slot.cancel()

    # -- events ----------------------------------------------------------------------
    def on_event(self, event: RunEvent, *, said_elsewhere: bool = False) -> None:
        """Every run event; Failed/Crashed ones are read and announced.

        `said_elsewhere`: the pause notifier announces this end ("Failed after
        its pause"): listed and counted here, no second balloon.
        """
        if event.state_type not in FAILED_STATES or event.run_id in self._reading:
            return
        if said_elsewhere:
            self._said_elsewhere.add(event.run_id)
        self._received.setdefault(event.run_id, (time.monotonic(), event.occurred))
        client = self._get_client()
        if client is None:  # no server to ask: what the event carries
            if event.run is not None:
                self._accept([Failure.from_run(event.run)])
            return
        self._reading.add(event.run_id)
        self._tasks.spawn(self._read(client, event), "tray-failure-read")

    async def _read(self, client: FlowdeskClient, event: RunEvent) -> None:
        run: RunInfo | None = None
        try:
            for _ in range(READ_TRIES):
                run = await client.read_run(event.run_id)
                if run.state.type in FAILED_STATES:
                    break
                if run.state.is_final:
                    return  # ended otherwise after all
                await asyncio.sleep(READ_DELAY)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # the next check reads it again
            log.info("failed run %s not readable now: %s", event.run_id, exc)
            return
        finally:
            self._reading.discard(event.run_id)
        if run is not None and run.state.type in FAILED_STATES:
            self._accept([Failure.from_run(run)])

    # -- looking at the server ---------------------------------------------------------
    def check_now(self) -> None:
        client = self._get_client()
        if client is None or self._slot.busy:
            return
        self._slot.start(self._catch_up(client))

    async def _catch_up(self, client: FlowdeskClient) -> None:
        server = self._server_key()
        since = self.ledger.begin(server)
        looked_at = datetime.now(timezone.utc)
        try:
            runs = await client.list_runs(
                RunFilter(states=FAILED_STATES, ended_after=since),
                limit=CATCH_UP_PAGE,
                sort="end_desc",
            )
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # the next check (or reconnect) tries again
            self.last_error = str(exc)
            log.warning("looking for failed runs failed: %s", exc)
            return
        self.last_error = ""
        self.checks += 1
        failures = [Failure.from_run(r) for r in runs if r.id not in self._reading]
        for failure in failures:
            if failure.ended < self.since:
                self._found_later.add(failure.run_id)
        self._accept(failures)
        self.ledger.advance(server, looked_at)

    # -- deciding and announcing -------------------------------------------------------
    def _accept(self, failures: Sequence[Failure]) -> None:
        server = self._server_key()
        if not failures:
            return
        loud = [f.run_id for f in failures if self.preferences.failure_notices(f.deployment_id)]
        fresh = self.ledger.take(server, failures, announce=loud)
        news = {f.run_id for f in fresh}
        for failure in failures:
            if failure.run_id not in news:  # said before, or quiet: nothing to time
                self._received.pop(failure.run_id, None)
                self._said_elsewhere.discard(failure.run_id)
        now = time.monotonic()
        for failure in fresh:
            if failure.run_id in self._said_elsewhere:
                self._said_elsewhere.discard(failure.run_id)
                continue
            self.batch.add(failure, now)
        self._due.arm()
        if fresh:
            self.changed.emit()

    def _announce(self, batch: Sequence[Failure]) -> None:
        level = "warning"
        if len(batch) == 1:
            failure = batch[0]
            later = failure.run_id in self._found_later
            note = Notification(
                "failure",
                failure_title(failure),
                failure_body(failure, found_later=later),
                (failure.run_id,),
                level,
            )
        else:
            note = Notification(
                "failures",
                summary_title(batch),
                summary_body(batch),
                tuple(f.run_id for f in batch),
                level,
            )
        for failure in batch:
            self._measure(failure.run_id)
            self._found_later.discard(failure.run_id)
        self.ready.emit(note)

    def _measure(self, run_id: str) -> None:
        received = self._received.pop(run_id, None)
        if received is None:
            return
        self.latencies.append(time.monotonic() - received[0])
        if received[1].tzinfo is not None:
            self.event_latencies.append((datetime.now(timezone.utc) - received[1]).total_seconds())

    # -- the person's actions ---------------------------------------------------------
    def mark_seen(self, run_ids: Iterable[str] | None = None) -> None:
        if self.ledger.mark_seen(self._server_key(), run_ids):
            self.changed.emit()

    def dismiss(self, run_ids: Iterable[str] | None = None) -> None:
        self.ledger.dismiss(self._server_key(), run_ids)
        self.changed.emit()

    def retry(self, run_id: str) -> asyncio.Task[Any] | None:
        """Retry a failed run (a new attempt of the same run) through `services.runs`."""
        client = self._get_client()
        if client is None:
            self.ready.emit(not_connected())
            return None
        if run_id in self.in_flight:
            return None
        self.in_flight.add(run_id)
        return self._tasks.spawn(self._retry(client, run_id), "tray-retry")

    async def _retry(self, client: FlowdeskClient, run_id: str) -> None:
        listed = {f.run_id: f for f in self.recent()}
        label = (
            failure_label(listed[run_id])
            if run_id in listed
            else QCoreApplication.translate("Tray", "run {id}").format(id=run_id[:8])
        )
        try:
            done = await run_actions.retry(client, run_id, source=SOURCE)
        except FlowdeskError as exc:
            self.ready.emit(
                Notification(
                    "error",
                    QCoreApplication.translate("Tray", "Could not retry {run}").format(run=label),
                    describe(exc),
                    (run_id,),
                    "warning",
                )
            )
            return
        finally:
            self.in_flight.discard(run_id)
        self.dismiss([run_id])  # handled: off the list; a new failure comes back as news
        body = QCoreApplication.translate(
            "Tray", "A new attempt is scheduled. You will hear if it fails again."
        )
        if done.warning:
            body += "\n" + done.warning
        title = QCoreApplication.translate("Tray", "Retrying {run}").format(run=label)
        self.ready.emit(
            Notification("retried", title, body, (run_id,), "warning" if done.warning else "info")
        )
        self.retried.emit(run_id)
