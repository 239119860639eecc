"""`flowdesk` / `flowdesk gui`: the window on a qasync loop, the server behind it.

Order matters for a fast start: QApplication → window shown → Qt loop runs →
first paint → *then* the context starts (Prefect imported in a worker thread,
the managed server launched or attached). The window is up in well under a
second; the server takes its 5-20 s with a progress bar in the status bar.

Quitting: closing the window quits Qt (the tray, later, will change that by
`setQuitOnLastWindowClosed(False)`). Qt's exec() then returns before our
shutdown has run, so the loop is run once more until `main()` has cancelled
and awaited every task, closed the client and stopped the server -- unless
the user chose "keep the server running".
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import signal
import sys
import time
from collections.abc import Coroutine
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from desktop_app.core.config.atomic import atomic_write_json
from desktop_app.core.config.logs import setup_logging
from desktop_app.core.config.profiles import ProfileStore
from desktop_app.core.supervision import ui_login
from desktop_app.ui import file_notices
from desktop_app.ui.async_tools import TaskKeeper
from desktop_app.ui.context import AppContext, configure_settings
from desktop_app.ui.error_reporter import ErrorReporter
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.settings.preferences import Preferences
from desktop_app.ui.single_instance import (
    SingleInstance,
    add_request_arguments,
    bring_forward,
    parse_request,
)
from desktop_app.ui.theme import apply_theme
from desktop_app.ui.translations import install_language

if TYPE_CHECKING:
    from desktop_app.ui.tray import TrayController

log = logging.getLogger("flowdesk.app")

MILESTONES = ("shown", "painted", "ready", "connected", "first-rows", "loaded")


class StartupReport:
    """Wall-clock times of the start milestones, written as JSON (for benchmarks and checks)."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.times: dict[str, Any] = {"pid": os.getpid()}
        try:
            import psutil

            self.times["process_start"] = psutil.Process().create_time()
        except Exception:
            pass

    def mark(self, name: str, **extra: Any) -> None:
        if name in self.times:
            return
        self.times[name] = time.time()
        self.times.update(extra)
        if self.path is not None:
            atomic_write_json(self.path, self.times, durable=False)  # no fsync before paint


class _CloseToQuit(QObject):
    """Turns the window's close into "quit after shutdown" (the window only hides).

    Letting Qt close the last window would make it quit at once and stop the
    loop before our shutdown ran. A tray can later replace this with "hide".
    """

    def __init__(self, on_close: Any) -> None:
        super().__init__()
        self.on_close = on_close

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Close:
            self.on_close()
            event.ignore()
            return True
        return False


class _FirstPaint(QObject):
    """Sets an asyncio.Event once the window has painted itself."""

    def __init__(self, event: asyncio.Event) -> None:
        super().__init__()
        self.event = event

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.event.set()
        return False


def parse_options(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="flowdesk gui", add_help=True)
    parser.add_argument(
        "--startup-report", type=Path, default=None, help="write start milestones as JSON here"
    )
    parser.add_argument(
        "--quit-when",
        choices=MILESTONES,
        default=None,
        help="quit once this milestone is reached (smoke tests, benchmarks)",
    )
    parser.add_argument("--color-scheme", choices=("system", "light", "dark"), default="system")
    add_request_arguments(parser)  # --open-run, --minimised: what a later launch passes on
    options, _qt_args = parser.parse_known_args(argv)
    return options


def run_app(argv: list[str]) -> int:
    """Entry of the window; returns the process exit code."""
    from desktop_app.ui.event_loop import FlowdeskLoop

    options = parse_options(argv)
    report = StartupReport(options.startup_report)
    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    assert isinstance(app, QApplication)
    app.setQuitOnLastWindowClosed(True)
    from desktop_app.ui.main_thread_gc import MainThreadGC

    collector = MainThreadGC(app)  # Qt objects are never freed on a worker thread
    # Without these, Wayland desktops cannot match the window to flowdesk.desktop
    # and every desktop shows a generic icon.
    from PySide6.QtGui import QGuiApplication

    from desktop_app.ui.tray.icon import app_icon

    QGuiApplication.setDesktopFileName("flowdesk")
    app.setWindowIcon(app_icon())
    configure_settings()
    log_path = setup_logging("app")
    # Language before any text is made: widgets, and a second launch's message.
    preferences = Preferences()
    install_language(app, preferences.language)
    # One Flowdesk per user: a second launch hands its arguments over and leaves
    # before it builds a window or touches the server.
    instance = SingleInstance()
    if not instance.acquire():
        return hand_over(instance, argv)
    log.info("starting Flowdesk GUI (pid %s)", os.getpid())
    apply_theme(
        app, options.color_scheme if options.color_scheme != "system" else preferences.theme
    )

    from desktop_app.ui.settings.controller import profile_label, profile_target

    reporter = ErrorReporter(log_path)
    tasks = TaskKeeper(reporter.report_task)
    previous_hook = sys.excepthook
    sys.excepthook = reporter.excepthook
    store = ProfileStore()
    profile = store.active
    manager, connection = profile_target(store, profile)
    context = AppContext(manager, connection=connection, tasks=tasks)
    window = MainWindow(context)
    window.set_profile_name(profile_label(profile))
    file_notices.attach(window)  # a settings file kept aside is said in the status bar
    reporter.window = window
    has_tray = QSystemTrayIcon.isSystemTrayAvailable()
    # Hidden only where the tray can bring it back.
    start_hidden = has_tray and (
        options.minimised or (profile.kind == "local" and profile.start_minimised)
    )
    if not start_hidden:
        window.show()
    report.mark("shown")

    loop = FlowdeskLoop(app)
    asyncio.set_event_loop(loop)
    loop.set_exception_handler(reporter.loop_handler)
    parts = AppParts(
        app, window, context, tasks, report, options, store, preferences, instance, has_tray
    )
    try:
        return run_until_done(loop, main(parts))
    finally:
        instance.release()
        collector.stop()
        sys.excepthook = previous_hook
        asyncio.set_event_loop(None)


def hand_over(instance: SingleInstance, argv: list[str]) -> int:
    """A second launch: pass `argv` to the running Flowdesk, which comes forward."""
    if instance.send(argv):
        log.info("Flowdesk already runs: handed over %s and leaving", argv)
        return 0
    text = QApplication.translate(
        "App",
        "Flowdesk is already running but does not answer. If it is stuck, end it in your "
        "task manager and start Flowdesk again. (Lock: {path})",
    ).format(path=instance.holder_hint())
    log.error(text)
    print(text, file=sys.stderr)
    return 1


@dataclass
class AppParts:
    """What `run_app` built and `main` runs: one object rather than nine arguments."""

    app: QApplication
    window: MainWindow
    context: AppContext
    tasks: TaskKeeper
    report: StartupReport
    options: argparse.Namespace
    store: ProfileStore
    preferences: Preferences
    instance: SingleInstance
    has_tray: bool


def run_until_done(loop: Any, coro: Coroutine[Any, Any, int]) -> int:
    """Run `coro` on the qasync loop even if Qt quits first, then close the loop."""
    task = loop.create_task(coro)
    try:
        try:
            return int(loop.run_until_complete(task))
        except RuntimeError:
            if task.done():
                raise
            # Qt's exec() returned (last window closed, session ending): let
            # main() finish its shutdown on a second run of the loop.
            return int(loop.run_until_complete(task))
    finally:
        if not task.done():
            task.cancel()
        try:
            loop.run_until_complete(loop.shutdown_asyncgens())
        except RuntimeError:
            pass
        loop.close()


async def cancel_stragglers(timeout: float) -> None:
    """Cancel tasks started outside our TaskKeeper (widgets with their own), and wait."""
    current = asyncio.current_task()
    others = [t for t in asyncio.all_tasks() if t is not current and not t.done()]
    for task in others:
        task.cancel()
    if others:
        await asyncio.wait(others, timeout=timeout)


def _attach_tray(
    window: MainWindow, context: AppContext, tasks: TaskKeeper, request_quit, open_settings
) -> TrayController:
    """The tray (called only where the desktop has one): pause alerts, resume from the menu.

    Closing then hides the window to the tray (the filter must come after
    _CloseToQuit: Qt asks the newest filter first).
    """
    from desktop_app.ui.tray import ServerControls, TrayController
    from desktop_app.ui.web_ui import open_web_ui

    def open_web() -> None:
        open_web_ui(context.connection)

    def stop_server() -> None:
        if context.manager is not None:
            tasks.spawn(context.manager.stop(), "stop-server")

    controls = ServerControls(
        start=context.restart_server,
        stop=stop_server,
        restart=context.restart_server,
        open_web_ui=open_web,
    )

    def leave() -> None:  # Quit in the tray, once the designer said yes (Cancel: close hides)
        tray.close_filter.quitting = True
        request_quit()

    tray = TrayController(
        context.get_client,
        lambda: bring_forward(window),
        lambda run_id: _open_run(window, run_id),
        server=controls,
        quit_app=lambda: window.confirm_designer_close(leave),
        open_settings=open_settings,
        tasks=tasks,
    )
    QApplication.instance().setQuitOnLastWindowClosed(False)
    window.installEventFilter(tray.attach_window(window))
    window.runs.loader.run_event.connect(tray.on_run_event)
    context.server_changed.connect(tray.on_server_changed)
    context.connected.connect(lambda _c: tray.set_connected(True))
    context.disconnected.connect(lambda _r: tray.set_connected(False))
    tray.on_server_changed(context.view)
    tray.set_connected(context.get_client() is not None)
    return tray


def _open_run(window: MainWindow, run_id: str) -> None:
    """Window forward, Runs tab, `run_id` selected where the filters show it, its detail open.

    The detail opens even when the row is not there (filtered out, or not yet
    loaded at start): the run asked for is what the person wants to see.
    """
    bring_forward(window)
    window.tabs.setCurrentWidget(window.runs)
    window.runs.select_run(run_id)
    window.runs.show_detail(run_id)


def _on_later_launch(window: MainWindow, argv: list[str]) -> None:
    """Another `flowdesk` was started: come forward and do what it asked."""
    request = parse_request(argv)
    log.info("a later launch asked: %s", request)
    if request.open_run:
        # The Runs tab replaces the designer on screen: its unsaved work is settled first.
        window.confirm_designer_close(lambda: _open_run(window, request.open_run))
    elif not request.minimised:
        bring_forward(window)


async def main(parts: AppParts) -> int:
    app, window, context, tasks = parts.app, parts.window, parts.context, parts.tasks
    report, options = parts.report, parts.options
    start_hidden = not window.isVisible()
    quit_requested = asyncio.Event()
    app.aboutToQuit.connect(quit_requested.set)  # e.g. the session ends

    def request_quit(*_args: object) -> None:
        if not quit_requested.is_set():
            window.keep_unsaved_designs()
            window.save_state()
            window.closing.emit()
            window.hide()
            quit_requested.set()

    def ask_to_quit(*_args: object) -> None:  # the designer may ask about unsaved work first
        window.confirm_designer_close(request_quit)

    close_guard = _CloseToQuit(ask_to_quit)
    window.installEventFilter(close_guard)
    from desktop_app.ui.settings.controller import SettingsController, profile_label

    settings = SettingsController(
        context, parts.store, parts.preferences, window, tray_available=parts.has_tray
    )
    settings.before_switch = window.confirm_designer_close
    window.settings_requested.connect(settings.open)
    settings.applied.connect(window.settings_applied)
    settings.switched.connect(lambda profile: window.set_profile_name(profile_label(profile)))
    tray = (
        _attach_tray(window, context, tasks, request_quit, settings.open)
        if parts.has_tray
        else None
    )
    window.quit_requested.connect(ask_to_quit)
    parts.instance.received.connect(lambda argv: _on_later_launch(window, argv))

    signal.signal(signal.SIGINT, request_quit)
    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, request_quit)
    # Python runs signal handlers only between bytecodes: keep it ticking.
    wake = QTimer()
    wake.start(250)
    wake.timeout.connect(lambda: None)

    if not start_hidden:
        painted = asyncio.Event()
        paint_watch = _FirstPaint(painted)
        window.installEventFilter(paint_watch)
        try:
            await asyncio.wait_for(painted.wait(), timeout=2.0)
        except asyncio.TimeoutError:
            log.warning("no paint event within 2 s; starting anyway")
        window.removeEventFilter(paint_watch)
    report.mark("painted", phase_at_paint=context.view.phase, minimised=start_hidden)
    if options.open_run:
        _open_run(window, options.open_run)

    def milestone(name: str, **extra: Any) -> None:
        report.mark(name, **extra)
        if options.quit_when == name:
            QTimer.singleShot(0, request_quit)

    if options.quit_when in ("shown", "painted"):
        QTimer.singleShot(0, request_quit)
    loader = window.runs.loader
    context.server_changed.connect(
        lambda view: milestone("ready", server_phase=view.phase) if view.ready else None
    )
    context.connected.connect(lambda _c: milestone("connected"))
    loader.first_rows.connect(lambda: milestone("first-rows", rows=loader.model.rowCount()))
    loader.loading_changed.connect(
        lambda loading: (
            None
            if loading or loader.loads == 0
            else milestone("loaded", rows=loader.model.rowCount())
        )
    )
    context.start()

    await quit_requested.wait()
    log.info("quitting")
    if tray is not None:
        tray.shutdown()
    wake.stop()
    ui_login.remove_login_pages()  # a web-UI login page still in its few seconds
    await tasks.cancel_all(timeout=5.0)
    await cancel_stragglers(timeout=3.0)
    try:
        outcome = await context.shutdown()
        log.info("server on quit: %s", outcome)
    except Exception as exc:
        log.error("stopping the server failed: %s", exc)
        return 1
    return 0
