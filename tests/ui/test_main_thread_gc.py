"""A Qt object caught in a reference cycle is freed on the GUI thread, never on a worker."""

from __future__ import annotations

import gc
import threading

from PySide6.QtCore import QObject

from desktop_app.ui.main_thread_gc import MainThreadGC


def _cycle_with_a_qobject(freed_on: list[int]) -> None:
    holder = QObject()
    holder.destroyed.connect(lambda *_: freed_on.append(threading.get_ident()))
    holder.me = holder  # a cycle: only the cycle collector can free it


def test_cycles_are_collected_on_the_gui_thread_while_workers_allocate(qtbot):
    was_enabled = gc.isenabled()
    collector = MainThreadGC(interval_ms=10)
    try:
        assert not gc.isenabled()
        freed_on: list[int] = []
        _cycle_with_a_qobject(freed_on)

        kept: list[list] = []

        def allocate() -> None:  # far past the youngest generation's threshold
            kept.extend([] for _ in range(50_000))

        worker = threading.Thread(target=allocate)
        worker.start()
        worker.join(60)
        assert freed_on == []  # the worker's allocations collected nothing
        qtbot.waitUntil(lambda: bool(freed_on), timeout=10_000)
        assert freed_on == [threading.get_ident()] and collector.collections >= 1
        kept.clear()
    finally:
        collector.stop()
    assert gc.isenabled() == was_enabled
