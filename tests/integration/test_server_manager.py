"""Supervision of the managed server: attach, stale state, busy port, crash, orphans."""

from __future__ import annotations

import asyncio
import json
import socket
import subprocess
import sys
import time

import psutil
import pytest

from tests.conftest import SERVER_START_TIMEOUT, wait_until
from tests.timings import record

pytestmark = pytest.mark.integration


def test_second_manager_attaches_instead_of_starting(managed_server):
    from desktop_app.core.supervision.server import ServerManager
    from desktop_app.core.supervision.server_state import read_state

    before = read_state()
    conn = asyncio.run(ServerManager().ensure_running(timeout=30))
    after = read_state()
    assert conn.api_url == managed_server.connection.api_url
    assert after.daemon_pid == before.daemon_pid and after.server_pid == before.server_pid


def test_cli_status_and_env(managed_server, capsys):
    from desktop_app.cli import main as cli_main
    from desktop_app.core.supervision.server_state import read_state

    # An earlier test may have restarted the runner: wait until it serves again.
    wait_until(lambda: read_state().runner_phase == "serving", timeout=240, what="serving")
    assert cli_main(["server", "status", "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["healthy"] is True and status["phase"] == "ready"
    assert status["state"]["runner_phase"] == "serving"  # flows registered as deployments
    assert cli_main(["env", "--json"]) == 0
    env = json.loads(capsys.readouterr().out)
    assert env["PREFECT_API_URL"] == managed_server.connection.api_url
    assert env["PREFECT_API_AUTH_STRING"] == managed_server.connection.auth_string


def test_exec_runs_a_script_against_the_managed_server(managed_server, tmp_path):
    script = tmp_path / "check.py"
    script.write_text(
        "import os, json\n"
        "from prefect.client.orchestration import get_client\n"
        "with get_client(sync_client=True) as c:\n"
        "    print(json.dumps({'url': os.environ['PREFECT_API_URL'],"
        " 'flows': len(c.read_flows())}))\n"
    )
    out = subprocess.run(
        [sys.executable, "-m", "desktop_app", "exec", "--", sys.executable, str(script)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout.strip().splitlines()[-1])
    assert data["url"] == managed_server.connection.api_url and data["flows"] >= 3


def test_crashed_server_is_restarted(managed_server):
    from desktop_app.core.supervision.health import server_healthy
    from desktop_app.core.supervision.server_state import read_state

    before = read_state()
    psutil.Process(before.server_pid).kill()  # SIGKILL; TerminateProcess on Windows
    began = time.monotonic()
    noticed = wait_until(
        lambda: (s := read_state()) and s.server_pid != before.server_pid and s,
        timeout=10,
        interval=0.05,
        what="a new server pid",
    )
    record("server_crash_to_restart", time.monotonic() - began, budget=2.5)
    assert noticed.restarts >= 1
    wait_until(
        lambda: (s := read_state()) and s.phase == "ready" and server_healthy(s.api_url),
        timeout=90,
        what="server healthy again",
    )
    wait_until(
        lambda: read_state().runner_phase in ("running", "serving"), timeout=30, what="runner back"
    )


@pytest.mark.skipif(sys.platform == "win32", reason="SIGSTOP is POSIX")
def test_hung_server_is_restarted_by_the_health_probe(managed_server):
    """Alive but not answering (stopped): the supervisor's HTTP probe restarts it.

    The process handle cannot see this case; the probe runs every 10 s while
    the server answers and every 2 s after a failure, 3 failures restart it.
    """
    import signal

    from desktop_app.core.supervision.health import server_healthy
    from desktop_app.core.supervision.server_state import read_state

    before = read_state()
    hung = psutil.Process(before.server_pid)
    hung.send_signal(signal.SIGSTOP)
    try:
        wait_until(
            lambda: (s := read_state()) and s.server_pid != before.server_pid and s,
            timeout=90,
            interval=0.2,
            what="the hung server replaced",
        )
    finally:
        if hung.is_running():
            hung.send_signal(signal.SIGCONT)
    assert not hung.is_running() or hung.status() == psutil.STATUS_ZOMBIE
    wait_until(
        lambda: (s := read_state()) and s.phase == "ready" and server_healthy(s.api_url),
        timeout=90,
        what="server healthy again",
    )
    wait_until(
        lambda: read_state().runner_phase in ("running", "serving"), timeout=60, what="runner back"
    )


def _occupy(port: int) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", port))
    sock.listen(1)
    return sock


def test_fresh_home_busy_port_stale_state_and_no_orphans(tmp_path, monkeypatch):
    """One fresh server (a new database costs ~15-20 s), several checks."""
    from desktop_app.core.config import paths
    from desktop_app.core.supervision.ports import free_port
    from desktop_app.core.supervision.server import ServerManager
    from desktop_app.core.supervision.server_state import ServerState, read_state, write_state

    monkeypatch.setenv("FLOWDESK_HOME", str(tmp_path / "home"))
    # A stale state file left by a daemon that died: pid of nobody, no lock held.
    write_state(ServerState(phase="ready", port=1, daemon_pid=999999, server_pid=999998))
    manager = ServerManager(preferred_port=free_port())
    assert manager.status().phase == "stopped"  # stale file not trusted

    busy = _occupy(manager.preferred_port)  # the preferred port is taken
    owner = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
    try:
        started = manager.ensure_running(owner_pid=owner.pid, timeout=SERVER_START_TIMEOUT)
        conn = asyncio.run(started)
        state = read_state()
        assert state.port != manager.preferred_port  # picked another, did not fail
        assert conn.api_url.endswith(f":{state.port}/api")
        assert state.owner_pid == owner.pid
        wait_until(lambda: read_state().runner_pid, timeout=30, what="runner started")
        state = read_state()
        pids = [state.daemon_pid, state.server_pid, state.runner_pid]
        assert all(psutil.pid_exists(p) for p in pids)

        owner.kill()  # SIGKILL of the owning app
        owner.wait()
        began = time.monotonic()
        wait_until(
            lambda: not any(_alive(p) for p in pids), timeout=10, interval=0.1, what="no orphans"
        )
        record("owner_killed_to_no_orphans", time.monotonic() - began, budget=5.0)
        assert read_state() is None
        assert not manager.daemon_alive()
        assert (paths.data_dir() / "prefect" / "prefect.db").exists()
    finally:
        busy.close()
        if owner.poll() is None:
            owner.kill()
        asyncio.run(manager.stop())


def _alive(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False
