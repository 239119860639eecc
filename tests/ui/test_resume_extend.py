"""Extending a pause: works for a suspended run, refused (truthfully) for an in-process pause.

Evidence for the design of `FlowdeskClient.extend_pause` (through
`services.runs.extend_pause`), against a
real server: a suspended run whose expiry was pushed back survives its
original expiry (the server's pause-expiration service runs every 5 s) and
then resumes and completes; a run paused in its own process cannot be
extended from outside, so the dialog offers no button for it.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from PySide6.QtCore import Qt

from desktop_app.core.api.errors import InvalidState
from desktop_app.services import audit
from desktop_app.services import runs as service
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

EXPIRY_SERVICE_SECONDS = 5.0


def test_suspended_run_gets_an_hour_more_and_still_resumes(qtbot, qloop, server_client):
    from desktop_app.ui.forms.resume_dialog import ResumeDialog

    client = server_client
    run = arun(
        qloop,
        start_run(client, "pause-resume-workflow/local", items_count=4, pause_after=0, delay=0.3),
    )
    try:

        async def suspend_soon():
            await wait_state(client, run.id, "RUNNING")
            return await client.suspend(run.id, timeout=8)

        suspended = arun(qloop, suspend_soon())
        original = suspended.state.pause_timeout
        assert suspended.state.name == "Suspended" and original is not None
        dialog = ResumeDialog(lambda: client, run.id, source="test")
        qtbot.addWidget(dialog)
        dialog.show()
        resumed = []
        dialog.resumed.connect(resumed.append)

        async def scenario():
            await await_until(lambda: dialog.pause is not None, timeout=20, what="pause info")
            assert dialog.extend_button.isVisible()
            assert "starts it again from the top" in dialog.confirm_label.text()
            qtbot.mouseClick(dialog.extend_button, Qt.MouseButton.LeftButton)
            await await_until(lambda: dialog.banner.kind == "info", timeout=20, what="extended")
            now = await client.read_run(run.id)
            assert now.state.name == "Suspended"
            assert now.state.pause_timeout - original >= timedelta(minutes=59)
            # Watch past the original expiry plus one expiration-service cycle.
            deadline = original + timedelta(seconds=EXPIRY_SERVICE_SECONDS + 2)

            async def still_paused_past_deadline():
                state = (await client.read_run(run.id)).state
                assert state.type == "PAUSED", f"the run left the pause: {state.name}"
                return datetime.now(timezone.utc) > deadline

            await await_until(still_paused_past_deadline, timeout=40, interval=0.5)
            qtbot.mouseClick(dialog.resume_button, Qt.MouseButton.LeftButton)
            await await_until(lambda: resumed, timeout=20, what="resumed")
            await wait_state(client, run.id, "COMPLETED", timeout=120)

        arun(qloop, scenario(), timeout=200)
        actions = [e["action"] for e in audit.read(run.id)]
        assert actions == ["extend-pause", "resume"]
    finally:
        arun(qloop, cleanup_run(client, run.id))


def test_in_process_pause_cannot_be_extended(qtbot, qloop, server_client):
    from desktop_app.ui.forms.resume_dialog import ResumeDialog

    client = server_client
    run = arun(qloop, start_run(client, approval_deployment, dataset="extend"))
    try:
        arun(qloop, wait_state(client, run.id, "PAUSED"))
        before = arun(qloop, client.read_run(run.id)).state.pause_timeout
        with pytest.raises(InvalidState, match="cannot be extended"):
            arun(qloop, service.extend_pause(client, run.id, source="window"))
        assert arun(qloop, client.read_run(run.id)).state.pause_timeout == before
        dialog = ResumeDialog(lambda: client, run.id)
        qtbot.addWidget(dialog)
        dialog.show()
        arun(qloop, await_until(lambda: dialog.pause is not None, timeout=20))
        assert not dialog.extend_button.isVisible()
        assert "cannot be extended" in dialog.timeout_label.toolTip()
    finally:
        arun(qloop, cleanup_run(client, run.id))
