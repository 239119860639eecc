"""A run held up by a limit says so in its row and its detail; a missing limit is one click."""

from __future__ import annotations

import os
from pathlib import Path
from uuid import uuid4

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from tests.ui import limit_waits_flow
from tests.ui import test_main_window_support as support
from tests.ui.test_main_window_support import await_until, open_window, run

qloop = support.qloop
pytestmark = pytest.mark.integration


def test_waiting_and_missing_limits_reach_row_and_detail(qloop, qtbot, managed_server, tmp_path):
    from desktop_app.ui.runs.columns import Column

    async def scenario() -> None:
        async with open_window(qtbot, manager=managed_server.manager) as h:
            await h.connected_and_loaded()
            client = h.client()
            await client.set_tag_limit("vars-slot", 1)
            await client.prefect.increment_v1_concurrency_slots(["vars-slot"], uuid4())
            h.runs.limit_watch.timer.setInterval(300)
            proc = limit_waits_flow.start(
                managed_server.connection, tmp_path, "vars-slot", "vars-missing"
            )
            try:

                def held_up():
                    for r in h.model.runs():
                        if r.flow_name == "vars-limit-waits" and r.id in h.model.limit_notes:
                            note = h.model.limit_notes[r.id]
                            if "vars-slot" in note and "vars-missing" in note:
                                return r
                    return None

                waiting = await await_until(held_up, 120, what="the run's limit note")
                row = h.model.row_of(waiting.id)
                cell = h.model.index(row, Column.STATE).data()
                assert "waiting for a slot of vars-slot" in cell
                assert "limit vars-missing does not exist" in cell

                assert h.runs.select_run(waiting.id)
                notice = h.runs.detail.limit_notice
                await await_until(lambda: notice.isVisible(), 30, what="the detail's notice")
                assert "Waiting for a slot of vars-slot" in notice.label.text()
                assert "vars-missing, which does not exist" in notice.label.text()
                assert len(notice.create_buttons) == 1
                assert h.window.variables_tab is None  # built on first visit only
                shots = Path(os.environ.get("FLOWDESK_SHOTS") or tmp_path)
                h.window.grab().save(str(shots / "limit-notice.png"))
                notice.create_buttons[0].click()
                tab = h.window.variables_tab
                assert tab is not None and h.window.tabs.currentWidget() is tab
                dialog = tab.limits.dialog
                assert dialog.name.text() == "vars-missing" and not dialog.is_tag
                dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
                await await_until(
                    lambda: tab.limits.model.row_of("vars-missing") is not None,
                    30,
                    what="the new limit in the list",
                )

                # Freeing the slot lets the task start; the run completes, the note goes.
                await client.reset_tag_limit("vars-slot")
                await await_until(
                    lambda: (r := h.model.run(waiting.id)) and r.state.type == "COMPLETED",
                    120,
                    what="the run to complete",
                )
                await await_until(
                    lambda: waiting.id not in h.model.limit_notes, 30, what="the note to go"
                )
                assert proc.wait(timeout=60) == 0, proc.stderr.read() if proc.stderr else ""
            finally:
                if proc.poll() is None:
                    proc.kill()
                    proc.wait(timeout=30)
                await client.delete_tag_limit("vars-slot")
                if [g for g in await client.global_limits() if g.name == "vars-missing"]:
                    await client.delete_global_limit("vars-missing")

    run(qloop, scenario(), timeout=300)
