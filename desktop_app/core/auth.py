"""The managed server's API auth string.

Generated once per install and kept in a file only the user can read, so
another local user cannot drive our server even though it listens on
127.0.0.1.
"""

from __future__ import annotations

import secrets
from pathlib import Path

from desktop_app.core import paths
from desktop_app.core.atomic import atomic_write_text

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
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(path, value + "\n", mode=0o600)
    return value
