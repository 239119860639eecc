"""`os.replace` that also works on Windows while someone reads the target.

On Windows a file another process has open (without FILE_SHARE_DELETE, which is
how Python opens files) cannot be replaced: `os.replace` raises PermissionError
(WinError 5) until the reader closes it. Our state files are polled by other
processes (the window and CLI read `server.json` every few hundred ms), so the
supervisor's writes failed now and then and it crashed; found by the Wine lane.
Used by `atomic.atomic_write_bytes`, so every atomic write gets it.
Readers hold the file for milliseconds, so retrying briefly is enough.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

RETRY_SECONDS = 2.0


def replace_file(source: Path, target: Path) -> None:
    """Atomically move `source` over `target`, retrying while Windows says in use."""
    deadline = time.monotonic() + RETRY_SECONDS
    while True:
        try:
            os.replace(source, target)
            return
        except PermissionError:
            if os.name != "nt" or time.monotonic() > deadline:
                raise
            time.sleep(0.02)
