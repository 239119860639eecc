"""The managed server's API auth string.

Generated once per install and kept in a file only the user can read, so
another local user cannot drive our server even though it listens on
127.0.0.1.
"""

from __future__ import annotations

import secrets
from pathlib import Path

from desktop_app.core.config import paths
from desktop_app.core.config.atomic import atomic_write_text

USER = "flowdesk"


def load_or_create_auth_string(path: Path | None = None) -> str:
    path = path or paths.auth_file()
    try:
        value = path.read_text(encoding="utf-8").strip()
        if value:
            return value
    except FileNotFoundError:
        pass
    value = f"{USER}:{secrets.token_urlsafe(32)}"
    _write(path, value)
    return value


def _write(path: Path, value: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(path, value + "\n", mode=0o600)


def read_auth_string(path: Path | None = None) -> str | None:
    """The auth string if the file holds one; never creates it.

    Clients use this: a new string written while a server runs would lock
    every client (and the runner) out with 401.
    """
    path = path or paths.auth_file()
    try:
        return path.read_text(encoding="utf-8").strip() or None
    except (FileNotFoundError, UnicodeDecodeError):
        return None


def restore_auth_string(value: str, path: Path | None = None) -> bool:
    """Write `value` back if the file vanished or was emptied; True if it did.

    The supervisor calls this while its server runs: the server keeps the
    string it started with, so the file must keep saying it.
    """
    path = path or paths.auth_file()
    try:
        if path.stat().st_size > 0:
            return False
    except FileNotFoundError:
        pass
    except OSError:
        return False
    _write(path, value)
    return True
