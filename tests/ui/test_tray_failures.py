"""Failures that reach you: real runs that fail and crash on the real server, seen by the tray.

The flow is `tests/failing_flow.py`'s, served by the session's runner: it
fails on its first attempt and completes on a retry, or crashes when killed.
The tray is fed by a real `RunEventStream`, as the app wires it (offscreen:
no tray host, so notices also reach the window alert).
"""

from __future__ import annotations

import asyncio
import os
import signal

import pytest
from PySide6.QtWidgets import QMainWindow

from desktop_app.services import audit
from desktop_app.services.failures import FailureLedger
from tests.failing_flow import registered, write_failing_flow
from tests.timings import record
from tests.ui import test_forms_support as support
from tests.ui.test_forms_support import arun, await_until, cleanup_run, wait_state
from tests.ui.tray_support import private_settings

qloop = support.qloop
server_client = support.server_client

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def failing_deployment(qloop, server_client):
    """`fail-notice-…/local`, served by the session's runner while this module runs."""
    name, path = write_failing_flow()
    try:
        yield arun(qloop, registered(server_client, name))
    finally:
        path.unlink()


@pytest.fixture
def ledger_path(tmp_path):
    return tmp_path / "failure_notices.json"


def make_tray(client, tmp_path, ledger_path, opened):
    from desktop_app.ui.settings.preferences import Preferences
    from desktop_app.ui.tray import TrayController

    window = QMainWindow()
    window.setWindowTitle("Flowdesk")
    tray = TrayController(
        lambda: client,
        window.show,
        opened.append,
        available=False,
        preferences=Preferences(private_settings(tmp_path)),
        failure_ledger=FailureLedger(ledger_path),
    )
    tray.attach_window(window)
    return tray, window


class Tray:
    """A TrayController fed by the real event stream, and what it showed."""

    def __init__(self, qloop, client, tmp_path, ledger_path):
        from desktop_app.core.api.events import RunEventStream

        self.qloop = qloop
        self.opened: list[str] = []
        self.tray, self.window = make_tray(client, tmp_path, ledger_path, self.opened)
        self.shown: list = []
        self.tray.notified.connect(self.shown.append)

        self.stream = RunEventStream(client)

        async def forward():
            async for run_event in self.stream:
                self.tray.on_run_event(run_event)

        self.follower = asyncio.ensure_future(forward(), loop=qloop)
        self.tray.set_connected(True)
        arun(qloop, await_until(lambda: self.tray.failures.checks, timeout=30, what="first look"))

    def live(self):
        """The event stream is up: a failure from now on arrives as an event."""
        arun(
            self.qloop,
            await_until(lambda: self.stream.mode != "connecting", 90, what="the stream"),
        )

    def notes(self, run_id: str, kinds=("failure", "failures")) -> list:
        return [n for n in self.shown if n.kind in kinds and run_id in n.run_ids]

    def close(self):
        """Stop everything while the loop runs, and leave no request of ours in flight."""

        async def stop():
            self.follower.cancel()
            await asyncio.wait([self.follower], timeout=5)
            # Let the tray finish the failure reads it started (replayed events too): one
            # cancelled here leaves its failure unannounced, and the next Tray of a test
            # (a restart) would rightly announce it, next to the failure the test is about.
            deadline = asyncio.get_running_loop().time() + 30
            while self.tray.tasks.pending and asyncio.get_running_loop().time() < deadline:
                await asyncio.sleep(0.05)
            self.tray.shutdown()
            await self.tray.tasks.cancel_all(timeout=5)

        arun(self.qloop, stop())
        self.window.deleteLater()


@pytest.fixture
def tray(qloop, server_client, tmp_path, ledger_path):
    app = Tray(qloop, server_client, tmp_path, ledger_path)
    yield app
    app.close()


async def start(client, deployment, **parameters):
    return await client.run_deployment(deployment.id, parameters)


def test_a_failed_run_is_announced_once_opened_and_retried_to_completion(
    qloop, server_client, failing_deployment, tray
):
    client, t = server_client, tray.tray
    tray.live()

    async def scenario():
        run = await start(client, failing_deployment, mode="fail")
        try:
            await await_until(lambda: tray.notes(run.id), timeout=90, what="failure notice")
            note = tray.notes(run.id)[0]
            assert note.kind == "failure" and note.run_id == run.id
            assert note.title == f"Failed: {failing_deployment.flow_name} · {run.name}"
            assert note.body == "ValueError: bad row 7: the amount is negative"
            assert "more detail" not in note.body  # the first line only
            assert (note.title, note.body) in t.window_alert.alerts  # no tray: the window
            assert t.failures.latencies
            record("tray_failure_notice_server", t.failures.latencies[-1], budget=0.3)
            assert run.id in t.failures.unseen()  # the badge

            # A look at the server (what the 30 s timer does) says nothing again.
            checks = t.failures.checks
            t.failures.check_now()
            await await_until(lambda: t.failures.checks > checks, timeout=20, what="a check")

            t.menu.aboutToShow.emit()  # the person opens the menu: seen
            assert t.failures.unseen() == []
            entry = t.menu.find(f"failedRunMenu:{run.id}")
            assert entry is not None and entry.text().startswith(
                f"{failing_deployment.flow_name} · {run.name} · failed"
            )
            assert entry.font().bold()  # new when the menu was built
            reason = t.menu.find(f"failedReason:{run.id}")
            assert reason.text() == "ValueError: bad row 7: the amount is negative"
            t.menu.find(f"openFailed:{run.id}").trigger()
            assert tray.opened == [run.id]

            retry = t.menu.find(f"retryFailed:{run.id}")
            assert retry.isEnabled()
            retry.trigger()
            await await_until(
                lambda: tray.notes(run.id, ("retried",)), timeout=30, what="retried notice"
            )
            done = await wait_state(client, run.id, "COMPLETED", timeout=120)
            assert done.run_count == 2  # a new attempt of the same run, read back
            assert run.id not in [f.run_id for f in t.failures.recent()]
        finally:
            await cleanup_run(client, run.id)
        return run

    run = arun(qloop, scenario(), timeout=300)
    assert len(tray.notes(run.id)) == 1
    assert [(e["action"], e["source"]) for e in audit.read(run.id)] == [("retry", "tray")]


def test_a_crashed_run_reads_crashed(qloop, server_client, failing_deployment, tray, tmp_path):
    client, t = server_client, tray.tray
    marker = tmp_path / "pid"

    async def scenario():
        run = await start(client, failing_deployment, mode="crash", marker=str(marker))
        try:
            await await_until(marker.exists, timeout=90, what="the flow's process")
            await await_until(lambda: marker.read_text().strip(), timeout=10)
            os.kill(int(marker.read_text()), signal.SIGKILL)
            await await_until(lambda: tray.notes(run.id), timeout=90, what="crash notice")
            crashed = await client.read_run(run.id)
            assert crashed.state.type == "CRASHED"
        finally:
            await cleanup_run(client, run.id)
        return run, crashed

    run, crashed = arun(qloop, scenario(), timeout=240)
    (note,) = tray.notes(run.id)
    assert note.title == f"Crashed: {failing_deployment.flow_name} · {run.name}"
    expected = (crashed.state.message or "").strip().splitlines()[0]
    assert expected and note.body.startswith(expected[:60])
    t.menu.aboutToShow.emit()
    assert " · crashed " in t.menu.find(f"failedRunMenu:{run.id}").text()


def test_a_quiet_deployment_is_not_announced(qloop, server_client, failing_deployment, tray):
    client, t = server_client, tray.tray
    t.preferences.set_failure_notices(failing_deployment.id, False)

    async def scenario():
        run = await start(client, failing_deployment, mode="fail")
        try:
            await wait_state(client, run.id, "FAILED", timeout=90)
            # The event has come and gone; a look at the server finds it too.
            await await_until(
                lambda: t.failures.ledger.known(t.failures.server, f"{run.id}#1"),
                timeout=30,
                what="the failure remembered",
            )
            checks = t.failures.checks
            t.failures.check_now()
            await await_until(lambda: t.failures.checks > checks, timeout=20, what="a check")
        finally:
            await cleanup_run(client, run.id)
        return run

    run = arun(qloop, scenario(), timeout=200)
    assert tray.notes(run.id) == [] and run.id not in t.failures.unseen()
    assert run.id not in [f.run_id for f in t.failures.recent()]
    # On again: the next failure of that deployment is news; the old one stays quiet.
    t.preferences.set_failure_notices(failing_deployment.id, True)
    assert t.preferences.failure_notices(failing_deployment.id)


def test_a_failure_while_the_app_was_closed_is_reported_once_after_a_restart(
    qloop, managed_server, server_client, failing_deployment, tmp_path, ledger_path
):
    client = server_client
    app_clients = []

    def app_start() -> Tray:
        """A new app: its own client, as a real restart has (none shared across them)."""
        own = managed_server.client()
        arun(qloop, own.open())
        app_clients.append(own)
        return Tray(qloop, own, tmp_path, ledger_path)

    first = app_start()
    try:
        seen = arun(qloop, start(client, failing_deployment, mode="fail"))
        arun(qloop, await_until(lambda: first.notes(seen.id), timeout=90, what="live notice"))
    finally:
        first.close()

    # The app is closed; a run fails meanwhile (a scheduled one at 3 a.m.).
    missed = arun(qloop, start(client, failing_deployment, mode="fail"))
    arun(qloop, wait_state(client, missed.id, "FAILED", timeout=90))

    second = app_start()  # the app starts again
    try:
        arun(qloop, await_until(lambda: second.notes(missed.id), timeout=30, what="catch-up"))
        (note,) = second.notes(missed.id)
        # Found by the catch-up ("Ended at …"), or replayed by the new app's event stream
        # first: either way announced once, with its reason.
        assert note.kind == "failure" and "ValueError: bad row 7" in note.body
        assert second.notes(seen.id) == []  # said before the restart: never again
        assert missed.id in second.tray.failures.unseen()
    finally:
        second.close()

    third = app_start()  # and once more: nothing new
    try:
        watcher = third.tray.failures
        arun(qloop, await_until(lambda: watcher.batch.due_at is None, timeout=10))
        assert third.notes(missed.id) == [] and third.notes(seen.id) == []
        assert missed.id in third.tray.failures.unseen()  # the badge survives until seen
    finally:
        third.close()
        for own in app_clients:
            arun(qloop, own.close())
    for run in (seen, missed):
        arun(qloop, cleanup_run(client, run.id))


def test_the_deployments_switch_writes_the_setting(qapp, tmp_path):
    from desktop_app.core.api.models import DeploymentInfo
    from desktop_app.ui.deployments.failure_switch import FailureSwitch
    from desktop_app.ui.settings.preferences import Preferences

    prefs = Preferences(private_settings(tmp_path))
    switch = FailureSwitch(prefs)
    dep = DeploymentInfo(id="dep-9", name="local", flow_id="f", flow_name="etl")
    action = switch.show_for(dep)
    assert action.isEnabled() and action.isChecked()
    assert action.text() == "Tell me when a run fails"
    action.trigger()  # untick
    assert not prefs.failure_notices("dep-9") and prefs.failure_notices("dep-other")
    assert prefs.store.get().quiet_deployments == ["dep-9"]
    assert not switch.show_for(dep).isChecked()  # shown as saved next time
    switch.show_for(dep).trigger()
    assert prefs.failure_notices("dep-9") and prefs.store.get().quiet_deployments == []
    prefs.notify_on_failure = False  # all off in the settings dialog: the switch says so
    action = switch.show_for(dep)
    assert not action.isEnabled() and "Settings" in action.toolTip()
    assert not switch.show_for(None).isEnabled()
