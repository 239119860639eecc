"""The managed server's state file: how a second app or the CLI finds it.

Written only by the supervising daemon, atomically (temp + rename), so a
reader never sees half a file. Readers trust it only while the daemon's lock
is held (see `filelock`).
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from desktop_app.core.config import damaged, paths
from desktop_app.core.config.atomic import atomic_write_json

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
    problem: str = ""
    """Set with phase "failed" when the database needs `flowdesk server repair`:
    empty | shrunk | damaged | missing."""
    reconciled_at: float | None = None
    """When runs without a process last got a true state (after each ready)."""
    reconcile_exit: int | None = None
    last_backup: str = ""
    backup_error: str = ""

    @property
    def api_url(self) -> str:
        return f"http://{self.host}:{self.port}/api"

    @property
    def ui_url(self) -> str:
        return f"http://{self.host}:{self.port}"


_SAMPLE = ServerState()
_OPTIONAL_INTS = ("server_pid", "runner_pid", "owner_pid")


def _fits(name: str, value: Any) -> bool:
    if isinstance(value, bool):
        return False
    if name in _OPTIONAL_INTS:
        return value is None or isinstance(value, int)
    if name == "reconcile_exit":
        return value is None or isinstance(value, int)
    if name in ("ready_at", "reconciled_at"):
        return value is None or isinstance(value, (int, float))
    default = getattr(_SAMPLE, name)
    if isinstance(default, int):
        return isinstance(value, int)
    if isinstance(default, float):
        return isinstance(value, (int, float))
    return isinstance(value, str)


def state_from_dict(raw: Any) -> ServerState:
    """A `ServerState` from parsed JSON; DamagedFile if a field has the wrong type.

    Unknown fields (a newer writer's) are ignored.
    """
    data = damaged.expect_object(raw)
    values = {k: v for k, v in data.items() if k in ServerState.__dataclass_fields__}
    for name, value in values.items():
        if not _fits(name, value):
            raise damaged.DamagedFile(f"'{name}' has the wrong type")
    if values.get("phase", "starting") not in PHASES:
        raise damaged.DamagedFile(f"unknown phase '{values['phase']}'")
    if not 0 <= values.get("port", 0) <= 65535:
        raise damaged.DamagedFile("port out of range")
    return ServerState(**values)


def read_state(path: Path | None = None) -> ServerState | None:
    """The state file, or None when absent. A damaged one is kept aside and reported.

    The writer is atomic, so a damaged file is not a read racing a write: it
    was damaged on disk (or by hand), and waiting for it to heal would wait
    forever.
    """
    path = path or paths.server_state_file()
    try:
        return state_from_dict(damaged.read_json(path))
    except FileNotFoundError:
        return None
    except damaged.DamagedFile as exc:
        damaged.report(path, str(exc))
        return None


def write_state(state: ServerState, path: Path | None = None) -> None:
    path = path or paths.server_state_file()
    atomic_write_json(path, asdict(state), sort_keys=True)


def remove_state(path: Path | None = None) -> None:
    path = path or paths.server_state_file()
    try:
        path.unlink()
    except FileNotFoundError:
        pass
