"""Files we read that turn out damaged: keep them aside, say so in one line, carry on.

A settings or state file can be cut short by a crash, edited by hand, or
written by another version. Reading it must never crash the app or lose
what it held: the bad file is moved aside as `NAME.broken-TIMESTAMP` (so the
next save cannot silently overwrite it, and the user can look at it), the
reader goes on with what could be salvaged (or the defaults), and the user is
told in one line -- on stderr in the CLI, in the window's status bar.

Core has no UI, so the line goes to whoever listens (`listen`); lines said
before anyone listened are kept for the first listener (the window starts
after the profiles were read).
"""

from __future__ import annotations

import json
import logging
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

Listener = Callable[[str], None]

_lock = threading.Lock()
_listeners: list[Listener] = []
_pending: list[str] = []


class DamagedFile(ValueError):
    """What is wrong with a file, in words (raised by validators, caught by readers)."""


def listen(listener: Listener) -> Callable[[], None]:
    """Receive each one-line notice; pending ones are delivered at once. Returns an unsubscribe."""
    with _lock:
        _listeners.append(listener)
        pending, _pending[:] = list(_pending), []
    for message in pending:
        listener(message)

    def stop() -> None:
        with _lock:
            if listener in _listeners:
                _listeners.remove(listener)

    return stop


def notify(message: str) -> None:
    # INFO, not WARNING: with no log file set up (the CLI) logging's last-resort
    # handler would print WARNINGs to stderr, a second copy of the line.
    log.info("damaged file: %s", message)
    with _lock:
        listeners = list(_listeners)
        if not listeners:
            _pending.append(message)
    for listener in listeners:
        try:
            listener(message)
        except Exception:  # a notice must never break the reader that found the damage
            log.exception("damaged-file listener failed")


class _Gone(Exception):
    """Another reader moved the file aside first (and told the user)."""


def set_aside(path: Path, *, copy: bool = False) -> Path | None:
    """Move (or copy) `path` to `NAME.broken-YYYYmmdd-HHMMSS[-n]`; None if that failed."""
    try:
        return _set_aside(path, copy)
    except _Gone:
        return None


def _set_aside(path: Path, copy: bool) -> Path | None:
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.broken-{stamp}")
    index = 1
    while target.exists():
        index += 1
        target = path.with_name(f"{path.name}.broken-{stamp}-{index}")
    try:
        if copy:
            target.write_bytes(path.read_bytes())
        else:
            os.replace(path, target)
    except FileNotFoundError:
        raise _Gone from None  # another reader got there first
    except OSError as exc:
        log.warning("cannot keep %s aside: %s", path, exc)
        return None
    return target


def report(path: Path, problem: str, *, copy: bool = False, consequence: str = "") -> Path | None:
    """Keep the damaged `path` aside and tell the user in one line. Returns where it went."""
    from desktop_app.i18n import tr_core

    try:
        kept = _set_aside(path, copy)
    except _Gone:
        return None
    message = tr_core("{path} was damaged ({problem}); kept as {kept}.").format(
        path=path, problem=problem, kept=kept.name if kept else "-"
    )
    if consequence:
        message = f"{message} {consequence}"
    notify(message)
    return kept


def read_json(path: Path) -> Any:
    """The parsed JSON of `path`; FileNotFoundError if absent, DamagedFile if unreadable."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise DamagedFile(exc.strerror or str(exc)) from exc
    try:
        return json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise DamagedFile(f"not UTF-8 text at byte {exc.start}") from exc
    except json.JSONDecodeError as exc:
        raise DamagedFile(f"not valid JSON: {exc.msg} at line {exc.lineno}") from exc
    except RecursionError as exc:
        raise DamagedFile("nested too deeply") from exc


def expect_object(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise DamagedFile(f"a JSON object was expected, not {type(value).__name__}")
    return value
