"""Local audit trail of what was done to runs from this machine.

Answers "who resumed this, from where, with what input?": one JSON line per
action in the data folder, appended (never rewritten), readable by the UI.
Only `desktop_app.services` writes it (one door per action); the audit window
reads it through the services too.

Robust against what happens to a file that lives for years:
- Each entry is one `write()` of a whole line to a file opened with
  `O_APPEND`, so concurrent writers (window, tray, CLI at once) never
  interleave inside a line or leave blank lines.
- A line torn by a crash, or bytes that are not UTF-8 JSON, are skipped and
  counted when reading; every other entry is still shown.
"""

from __future__ import annotations

import getpass
import json
import os
import time
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
        if _ends_torn(fd):
            data = b"\n" + data  # a previous write was torn: start a fresh line
        written = os.write(fd, data)
        if written != len(data):  # a full disk can take part of it: never leave half
            raise OSError(f"only {written} of {len(data)} bytes written to {target}")
    finally:
        os.close(fd)


def _ends_torn(fd: int) -> bool:
    """Whether the file's last byte is not a newline (a crash tore the last line)."""
    size = os.fstat(fd).st_size
    if not size:
        return False
    try:
        return os.pread(fd, 1, size - 1) != b"\n"
    except (AttributeError, OSError):  # no pread (Windows): take the line as whole
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
