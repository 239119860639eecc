"""The self-test's parts that are not steps: results, the report, tracked processes.

Kept apart from the steps (`selftest.py`) so each file reads on its own: a
step raises `StepFailed`, the `Report` prints each `StepResult` as it comes,
`TrackedProcess` remembers a pid with its start time (a recycled pid is not
"ours"), and `private_environment` gives the test a home of its own.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from desktop_app.core.config import paths

LOG_TAIL_LINES = 30

_FOREIGN_PREFECT_SETTINGS = (
    "PREFECT_API_URL",
    "PREFECT_API_KEY",
    "PREFECT_API_AUTH_STRING",
    "PREFECT_PROFILE",
)


class StepFailed(Exception):
    """A check did not hold; `logs` names the log files that explain it."""

    def __init__(self, message: str, logs: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.logs = logs


@dataclass
class StepResult:
    name: str
    ok: bool
    seconds: float
    detail: str = ""


@dataclass
class Report:
    """Prints each step as it ends, so a user watching a slow start sees progress."""

    out: TextIO | None
    steps: list[StepResult] = field(default_factory=list)

    def line(self, text: str = "") -> None:
        if self.out is not None:  # a windowed Windows exe has no stdout at all
            print(text, file=self.out, flush=True)

    def add(self, result: StepResult) -> None:
        self.steps.append(result)
        mark = "ok  " if result.ok else "FAIL"
        detail = f"  {result.detail}" if result.detail else ""
        self.line(f"  {mark}  {result.name:<28} {result.seconds:6.1f} s{detail}")


@dataclass(frozen=True)
class TrackedProcess:
    """A pid plus its start time: a reused pid is not mistaken for our leftover."""

    role: str
    pid: int
    created: float

    def alive(self) -> bool:
        import psutil

        try:
            proc = psutil.Process(self.pid)
            return (
                abs(proc.create_time() - self.created) < 0.01
                and proc.status() != psutil.STATUS_ZOMBIE
            )
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            return False

    def describe(self) -> str:
        import psutil

        try:
            cmdline = " ".join(psutil.Process(self.pid).cmdline())
        except (psutil.Error, OSError):  # Windows may refuse with a bare OSError too
            cmdline = "?"
        return f"{self.role} pid {self.pid}: {cmdline}"


def track_process(role: str, pid: int | None) -> TrackedProcess | None:
    import psutil

    if not pid:
        return None
    try:
        return TrackedProcess(role, pid, psutil.Process(pid).create_time())
    except (psutil.NoSuchProcess, psutil.AccessDenied):
        return None


def check_writable(folder_of: Callable[[], Path], what: str) -> Path:
    """Create (if needed) and write into one of the user's folders, or say which one fails.

    The paths helpers create their folder on call, so a folder that cannot
    exist (below a file, on a read-only disk) raises there, with its name.
    """
    try:
        folder = folder_of()
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".flowdesk-write-check-"):
            pass
    except OSError as exc:
        where = exc.filename or "?"
        reason = exc.strerror or str(exc)
        hint = (
            f" (FLOWDESK_HOME={os.environ[paths.HOME_ENV]})"
            if os.environ.get(paths.HOME_ENV)
            else ""
        )
        raise StepFailed(
            f"Flowdesk cannot write to its {what} folder {where}{hint}: {reason}. "
            "Make that folder writable, or point FLOWDESK_HOME at a folder you can write to."
        ) from exc
    return folder


@contextmanager
def private_environment(home: Path) -> Iterator[None]:
    """Point Flowdesk and Prefect at `home` for the duration, then restore everything.

    Set before the client (and so Prefect) is imported: Prefect reads its
    settings at import. Restored afterwards because tests call us in-process.
    """
    saved = dict(os.environ)
    os.environ[paths.HOME_ENV] = str(home)
    os.environ["PREFECT_HOME"] = str(home / "prefect-client")
    for key in _FOREIGN_PREFECT_SETTINGS:
        os.environ.pop(key, None)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


def log_tail(names: tuple[str, ...], lines: int = LOG_TAIL_LINES) -> str:
    """The last lines of the named logs (in the private home's log folder)."""
    from desktop_app.core.config.logs import tail

    parts = []
    for name in names:
        path = paths.log_dir() / name
        text = tail(path, lines)
        if text:
            parts.append(f"--- {path} (last {lines} lines) ---\n{text}")
    return "\n".join(parts)


