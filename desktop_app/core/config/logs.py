"""Rotating log files under the platformdirs log folder."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from desktop_app.core.config import paths

MAX_BYTES = 5 * 1024 * 1024
BACKUPS = 3


class _LogFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log file that, on a full disk, says so once instead of a traceback per record.

    logging's default `handleError` prints "--- Logging error ---" and a traceback
    to stderr for every record it could not write; on a full disk that is every
    record, and the words that matter ("disk full") are buried in Errno 28.
    """

    _said_full = False

    def handleError(self, record: logging.LogRecord) -> None:
        import sys

        from desktop_app.core.config.atomic import disk_full_message, is_disk_full

        exc = sys.exc_info()[1]
        if exc is not None and is_disk_full(exc):
            if not self._said_full:
                self._said_full = True
                try:
                    sys.stderr.write(f"flowdesk: {disk_full_message(self.baseFilename)}\n")
                except (OSError, ValueError, AttributeError):
                    pass
            return
        super().handleError(record)


def setup_logging(name: str, level: int = logging.INFO) -> Path:
    """Send this process's logging to `<log dir>/<name>.log`, rotating."""
    path = paths.log_dir() / f"{name}.log"
    handler = _LogFileHandler(
        path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
    )
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s %(process)d %(name)s: %(message)s")
    )
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(level)
    return path


def rotate_child_log(path: Path) -> Path:
    """Rotate a child's stdout log before a (re)start.

    A child writes its log through an inherited file handle, which cannot be
    rotated while it runs; rotating at each start keeps the files bounded.
    """
    try:
        if path.exists() and path.stat().st_size > MAX_BYTES:
            for index in range(BACKUPS, 0, -1):
                older = path.with_name(f"{path.name}.{index}")
                newer = path.with_name(f"{path.name}.{index - 1}") if index > 1 else path
                if newer.exists():
                    newer.replace(older)
    except OSError:
        pass
    return path


def tail(path: Path, lines: int = 40, max_bytes: int = 64 * 1024) -> str:
    """The last `lines` lines of a text log, for error messages and the UI."""
    try:
        with open(path, "rb") as handle:
            handle.seek(0, 2)
            size = handle.tell()
            handle.seek(max(0, size - max_bytes))
            data = handle.read()
    except OSError:
        return ""
    text = data.decode("utf-8", errors="replace")
    return "\n".join(text.splitlines()[-lines:])
