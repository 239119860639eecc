"""What deserves a notification, decided without Qt.

Rules (the tray shows what this returns):
- a run that pauses is announced once per pause, within ~0.1 s;
- runs pausing together (50 at once) become one summary, not 50 pop-ups;
- a run that had paused and then fails or finishes is announced too: the
  person who resumed it wants to know how it ended.
The caller drives time: `add(event, now)` then `flush(now)` when `due_at` passes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop_app.core.api.models import RunEvent

COALESCE_SECONDS = 0.06
"""Pauses arriving this close together are one burst (keeps latency < 0.1 s)."""
QUIET_SECONDS = 1.0
"""After a notification, further pauses wait this long and are summarised."""
END_STATES = {"COMPLETED", "FAILED", "CRASHED", "CANCELLED"}


@dataclass(frozen=True)
class Alert:
    kind: str  # paused | summary | failed | finished
    run_ids: tuple[str, ...]
    count: int = 1
    state_name: str = ""


@dataclass
class AlertCoalescer:
    coalesce: float = COALESCE_SECONDS
    quiet: float = QUIET_SECONDS
    _announced: set[tuple[str, str]] = field(default_factory=set)
    _was_paused: set[str] = field(default_factory=set)
    _pending: list[str] = field(default_factory=list)
    _ended: list[Alert] = field(default_factory=list)
    _last_flush: float = float("-inf")
    due_at: float | None = None

    def was_paused(self, run_id: str) -> bool:
        """The run paused earlier and has not ended since (its end will be announced)."""
        return run_id in self._was_paused

    def add(self, event: RunEvent, now: float) -> None:
        if event.state_type == "PAUSED":
            key = (event.run_id, str(event.occurred))
            pause_key = (event.run_id, "paused")
            self._was_paused.add(event.run_id)
            if key in self._announced or pause_key in self._announced:
                return  # the same pause seen twice (replay, poll + event)
            self._announced.add(key)
            self._announced.add(pause_key)
            self._pending.append(event.run_id)
            earliest = max(now + self.coalesce, self._last_flush + self.quiet)
            self.due_at = earliest if self.due_at is None else min(self.due_at, earliest)
            return
        # Leaving Paused: a later pause of the same run is a new one.
        self._announced.discard((event.run_id, "paused"))
        if event.state_type in END_STATES and event.run_id in self._was_paused:
            self._was_paused.discard(event.run_id)
            kind = "finished" if event.state_type == "COMPLETED" else "failed"
            self._ended.append(Alert(kind, (event.run_id,), state_name=event.state_name))
            self.due_at = now if self.due_at is None else min(self.due_at, now)

    def flush(self, now: float) -> list[Alert]:
        """Alerts due by `now` (call when `due_at` has passed)."""
        if self.due_at is None or now < self.due_at:
            return []
        alerts = list(self._ended)
        self._ended.clear()
        if self._pending:
            if len(self._pending) == 1:
                alerts.append(Alert("paused", (self._pending[0],)))
            else:
                alerts.append(Alert("summary", tuple(self._pending), count=len(self._pending)))
            self._pending.clear()
            self._last_flush = now
        self.due_at = None
        return alerts
