"""No lost designs: one "may the designer close?" check on every way out, and an
autosave that survives a kill -9 of the real app and is offered at the next start."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from desktop_app.core.api.connection import Connection
from desktop_app.designer.recovery import list_recoveries
from tests.ui import test_main_window_support as support
from tests.ui.test_main_window_support import open_window, run

qloop = support.qloop  # the fixture
NOWHERE = Connection(api_url="http://127.0.0.1:9/api", kind="remote", managed=False)
HERE = Path(__file__).parent

@pytest.fixture(autouse=True)
def _next_window_opens_on_runs():
    """These windows end on the Designer tab, which the next window would restore."""
    yield
    from PySide6.QtCore import QSettings

    QSettings().setValue("main_window/tab", 0)



def _answer(designer, button: QMessageBox.StandardButton) -> None:
    box = designer._question
    assert box is not None and box.isVisible(), "the designer did not ask"
    box.button(button).click()


def _edited_window(h):
    window = h.window
    window.tabs.setCurrentIndex(window._designer_index)
    designer = window.designer
    designer.notice.clear()
    added = designer.add_node("code")
    return window, designer, added


def test_quit_with_an_unsaved_design_asks_and_cancel_keeps_the_app(qloop, qtbot) -> None:
    async def scenario() -> None:
        async with open_window(qtbot, connection=NOWHERE, start=False) as h:
            window, designer, added = _edited_window(h)
            quits: list[bool] = []
            window.quit_requested.connect(lambda: quits.append(True))
            window.tabs.setCurrentWidget(window.runs)
            window.quit_action.trigger()  # File ▸ Quit
            assert window.tabs.currentWidget() is designer  # shown where the work is
            assert designer.document.autosave_target().exists()  # safe while it asks
            _answer(designer, QMessageBox.StandardButton.Cancel)
            assert quits == [] and window.isVisible() and added in designer.design
            window.quit_action.trigger()
            _answer(designer, QMessageBox.StandardButton.Discard)
            assert quits == [True]
            assert not designer.document.autosave_target().exists()  # discarded means gone
            window.quit_action.trigger()  # nothing unsaved now: no question
            assert quits == [True, True]

    run(qloop, scenario())


def test_quit_from_a_hidden_window_brings_it_back_to_ask(qloop, qtbot) -> None:
    async def scenario() -> None:
        async with open_window(qtbot, connection=NOWHERE, start=False) as h:
            window, designer, _added = _edited_window(h)
            window.hide()  # closed to the tray
            done: list[bool] = []
            assert not window.confirm_designer_close(lambda: done.append(True))
            assert window.isVisible() and designer._question.isVisible()
            _answer(designer, QMessageBox.StandardButton.Cancel)
            assert done == []
            assert window.confirm_designer_close(lambda: done.append(True)) is False
            _answer(designer, QMessageBox.StandardButton.Discard)  # leave no recovery copy
            assert done == [True]

    run(qloop, scenario())


def test_profile_switch_and_open_run_go_through_the_same_check(qloop, qtbot) -> None:
    from desktop_app.core.config.profiles import Profile, ProfileStore
    from desktop_app.ui.app import _on_later_launch
    from desktop_app.ui.settings.controller import SettingsController
    from desktop_app.ui.settings.preferences import Preferences

    async def scenario() -> None:
        async with open_window(qtbot, connection=NOWHERE, start=False) as h:
            window, designer, _added = _edited_window(h)
            store = ProfileStore()
            controller = SettingsController(h.context, store, Preferences(), window)
            controller.before_switch = window.confirm_designer_close
            shown = store.active.id
            other = Profile(name="Elsewhere", kind="remote", api_url="http://127.0.0.1:9/api")
            store.upsert(other)
            store.activate(other.id)  # what the settings dialog's Apply did
            switches: list[object] = []
            controller._switch = lambda profile: _record(switches, profile)
            controller.switch_to(other)
            assert switches == []  # asked first
            _answer(designer, QMessageBox.StandardButton.Cancel)
            assert switches == []
            assert store.active.id == shown  # the app stays, and so does the saved choice
            store.remove(other.id)
            _on_later_launch(window, ["--open-run", "0123"])
            assert window.tabs.currentWidget() is designer  # the Runs tab waits for the answer
            _answer(designer, QMessageBox.StandardButton.Discard)
            assert window.tabs.currentWidget() is window.runs
            controller.switch_to(other)  # nothing unsaved: no question
            await support.await_until(lambda: switches == [other], 5)

    run(qloop, scenario())


async def _record(into: list[object], profile: object) -> None:
    into.append(profile)


def _kill(proc: subprocess.Popen[str]) -> None:
    if proc.poll() is None:
        proc.kill()
    proc.wait(timeout=30)


@pytest.mark.timeout(180)
def test_autosave_survives_kill_9_of_the_real_app_and_is_offered_next_start(
    qloop, qtbot, tmp_path
) -> None:
    home = tmp_path / "home"
    env = dict(os.environ, FLOWDESK_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    proc = subprocess.Popen([sys.executable, str(HERE / "designer_crash_child.py")], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()  # the child says when the autosave timer has written
        assert line, proc.stderr.read()
        state = json.loads(line)
        os.kill(proc.pid, signal.SIGKILL)
        assert proc.wait(timeout=30) == -signal.SIGKILL
    finally:
        _kill(proc)
    recovery = Path(state["recovery"])
    assert recovery.exists() and recovery.is_relative_to(home / "data")
    assert not list(recovery.parent.glob(".*.tmp"))  # atomic: no half-written leftovers

    # The next start, in this process, with the same data folder.
    old_home = os.environ["FLOWDESK_HOME"]
    os.environ["FLOWDESK_HOME"] = str(home)

    async def next_start() -> None:
        async with open_window(qtbot, connection=NOWHERE, start=False) as h:
            window = h.window
            designer = window.designer  # built at once: there is something to offer
            assert designer is not None and window.tabs.currentWidget() is designer
            assert "Crash survivor" in designer.notice.text(), designer.notice.text()
            designer.notice.button("Restore").click()
            assert set(state["nodes"]) <= set(designer.design.nodes)
            assert designer.design.name == "Crash survivor"
            assert designer.document.modified and designer.title().endswith(" •")
            assert designer.save_as(tmp_path / "survivor")
            assert not recovery.exists()  # cleared once saved
            assert [r for r in list_recoveries(recovery.parent) if r.name == "Crash survivor"] == []

    try:
        run(qloop, next_start())
    finally:
        os.environ["FLOWDESK_HOME"] = old_home


def test_quit_from_the_tray_asks_and_cancel_keeps_closing_to_the_tray(qloop, qtbot) -> None:
    from desktop_app.ui.app import _attach_tray

    async def scenario() -> None:
        async with open_window(qtbot, connection=NOWHERE, start=False) as h:
            window, designer, _added = _edited_window(h)
            quits: list[bool] = []
            tray = _attach_tray(window, h.context, h.context.tasks,
                                lambda: quits.append(True), lambda: None)
            try:
                window.hide()  # closed to the tray
                tray._quit()  # the tray menu's Quit
                assert window.isVisible()  # back, to ask
                _answer(designer, QMessageBox.StandardButton.Cancel)
                assert quits == [] and not tray.close_filter.quitting
                tray._quit()
                _answer(designer, QMessageBox.StandardButton.Discard)
                assert quits == [True] and tray.close_filter.quitting
            finally:
                tray.shutdown()

    run(qloop, scenario())
