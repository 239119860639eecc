"""One private managed server for the reliability tests, for tests that kill its processes.

Reliability tests SIGKILL the server, the supervisor and the runner: they get
their own FLOWDESK_HOME and port, never the session's shared server. Trial
counts come from FLOWDESK_RELIABILITY_TRIALS (CI: the defaults below; for the
figures in docs/RELIABILITY.md: 10).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import psutil
import pytest

from tests.conftest import SEED_DEPLOYMENTS, await_until, wait_until

TRIALS_ENV = "FLOWDESK_RELIABILITY_TRIALS"
FIGURES_ENV = "FLOWDESK_RELIABILITY_FIGURES"


def trials(default: int) -> int:
    return max(1, int(os.environ.get(TRIALS_ENV, default)))


def record_figure(test: str, **figures: object) -> None:
    """Print a test's figures, and append them to $FLOWDESK_RELIABILITY_FIGURES if set."""
    line = json.dumps({"test": test, **figures}, default=str)
    print(line)
    target = os.environ.get(FIGURES_ENV)
    if target:
        with open(target, "a", encoding="utf-8") as handle:
            handle.write(line + "\n")


@dataclass
class PrivateServer:
    home: Path
    manager: object
    connection: object = None
    figures: dict = field(default_factory=dict)

    def client(self):
        from desktop_app.core.api.client import FlowdeskClient

        return FlowdeskClient(self.manager.connection(self.state()))

    def state(self):
        from desktop_app.core.supervision.server_state import read_state

        return read_state()

    def start(self, timeout: float = 240) -> None:
        self.connection = asyncio.run(self.manager.ensure_running(timeout=timeout))
        asyncio.run(wait_for_deployments(self))

    def stop(self) -> None:
        try:
            asyncio.run(self.manager.stop(timeout=30))
        finally:
            kill_leftovers(self.home)


async def wait_for_deployments(server: PrivateServer, timeout: float = 120) -> None:
    async with server.client() as client:

        async def registered():
            names = {d.full_name for d in await client.list_deployments()}
            return names >= SEED_DEPLOYMENTS

        await await_until(registered, timeout=timeout, interval=0.25, what="seed deployments")


def kill_leftovers(home: Path) -> None:
    """Kill any process still running from this home (a failed test must not leak)."""
    marker = str(home)
    for proc in psutil.process_iter(["pid"]):
        try:
            if marker in proc.environ().get("FLOWDESK_HOME", ""):
                proc.kill()
        except (psutil.Error, OSError):
            continue


def damage(db: Path) -> None:
    """The issue's reproduction: garbage at offset 4096 of a stopped server's database.

    The WAL is folded in first, as SQLite does at its next open: otherwise a
    newer copy of that page in the WAL would hide (and later heal) the damage.
    """
    import sqlite3

    conn = sqlite3.connect(db)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    with open(db, "r+b") as handle:
        handle.seek(4096)
        handle.write(b"\xde\xad\xbe\xef" * 1024)


def kill9(pid: int | None) -> None:
    assert pid, "no pid to kill"
    proc = psutil.Process(pid)
    proc.kill()
    proc.wait(timeout=10)


@contextlib.contextmanager
def _home_env(home: Path) -> Iterator[None]:
    """FLOWDESK_HOME points at `home` only inside this block: the other tests of this
    folder use the session's server and must keep seeing the session's home."""
    before = os.environ.get("FLOWDESK_HOME")
    os.environ["FLOWDESK_HOME"] = str(home)
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("FLOWDESK_HOME", None)
        else:
            os.environ["FLOWDESK_HOME"] = before


@pytest.fixture(scope="package")
def private_home() -> Iterator[Path]:
    home = Path(tempfile.mkdtemp(prefix="flowdesk-rel-"))
    try:
        yield home
    finally:
        kill_leftovers(home)
        if not os.environ.get("FLOWDESK_RELIABILITY_KEEP_HOME"):
            shutil.rmtree(home, ignore_errors=True)


@pytest.fixture(scope="package")
def _private_server_once(private_home: Path) -> Iterator[PrivateServer]:
    from desktop_app.core.supervision.ports import free_port
    from desktop_app.core.supervision.server import ServerManager

    with _home_env(private_home):
        server = PrivateServer(private_home, ServerManager(preferred_port=free_port()))
        server.start()
    try:
        yield server
    finally:
        with _home_env(private_home):
            server.stop()


@pytest.fixture
def private_server(_private_server_once: PrivateServer) -> Iterator[PrivateServer]:
    """The private server, with FLOWDESK_HOME pointing at it for this test only."""
    with _home_env(_private_server_once.home):
        yield _private_server_once


def wait_ready_after(server: PrivateServer, since: float, timeout: float = 90.0):
    """The server is ready again and runs were reconciled after `since` (time.time())."""

    def ready():
        state = server.state()
        return (
            state is not None
            and state.phase == "ready"
            and (state.reconciled_at or 0) > since
            and state
        )

    state = wait_until(ready, timeout=timeout, interval=0.1, what="ready and reconciled")
    assert state.reconcile_exit == 0, f"reconcile failed: see {server.home}/logs/reconcile.log"
    return state


__all__ = [
    "PrivateServer",
    "kill9",
    "record_figure",
    "time",
    "trials",
    "wait_ready_after",
]
