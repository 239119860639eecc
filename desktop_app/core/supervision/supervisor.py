"""Restart-with-backoff supervision of one child process.

Poll-based on purpose: it is driven by the daemon's loop every 0.25 s
(a crash is seen well within 2 s) and needs neither threads nor asyncio
subprocess support, which qasync lacks.
"""

from __future__ import annotations

import logging
import subprocess
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from desktop_app.core.config.logs import rotate_child_log
from desktop_app.core.supervision.processes import kill_tree, spawn

log = logging.getLogger(__name__)

CLEAN_SIGTERM_CODES = {0, -15, 143}
"""Exit codes after *our* SIGTERM: Prefect's server reports -15 even when clean."""


@dataclass
class ChildSpec:
    name: str
    argv: Callable[[], Sequence[str]]
    env: Callable[[], Mapping[str, str]]
    log_file: Path
    cwd: Path | None = None
    backoff: Sequence[float] = (0.5, 1, 2, 4, 8)
    max_restarts: int = 5
    stable_after: float = 60.0
    """A child that ran this long has its restart count reset."""
    reload_code: int = 75
    """Exit code meaning "restart me now" (not a crash)."""


@dataclass
class ChildStatus:
    phase: str = "stopped"  # stopped | running | restarting | failed
    pid: int | None = None
    restarts: int = 0
    last_exit: int | None = None
    message: str = ""
    events: list[str] = field(default_factory=list)


class ChildSupervisor:
    def __init__(self, spec: ChildSpec, on_change: Callable[[ChildStatus], None] | None = None):
        self.spec = spec
        self.status = ChildStatus()
        self.proc: subprocess.Popen[bytes] | None = None
        self._on_change = on_change or (lambda status: None)
        self._started_at = 0.0
        self._restart_at: float | None = None
        self._stopping = False

    def _set(self, phase: str, message: str = "") -> None:
        self.status.phase = phase
        self.status.message = message
        self.status.pid = self.proc.pid if self.proc and phase == "running" else None
        if message:
            log.info("%s: %s", self.spec.name, message)
        self._on_change(self.status)

    def start(self) -> None:
        self._stopping = False
        rotate_child_log(self.spec.log_file)
        self.proc = spawn(
            self.spec.argv(), env=self.spec.env(), log_file=self.spec.log_file, cwd=self.spec.cwd
        )
        self._started_at = time.monotonic()
        self._restart_at = None
        self._set("running", f"started (pid {self.proc.pid})")

    def poll(self) -> None:
        """Notice an exit and restart with backoff; call every ~0.25 s."""
        now = time.monotonic()
        if self._restart_at is not None:
            if now >= self._restart_at:
                self.start()
            return
        if self.proc is None or self._stopping:
            return
        code = self.proc.poll()
        if code is None:
            if self.status.restarts and now - self._started_at > self.spec.stable_after:
                self.status.restarts = 0
            return
        self.status.last_exit = code
        if code == self.spec.reload_code:
            self.start()
            return
        if self.status.restarts >= self.spec.max_restarts:
            self._set(
                "failed",
                f"exited with code {code}; gave up after {self.status.restarts} restarts",
            )
            self.proc = None
            return
        delay = self.spec.backoff[min(self.status.restarts, len(self.spec.backoff) - 1)]
        self.status.restarts += 1
        self._restart_at = now + delay
        self._set("restarting", f"exited with code {code}; restarting in {delay:g} s")

    def restart_now(self) -> None:
        """Restart on demand (a hung but alive child, or the user's Restart)."""
        self.stop(grace=5.0)
        self.start()

    def stop(self, grace: float = 5.0) -> None:
        """SIGTERM, then kill the whole tree after `grace` seconds."""
        self._stopping = True
        self._restart_at = None
        if self.proc is not None and self.proc.poll() is None:
            killed = kill_tree(self.proc.pid, grace=grace)
            if killed:
                log.warning("%s: killed %s after %.0f s grace", self.spec.name, killed, grace)
            try:
                self.proc.wait(timeout=2)
            except subprocess.TimeoutExpired:
                pass
        if self.proc is not None:
            code = self.proc.poll()
            self.status.last_exit = code
            clean = code in CLEAN_SIGTERM_CODES
            self._set("stopped", "stopped" if clean else f"stopped (exit code {code})")
        self.proc = None

    @property
    def running(self) -> bool:
        return self.proc is not None and self.proc.poll() is None
