"""The managed server's state file: how a second app or the CLI finds it.

Written only by the supervising daemon, atomically (temp + rename), so a
reader never sees half a file. Readers trust it only while the daemon's lock
is held (see `filelock`).
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from desktop_app.core import paths

PHASES = ("starting", "ready", "restarting", "failed", "stopping", "stopped")


@dataclass
class ServerState:
    phase: str = "starting"
    host: str = "127.0.0.1"
    port: int = 0
    daemon_pid: int = 0
    server_pid: int | None = None
    runner_pid: int | None = None
    owner_pid: int | None = None
    started_at: float = field(default_factory=time.time)
    ready_at: float | None = None
    restarts: int = 0
    runner_restarts: int = 0
    message: str = ""
    version: str = ""
    runner_phase: str = "stopped"
    expected_seconds: float = 20.0
    """How long a start is expected to take: a new database migrates (~15-20 s)."""

    @property
    def api_url(self) -> str:
        return f"http://{self.host}:{self.port}/api"

    @property
    def ui_url(self) -> str:
        return f"http://{self.host}:{self.port}"


def read_state(path: Path | None = None) -> ServerState | None:
    path = path or paths.server_state_file()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError, OSError):
        return None
    known = {k: v for k, v in raw.items() if k in ServerState.__dataclass_fields__}
    try:
        return ServerState(**known)
    except TypeError:
        return None


def write_state(state: ServerState, path: Path | None = None) -> None:
    path = path or paths.server_state_file()
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(asdict(state), indent=2, sort_keys=True), encoding="utf-8")
    os.replace(tmp, path)


def remove_state(path: Path | None = None) -> None:
    path = path or paths.server_state_file()
    try:
        path.unlink()
    except FileNotFoundError:
        pass
