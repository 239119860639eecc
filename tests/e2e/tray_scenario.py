"""The tray on a real X display with a real tray host (trayer), against the real server.

Run by tests/e2e/test_tray_xvfb.py as a subprocess with QT_QPA_PLATFORM=xcb:

    FLOWDESK_E2E_API_URL=... FLOWDESK_E2E_AUTH=... python tray_scenario.py [--shots DIR]

What it does, as a person would see it: runs pause (two of one deployment and
one waiting for typed input), the tray icon's badge counts them, a balloon
announces the first and a summary the others, a click on the balloon opens the
run, the menu lists each paused run, "Resume" in the menu resumes one, closing
the window hides it to the tray with a one-time hint. The last stdout line is
a JSON report the test asserts on; `--shots` saves screenshots of the menu
and of the balloon.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QSystemTrayIcon, QWidget

LOOP = "pause-resume-workflow/local"
APPROVAL = "approval-workflow/local"


async def until(condition, timeout: float = 60.0, what: str = "") -> Any:
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if asyncio.iscoroutine(value):
            value = await value
        if value:
            return value
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out waiting for {what}")
        await asyncio.sleep(0.02)


def orange_pixels(image: QImage) -> int:
    """Badge-coloured pixels (the badge is #e8590c)."""
    count = 0
    for y in range(image.height()):
        for x in range(image.width()):
            c = image.pixelColor(x, y)
            if c.red() > 200 and 60 < c.green() < 130 and c.blue() < 60:
                count += 1
    return count


def grab(rect=None) -> QImage:
    screen = QGuiApplication.primaryScreen()
    pixmap = (
        screen.grabWindow(0)
        if rect is None
        else screen.grabWindow(0, rect.x(), rect.y(), rect.width(), rect.height())
    )
    return pixmap.toImage()


def balloon() -> QWidget | None:
    for widget in QApplication.topLevelWidgets():
        if widget.metaObject().className() == "QBalloonTip" and widget.isVisible():
            return widget
    return None


async def scenario(app: QApplication, shots: Path | None) -> dict[str, Any]:
    from desktop_app.core.api.client import FlowdeskClient
    from desktop_app.core.api.connection import Connection
    from desktop_app.core.api.events import RunEventStream
    from desktop_app.ui.context import ServerView
    from desktop_app.ui.tray import ServerControls, TrayController

    report: dict[str, Any] = {"platform": app.platformName()}
    await until(QSystemTrayIcon.isSystemTrayAvailable, 20, "a system tray")
    report["available"] = True
    connection = Connection(
        api_url=os.environ["FLOWDESK_E2E_API_URL"],
        auth_string=os.environ.get("FLOWDESK_E2E_AUTH") or None,
    )
    client = FlowdeskClient(connection)
    await client.open()

    window = QMainWindow()
    window.setWindowTitle("Flowdesk")
    backdrop = QLabel("Flowdesk main window (stand-in for the test)", window)
    backdrop.setAlignment(Qt.AlignmentFlag.AlignCenter)
    window.setCentralWidget(backdrop)
    window.setGeometry(40, 60, 760, 460)
    opened: list[str] = []
    server_calls: list[str] = []

    def show_window() -> None:
        window.show()
        window.raise_()

    tray = TrayController(
        lambda: client,
        show_window,
        lambda run_id: (opened.append(run_id), show_window()),
        server=ServerControls(
            start=lambda: server_calls.append("start"),
            stop=lambda: server_calls.append("stop"),
            restart=lambda: server_calls.append("restart"),
            open_web_ui=lambda: server_calls.append("web"),
        ),
        quit_app=lambda: None,
    )
    report["icon_created"] = tray.icon is not None and tray.icon.isVisible()
    window.installEventFilter(tray.attach_window(window))
    window.show()
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
    await until(lambda: tray.tracker.loaded, 30, "first reconcile")
    report["paused_at_start"] = tray.paused_count
    icon_rect = tray.icon.geometry()
    report["icon_geometry"] = [icon_rect.x(), icon_rect.y(), icon_rect.width(), icon_rect.height()]
    report["badge_pixels_before"] = orange_pixels(grab(icon_rect))

    runs = []
    try:
        first = await start(client, LOOP)
        runs.append(first)
        await until(lambda: any(first.id in n.run_ids for n in notes), 60, "first notification")
        report["first_note"] = note_dict(next(n for n in notes if first.id in n.run_ids))
        report["balloon_seen"] = balloons[0]
        report["latency_s"] = tray.notifier.latencies[-1]
        report["event_to_balloon_s"] = tray.notifier.event_latencies[-1]
        if shots is not None:
            await asyncio.sleep(0.4)  # let the balloon finish drawing for the picture
            save_region(shots / "notification.png", balloon_region(tray))

        # Click the balloon: it opens that run.
        tip = balloon()
        if tip is not None:
            QTest.mouseClick(tip, Qt.MouseButton.LeftButton, pos=QPoint(30, tip.height() - 12))
            await until(lambda: opened, 5, "the run opened by the balloon click")
        report["opened_by_click"] = list(opened)

        second = await start(client, LOOP)
        third = await start(client, APPROVAL, dataset="e2e")
        runs += [second, third]
        ids = {r.id for r in runs}
        await until(
            lambda: ids <= {p.run_id for p in tray.paused() if p.run is not None},
            60,
            "three paused runs named",
        )
        await until(
            lambda: {second.id, third.id} <= {i for n in notes for i in n.run_ids},
            30,
            "notifications for the others",
        )
        report["notes"] = [note_dict(n) for n in notes]
        report["paused_count"] = tray.paused_count
        report["tooltip"] = tray.icon.toolTip()
        report["badge_pixels_paused"] = await until(
            lambda: orange_pixels(grab(tray.icon.geometry())), 10, "the badge on screen"
        )

        # The menu, as a person opens it (aboutToShow rebuilds it).
        menu = tray.menu
        geometry = tray.icon.geometry()
        menu.popup(QPoint(geometry.right() - 420, geometry.bottom() + 4))
        await until(menu.isVisible, 5, "menu shown")
        entry = menu.find(f"pausedRunMenu:{first.id}")
        report["menu_entries"] = [a.text() for a in menu.actions() if a.text()]
        if entry is not None:
            QTest.mouseMove(menu, menu.actionGeometry(entry).center())
            await until(lambda: entry.menu().isVisible(), 5, "run submenu")
            report["submenu"] = [a.text() for a in entry.menu().actions() if a.text()]
        if shots is not None:
            await asyncio.sleep(0.3)
            save_region(shots / "tray-menu.png", menu_region(menu, entry, tray))
        resume = menu.find(f"resume:{first.id}")
        menu.hide()
        resume.trigger()
        await until(lambda: first.id not in {p.run_id for p in tray.paused()}, 30, "badge drop")
        report["paused_after_resume"] = tray.paused_count
        run = await client.read_run(first.id)
        report["resumed_state"] = run.state.type
        await until(
            lambda: any(n.kind == "finished" and first.id in n.run_ids for n in notes),
            60,
            "end-after-pause notification",
        )
        report["finished_note"] = next(
            note_dict(n) for n in notes if n.kind == "finished" and first.id in n.run_ids
        )

        # Closing the window hides it to the tray, with a one-time hint.
        window.show()
        closed = window.close()
        report["close_accepted"] = closed
        report["hidden_to_tray"] = not window.isVisible()
        report["hint"] = [n.title for n in notes if n.kind == "hint"]
        tray.toggle_window()
        report["shown_again"] = window.isVisible()
        report["server_menu"] = server_menu_texts(tray)
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
    report["latencies_s"] = tray.notifier.latencies
    return report


async def start(client: Any, deployment: str, **parameters: Any) -> Any:
    found = await client.resolve_deployment(deployment)
    if not parameters:
        parameters = {"items_count": 2, "pause_after": 1, "delay": 0.05}
    return await client.run_deployment(found.id, parameters)


def note_dict(note: Any) -> dict[str, Any]:
    return {"kind": note.kind, "title": note.title, "body": note.body, "runs": list(note.run_ids)}


def server_menu_texts(tray: Any) -> list[str]:
    tray.rebuild_menu()
    from PySide6.QtWidgets import QMenu

    server = tray.menu.findChild(QMenu, "serverMenu")
    return [a.text() for a in server.actions()] if server is not None else []


def balloon_region(tray: Any):
    tip = balloon()
    rect = tray.icon.geometry()
    if tip is not None:
        rect = rect.united(tip.frameGeometry())
    return rect.adjusted(-220, -4, 8, 40)


def menu_region(menu: Any, entry: Any, tray: Any):
    rect = menu.frameGeometry().united(tray.icon.geometry())
    if entry is not None and entry.menu().isVisible():
        rect = rect.united(entry.menu().frameGeometry())
    return rect.adjusted(-12, -4, 12, 12)


def save_region(path: Path, rect) -> None:
    screen = QGuiApplication.primaryScreen().geometry()
    rect = rect.intersected(screen)
    path.parent.mkdir(parents=True, exist_ok=True)
    grab(rect).save(str(path))


def main() -> int:
    shots = Path(sys.argv[sys.argv.index("--shots") + 1]) if "--shots" in sys.argv else None
    app = QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)  # a tray app
    settings_dir = os.environ.get("FLOWDESK_E2E_SETTINGS")
    if settings_dir:
        os.environ["FLOWDESK_HOME"] = settings_dir  # the preferences file (core.settings)
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_dir)
    from desktop_app.ui.event_loop import FlowdeskLoop

    loop = FlowdeskLoop(app)
    asyncio.set_event_loop(loop)
    try:
        report = loop.run_until_complete(asyncio.wait_for(scenario(app, shots), 200))
    finally:
        loop.close()
    print(json.dumps(report, default=str), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
