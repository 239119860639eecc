"""The tray's failure notices without a server or a tray host: bursts, words, badge, menu.

Events are the dataclasses the window forwards (no client: the watcher takes
what the event carries); time is real on the qasync loop. The real-server
tests are in test_tray_failures.py, the real tray host in tests/e2e.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtWidgets import QMainWindow

from desktop_app.services.failures import FailureLedger
from desktop_app.ui.settings.preferences import Preferences
from tests.ui import test_forms_support as support
from tests.ui.test_forms_support import arun, await_until
from tests.ui.tray_support import event, private_settings

qloop = support.qloop


@pytest.fixture
def prefs(tmp_path):
    return Preferences(private_settings(tmp_path))


@pytest.fixture
def tray(qloop, prefs, tmp_path):
    from desktop_app.ui.tray import TrayController

    window = QMainWindow()
    window.setWindowTitle("Flowdesk")
    opened: list[str] = []
    controller = TrayController(
        lambda: None,
        window.show,
        opened.append,
        available=False,
        preferences=prefs,
        failure_ledger=FailureLedger(tmp_path / "failures.json"),
    )
    controller.attach_window(window)
    shown: list = []
    controller.notified.connect(shown.append)
    controller.opened = opened  # type: ignore[attr-defined]
    controller.shown_list = shown  # type: ignore[attr-defined]
    yield controller
    controller.shutdown()
    window.deleteLater()


def failed(run_id: str, state: str = "FAILED", message: str | None = None, **kwargs):
    """A Failed/Crashed event whose run carries `message` (as the server would say it)."""
    ev = event(run_id, state, **kwargs)
    run = replace(ev.run, state=replace(ev.run.state, message=message), run_count=1)
    return replace(ev, run=run)


def settle(tray):
    return await_until(lambda: tray.failures.batch.due_at is None, timeout=3, interval=0.005)


def test_a_burst_of_failures_is_one_summary_grouped_by_deployment(qloop, tray):
    async def scenario():
        for i in range(4):
            tray.on_run_event(failed(f"f{i}", message="Flow run encountered an exception: E"))
        tray.on_run_event(failed("x", "CRASHED", deployment="dep-2", flow="report"))
        await await_until(lambda: tray.shown_list, timeout=2, interval=0.005)
        await settle(tray)

    arun(qloop, scenario())
    (note,) = tray.shown_list
    assert note.kind == "failures" and note.title == "4 failed, 1 crashed"
    assert note.body == "report/local, pause-resume-workflow/local (4)"  # latest first
    assert note.run_id is None  # a click shows the window, not one run
    assert tray.failures.unseen_count == 5
    assert (note.title, note.body) in tray.window_alert.alerts  # no tray: the window says it
    tray._message_clicked()
    assert tray.failures.unseen_count == 0 and tray.opened == []


def test_failed_and_crashed_read_differently_and_open_from_the_menu(qloop, tray):
    async def scenario():
        tray.on_run_event(failed("a", message="Flow run encountered an exception: KeyError: 'id'"))
        await await_until(lambda: tray.shown_list, timeout=2)
        await settle(tray)
        tray.on_run_event(failed("b", "CRASHED", message=None))
        await await_until(lambda: len(tray.shown_list) == 2, timeout=3)

    arun(qloop, scenario())
    first, second = tray.shown_list
    assert (first.kind, first.title, first.body) == (
        "failure",
        "Failed: pause-resume-workflow · run-a",
        "KeyError: 'id'",
    )
    assert second.title == "Crashed: pause-resume-workflow · run-b"
    assert second.body.startswith("Its process stopped without finishing")
    tray.menu.aboutToShow.emit()
    assert tray.failures.unseen_count == 0  # the menu was seen
    assert tray.menu.find("failedRunMenu:b").text() == (
        "pause-resume-workflow · run-b · crashed just now"
    )
    assert tray.menu.find("retryFailed:a").isEnabled() is False  # not connected
    tray.menu.find("openFailed:a").trigger()
    assert tray.opened == ["a"]
    tray.menu.find("clearFailed").trigger()
    tray.rebuild_menu()
    assert tray.menu.find("failedRunMenu:a") is None
    tray.on_run_event(failed("a"))  # the same failure again (replay): nothing new
    assert tray.failures.batch.due_at is None and len(tray.shown_list) == 2


def test_a_run_that_fails_after_its_pause_gets_one_notice(qloop, tray):
    async def scenario():
        tray.on_run_event(event("p"))
        await await_until(lambda: tray.shown_list, timeout=2)
        tray.on_run_event(event("p", "RUNNING"))
        tray.on_run_event(failed("p", message="boom"))
        await await_until(lambda: len(tray.shown_list) == 2, timeout=2)
        await settle(tray)

    arun(qloop, scenario())
    assert [n.kind for n in tray.shown_list] == ["paused", "failed"]  # "… after its pause"
    assert [f.run_id for f in tray.failures.recent()] == ["p"]  # but listed and counted
    assert tray.failures.unseen_count == 1


def test_the_switches_silence_failures(qloop, tray, prefs):
    prefs.set_failure_notices("dep-quiet", False)

    async def scenario():
        tray.on_run_event(failed("q", deployment="dep-quiet"))
        tray.on_run_event(failed("adhoc", deployment=None))
        await await_until(lambda: tray.shown_list, timeout=2)
        await settle(tray)
        prefs.notify_on_failure = False
        tray.on_run_event(failed("later"))
        await settle(tray)

    arun(qloop, scenario())
    assert [n.run_ids for n in tray.shown_list] == [("adhoc",)]  # ad hoc runs are told too
    assert [f.run_id for f in tray.failures.recent()] == ["adhoc"]
    tray.menu.aboutToShow.emit()
    retry = tray.menu.find("retryFailed:adhoc")
    assert not retry.isEnabled() and "deployment" in retry.toolTip()


def test_the_words_in_chinese(qloop, qapp, tray):
    from desktop_app.ui.translations import install_language

    install_language(qapp, "zh_CN")
    try:

        async def scenario():
            tray.on_run_event(failed("z", "CRASHED", message="Process exited with code -9."))
            await await_until(lambda: tray.shown_list, timeout=2)

        arun(qloop, scenario())
        note = tray.shown_list[0]
        assert note.title == "已崩溃：pause-resume-workflow · run-z"
        assert note.body == "Process exited with code -9."  # Prefect's own words, as said
        tray.menu.aboutToShow.emit()
        assert tray.menu.find("openFailed:z").text() == "打开"
        assert tray.menu.find("failedRunMenu:z").text().endswith("刚刚崩溃")
    finally:
        install_language(qapp, "en")


def test_the_settings_dialog_switch_round_trips(qapp, prefs):
    from desktop_app.ui.settings.notifications_page import NotificationsPage

    page = NotificationsPage(True)
    page.load(prefs)
    assert page.on_failure.isChecked() and page.on_failure.text() == (
        "Tell me when a run fails or crashes"
    )
    page.on_failure.setChecked(False)
    page.save(prefs)
    assert prefs.notify_on_failure is False and not prefs.failure_notices("any")
    page.deleteLater()
