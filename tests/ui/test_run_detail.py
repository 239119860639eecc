"""RunDetailPane on real runs: live log tail, task runs, state history, parameters, result."""

from __future__ import annotations

import json

import pytest

from desktop_app.core.api.models import RunEvent
from tests.ui import test_forms_support as support
from tests.ui.test_forms_support import (
    approval_deployment,
    arun,
    await_until,
    cleanup_run,
    start_run,
    wait_state,
)

qloop = support.qloop
server_client = support.server_client

pytestmark = pytest.mark.integration


def _pane(qtbot, client):
    from desktop_app.ui.detail.run_detail import RunDetailPane

    pane = RunDetailPane(lambda: client)
    pane.resize(1000, 700)
    qtbot.addWidget(pane)
    pane.show()
    return pane


def test_live_run_shows_logs_as_they_arrive_then_tasks_states_and_outcome(
    qtbot, qloop, server_client
):
    client = server_client
    run = arun(
        qloop,
        start_run(client, "pause-resume-workflow/local", items_count=8, pause_after=0, delay=0.4),
    )
    pane = _pane(qtbot, client)

    async def scenario():
        pane.show_run(run.id)
        # Lines show up while the run is still going, not only at the end.
        await await_until(lambda: "item 0 done" in pane.logs.shown_text(), timeout=60)
        live = await client.read_run(run.id)
        assert live.state.type == "RUNNING", "the first lines should arrive mid-run"
        assert "all 8 items done" not in pane.logs.shown_text()
        assert pane.tailing
        await await_until(lambda: pane.gantt.tasks, timeout=20, what="task rows")
        assert pane.header.state.text() == "Running"
        await wait_state(client, run.id, "COMPLETED")
        pane.on_run_event(
            RunEvent(
                id="e",
                occurred=live.state.timestamp,
                run_id=run.id,
                state_type="COMPLETED",
                state_name="Completed",
            )
        )
        await await_until(lambda: pane.header.state.text() == "Completed", timeout=20)
        await await_until(
            lambda: "all 8 items done" in pane.logs.shown_text(), timeout=30, what="last lines"
        )
        await await_until(lambda: not pane.tailing, timeout=30, what="the tail to stop")
        await await_until(lambda: len(pane.gantt.tasks) == 8, timeout=20)
        await await_until(lambda: "Result of" in pane.result.content(), timeout=20)

    try:
        arun(qloop, scenario())
    finally:
        pane.shutdown()
    names = pane.states.state_names()
    assert names[0] in ("Scheduled", "Pending") and names[-1] == "Completed"
    assert "Running" in names
    assert all(t.name.startswith("work_on") for t in pane.gantt.tasks)
    assert {t.state.type for t in pane.gantt.tasks} == {"COMPLETED"}
    assert "work_on" in pane.gantt.tooltip_for(0) and "Completed" in pane.gantt.tooltip_for(0)
    assert pane.parameters.parameters == {"items_count": 8, "pause_after": 0, "delay": 0.4}
    # The flow's return value (squares of 0..7), read back from the server's result store.
    shown = pane.result.text.toPlainText()
    assert json.loads(shown) == [i * i for i in range(8)]
    text = pane.logs.shown_text()
    assert text.count("item 3 done") == 1  # each line once, though polls overlap


def test_switching_runs_cancels_the_previous_tail(qtbot, qloop, server_client):
    client = server_client
    first = arun(
        qloop,
        start_run(client, "pause-resume-workflow/local", items_count=30, pause_after=0, delay=0.3),
    )
    other = arun(qloop, start_run(client, "basic-workflow/local", count=1))
    pane = _pane(qtbot, client)
    try:

        async def scenario():
            pane.show_run(first.id)
            await await_until(lambda: "item 0 done" in pane.logs.shown_text(), timeout=60)
            old_tail = pane._tail.task
            await wait_state(client, other.id, "COMPLETED")
            pane.show_run(other.id)
            await await_until(lambda: old_tail.done(), timeout=5, what="old tail cancelled")
            assert old_tail.cancelled()
            assert "item 0 done" not in pane.logs.shown_text()
            # The first run keeps logging; none of it may land in this pane now.
            await await_until(
                lambda: _more_items_logged(client, first.id), timeout=30, what="more lines"
            )
            assert "item 1 done" not in pane.logs.shown_text()
            await await_until(lambda: "prepared 1 records" in pane.logs.shown_text(), timeout=30)
            pane.show_run(None)
            assert pane.stack.currentWidget() is pane.empty and not pane.tailing

        arun(qloop, scenario())
    finally:
        pane.shutdown()
        arun(qloop, cleanup_run(client, first.id))


async def _more_items_logged(client, run_id: str) -> bool:
    lines = await client.logs(run_id, limit=200)
    return any("item 2 done" in line.message for line in lines)


def test_paused_run_header_offers_resume(qtbot, qloop, server_client):
    from desktop_app.ui.forms.resume_dialog import ResumeDialog

    client = server_client
    run = arun(qloop, start_run(client, approval_deployment, dataset="detail-pane"))
    pane = _pane(qtbot, client)
    try:

        async def scenario():
            await wait_state(client, run.id, "PAUSED")
            pane.show_run(run.id)
            await await_until(lambda: pane.header.pause_box.isVisible(), timeout=20)
            assert "waiting for input" in pane.header.pause_text.text()
            assert "times out at" in pane.header.pause_text.text()
            pane.header.resume_button.click()
            dialog = pane.findChild(ResumeDialog)
            assert dialog is not None and dialog.isVisible() and not dialog.isModal()
            await await_until(lambda: dialog.form is not None, timeout=20)
            dialog.submit()  # the defaults are valid
            await wait_state(client, run.id, "COMPLETED")
            await await_until(lambda: not pane.header.pause_box.isVisible(), timeout=20)

        arun(qloop, scenario())
    finally:
        pane.shutdown()
        arun(qloop, cleanup_run(client, run.id))


def test_not_connected_pane_says_so(qtbot, qapp):
    from desktop_app.ui.detail.run_detail import RunDetailPane

    pane = RunDetailPane(lambda: None)
    qtbot.addWidget(pane)
    pane.show_run("00000000-0000-0000-0000-000000000000")
    assert "Not connected" in pane.banner.text()
    pane.shutdown()


def test_saving_all_logs_is_whole_or_nothing(qtbot, qloop, server_client, tmp_path):
    """The export reads every page first, then writes once: a full disk leaves no half log."""
    from desktop_app.ui.detail.log_export import write_all_logs
    from tests.reliability.full_disk import can_mount, fill, tiny_disk

    client = server_client
    run = arun(
        qloop,
        start_run(client, "pause-resume-workflow/local", items_count=3, pause_after=0, delay=0),
    )
    pane = _pane(qtbot, client)
    try:
        arun(qloop, wait_state(client, run.id, "COMPLETED"))

        async def logged() -> bool:  # flow processes ship logs in batches, after the state
            lines = await client.logs(run.id, min_level=0, limit=200, offset=0)
            return any("item 2 done" in line.message for line in lines)

        arun(qloop, await_until(logged, 60, what="the run's last log line on the server"))
        pane.show_run(run.id)
        # The pane's own reads end first: its log tail writes the status line the
        # export's "Saved"/"Could not save" note goes to.
        def idle() -> bool:
            return pane.run is not None and not pane.tailing and not pane._settle.isActive() and (
                pane._tasks.pending == 0
            )

        arun(qloop, await_until(idle, 60, what="the pane's own reads to end"))
        whole = tmp_path / "run.log"
        arun(qloop, write_all_logs(client, run.id, str(whole), 0, pane.logs))
        assert "item 2 done" in whole.read_text(encoding="utf-8")
        assert "Saved" in pane.logs.status.text()
        if not can_mount():
            pytest.skip("a real full disk needs root on Linux (CI runs as root)")
        with tiny_disk(tmp_path) as disk:
            fill(disk)
            target = disk / "run.log"
            arun(qloop, write_all_logs(client, run.id, str(target), 0, pane.logs))
            assert not target.exists()
            assert [p.name for p in disk.iterdir()] == ["filler"]  # no temp file left
            assert "Could not save" in pane.logs.status.text()
    finally:
        arun(qloop, cleanup_run(client, run.id))
