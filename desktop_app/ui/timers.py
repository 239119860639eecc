"""One way to make the widgets' QTimers: interval, slot and single-shot in one call.

Views debounce, poll and tick with many small timers; writing the same four
lines (create, single-shot, interval, connect) for each hid which ones differ.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer


def make_timer(
    parent: QObject, interval_ms: int, slot: Callable[[], object], *, single_shot: bool = False
) -> QTimer:
    """A stopped timer owned by `parent` that calls `slot` every `interval_ms` (or once)."""
    timer = QTimer(parent)
    timer.setSingleShot(single_shot)
    timer.setInterval(interval_ms)
    timer.timeout.connect(slot)
    return timer
