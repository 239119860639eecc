"""Python's cycle collector, run on the GUI thread only.

Python collects reference cycles in whichever thread happens to allocate when a
threshold is crossed: often a worker (qasync's executor building Prefect
settings, httpx, the log parser). A cycle that holds a Qt object -- a closed
dialog whose lambdas capture `self` -- is then destroyed on that worker. Qt
cannot stop a timer from another thread, so the dead object's timer stays
registered and the next tick crashes the process (a segfault in
`QTimerInfoList::activateTimers`, seen when many windows had come and gone).

So automatic collection is switched off while the window lives, and a timer on
the GUI thread collects with the same thresholds Python would use.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject

from desktop_app.ui.timers import make_timer

INTERVAL_MS = 500


class MainThreadGC(QObject):
    """Collects cycles on the thread that owns it, generation by generation."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        self.was_enabled = gc.isenabled()
        self.collections = 0
        gc.disable()
        self._timer = make_timer(self, interval_ms, self.check)
        self._timer.start()

    def check(self) -> None:
        """Collect the generations whose counts passed their thresholds."""
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self.threshold[generation]:
                gc.collect(generation)
                self.collections += 1
                return

    def stop(self) -> None:
        """Back to Python's own collector (after one last collection here)."""
        self._timer.stop()
        gc.collect()
        if self.was_enabled:
            gc.enable()
