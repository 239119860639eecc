"""DueTimer: the one timer that keeps a coalescer's time for the tray's notices."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from desktop_app.ui.tray.due_timer import DueTimer


@dataclass
class Batch:
    """A stand-in coalescer: items wait until `due_at`, then `flush` hands them out once."""

    due_at: float | None = None
    items: list[str] = field(default_factory=list)
    flushes: int = 0

    def add(self, item: str, delay: float) -> None:
        self.items.append(item)
        due = time.monotonic() + delay
        self.due_at = due if self.due_at is None else min(self.due_at, due)

    def flush(self, now: float) -> list[str]:
        self.flushes += 1
        if self.due_at is None or now < self.due_at:
            return []
        out, self.items, self.due_at = self.items, [], None
        return out


def test_items_are_delivered_once_when_due(qtbot) -> None:
    batch, got = Batch(), []
    timer = DueTimer(lambda: batch, got.append)
    batch.add("a", 0.05)
    batch.add("b", 0.05)
    timer.arm()
    assert got == []  # not before it is due
    qtbot.waitUntil(lambda: got == ["a", "b"], timeout=5000)
    assert batch.due_at is None


def test_nothing_due_arms_nothing_and_stop_cancels(qapp) -> None:
    batch, got = Batch(), []
    timer = DueTimer(lambda: batch, got.append)
    timer.arm()  # nothing waits: no timer
    assert not timer._timer.isActive()
    batch.add("late", 0.05)
    timer.arm()
    assert timer._timer.isActive()
    timer.stop()
    assert not timer._timer.isActive()  # a stopped timer never fires
    assert got == [] and batch.flushes == 0


def test_an_earlier_item_moves_the_timer_earlier_never_later(qtbot) -> None:
    batch, got = Batch(), []
    timer = DueTimer(lambda: batch, got.append)
    batch.add("slow", 30.0)
    timer.arm()
    assert timer._timer.remainingTime() > 20_000
    batch.add("fast", 0.02)
    timer.arm()
    assert timer._timer.remainingTime() <= 100
    qtbot.waitUntil(lambda: got == ["slow", "fast"], timeout=5000)
