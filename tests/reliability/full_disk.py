"""A real full disk for tests: a tiny tmpfs mounted where we can (root on Linux).

Injected errors prove little about what a kernel really does on ENOSPC (a
short write? an error at fsync? at close?), so the tests write onto a real
filesystem that has no room left. Where mounting is not allowed (not root,
not Linux) the tests that need it are skipped with the reason; CI runs as root.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

SIZE = "64k"


def can_mount() -> bool:
    return sys.platform.startswith("linux") and os.geteuid() == 0


@contextlib.contextmanager
def tiny_disk(parent: Path) -> Iterator[Path]:
    """A 64 KiB tmpfs at a fresh folder under `parent`, unmounted afterwards."""
    mount_point = parent / f"disk-{uuid.uuid4().hex[:8]}"
    mount_point.mkdir()
    subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={SIZE},mode=0755", "tmpfs", str(mount_point)],
        check=True,
        capture_output=True,
    )
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False, capture_output=True)
        with contextlib.suppress(OSError):
            mount_point.rmdir()


def fill(folder: Path) -> None:
    """Take every free byte of the filesystem under `folder`."""
    fd = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        while True:
            os.write(fd, b"\0" * 4096)
    except OSError:
        pass
    finally:
        os.close(fd)
