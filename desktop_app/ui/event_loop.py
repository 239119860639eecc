"""The app's asyncio loop on Qt: qasync's, made safe for Qt events seen while it is stopped.

qasync runs every asyncio callback (a task's next step, a socket becoming
readable, a timer) from a Qt timer event. Qt delivers those events whenever
*anyone* processes events, also while the asyncio loop is not running:
qasync's own `run_until_complete` makes one last `processEvents()` pass after
`run_forever` has cleared the running loop (qasync 0.28, `__init__.py`
lines 410 and 431); so does the app's shutdown when Qt quits before `main()`
ends, a modal dialog, or `qtbot` in a test. A task stepped there runs with no
running loop: `asyncio.current_task()` and `get_running_loop()` raise, and
anyio/sniffio cannot tell which async library is in use.

For our one HTTP client this was a hard fault, not noise. A request stepped
there fails inside httpcore with "unknown async library", and httpcore's
clean-up after it needs the same loop (`AsyncShieldCancellation` →
`anyio.CancelScope`), so it fails too: the HTTP/1.1 connection is never put
back and stays "active" in the pool for good (httpcore 1.0.9,
`_async/http11.py` line 133, `_async/connection_pool.py` line 343). A
deadline timer stepped there (`anyio`'s `CancelScope._timeout`,
`_backends/_asyncio.py` line 595) raises "no running event loop" and is never
re-armed, so that request's timeout is lost and it waits forever. Leaked
connections fill Prefect's pool of 16, and the tables silently stop updating.

`FlowdeskLoop` runs each of its callbacks with itself as the running loop,
which is what the callback was written for. Every asyncio
callback of qasync goes through `call_later` (`call_soon` and `call_at` too,
and socket readiness is a `call_soon`), so that is the one place to do it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import qasync


class FlowdeskLoop(qasync.QEventLoop):  # type: ignore[misc,valid-type]
    """qasync's loop whose callbacks always see a running loop (see the module docstring)."""

    def call_later(
        self, delay: float, callback: Callable[..., Any], *args: Any, context: Any = None
    ) -> asyncio.Handle:
        if not callable(callback):
            raise TypeError(f"callback must be callable: {type(callback).__name__}")
        return super().call_later(delay, self._as_running, callback, *args, context=context)

    def _as_running(self, callback: Callable[..., Any], *args: Any) -> None:
        """Run `callback` with this loop as the running one, as asyncio would.

        Inside `run_forever` that is already so; between runs (or inside another
        loop's callback on this thread) it is set for the call and put back after.
        """
        running = asyncio._get_running_loop()
        if running is self:
            callback(*args)
            return
        asyncio._set_running_loop(self)
        try:
            callback(*args)
        finally:
            asyncio._set_running_loop(running)
