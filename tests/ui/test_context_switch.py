"""Switching away from the local server leaves it running; quitting still stops it."""

from __future__ import annotations

import shutil

import psutil
import pytest

from tests.ui import test_main_window_support as support
from tests.ui.test_main_window_support import await_until, run

qloop = support.qloop
pytestmark = pytest.mark.integration


def test_local_server_is_parked_on_switch_and_stopped_at_quit(
    qloop, managed_server, tmp_path, monkeypatch
):
    from desktop_app.core.config import paths
    from desktop_app.core.supervision.ports import free_port
    from desktop_app.core.supervision.server import ServerManager
    from desktop_app.core.supervision.server_state import read_state
    from desktop_app.ui.async_tools import TaskKeeper
    from desktop_app.ui.context import AppContext

    session_db = paths.prefect_home() / "prefect.db"
    monkeypatch.setenv("FLOWDESK_HOME", str(tmp_path / "home"))
    paths.prefect_home().mkdir(parents=True, exist_ok=True)
    shutil.copy(session_db, paths.prefect_home() / "prefect.db")  # ready in seconds, not 20

    errors: list = []
    context = AppContext(
        ServerManager(preferred_port=free_port()),
        tasks=TaskKeeper(lambda exc, name: errors.append((name, exc))),
    )

    async def scenario() -> tuple[str, str, list[int]]:
        context.start()
        await await_until(lambda: context.get_client() is not None, 180, what="local server")
        state = read_state()
        pids = [state.daemon_pid, state.server_pid]
        assert state.owner_pid == psutil.Process().pid

        parked = await context.switch(connection=managed_server.connection)
        await await_until(lambda: context.get_client() is not None, 60, what="the other server")
        assert context.connection.api_url == managed_server.connection.api_url
        assert all(psutil.pid_exists(pid) for pid in pids), "switching stopped the local server"
        quit_outcome = await context.shutdown(keep_running=False)
        await context.tasks.cancel_all()
        return parked, quit_outcome, pids

    try:
        parked, quit_outcome, pids = run(qloop, scenario(), timeout=240)
    finally:
        if ServerManager().daemon_alive():  # a failed check must not leave it running
            run(qloop, ServerManager().stop(), timeout=60)
    assert (parked, quit_outcome) == ("parked", "stopped")
    assert not any(psutil.pid_exists(pid) for pid in pids)
    assert read_state() is None
    assert not errors
