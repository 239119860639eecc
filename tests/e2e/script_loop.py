"""The loop every helper script of these tests runs on: Qt + qasync, closed properly.

Closing the qasync loop stops its executor's threads; a script that skips it
ends with Qt aborting on a QThread still running (exit code -6).
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtWidgets import QApplication


def run_qt_script(
    make: Callable[[QApplication], Coroutine[Any, Any, dict]], timeout: float
) -> dict:
    """Run `make(app)` on a qasync loop over a fresh QApplication; returns its report."""
    from desktop_app.ui.event_loop import FlowdeskLoop

    app = QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)
    loop = FlowdeskLoop(app)
    asyncio.set_event_loop(loop)
    try:
        return loop.run_until_complete(asyncio.wait_for(make(app), timeout))
    finally:
        loop.close()
        asyncio.set_event_loop(None)
