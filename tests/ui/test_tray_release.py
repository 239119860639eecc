"""A pause that released its process is the same pause in the tray: no second balloon,
still counted, its note in the menu."""

from __future__ import annotations

from dataclasses import replace

import pytest

from desktop_app.constants import RELEASED_AFTER_LABEL, RELEASED_LABEL, RESTART_LABEL
from desktop_app.core.api.models import RunEvent
from tests.ui import test_forms_support as support
from tests.ui.test_forms_support import arun, await_until
from tests.ui.test_tray_unit import prefs, tray  # noqa: F401  (fixtures)
from tests.ui.tray_support import event

qloop = support.qloop


def _released(paused: RunEvent) -> RunEvent:
    run = paused.run
    assert run is not None
    state = replace(run.state, name="Suspended", pause_reschedule=True, pause_key="1")
    labels = {RELEASED_LABEL: "1", RELEASED_AFTER_LABEL: 600, RESTART_LABEL: 2.6}
    return replace(
        paused, id=paused.id + "-released", state_name="Suspended",
        run=replace(run, state=state, labels=labels),
    )


@pytest.mark.usefixtures("prefs")
def test_a_released_pause_is_not_announced_again_and_shows_its_note(qloop, tray):  # noqa: F811
    tray.set_connected(True)
    paused = event("rel")

    async def scenario():
        tray.on_run_event(paused)
        await await_until(lambda: tray.shown_list, timeout=5, interval=0.005)
        tray.on_run_event(_released(paused))
        assert tray.notifier.coalescer.due_at is None  # nothing new to announce

    arun(qloop, scenario())
    assert [n.kind for n in tray.shown_list] == ["paused"]
    assert tray.paused_count == 1  # still waiting for the person
    tray.menu.aboutToShow.emit()
    submenu = tray.menu.find("pausedRunMenu:rel").menu()
    texts = [a.text() for a in submenu.actions()]
    assert any(t.startswith("Released its memory after 10 min;") for t in texts), texts
    assert tray.menu.find("resume:rel").isEnabled()
