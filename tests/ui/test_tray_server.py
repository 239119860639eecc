"""The tray against the real server and real runs, without a tray host (offscreen).

This is the fallback path a desktop without a system tray takes: pause alerts
go to the window (title badge + taskbar alert) and closing the window quits.
The same controller with a real tray host is exercised in tests/e2e.
"""

from __future__ import annotations

import asyncio
import time

import pytest
from PySide6.QtWidgets import QMainWindow

from desktop_app.services import audit
from tests.timings import record
from tests.ui import test_forms_support as support
from tests.ui.test_forms_support import arun, await_until, cleanup_run, start_run, wait_state
from tests.ui.tray_support import private_settings

qloop = support.qloop
server_client = support.server_client

pytestmark = pytest.mark.integration

LOOP = "pause-resume-workflow/local"


@pytest.fixture
def tray_app(qloop, server_client, tmp_path):
    """A window + TrayController fed by a real RunEventStream, as the app wires them."""
    from desktop_app.core.api.events import RunEventStream
    from desktop_app.ui.settings.preferences import Preferences
    from desktop_app.ui.tray import TrayController

    window = QMainWindow()
    window.setWindowTitle("Flowdesk")
    opened: list[str] = []
    tray = TrayController(
        lambda: server_client,
        window.show,
        opened.append,
        available=False,
        preferences=Preferences(private_settings(tmp_path)),
    )
    close_filter = tray.attach_window(window)
    window.installEventFilter(close_filter)
    shown: list = []
    tray.notified.connect(shown.append)
    window.show()

    async def forward():
        async for run_event in RunEventStream(server_client):
            tray.on_run_event(run_event)

    follower = asyncio.ensure_future(forward(), loop=qloop)
    tray.set_connected(True)
    arun(qloop, await_until(lambda: tray.tracker.loaded, timeout=30, what="first reconcile"))
    yield tray, window, shown, opened
    follower.cancel()
    arun(qloop, asyncio.wait([follower], timeout=5))
    tray.shutdown()
    arun(qloop, tray.tasks.cancel_all(timeout=5))  # as the app's shutdown does
    window.deleteLater()


def _notes(shown, kind, run_id):
    return [n for n in shown if n.kind == kind and run_id in n.run_ids]


def test_pause_alerts_the_window_and_resume_from_the_menu(qloop, server_client, tray_app):
    tray, window, shown, _opened = tray_app
    client = server_client

    async def scenario():
        run = await start_run(client, LOOP, items_count=2, pause_after=1, delay=0.05)
        try:
            await await_until(
                lambda: _notes(shown, "paused", run.id), timeout=60, what="pause notification"
            )
            note = _notes(shown, "paused", run.id)[0]
            assert note.title == f"pause-resume-workflow · {run.name}"
            assert note.body == "Processed 1 of 2 items. Resume to continue."
            assert run.id in [p.run_id for p in tray.paused()]
            count = tray.paused_count
            assert window.windowTitle() == f"Flowdesk — {count} paused"
            assert (note.title, note.body) in tray.window_alert.alerts
            assert tray.notifier.latencies  # measured from the event to the notification
            record("tray_pause_notice_server", tray.notifier.latencies[-1], budget=0.3)

            tray.menu.aboutToShow.emit()  # as when the person opens the menu
            resume = tray.menu.find(f"resume:{run.id}")
            assert resume is not None and resume.isEnabled()
            resume.trigger()
            await wait_state(client, run.id, "RUNNING", "COMPLETED")
            await await_until(
                lambda: run.id not in [p.run_id for p in tray.paused()], timeout=10, what="badge"
            )
            await await_until(
                lambda: _notes(shown, "finished", run.id), timeout=60, what="end after pause"
            )
            assert _notes(shown, "resumed", run.id)  # the tray said it did it
        finally:
            await cleanup_run(client, run.id)
        return run

    run = arun(qloop, scenario())
    entries = audit.read(run.id)
    assert [(e["action"], e["source"]) for e in entries] == [("resume", "tray")]
    assert len(_notes(shown, "paused", run.id)) == 1  # once per pause, replay or not
    # No tray host: closing the window closes it (the app then quits as usual).
    assert window.close() and window.isHidden()


def test_resume_all_of_a_deployment_asks_first_then_resumes_each(qloop, server_client, tray_app):
    tray, _window, shown, _opened = tray_app
    client = server_client

    async def scenario():
        runs = [
            await start_run(client, LOOP, items_count=2, pause_after=1, delay=0.05)
            for _ in range(2)
        ]
        ids = {r.id for r in runs}
        try:
            for run in runs:
                await wait_state(client, run.id, "PAUSED")
            await await_until(
                lambda: ids <= {p.run_id for p in tray.paused() if p.run is not None},
                timeout=30,
                what="both paused runs named in the tray",
            )
            tray.menu.aboutToShow.emit()
            dep_id = runs[0].deployment_id
            tray.menu.find(f"resumeAll:{dep_id}").trigger()
            box = tray.resumer.confirmation
            assert box is not None and box.isVisible()
            assert box.text() == "Resume 2 paused run(s) of pause-resume-workflow/local?"
            for run in runs:  # nothing happens before the person confirms
                assert (await client.read_run(run.id)).state.type == "PAUSED"
            box.findChild(type(box.defaultButton()), "confirmResumeAll").click()
            for run in runs:
                await wait_state(client, run.id, "RUNNING", "COMPLETED")
            await await_until(
                lambda: [n for n in shown if n.kind == "resumed" and ids <= set(n.run_ids)],
                timeout=20,
                what="resume-all summary",
            )
        finally:
            for run in runs:
                await cleanup_run(client, run.id)
        return runs

    runs = arun(qloop, scenario())
    for run in runs:
        assert [(e["action"], e["source"]) for e in audit.read(run.id)] == [("resume", "tray")]


def test_a_typed_input_pause_resumes_only_through_its_form(qloop, server_client, tray_app):
    tray, _window, _shown, _opened = tray_app
    client = server_client

    async def scenario():
        run = await start_run(client, support.approval_deployment, dataset="tray-test")
        try:
            await wait_state(client, run.id, "PAUSED")
            await await_until(
                lambda: any(p.run_id == run.id and p.wants_input for p in tray.paused()),
                timeout=30,
                what="the input pause, named",
            )
            tray.menu.aboutToShow.emit()
            assert tray.menu.find(f"resume:{run.id}") is None
            tray.menu.find(f"resumeInput:{run.id}").trigger()
            dialog = tray.resumer.dialogs[run.id]
            assert dialog.isVisible() and dialog.source == "tray"
            await await_until(lambda: dialog.form is not None, timeout=20, what="the form")
            tray.menu.find(f"resumeInput:{run.id}").trigger()  # again: the same window, raised
            assert list(tray.resumer.dialogs) == [run.id]
            dialog.close()
        finally:
            await cleanup_run(client, run.id)

    arun(qloop, scenario())


def test_a_pause_the_stream_missed_is_found_and_announced(qloop, server_client, tmp_path):
    """No events forwarded at all: the periodic reconcile finds the pause and says so."""
    from desktop_app.ui.settings.preferences import Preferences
    from desktop_app.ui.tray import TrayController

    client = server_client
    tray = TrayController(
        lambda: client,
        lambda: None,
        lambda _r: None,
        available=False,
        preferences=Preferences(private_settings(tmp_path)),
    )
    shown: list = []
    tray.notified.connect(shown.append)
    tray.set_connected(True)

    async def scenario():
        await await_until(lambda: tray.tracker.loaded, timeout=30, what="first reconcile")
        run = await start_run(client, LOOP, items_count=2, pause_after=1, delay=0.05)
        try:
            await wait_state(client, run.id, "PAUSED")
            began = time.monotonic()
            tray.tracker.reconcile_now()  # what the 15 s timer does
            await await_until(lambda: _notes(shown, "paused", run.id), timeout=10)
            record("tray_reconcile_notice", time.monotonic() - began, budget=2.0)
            await client.resume(run.id)
            await wait_state(client, run.id, "COMPLETED")
            tray.tracker.reconcile_now()
            await await_until(lambda: _notes(shown, "finished", run.id), timeout=10)
        finally:
            await cleanup_run(client, run.id)

    try:
        arun(qloop, scenario())
    finally:
        tray.shutdown()
        arun(qloop, tray.tasks.cancel_all(timeout=5))  # see tray_app


def test_a_failed_audit_write_after_a_tray_resume_is_a_warning(qloop, server_client, tray_app):
    """The run was resumed: the tray says so, with a warning naming the audit file."""
    from desktop_app.core.config import paths

    tray, _window, shown, _opened = tray_app
    client = server_client
    target = paths.audit_log_file()
    saved = target.with_suffix(".saved")

    async def scenario():
        run = await start_run(client, LOOP, items_count=2, pause_after=1, delay=0.05)
        try:
            await wait_state(client, run.id, "PAUSED")
            await await_until(
                lambda: any(p.run_id == run.id for p in tray.paused()), timeout=30, what="paused"
            )
            moved = target.exists()
            if moved:
                target.rename(saved)
            target.mkdir()  # a folder where the file should be: the write fails
            try:
                tray.menu.aboutToShow.emit()
                tray.menu.find(f"resume:{run.id}").trigger()
                await wait_state(client, run.id, "RUNNING", "COMPLETED")
                await await_until(
                    lambda: _notes(shown, "resumed", run.id), timeout=20, what="resumed note"
                )
            finally:
                target.rmdir()
                if moved:
                    saved.rename(target)
            note = _notes(shown, "resumed", run.id)[-1]
            assert note.level == "warning" and str(target) in note.body
            assert not _notes(shown, "error", run.id)  # not reported as a failure
        finally:
            await cleanup_run(client, run.id)

    arun(qloop, scenario())
