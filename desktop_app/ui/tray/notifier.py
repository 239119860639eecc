"""Pause notifications: AlertCoalescer decides, a QTimer keeps its time, words are added.

The moment a run's Paused event arrives, the pause's description is fetched
(`client.pause_info`) *while* the coalescer's 60 ms burst window runs, so the
notification carries the flow's own words and still appears ~0.1 s after the
event. If the server is slow the notification does not wait for them beyond
`DETAIL_DEADLINE` after the event: being told promptly matters more than the
sentence, and the menu and the resume form show the description anyway.

Two races with the server are expected and retried (40 ms apart): the Paused
event may arrive a moment before the Paused state is readable, and for
typed-input pauses Prefect stores the form and its description just *after*
the run turned Paused (meanwhile the body says the run waits for input).
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from desktop_app.core.api.errors import InvalidState
from desktop_app.core.api.models import PauseInfo, RunEvent, RunInfo
from desktop_app.services.alerts import END_STATES, Alert, AlertCoalescer
from desktop_app.ui.async_tools import GetClient, TaskKeeper
from desktop_app.ui.settings.preferences import Preferences
from desktop_app.ui.tray.due_timer import DueTimer
from desktop_app.ui.tray.run_tracker import RunTracker
from desktop_app.ui.tray.texts import names_list, run_label

if TYPE_CHECKING:
    from desktop_app.core.api.client import FlowdeskClient

log = logging.getLogger(__name__)

HISTORY_MARGIN = timedelta(seconds=2)
"""Clock slack when telling a pause from before this app started (stream replay)."""
DETAIL_DEADLINE = 0.25
"""Seconds after a Paused event by which its notification is shown, words or not."""
RETRIES = 6
RETRY_DELAY = 0.04
END_DETAIL_WAIT = 0.5
BODY_LIMIT = 240


@dataclass(frozen=True)
class Notification:
    kind: str
    """paused | summary | finished | failed (after a pause) | failure | failures (any
    run ending Failed/Crashed: one, several) | resumed | retried | error | hint"""
    title: str
    body: str
    run_ids: tuple[str, ...] = ()
    level: str = "info"  # info | warning | critical
    shown_at: float = field(default_factory=time.monotonic, compare=False)

    @property
    def run_id(self) -> str | None:
        """The run a click should open (None: a summary or a hint)."""
        kinds = ("paused", "finished", "failed", "failure", "resumed", "retried")
        if self.kind in kinds and len(self.run_ids) == 1:
            return self.run_ids[0]
        return None


def not_connected() -> Notification:
    """What a tray action says when there is no server to do it with."""
    return Notification(
        "error",
        QCoreApplication.translate("Tray", "Not connected"),
        QCoreApplication.translate(
            "Tray", "Flowdesk is not connected to a Prefect server right now."
        ),
        level="warning",
    )


@dataclass
class _Details:
    run: RunInfo | None = None
    pause: PauseInfo | None = None


def _short(text: str, limit: int = BODY_LIMIT) -> str:
    """First paragraph, markdown marks dropped, cut to `limit`: notifications are small."""
    text = text.strip().split("\n\n")[0]
    for mark in ("**", "__", "`", "## ", "# "):
        text = text.replace(mark, "")
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class Notifier(QObject):
    ready = Signal(object)
    """A `Notification` to show now (tray balloon or window alert)."""

    def __init__(
        self,
        get_client: GetClient,
        tracker: RunTracker,
        tasks: TaskKeeper,
        preferences: Preferences | None = None,
        coalescer: AlertCoalescer | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._get_client = get_client
        self._tracker = tracker
        self._tasks = tasks
        self.preferences = preferences or Preferences()
        self.coalescer = coalescer or AlertCoalescer()
        self._due = DueTimer(lambda: self.coalescer, self._deliver, self)
        self._details: dict[str, asyncio.Task[_Details]] = {}
        self._received: dict[str, tuple[float, datetime]] = {}
        self._left_at: dict[str, datetime] = {}
        self._was_paused: set[str] = set()
        self.since = datetime.now(timezone.utc)
        """Pauses from before this (replayed by the event stream on connect) are history:
        the badge shows them, no balloon announces them again."""
        self.latencies: list[float] = []
        """Seconds from a Paused event's arrival to its notification (for checks)."""
        self.event_latencies: list[float] = []
        """Seconds from the pause happening (event time) to its notification."""

    # -- input ---------------------------------------------------------------------
    def announces_end(self, run_id: str) -> bool:
        """Whether this run's end will be announced here ("… after its pause")."""
        if not self.coalescer.was_paused(run_id) or not self.preferences.notify_on_end:
            return False
        return not self._quiet(run_id)

    def _quiet(self, run_id: str) -> bool:
        """The run's deployment has failure notices off (its Deployments-tab switch)."""
        run = self._tracker.run(run_id)
        deployment = run.deployment_id if run is not None else None
        return deployment is not None and not self.preferences.failure_notices(deployment)

    def add(self, event: RunEvent) -> None:
        now = time.monotonic()
        if event.state_type == "PAUSED":
            if event.run_id in self._received:
                # Paused → Suspended: a pause that released its process (or a stop that
                # suspended it) is the same pause, already announced.
                return
            self._was_paused.add(event.run_id)
            self._received[event.run_id] = (now, event.occurred)
            self._prefetch(event.run_id)
        else:
            self._received.pop(event.run_id, None)
            if event.run_id in self._was_paused and event.state_type in END_STATES:
                self._was_paused.discard(event.run_id)
                self._left_at[event.run_id] = event.occurred
            task = self._details.pop(event.run_id, None)
            if task is not None and not task.done():
                task.cancel()
        self.coalescer.add(event, now)
        self._due.arm()

    def _prefetch(self, run_id: str) -> None:
        client = self._get_client()
        if client is None:
            return
        task = self._tasks.spawn(self._read_details(client, run_id), "tray-pause-details")
        if task is not None:
            self._details[run_id] = task

    async def _read_details(self, client: FlowdeskClient, run_id: str) -> _Details:
        details = _Details(run=self._tracker.run(run_id))
        run_read = asyncio.ensure_future(client.read_run(run_id))
        try:
            for attempt in range(RETRIES):
                try:
                    details.pause = await client.pause_info(run_id)
                except InvalidState:
                    # The Paused event can arrive a moment before the new state is
                    # readable (the event is sent as the state is written): read again.
                    await asyncio.sleep(RETRY_DELAY)
                    continue
                if details.pause.description or details.pause.wants_input:
                    break
                if attempt == 0:
                    details.run = await run_read
                    self._tracker.remember(details.run)
                    if not details.run.state.run_input_keyset:
                        break  # a plain pause without words: nothing more to wait for
                await asyncio.sleep(RETRY_DELAY)  # Prefect is still saving the form
            if not run_read.done() or details.run is None:
                details.run = await run_read
                self._tracker.remember(details.run)
        except asyncio.CancelledError:
            run_read.cancel()
            raise
        except Exception as exc:  # resumed meanwhile, server away: words only
            log.debug("pause details of %s: %s", run_id, exc)
            if not run_read.done():
                run_read.cancel()
        return details

    # -- words -------------------------------------------------------------------------
    def _deliver(self, alert: Alert) -> None:
        prefs = self.preferences
        if alert.kind in ("paused", "summary") and not prefs.notify_on_pause:
            return
        if alert.kind in ("finished", "failed"):
            ended = self._left_at.pop(alert.run_ids[0], None)
            if not prefs.notify_on_end or self._is_history(ended):
                return
            if alert.kind == "failed" and self._quiet(alert.run_ids[0]):
                return
        if alert.kind in ("paused", "summary"):
            alert = self._still_news(alert)
            if alert is None:
                return
        if alert.kind == "paused":
            run_id = alert.run_ids[0]
            task = self._details.get(run_id)
            if task is not None and task.done() and not task.cancelled():
                self._emit_paused(run_id, task.result())
            elif task is not None:
                self._tasks.spawn(self._paused_when_ready(run_id, task), "tray-notify")
            else:
                self._emit_paused(run_id, _Details(run=self._tracker.run(run_id)))
        elif alert.kind == "summary":
            self._emit_summary(alert)
        else:
            self._tasks.spawn(self._ended(alert), "tray-notify-end")

    def _still_news(self, alert: Alert) -> Alert | None:
        """Drop pauses that are over already or older than this app (replays)."""
        fresh = []
        for run_id in alert.run_ids:
            if self._tracker.states.get(run_id) != "PAUSED":
                continue  # resumed (or ended) within the burst window: nothing to do
            received = self._received.get(run_id)
            occurred = received[1] if received else None
            if self._is_history(occurred):
                continue
            fresh.append(run_id)
        if not fresh:
            return None
        if len(fresh) == 1:
            return Alert("paused", (fresh[0],))
        return Alert("summary", tuple(fresh), count=len(fresh))

    def _is_history(self, occurred: datetime | None) -> bool:
        """Before this app started: a replay of something someone else saw (or did)."""
        if occurred is None or occurred.tzinfo is None:
            return False
        return occurred < self.since - HISTORY_MARGIN

    async def _paused_when_ready(self, run_id: str, task: asyncio.Task[_Details]) -> None:
        received = self._received.get(run_id)
        left = DETAIL_DEADLINE - (time.monotonic() - received[0]) if received else 0.0
        try:
            details = await asyncio.wait_for(asyncio.shield(task), max(0.0, left))
        except (asyncio.TimeoutError, asyncio.CancelledError):
            details = _Details(run=self._tracker.run(run_id))
        except Exception:
            details = _Details(run=self._tracker.run(run_id))
        self._emit_paused(run_id, details)

    def _emit_paused(self, run_id: str, details: _Details) -> None:
        run = details.run or self._tracker.run(run_id)
        description = details.pause.description if details.pause else None
        if description:
            body = _short(description)
        elif (details.pause is not None and details.pause.wants_input) or (
            run is not None and run.state.is_paused and run.state.run_input_keyset
        ):
            body = QCoreApplication.translate("Tray", "Waiting for your input.")
        else:
            body = QCoreApplication.translate("Tray", "Waiting for you to resume it.")
        self._measure(run_id)
        self._emit(Notification("paused", run_label(run, run_id), body, (run_id,)))

    def _emit_summary(self, alert: Alert) -> None:
        labels = [run_label(self._tracker.run(r), r) for r in alert.run_ids]
        title = QCoreApplication.translate("Tray", "{count} runs paused").format(count=alert.count)
        for run_id in alert.run_ids:
            self._measure(run_id)
        self._emit(Notification("summary", title, names_list(labels), alert.run_ids))

    async def _ended(self, alert: Alert) -> None:
        run_id = alert.run_ids[0]
        run = self._tracker.run(run_id)
        client = self._get_client()
        if client is not None and (run is None or alert.kind == "failed"):
            try:
                run = await asyncio.wait_for(client.read_run(run_id), END_DETAIL_WAIT)
            except (asyncio.TimeoutError, Exception):
                pass
        if run is not None and run.state.is_final:
            state_type = run.state.type
        else:
            state_type = (alert.state_name or "").upper()
        if alert.kind == "finished":
            body = QCoreApplication.translate("Tray", "Completed after its pause.")
            level = "info"
        else:
            bodies = {
                "FAILED": QCoreApplication.translate("Tray", "Failed after its pause."),
                "CRASHED": QCoreApplication.translate("Tray", "Crashed after its pause."),
                "CANCELLED": QCoreApplication.translate("Tray", "Cancelled after its pause."),
            }
            body = bodies.get(state_type) or QCoreApplication.translate(
                "Tray", "Ended ({state}) after its pause."
            ).format(state=alert.state_name or state_type)
            message = run.state.message if run is not None and run.state.message else ""
            if message:
                body += "\n" + _short(message, 160)
            level = "warning"
        self._emit(Notification(alert.kind, run_label(run, run_id), body, (run_id,), level))

    def _measure(self, run_id: str) -> None:
        received = self._received.get(run_id)
        if received is None:
            return
        self.latencies.append(time.monotonic() - received[0])
        occurred = received[1]
        if occurred.tzinfo is not None:
            self.event_latencies.append((datetime.now(timezone.utc) - occurred).total_seconds())

    def _emit(self, notification: Notification) -> None:
        self.ready.emit(notification)

    def stop(self) -> None:
        self._due.stop()
        for task in self._details.values():
            if not task.done():
                task.cancel()
        self._details.clear()

    @property
    def pending(self) -> dict[str, Any]:
        """For tests and the log: what is waiting to be announced."""
        return {"due_at": self.coalescer.due_at, "details": len(self._details)}
