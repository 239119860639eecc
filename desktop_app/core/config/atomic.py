"""Replace a file's content all at once, or not at all -- the one way Flowdesk writes files.

A crash, a full disk or a permission error half-way through a save must leave
the previous file exactly as it was: we write a temporary file with a unique
name in the same folder (same filesystem, so the rename is atomic), fsync it,
`os.replace` it over the target, then fsync the folder so the rename itself
survives a power cut. On any failure the temporary file is removed, so no
zero-byte or torn file is ever left behind.

A full disk is the failure people meet most and understand least from a bare
`[Errno 28]`: it is raised as `DiskFullError`, whose message says
"disk full at PATH" in the user's language.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import secrets
import stat
from pathlib import Path
from typing import Any, NoReturn

from desktop_app.core.config.replace import replace_file

DISK_FULL_ERRNOS = frozenset({errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)})


class DiskFullError(OSError):
    """No space (or quota) left while writing `filename`; the target is unchanged."""

    def __init__(self, path: Path | str) -> None:
        super().__init__(errno.ENOSPC, disk_full_message(path), str(path))

    def __str__(self) -> str:
        return self.strerror or ""


def disk_full_message(path: Path | str) -> str:
    from desktop_app.i18n import tr_core

    return tr_core("Disk full at {path}: free some space and try again.").format(path=path)


def is_disk_full(exc: BaseException) -> bool:
    return isinstance(exc, OSError) and exc.errno in DISK_FULL_ERRNOS


def write_failure_message(path: Path | str, exc: OSError) -> str:
    """One line for a failed write: "disk full at PATH", or the OS reason with the path."""
    if is_disk_full(exc):
        return disk_full_message(path)
    from desktop_app.i18n import tr_core

    reason = exc.strerror or str(exc)
    return tr_core("Cannot write {path}: {reason}").format(path=path, reason=reason)


def atomic_write_bytes(
    path: Path | str, data: bytes, *, mode: int | None = None, durable: bool = True
) -> None:
    """Write `data` to `path` atomically; raises OSError with the target untouched.

    `mode` sets the permission bits (e.g. 0o600 for a secret: the temporary file
    is created with them, so the secret is never readable by others, even for a
    moment). Without it the new file keeps the old one's bits, and a fresh file
    gets the usual umask-derived ones (not mkstemp's private 0600).
    A full disk raises `DiskFullError`. `durable=False` skips the two fsyncs
    (still all-or-nothing for readers, but may be lost in a power cut): for
    throw-away reports written on the GUI thread, where an fsync can stall
    the first paint on a busy disk.
    """
    path = Path(path)
    temp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600 if mode else 0o666)
    except OSError as exc:
        _reraise(exc, path)
    try:
        with open(fd, "wb", closefd=True) as handle:
            handle.write(data)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(temp, mode)
        else:
            with contextlib.suppress(FileNotFoundError):
                os.chmod(temp, stat.S_IMODE(os.stat(path).st_mode))
        replace_file(temp, path)  # retries while a Windows reader holds the target
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        if isinstance(exc, OSError):
            _reraise(exc, path)
        raise
    if durable:
        fsync_directory(path.parent)


def atomic_write_text(
    path: Path | str, text: str, *, mode: int | None = None, durable: bool = True
) -> None:
    """`atomic_write_bytes` for UTF-8 text with `\\n` line ends on every OS."""
    atomic_write_bytes(path, text.encode("utf-8"), mode=mode, durable=durable)


def atomic_write_json(
    path: Path | str,
    value: Any,
    *,
    mode: int | None = None,
    sort_keys: bool = False,
    durable: bool = True,
) -> None:
    """Pretty JSON (two-space indent, trailing newline), written atomically."""
    text = json.dumps(value, indent=2, sort_keys=sort_keys, ensure_ascii=False) + "\n"
    atomic_write_text(path, text, mode=mode, durable=durable)


def _reraise(exc: OSError, path: Path) -> NoReturn:
    if is_disk_full(exc) and not isinstance(exc, DiskFullError):
        raise DiskFullError(path) from exc
    raise exc


def fsync_directory(folder: Path | str) -> None:
    """Make a rename in `folder` durable (POSIX); a no-op where folders cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
