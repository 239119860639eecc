"""Finding, starting and stopping the managed local server from any process.

The GUI and the CLI both use this. The server itself is owned by the
supervising daemon (`daemon.py`); here we only launch that daemon, watch its
state file and send it requests -- so a second app or a CLI call attaches to
the running server instead of starting another.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass

from desktop_app.core.api.connection import Connection
from desktop_app.core.config import paths
from desktop_app.core.config.logs import tail
from desktop_app.core.supervision.auth import read_auth_string
from desktop_app.core.supervision.daemon import request_file
from desktop_app.core.supervision.filelock import FileLock
from desktop_app.core.supervision.health import server_healthy
from desktop_app.core.supervision.processes import pid_alive, self_command, spawn
from desktop_app.core.supervision.server_state import ServerState, read_state, remove_state

DEFAULT_START_TIMEOUT = 120.0


class ServerError(RuntimeError):
    """The managed server could not be started, found or stopped; the text says why."""


@dataclass
class StartProgress:
    phase: str  # launching | starting | restarting | ready
    elapsed: float
    expected: float
    message: str = ""

    @property
    def fraction(self) -> float:
        """An honest-looking estimate for a progress bar; never reaches 1 before ready."""
        if self.phase == "ready":
            return 1.0
        return min(0.95, self.elapsed / max(self.expected, 1.0))


@dataclass
class ServerStatus:
    running: bool
    healthy: bool
    state: ServerState | None

    @property
    def phase(self) -> str:
        if not self.running or self.state is None:
            return "stopped"
        return self.state.phase


ProgressCallback = Callable[[StartProgress], None]


class ServerManager:
    def __init__(self, preferred_port: int | None = 4200) -> None:
        self.preferred_port = preferred_port
        self._daemon: subprocess.Popen[bytes] | None = None

    # -- looking ----------------------------------------------------------
    def daemon_alive(self) -> bool:
        """True while a supervising daemon holds the lock (dead daemons release it)."""
        return FileLock(paths.server_lock_file()).is_held_elsewhere()

    def status(self, check_health: bool = True) -> ServerStatus:
        alive = self.daemon_alive()
        state = read_state() if alive else None
        healthy = bool(
            check_health and state and state.phase == "ready" and server_healthy(state.api_url)
        )
        return ServerStatus(running=alive, healthy=healthy, state=state)

    def connection(self, state: ServerState) -> Connection:
        return Connection(api_url=state.api_url, auth_string=self._auth_string(), kind="local")

    @staticmethod
    def _auth_string(wait: float = 2.0) -> str:
        """The running server's auth string, read -- never created -- here.

        Its supervisor writes the file back within a tick if it vanished;
        a client that wrote a new one would lock everyone out (401).
        """
        deadline = time.monotonic() + wait
        while True:
            value = read_auth_string()
            if value:
                return value
            if time.monotonic() > deadline:
                raise ServerError(
                    f"The server's auth string file {paths.auth_file()} is missing or empty "
                    "and its supervisor did not restore it. Restart the server with "
                    "'flowdesk server restart'."
                )
            time.sleep(0.05)

    def attached_connection(self) -> Connection | None:
        """A connection to the running managed server, or None if there is none ready."""
        status = self.status()
        return self.connection(status.state) if status.healthy and status.state else None

    # -- starting ---------------------------------------------------------
    def launch_daemon(self, owner_pid: int | None) -> None:
        argv = [*self_command(), "server", "supervise"]
        if owner_pid:
            argv += ["--owner-pid", str(owner_pid)]
        if self.preferred_port:
            argv += ["--port", str(self.preferred_port)]
        # Detached: it must survive the launcher when nobody owns it (CLI start),
        # and it watches its owner itself when someone does (the GUI).
        self._daemon = spawn(
            argv, log_file=paths.log_dir() / "daemon-stdout.log", cwd=paths.data_dir(), detach=True
        )

    async def ensure_running(
        self,
        owner_pid: int | None = None,
        progress: ProgressCallback | None = None,
        timeout: float = DEFAULT_START_TIMEOUT,
    ) -> Connection:
        """Attach to the managed server, starting it first if none is running."""
        if not self.daemon_alive():
            if read_state() is not None:
                remove_state()  # left by a daemon that died: stale
            self.launch_daemon(owner_pid)
            if progress:
                progress(StartProgress("launching", 0.0, 20.0, "Launching the local server"))
        return await self.wait_ready(progress=progress, timeout=timeout)

    async def wait_serving(self, timeout: float = 60.0) -> bool:
        """Wait until the runner has registered the flows as deployments."""
        began = time.monotonic()
        while time.monotonic() - began < timeout:
            state = read_state()
            if state is None or state.phase == "failed":
                return False
            if state.runner_phase == "serving":
                return True
            await asyncio.sleep(0.2)
        return False

    async def wait_ready(
        self, progress: ProgressCallback | None = None, timeout: float = DEFAULT_START_TIMEOUT
    ) -> Connection:
        began = time.monotonic()
        while True:
            elapsed = time.monotonic() - began
            state = read_state()
            if state is not None:
                if state.phase == "failed":
                    raise ServerError(state.message or "The local server failed to start.")
                if state.phase == "ready" and await asyncio.to_thread(
                    server_healthy, state.api_url
                ):
                    if progress:
                        progress(StartProgress("ready", elapsed, state.expected_seconds))
                    return self.connection(state)
                if progress:
                    since = max(0.0, time.time() - state.started_at)
                    progress(
                        StartProgress(state.phase, since, state.expected_seconds, state.message)
                    )
            if self._daemon is not None and self._daemon.poll() not in (None, 3):
                raise ServerError(self._failure_text("The server supervisor exited"))
            if self._daemon is not None and self._daemon.poll() == 3:
                self._daemon = None  # another launcher won the race: wait for its server
            if state is None and self._daemon is None and not self.daemon_alive():
                raise ServerError(self._failure_text("No local server is running"))
            if elapsed > timeout:
                raise ServerError(
                    self._failure_text(f"The local server was not ready after {timeout:.0f} s")
                )
            await asyncio.sleep(0.2)

    def _failure_text(self, headline: str) -> str:
        server_tail = tail(paths.log_dir() / "server.log", 20)
        daemon_tail = tail(paths.log_dir() / "daemon.log", 10)
        details = "\n".join(part for part in (daemon_tail, server_tail) if part)
        where = paths.log_dir()
        return f"{headline}. Logs are in {where}." + (f"\n{details}" if details else "")

    # -- controlling --------------------------------------------------------
    def request(self, name: str) -> None:
        request_file(name).write_text(str(time.time()), encoding="utf-8")

    def release_ownership(self) -> None:
        """Keep the server running after the owning app quits."""
        self.request("release-owner")

    def restart(self) -> None:
        self.request("restart")

    async def stop(self, timeout: float = 20.0) -> bool:
        """Stop the managed server and runner; False if none was running."""
        state = read_state()
        if not self.daemon_alive():
            if state is not None:
                remove_state()
            return False
        self.request("stop")
        if state is not None and state.daemon_pid and os.name != "nt":
            try:
                os.kill(state.daemon_pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
        began = time.monotonic()
        while self.daemon_alive():
            if time.monotonic() - began > timeout:
                raise ServerError(
                    f"The local server did not stop within {timeout:.0f} s "
                    f"(supervisor pid {state.daemon_pid if state else '?'})."
                )
            await asyncio.sleep(0.1)
        if self._daemon is not None:
            self._daemon.wait(timeout=5)
            self._daemon = None
        return True

    def pids(self) -> dict[str, int | None]:
        state = read_state()
        if state is None:
            return {}
        return {
            "daemon": state.daemon_pid if pid_alive(state.daemon_pid) else None,
            "server": state.server_pid,
            "runner": state.runner_pid,
        }
