"""Failed runs with a real tray host (trayer on Xvfb), against the real server.

Run by tests/e2e/test_tray_failures_xvfb.py as a subprocess with QT_QPA_PLATFORM=xcb:

    FLOWDESK_E2E_API_URL=... FLOWDESK_E2E_AUTH=... FLOWDESK_E2E_FAILING=flow/local \
        python failure_scenario.py [--shots DIR]

A run fails: a balloon names it with the error's first line and a red badge
appears on the tray icon. Two more fail: the menu lists the failed runs, each
with Open and Retry; opening the menu clears the badge; Retry starts a new
attempt. The last stdout line is a JSON report; `--shots` saves the balloon
(`failure-balloon.png`) and the menu with a failed run's submenu open
(`failure-notice.png`).
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, QSettings
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QSystemTrayIcon

from tests.e2e.tray_scenario import balloon, balloon_region, grab, note_dict, save_region, until


def red_pixels(image: QImage) -> int:
    """Failed-badge pixels (the badge is #c92a2a)."""
    count = 0
    for y in range(image.height()):
        for x in range(image.width()):
            c = image.pixelColor(x, y)
            if c.red() > 170 and c.green() < 80 and c.blue() < 80:
                count += 1
    return count


async def scenario(app: QApplication, shots: Path | None) -> dict[str, Any]:
    from desktop_app.core.api.client import FlowdeskClient
    from desktop_app.core.api.connection import Connection
    from desktop_app.core.api.events import RunEventStream
    from desktop_app.services.failures import FailureLedger
    from desktop_app.ui.context import ServerView
    from desktop_app.ui.tray import TrayController

    report: dict[str, Any] = {"platform": app.platformName()}
    await until(QSystemTrayIcon.isSystemTrayAvailable, 20, "a system tray")
    connection = Connection(
        api_url=os.environ["FLOWDESK_E2E_API_URL"],
        auth_string=os.environ.get("FLOWDESK_E2E_AUTH") or None,
    )
    client = FlowdeskClient(connection)
    await client.open()
    deployment = await client.resolve_deployment(os.environ["FLOWDESK_E2E_FAILING"])

    window = QMainWindow()
    window.setWindowTitle("Flowdesk")
    window.setCentralWidget(QLabel("Flowdesk main window (stand-in for the test)", window))
    window.setGeometry(40, 60, 600, 360)
    opened: list[str] = []
    tray = TrayController(
        lambda: client,
        window.show,
        opened.append,
        quit_app=lambda: None,
        failure_ledger=FailureLedger(Path(os.environ["FLOWDESK_HOME"]) / "failures.json"),
    )
    report["icon_created"] = tray.icon is not None and tray.icon.isVisible()
    tray.attach_window(window)
    notes: list[Any] = []
    balloons: list[bool] = []

    def on_note(note: Any) -> None:
        notes.append(note)
        balloons.append(balloon() is not None)

    tray.notified.connect(on_note)
    tray.on_server_changed(
        ServerView(phase="ready", api_url=connection.api_url, ui_url=connection.ui_url)
    )

    async def forward() -> None:
        async for run_event in RunEventStream(client):
            tray.on_run_event(run_event)

    follower = asyncio.ensure_future(forward())
    tray.set_connected(True)
    await until(lambda: tray.failures.checks, 30, "first look for failures")
    report["badge_pixels_before"] = red_pixels(grab(tray.icon.geometry()))

    def notes_for(run_id: str, kinds=("failure", "failures")) -> list[Any]:
        return [n for n in notes if n.kind in kinds and run_id in n.run_ids]

    runs = []
    try:
        first = await client.run_deployment(deployment.id, {"mode": "fail"})
        runs.append(first)
        await until(lambda: notes_for(first.id), 90, "the failure balloon")
        report["first_note"] = note_dict(notes_for(first.id)[0])
        report["balloon_seen"] = balloons[notes.index(notes_for(first.id)[0])]
        report["latency_s"] = tray.failures.latencies[-1]
        report["event_to_balloon_s"] = tray.failures.event_latencies[-1]
        report["badge_pixels_failed"] = await until(
            lambda: red_pixels(grab(tray.icon.geometry())), 10, "the red badge on screen"
        )
        if shots is not None:
            await asyncio.sleep(0.4)  # let the balloon finish drawing
            save_region(shots / "failure-balloon.png", balloon_region(tray))

        more = [await client.run_deployment(deployment.id, {"mode": "fail"}) for _ in range(2)]
        runs += more
        await until(lambda: all(notes_for(r.id) for r in more), 90, "the other failures")
        report["notes"] = [note_dict(n) for n in notes]
        report["unseen_before_menu"] = len(tray.failures.unseen())

        menu = tray.menu
        geometry = tray.icon.geometry()
        menu.popup(QPoint(geometry.right() - 420, geometry.bottom() + 4))
        await until(menu.isVisible, 5, "menu shown")
        report["menu_entries"] = [a.text() for a in menu.actions() if a.text()]
        entry = menu.find(f"failedRunMenu:{first.id}")
        if entry is not None:
            QTest.mouseMove(menu, menu.actionGeometry(entry).center())
            await until(lambda: entry.menu().isVisible(), 5, "failed run submenu")
            report["submenu"] = [a.text() for a in entry.menu().actions() if a.text()]
        if shots is not None:
            await asyncio.sleep(0.3)
            rect = menu.frameGeometry().united(tray.icon.geometry())
            if entry is not None and entry.menu().isVisible():
                rect = rect.united(entry.menu().frameGeometry())
            save_region(shots / "failure-notice.png", rect.adjusted(-12, -4, 12, 12))
        report["unseen_after_menu"] = len(tray.failures.unseen())
        report["badge_cleared"] = await until(
            lambda: red_pixels(grab(tray.icon.geometry())) == 0 or None, 10, "badge cleared"
        )
        retry = menu.find(f"retryFailed:{first.id}")
        menu.hide()
        retry.trigger()
        await until(lambda: notes_for(first.id, ("retried",)), 30, "the retried notice")
        report["retried_note"] = note_dict(notes_for(first.id, ("retried",))[0])
        report["retried_state"] = (await client.read_run(first.id)).state.type
    finally:
        for run in runs:
            try:
                fresh = await client.read_run(run.id)
                if not fresh.state.is_final:
                    await client.cancel(run.id)
            except Exception:
                pass
        follower.cancel()
        await asyncio.wait([follower], timeout=5)
        tray.shutdown()
        await client.close()
    report["run_ids"] = [r.id for r in runs]
    report["latencies_s"] = tray.failures.latencies
    report["event_latencies_s"] = tray.failures.event_latencies
    return report


def main() -> int:
    shots = Path(sys.argv[sys.argv.index("--shots") + 1]) if "--shots" in sys.argv else None
    app = QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)
    settings_dir = os.environ["FLOWDESK_E2E_SETTINGS"]
    os.environ["FLOWDESK_HOME"] = settings_dir
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_dir)
    from desktop_app.ui.event_loop import FlowdeskLoop

    loop = FlowdeskLoop(app)
    asyncio.set_event_loop(loop)
    try:
        report = loop.run_until_complete(asyncio.wait_for(scenario(app, shots), 220))
    finally:
        loop.close()
    print(json.dumps(report, default=str), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
