"""The managed server's API auth string.

Generated once per install and kept in a file only the user can read, so
another local user cannot drive our server even though it listens on
127.0.0.1.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from desktop_app.core import paths

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
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(value + "\n")
    os.replace(tmp, path)
    if os.name != "nt":
        os.chmod(path, 0o600)
    return value
