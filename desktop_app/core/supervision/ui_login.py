"""Open Prefect's web UI already logged in (the managed local server only).

Prefect's UI asks for the API auth string on its login page, and keeps what
was typed in its local storage as `prefect-password` (base64; see
`Unauthenticated-*.js` and `usePrefectApi-*.js` in `prefect/server/ui/assets`).
A user cannot know our generated string, so we set it for them: a one-time
page, written into the UI's static folder (which we own: PREFECT_UI_STATIC_DIRECTORY
is under our data folder), is served by the server from the UI's own origin,
stores the string, and replaces itself with the page asked for.

Why a one-time file and not a URL fragment: a URL lands in the browser's
command line (readable by other local users) and in its history; this URL
holds only a random 192-bit name, and the file is deleted seconds later
(`remove_login_pages`), so the URL is worthless afterwards. The file is
readable by the owner only.
"""

from __future__ import annotations

import base64
import json
import logging
import os
import secrets
import time
from pathlib import Path
from urllib.parse import urlsplit

from desktop_app.core.api.connection import Connection
from desktop_app.core.config import paths

log = logging.getLogger(__name__)

STORAGE_KEY = "prefect-password"
PREFIX = "flowdesk-login-"
LIFETIME_SECONDS = 20.0
"""How long a login page exists: the browser has fetched it long before."""
UI_REFERENCE_FILE = "UI_SERVE_BASE"  # Prefect's marker of a copied UI bundle


def ui_static_dir(root: Path | None = None) -> Path | None:
    """Where the server serves the default (v1) UI from, or None if not copied yet."""
    root = root or paths.prefect_ui_dir()
    for folder in (root, root / "v1"):
        if (folder / UI_REFERENCE_FILE).is_file():
            return folder
    return None


def page_text(auth_string: str, target_path: str) -> str:
    """The page: store the auth string as Prefect's UI does, then go on (no history entry)."""
    stored = base64.b64encode(auth_string.encode("utf-8")).decode("ascii")
    return (
        "<!doctype html>\n<meta charset='utf-8'>\n<meta name='referrer' content='no-referrer'>\n"
        "<title>Flowdesk</title>\n<script>\n"
        f"localStorage.setItem({json.dumps(STORAGE_KEY)}, {json.dumps(stored)});\n"
        f"location.replace({json.dumps(target_path)});\n</script>\n"
    )


def login_url(connection: Connection, target_url: str, root: Path | None = None) -> str:
    """A URL that opens `target_url` logged in; `target_url` itself when none is needed.

    Only for the managed local server (we own its UI folder; a remote server's
    user typed the string themselves). Any failure falls back to `target_url`:
    the user then sees Prefect's own login page, nothing worse.
    """
    if not connection.managed or not connection.auth_string:
        return target_url
    folder = ui_static_dir(root)
    if folder is None:
        return target_url
    parts = urlsplit(target_url)
    target_path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    name = f"{PREFIX}{secrets.token_urlsafe(24)}.html"
    path = folder / name
    try:
        remove_login_pages(root, older_than=LIFETIME_SECONDS)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(page_text(connection.auth_string, target_path))
    except OSError as exc:
        log.warning("could not write the UI login page: %s", exc)
        return target_url
    return f"{connection.ui_url}/{name}"


def remove_login_pages(root: Path | None = None, older_than: float = 0.0) -> int:
    """Delete login pages older than `older_than` seconds; returns how many went."""
    folder = ui_static_dir(root)
    if folder is None:
        return 0
    now = time.time()
    removed = 0
    for page in folder.glob(f"{PREFIX}*.html"):
        try:
            if now - page.stat().st_mtime >= older_than:
                page.unlink()
                removed += 1
        except FileNotFoundError:
            continue
        except OSError as exc:
            log.warning("could not remove %s: %s", page.name, exc)
    return removed
