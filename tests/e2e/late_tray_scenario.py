"""No tray host at start (plain Xvfb), then one appears: fallback first, tray later.

Prints {"phase": "no-tray", ...} once the no-tray checks are done (the test
then starts trayer), and a final JSON report once the icon has appeared.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMainWindow, QSystemTrayIcon


def say(**data: object) -> None:
    print(json.dumps(data), flush=True)


async def scenario(work: Path) -> dict:
    from desktop_app.core.api.models import RunEvent
    from desktop_app.core.config.settings import store_at
    from desktop_app.ui.settings.preferences import Preferences
    from desktop_app.ui.tray import TrayController

    prefs = Preferences(store_at(work / "settings.json"))
    window = QMainWindow()
    window.setWindowTitle("Flowdesk")
    window.resize(500, 300)
    window.show()
    tray = TrayController(lambda: None, window.show, lambda _r: None, preferences=prefs)
    window.installEventFilter(tray.attach_window(window))
    notes: list = []
    tray.notified.connect(notes.append)
    report: dict = {"available_at_start": QSystemTrayIcon.isSystemTrayAvailable()}
    report["icon_at_start"] = tray.icon is not None

    tray.on_run_event(
        RunEvent("e1", datetime.now(timezone.utc), "run-1", "PAUSED", "Paused", "events")
    )
    deadline = time.monotonic() + 5
    while not notes and time.monotonic() < deadline:
        await asyncio.sleep(0.02)
    report["title_without_tray"] = window.windowTitle()
    report["window_alerts"] = len(tray.window_alert.alerts)
    report["close_without_tray"] = window.close()  # no tray: closing closes
    say(phase="no-tray", **report)

    appeared = asyncio.get_running_loop().create_future()
    tray.tray_appeared.connect(lambda: appeared.done() or appeared.set_result(True))
    await asyncio.wait_for(appeared, 30)
    report["icon_later"] = tray.icon is not None and tray.icon.isVisible()
    window.show()
    report["close_with_tray"] = window.close()  # now it hides to the tray
    report["hidden"] = not window.isVisible()
    tray.shutdown()
    return report


def main() -> int:
    work = Path(sys.argv[1])
    app = QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)
    from desktop_app.ui.event_loop import FlowdeskLoop

    loop = FlowdeskLoop(app)
    asyncio.set_event_loop(loop)
    try:
        report = loop.run_until_complete(asyncio.wait_for(scenario(work), 60))
    finally:
        loop.close()
    say(phase="done", **report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
