"""Running coroutines from Qt code on the qasync loop, and keeping track of them.

Why not `@qasync.asyncSlot` everywhere: its tasks are fire-and-forget, so at
quit nobody cancels them (qasync issues #35/#55) and their exceptions only
reach `sys.excepthook`. Here every task is held by a `TaskKeeper` that logs
and reports failures and cancels + awaits what is left at shutdown.
"""

from __future__ import annotations

import asyncio
import importlib
import logging
import time
from collections.abc import Callable, Coroutine
from types import ModuleType
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from desktop_app.ui.timers import make_timer

if TYPE_CHECKING:
    from desktop_app.core.api.client import FlowdeskClient

log = logging.getLogger(__name__)

ErrorReporter = Callable[[BaseException, str], None]
GetClient = Callable[[], "FlowdeskClient | None"]
"""How a widget reaches the client: asked each time, None while disconnected."""


class TaskKeeper:
    """Owns the app's background tasks: spawn, report failures, cancel all at the end."""

    def __init__(self, report: ErrorReporter | None = None) -> None:
        self._tasks: set[asyncio.Task[Any]] = set()
        self._report = report
        self.closed = False

    def spawn(self, coro: Coroutine[Any, Any, Any], name: str = "") -> asyncio.Task[Any] | None:
        """Schedule `coro` on the running loop; None (and the coroutine closed) after shutdown."""
        if self.closed:
            coro.close()
            return None
        task = asyncio.ensure_future(coro)
        if name:
            task.set_name(name)
        self._tasks.add(task)
        task.add_done_callback(self._done)
        return task

    def _done(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        if task.cancelled():
            return
        exc = task.exception()
        if exc is None:
            return
        log.error("background task %s failed", task.get_name(), exc_info=exc)
        if self._report is not None:
            self._report(exc, task.get_name())

    @property
    def pending(self) -> int:
        return len(self._tasks)

    async def cancel_all(self, timeout: float = 5.0) -> None:
        """Cancel every task and wait for them to finish (bounded by `timeout`)."""
        self.closed = True
        current = asyncio.current_task()
        tasks = [t for t in self._tasks if t is not current and not t.done()]
        for task in tasks:
            task.cancel()
        if tasks:
            _done, still = await asyncio.wait(tasks, timeout=timeout)
            for task in still:
                log.warning("task %s did not stop within %.1f s", task.get_name(), timeout)


class TaskSlot:
    """One task at a time: starting another cancels the one before.

    Loading a table, following a run's logs, waiting for a deployment: a newer
    request makes the older one's answer stale, so the older one is cancelled
    rather than left to overwrite the newer result.
    """

    def __init__(self, keeper: TaskKeeper, name: str) -> None:
        self._keeper = keeper
        self.name = name
        self.task: asyncio.Task[Any] | None = None
        """The last task started (None before the first and after `cancel()`)."""

    @property
    def busy(self) -> bool:
        return self.task is not None and not self.task.done()

    def start(self, coro: Coroutine[Any, Any, Any]) -> asyncio.Task[Any] | None:
        """Cancel the running task, if any, and run `coro` in its place."""
        self.cancel()
        self.task = self._keeper.spawn(coro, self.name)
        return self.task

    def cancel(self) -> None:
        if self.task is not None and not self.task.done():
            self.task.cancel()
        self.task = None


async def import_off_thread(name: str) -> ModuleType:
    """Import a heavy module (Prefect: ~1 s) in a worker thread so the window stays live."""
    return await asyncio.to_thread(importlib.import_module, name)


def describe(exc: BaseException) -> str:
    """One sentence for a person: our errors already are; others get their type named."""
    from_core = type(exc).__module__.startswith("desktop_app.")
    text = str(exc).strip()
    if from_core and text:
        return text
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


class LoopStallMeter(QObject):
    """Measures how late a fast repeating timer fires: the loop's longest stall.

    A 10 ms timer that fires 180 ms late means the GUI froze for ~170 ms. Used
    by tests and the benchmark to prove loads never freeze the window.

    On a shared, overloaded machine the OS may simply not run us for a while;
    `max_busy` counts only the CPU time this process used within each gap
    (any thread: a worker holding the GIL stalls the loop too), which is the
    part of a stall our own code is responsible for.
    """

    def __init__(self, interval_ms: int = 10, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.interval = interval_ms / 1000.0
        self._timer = make_timer(self, interval_ms, self._tick)
        self._last = 0.0
        self._last_cpu = 0.0
        self.max_gap = 0.0
        self.max_busy_gap = 0.0
        self.gaps: list[float] = []

    def start(self) -> None:
        self.reset()
        self._timer.start()

    def stop(self) -> float:
        self._timer.stop()
        return self.max_gap

    def reset(self) -> None:
        self.max_gap = 0.0
        self.max_busy_gap = 0.0
        self.gaps = []
        self._last = time.perf_counter()
        self._last_cpu = time.process_time()

    def _tick(self) -> None:
        now, cpu = time.perf_counter(), time.process_time()
        gap = now - self._last
        busy = min(gap, cpu - self._last_cpu)
        self._last, self._last_cpu = now, cpu
        self.gaps.append(gap)
        self.max_gap = max(self.max_gap, gap)
        self.max_busy_gap = max(self.max_busy_gap, busy)

    @property
    def max_stall(self) -> float:
        """Seconds beyond the timer interval the loop did not run, at worst (wall clock)."""
        return max(0.0, self.max_gap - self.interval)

    @property
    def max_busy(self) -> float:
        """The worst stall counting only CPU this process used during it."""
        return max(0.0, self.max_busy_gap - self.interval)
