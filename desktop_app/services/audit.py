"""Local audit trail of what was done to runs from this machine.

Answers "who resumed this, from where, with what input?": one JSON line per
action in the data folder, appended (never rewritten), readable by the UI.
Only `desktop_app.services` writes it (one door per action); the audit window
reads it through the services too.

Robust against what happens to a file that lives for years:
- Each entry is one `write()` of a whole line to a file opened with
  `O_APPEND`, under an exclusive lock, so concurrent writers (window, tray,
  CLI at once) never interleave inside a line or leave blank lines. The lock
  is needed: a reader (our torn-line check) can see a large append half done,
  and would otherwise take it for a torn line.
- A line torn by a crash, or bytes that are not UTF-8 JSON, are skipped and
  counted when reading; every other entry is still shown.
"""

from __future__ import annotations

import getpass
import json
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop_app.core.config import paths


@dataclass
class AuditRead:
    """The entries that could be read, and how many lines could not."""

    entries: list[dict[str, Any]] = field(default_factory=list)
    skipped: int = 0


def record(
    action: str,
    run_id: str,
    *,
    source: str,
    run_input: dict[str, Any] | None = None,
    detail: str = "",
    path: Path | None = None,
) -> None:
    """Append one entry; raises OSError if the disk refuses (the caller words it)."""
    entry = {
        "time": time.time(),
        "action": action,
        "run_id": run_id,
        "source": source,
        "user": _user(),
        "input": run_input,
        "detail": detail,
    }
    target = path or paths.audit_log_file()
    data = (json.dumps(entry, ensure_ascii=False, default=str) + "\n").encode("utf-8")
    fd = os.open(target, os.O_RDWR | os.O_APPEND | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o600)
    try:
        with _locked(fd):
            if _ends_torn(fd):
                data = b"\n" + data  # a previous write was torn: start a fresh line
            written = os.write(fd, data)
        if written != len(data):  # a full disk can take part of it: never leave half
            raise OSError(f"only {written} of {len(data)} bytes written to {target}")
    finally:
        os.close(fd)


_LOCK_OFFSET = 1 << 40
"""Windows locks byte ranges, and a locked byte cannot be read by others: lock one
far past any real end, so readers of the trail are never refused."""


_LOCK_PATIENCE = 30.0
"""Seconds a writer waits for the others before it gives up (its caller then says so)."""


def _lock_windows(fd: int, msvcrt: Any) -> None:
    """Take the byte-range lock, retrying every few milliseconds.

    Not LK_LOCK: it retries once a second, ten times, and four busy writers then
    starve one another (a quarter of the entries were lost under Wine).
    """
    deadline = time.monotonic() + _LOCK_PATIENCE
    pause = 0.001
    while True:
        os.lseek(fd, _LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(pause)
            pause = min(pause * 2, 0.05)


@contextmanager
def _locked(fd: int) -> Iterator[None]:
    """Hold an exclusive lock on the open trail for one check-and-append."""
    if os.name == "nt":
        import msvcrt

        _lock_windows(fd, msvcrt)
        try:
            yield
        finally:
            os.lseek(fd, _LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)


def _ends_torn(fd: int) -> bool:
    """Whether the file's last byte is not a newline (a crash tore the last line)."""
    size = os.fstat(fd).st_size
    if not size:
        return False
    # Seek and read, not pread: Windows has no pread. Writes still go to the end:
    # O_APPEND moves there before each write (POSIX, and the Windows C runtime).
    try:
        os.lseek(fd, size - 1, os.SEEK_SET)
        return os.read(fd, 1) != b"\n"
    except OSError:  # unreadable tail: take the line as whole
        return False


def read_all(run_id: str | None = None, path: Path | None = None) -> AuditRead:
    """Every readable entry (optionally of one run) and the count of unreadable lines."""
    target = path or paths.audit_log_file()
    result = AuditRead()
    try:
        with open(target, "rb") as handle:
            for raw in handle:
                if not raw.strip():
                    continue
                try:
                    entry = json.loads(raw.decode("utf-8"))
                except ValueError:  # torn by a crash, or not text at all
                    result.skipped += 1
                    continue
                if not isinstance(entry, dict):
                    result.skipped += 1
                    continue
                if run_id is None or entry.get("run_id") == run_id:
                    result.entries.append(entry)
    except FileNotFoundError:
        pass
    return result


def read(run_id: str | None = None, path: Path | None = None) -> list[dict[str, Any]]:
    """The readable entries only (see `read_all` for the skipped count)."""
    return read_all(run_id, path).entries


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:
        return os.environ.get("USER", "?")
