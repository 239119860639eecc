"""The status bar's word after a pause request: "Pause requested…", then "1 run paused."

A pause is honoured at the flow's next checkpoint, seconds later; the status
bar must not keep saying it was requested once it happened. This remembers the
runs the window asked to pause and, when the event stream says each one paused
(or ended), says so.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

FINAL_STATES = frozenset({"COMPLETED", "FAILED", "CANCELLED", "CRASHED"})


class PauseNews(QObject):
    message = Signal(str)

    def __init__(self, request_in_flight: Callable[[], bool], parent: QObject | None = None):
        super().__init__(parent)
        self._in_flight = request_in_flight
        self._pausing: dict[str, bool | None] = {}
        """Runs asked to pause → paused (True), ended (False), not yet (None)."""

    def asked(self, run_ids: list[str]) -> None:
        self._pausing.update({run_id: None for run_id in run_ids})

    def on_event(self, event: object) -> None:
        run_id = getattr(event, "run_id", None)
        if run_id not in self._pausing:
            return
        state = getattr(event, "state_type", "")
        if state == "PAUSED":
            self._pausing[run_id] = True
        elif state in FINAL_STATES:
            self._pausing[run_id] = False  # ended without pausing: nothing to announce
        if any(done is None for done in self._pausing.values()):
            return
        paused = sum(1 for done in self._pausing.values() if done)
        self._pausing.clear()
        if paused:
            self._announce(paused)

    def _announce(self, count: int) -> None:
        # After the request's own "Pause requested…" (a fast pause can beat its answer).
        if self._in_flight():
            QTimer.singleShot(100, lambda: self._announce(count))
            return
        self.message.emit(self.tr("%n run(s) paused.", "", count))
