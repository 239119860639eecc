"""ResumeDialog against a real server and real paused runs (approval-workflow)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop_app.services import audit
from tests.ui import test_forms_support as support
from tests.ui.test_forms_support import (
    approval_deployment,
    arun,
    await_until,
    cleanup_run,
    start_run,
    wait_state,
)

qloop = support.qloop  # fixtures shared with the other forms/detail test modules
server_client = support.server_client

pytestmark = pytest.mark.integration


def _dialog(qtbot, client, run_id):
    from desktop_app.ui.forms.resume_dialog import ResumeDialog

    dialog = ResumeDialog(lambda: client, run_id, source="test")
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _type(qtbot, widget, text: str) -> None:
    """Replace a field's text by typing, as a person would."""
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    qtbot.keyClicks(widget, text)


async def _paused_approval(client):
    run = await start_run(client, approval_deployment, dataset="forms-test")
    await wait_state(client, run.id, "PAUSED")
    return run


async def _log_contains(client, run_id: str, text: str) -> bool:
    lines = await client.logs(run_id, limit=200)
    return any(text in line.message for line in lines)


def test_invalid_input_is_refused_locally_then_valid_input_resumes(qtbot, qloop, server_client):
    client = server_client
    run = arun(qloop, _paused_approval(client))
    try:
        dialog = _dialog(qtbot, client, run.id)
        resumed = []
        dialog.resumed.connect(resumed.append)

        async def scenario():
            await await_until(lambda: dialog.form is not None, timeout=20, what="form")
            form = dialog.form
            # What the flow said, rendered from markdown, and the pause expiry.
            assert "Approve" in dialog.description.toPlainText()
            assert "forms-test" in dialog.description.toPlainText()
            assert "Times out at" in dialog.timeout_label.text()
            assert not dialog.extend_button.isVisible()  # in-process pause: cannot extend
            assert form.values() == {"approved": False, "batch_size": 10, "note": ""}

            _type(qtbot, form.editor("batch_size").box.lineEdit(), "500")
            assert form.editor("batch_size").box.lineEdit().text() == "500"  # not clamped
            qtbot.mouseClick(dialog.resume_button, Qt.MouseButton.LeftButton)
            assert form.error_text("batch_size") == "Must be at most 100."
            assert "Nothing was sent" in dialog.banner.text()
            assert dialog.isVisible() and not resumed
            assert form.editor("batch_size").box.lineEdit().text() == "500"  # nothing lost
            still = await client.read_run(run.id)
            assert still.state.type == "PAUSED"
            assert audit.read(run.id) == []

            _type(qtbot, form.editor("batch_size").box.lineEdit(), "25")
            form.editor("approved").box.setChecked(True)
            _type(qtbot, form.editor("note").area, "ship it")
            await await_until(lambda: not form.error_text("batch_size"), timeout=5)
            qtbot.mouseClick(dialog.resume_button, Qt.MouseButton.LeftButton)
            await await_until(lambda: resumed, timeout=30, what="resumed signal")
            assert not dialog.isVisible()
            assert resumed[0].id == run.id and resumed[0].state.type == "RUNNING"
            await wait_state(client, run.id, "COMPLETED")
            await await_until(
                lambda: _log_contains(client, run.id, "decision: approved=True batch=25"),
                timeout=30,
                what="the flow's log of the decision",
            )

        arun(qloop, scenario())
        entries = audit.read(run.id)
        assert [e["action"] for e in entries] == ["resume"]
        assert entries[0]["input"] == {"approved": True, "batch_size": 25, "note": "ship it"}
        assert entries[0]["source"] == "test"
    finally:
        arun(qloop, cleanup_run(client, run.id))


def test_server_rejection_is_shown_in_place_and_run_stays_paused(qtbot, qloop, server_client):
    client = server_client
    run = arun(qloop, _paused_approval(client))
    try:
        dialog = _dialog(qtbot, client, run.id)

        async def scenario():
            await await_until(lambda: dialog.form is not None, timeout=20, what="form")
            form = dialog.form
            form.validate = lambda: []  # bypass the client-side check to reach the server
            _type(qtbot, form.editor("batch_size").box.lineEdit(), "500")
            qtbot.mouseClick(dialog.resume_button, Qt.MouseButton.LeftButton)
            await await_until(lambda: form.error_text("batch_size"), timeout=20, what="reason")
            assert "500 is greater than the maximum of 100" in form.error_text("batch_size")
            assert "still paused" in dialog.banner.text()
            assert dialog.isVisible() and dialog.resume_button.isEnabled()
            assert form.editor("batch_size").box.lineEdit().text() == "500"
            assert (await client.read_run(run.id)).state.type == "PAUSED"
            # Fixing the value clears the server's message and resumes for real.
            del form.validate
            _type(qtbot, form.editor("batch_size").box.lineEdit(), "7")
            qtbot.mouseClick(dialog.resume_button, Qt.MouseButton.LeftButton)
            await wait_state(client, run.id, "RUNNING", "COMPLETED")
            # The record follows the server's answer; the run may be seen running first.
            await await_until(lambda: len(audit.read(run.id)) >= 2, timeout=10, what="audit")

        arun(qloop, scenario())
        actions = [e["action"] for e in audit.read(run.id)]
        assert actions == ["resume-rejected", "resume"]
    finally:
        arun(qloop, cleanup_run(client, run.id))


def test_resume_of_a_run_that_is_no_longer_paused(qtbot, qloop, server_client):
    client = server_client
    run = arun(qloop, _paused_approval(client))
    try:
        dialog = _dialog(qtbot, client, run.id)

        async def scenario():
            await await_until(lambda: dialog.form is not None, timeout=20, what="form")
            # Someone else (the CLI, the tray) resumes it first.
            await client.resume(run.id, {"approved": False, "batch_size": 1, "note": ""})
            qtbot.mouseClick(dialog.resume_button, Qt.MouseButton.LeftButton)
            await await_until(lambda: dialog.banner.text(), timeout=20, what="message")
            assert "not paused any more" in dialog.banner.text()
            assert not dialog.resume_button.isEnabled()
            await wait_state(client, run.id, "COMPLETED")
            # Opening the dialog for a finished run says so at once.
            late = _dialog(qtbot, client, run.id)
            await await_until(lambda: late.banner.text(), timeout=20, what="load message")
            assert "not paused any more" in late.banner.text()
            assert "Completed" in late.banner.text()
            assert not late.resume_button.isEnabled() and late.form is None

        arun(qloop, scenario())
        assert audit.read(run.id) == []  # nothing was resumed from the dialog
    finally:
        arun(qloop, cleanup_run(client, run.id))


def test_not_connected_says_so_and_sends_nothing(qtbot, qapp):
    from desktop_app.ui.forms.resume_dialog import ResumeDialog

    dialog = ResumeDialog(lambda: None, "00000000-0000-0000-0000-000000000000")
    qtbot.addWidget(dialog)
    assert "Not connected" in dialog.banner.text()
    assert not dialog.resume_button.isEnabled()
    assert dialog.retry_button.isVisibleTo(dialog)
    dialog.submit()  # nothing to send, nothing raised
    assert dialog.form is None
