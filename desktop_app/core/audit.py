"""Local audit trail of what was done to runs from this machine.

Answers "who resumed this, from where, with what input?": one JSON line per
action in the data folder, appended (never rewritten), readable by the UI.
"""

from __future__ import annotations

import getpass
import json
import os
import time
from pathlib import Path
from typing import Any

from desktop_app.core import paths


def record(
    action: str,
    run_id: str,
    *,
    source: str,
    run_input: dict[str, Any] | None = None,
    detail: str = "",
    path: Path | None = None,
) -> None:
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
    line = json.dumps(entry, ensure_ascii=False, default=str) + "\n"
    with open(target, "a+b") as handle:
        handle.seek(0, os.SEEK_END)
        if handle.tell():
            handle.seek(-1, os.SEEK_END)
            if handle.read(1) != b"\n":
                line = "\n" + line  # a previous write was torn: start a fresh line
        handle.write(line.encode("utf-8"))


def read(run_id: str | None = None, path: Path | None = None) -> list[dict[str, Any]]:
    target = path or paths.audit_log_file()
    entries: list[dict[str, Any]] = []
    try:
        with open(target, encoding="utf-8") as handle:
            for line in handle:
                try:
                    entry = json.loads(line)
                except ValueError:
                    continue  # a torn last line after a crash: skip, keep the rest
                if run_id is None or entry.get("run_id") == run_id:
                    entries.append(entry)
    except FileNotFoundError:
        pass
    return entries


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:
        return os.environ.get("USER", "?")
