"""Tray parts without a server or a tray host: icon, notifications, menu, close, title.

Time is real (QTimer on the qasync loop), events are the dataclasses the
window forwards; the end-to-end tray (real runs, real tray host) lives in
tests/e2e.
"""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow

from desktop_app.ui.settings.preferences import Preferences
from tests.timings import record
from tests.ui import test_forms_support as support
from tests.ui.test_forms_support import arun, await_until
from tests.ui.tray_support import event, private_settings

qloop = support.qloop


@pytest.fixture
def prefs(tmp_path):
    return Preferences(private_settings(tmp_path))


@pytest.fixture
def tray(qloop, prefs):
    from desktop_app.ui.tray import TrayController

    opened: list[str] = []
    window = QMainWindow()
    window.setWindowTitle("Flowdesk")
    controller = TrayController(
        lambda: None,
        window.show,
        opened.append,
        available=False,
        preferences=prefs,
    )
    controller.attach_window(window)
    shown: list = []
    controller.notified.connect(shown.append)
    controller.opened = opened  # type: ignore[attr-defined]
    controller.shown_list = shown  # type: ignore[attr-defined]
    yield controller
    controller.shutdown()
    window.deleteLater()


# -- icon -----------------------------------------------------------------------------------------
def _badge_pixels(pixmap) -> int:
    image = pixmap.toImage()
    size = image.width()
    hits = 0
    for y in range(int(size * 0.5)):
        for x in range(int(size * 0.5), size):
            c = image.pixelColor(x, y)
            if c.alpha() > 200 and c.red() > 200 and 60 < c.green() < 130 and c.blue() < 60:
                hits += 1
    return hits


def test_icon_badge_follows_the_count_and_greys_when_down(qapp):
    from desktop_app.ui.tray.icon import badge_text, tray_icon, tray_pixmap

    assert _badge_pixels(tray_pixmap(32, 0, True)) == 0
    assert _badge_pixels(tray_pixmap(32, 3, True)) > 40
    assert _badge_pixels(tray_pixmap(22, 12, True)) > 20  # legible on a 22 px X11 tray
    for count in (0, 4):  # greyed while the server is away, the last known count muted
        down = tray_pixmap(32, count, False).toImage()
        colours = [down.pixelColor(x, y) for x in range(32) for y in range(32)]
        assert all(abs(c.red() - c.blue()) < 40 for c in colours if c.alpha() > 200)
        assert _badge_pixels(tray_pixmap(32, count, False)) == 0
    assert badge_text(0) == "" and badge_text(7) == "7" and badge_text(150) == "99+"
    assert tray_icon(150, True) is tray_icon(101, True)  # one cache entry for 100+
    assert not tray_icon(2, True).pixmap(22, 22).isNull()


# -- notifications ----------------------------------------------------------------------------
def test_a_pause_is_announced_once(qloop, tray):
    async def scenario():
        began = time.monotonic()
        tray.on_run_event(event("a"))
        await await_until(lambda: tray.shown_list, timeout=2, interval=0.005)
        record("tray_pause_notice_unit", time.monotonic() - began, budget=0.1)
        note = tray.shown_list[0]
        assert note.kind == "paused" and note.run_id == "a"
        assert note.title == "pause-resume-workflow · run-a"
        assert note.body == "Waiting for you to resume it."
        # The same pause again (stream replay, poll + event): nothing scheduled.
        tray.on_run_event(event("a"))
        assert tray.notifier.coalescer.due_at is None

    arun(qloop, scenario())
    assert [n.kind for n in tray.shown_list] == ["paused"]
    assert tray.window_alert.alerts == [(tray.shown_list[0].title, tray.shown_list[0].body)]


def test_a_burst_of_fifty_pauses_is_one_summary_and_a_click_shows_the_paused_filter(qloop, tray):
    paused_filter: list[bool] = []
    tray._show_paused = lambda: paused_filter.append(True)

    async def scenario():
        for i in range(50):
            tray.on_run_event(event(f"b{i}"))
        await await_until(lambda: tray.shown_list, timeout=2, interval=0.005)
        await await_until(lambda: tray.notifier.coalescer.due_at is None, timeout=2)

    arun(qloop, scenario())
    assert [n.kind for n in tray.shown_list] == ["summary"]
    summary = tray.shown_list[0]
    assert summary.title == "50 runs paused" and len(summary.run_ids) == 50
    assert summary.body.endswith("and 47 more")
    assert tray.paused_count == 50
    assert tray.window_alert.window.windowTitle() == "Flowdesk — 50 paused"
    tray._message_clicked()
    assert paused_filter == [True] and tray.opened == []


def test_a_run_that_ends_after_its_pause_is_announced_and_a_click_opens_it(qloop, tray):
    async def scenario():
        tray.on_run_event(event("c"))
        await await_until(lambda: tray.shown_list, timeout=2)
        tray.on_run_event(event("c", "RUNNING"))
        tray.on_run_event(event("c", "FAILED"))
        await await_until(lambda: len(tray.shown_list) == 2, timeout=2)

    arun(qloop, scenario())
    ended = tray.shown_list[1]
    assert ended.kind == "failed" and ended.run_id == "c"
    assert "Failed after its pause" in ended.body
    assert tray.paused_count == 0
    assert tray.window_alert.window.windowTitle() == "Flowdesk"
    tray._message_clicked()
    assert tray.opened == ["c"]


def test_notification_preferences_are_honoured_live(qloop, tray, prefs):
    prefs.notify_on_pause = False

    async def scenario():
        tray.on_run_event(event("d"))
        await await_until(lambda: tray.notifier.coalescer.due_at is None, timeout=2)
        prefs.notify_on_pause = True
        prefs.notify_on_end = False
        tray.on_run_event(event("d", "COMPLETED"))
        await await_until(lambda: tray.notifier.coalescer.due_at is None, timeout=2)

    arun(qloop, scenario())
    assert tray.shown_list == []  # neither the pause nor the end
    assert tray.paused_count == 0  # …but the badge still followed


# -- menu ---------------------------------------------------------------------------------------
def test_menu_is_rebuilt_from_the_paused_runs(qloop, tray):
    tray.set_connected(True)  # (no client: the reconcile is skipped, events drive the menu)
    for run_id in ("m1", "m2"):
        tray.on_run_event(event(run_id))
    tray.on_run_event(event("m3", wants_input=True, deployment="dep-2"))
    tray.menu.aboutToShow.emit()
    menu = tray.menu
    for run_id in ("m1", "m2", "m3"):
        assert menu.find(f"pausedRunMenu:{run_id}") is not None
        assert menu.find(f"resumeInput:{run_id}").isEnabled()
    assert menu.find("resume:m1").isEnabled()
    assert menu.find("resume:m3") is None  # a typed-input pause resumes only with its form
    assert menu.find("resumeAll:dep-1") is not None  # two paused runs of one deployment
    assert menu.find("resumeAll:dep-2") is None
    assert "paused" in menu.find("pausedRunMenu:m1").text()
    assert menu.find("toggleWindow").text() == "Show window"
    tray.on_run_event(event("m1", "RUNNING"))
    tray.menu.aboutToShow.emit()
    assert menu.find("pausedRunMenu:m1") is None  # never a stale run
    menu.find("openRun:m2").trigger()
    assert tray.opened == ["m2"]


# -- closing and the title ---------------------------------------------------------------------
def test_close_hides_to_tray_once_hinted_and_quits_without_tray(qapp, prefs):
    from desktop_app.ui.tray import CloseToTray

    hints: list[tuple[str, str]] = []
    window = QMainWindow()
    window.show()
    available = [True]
    close_filter = CloseToTray(window, lambda: available[0], lambda *a: hints.append(a), prefs)
    window.installEventFilter(close_filter)

    assert not window.close()  # refused: hidden instead
    assert window.isHidden() and len(hints) == 1 and prefs.close_hint_shown
    window.show()
    assert not window.close()
    assert len(hints) == 1  # the hint is shown once, ever

    available[0] = False  # no tray host: closing closes
    window.show()
    assert window.close() and window.isHidden()

    available[0] = True
    prefs.close_to_tray = False  # the person prefers quitting
    window.show()
    assert window.close()
    window.deleteLater()


def test_window_title_badge_survives_the_window_renaming_itself(qapp):
    from desktop_app.ui.window_alert import WindowAlert

    window = QMainWindow()
    window.setWindowTitle("Flowdesk")
    alert = WindowAlert(window)
    alert.set_paused_count(2)
    assert window.windowTitle() == "Flowdesk — 2 paused"
    window.setWindowTitle("Flowdesk — Team server")
    assert window.windowTitle() == "Flowdesk — Team server — 2 paused"
    alert.set_paused_count(0)
    assert window.windowTitle() == "Flowdesk — Team server"
    alert.alert("t", "b")
    assert alert.alerts == [("t", "b")]
    qapp.sendEvent(window, QEvent(QEvent.Type.LanguageChange))
    assert window.windowTitle() == "Flowdesk — Team server"
    alert.detach()
    window.deleteLater()


def test_close_event_is_left_alone_for_other_widgets(qapp, prefs):
    from desktop_app.ui.tray import CloseToTray

    window, other = QMainWindow(), QMainWindow()
    close_filter = CloseToTray(window, lambda: True, lambda *a: None, prefs)
    assert not close_filter.eventFilter(other, QCloseEvent())
    window.deleteLater()
    other.deleteLater()


def test_replayed_and_already_resumed_pauses_are_not_announced(qloop, tray):
    from dataclasses import replace
    from datetime import timedelta

    old = event("old")
    old = replace(old, occurred=old.occurred - timedelta(seconds=60))  # stream replay

    async def scenario():
        tray.on_run_event(old)
        tray.on_run_event(event("quick"))
        tray.on_run_event(event("quick", "RUNNING"))  # resumed within the burst window
        await await_until(lambda: tray.notifier.coalescer.due_at is None, timeout=2)

    arun(qloop, scenario())
    assert tray.shown_list == []
    assert [p.run_id for p in tray.paused()] == ["old"]  # the badge still counts it
