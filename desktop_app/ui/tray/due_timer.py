"""One single-shot QTimer that keeps a coalescer's time: fire when its batch is due.

The pause notifier (`AlertCoalescer`) and the failure watcher (`FailureBatch`)
both collect a burst of events and hand out what is due at `due_at`. The
timer is re-armed whenever something is added, only ever *earlier*, and a
fire that comes a hair early (nothing due yet) simply arms again.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence
from typing import Any, Protocol

from PySide6.QtCore import QObject, QTimer


class Batching(Protocol):
    """`AlertCoalescer` and `FailureBatch`: times are `time.monotonic()` seconds."""

    @property
    def due_at(self) -> float | None: ...

    def flush(self, now: float) -> Sequence[Any]: ...


class DueTimer(QObject):
    """Calls `deliver(item)` for each item the batching hands out once it is due.

    `batching` is asked each time (the owner may replace its coalescer).
    """

    def __init__(
        self,
        batching: Callable[[], Batching],
        deliver: Callable[[Any], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._batching = batching
        self._deliver = deliver
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._fire)

    def arm(self) -> None:
        """Something was added: make sure the timer fires by the (monotonic) due time."""
        due = self._batching().due_at
        if due is None:
            return
        delay_ms = max(0, math.ceil((due - time.monotonic()) * 1000))
        if not self._timer.isActive() or self._timer.remainingTime() > delay_ms:
            self._timer.start(delay_ms)

    def stop(self) -> None:
        self._timer.stop()

    def _fire(self) -> None:
        items = self._batching().flush(time.monotonic())
        if not items and self._batching().due_at is not None:
            self.arm()  # the timer fired a hair early
            return
        for item in items:
            self._deliver(item)
        self.arm()
