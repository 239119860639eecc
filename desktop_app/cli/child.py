"""Run one child command in the foreground, as `flowdesk exec -- CMD` promises.

A wrapper that dies on SIGTERM and leaves its child running orphans it: a
service manager, `timeout` or a terminal closing (SIGHUP) means "stop this",
and it must reach the child. So we pass SIGTERM, SIGINT and SIGHUP on, wait
for the child, and exit with its code (128+N when a signal ended it, as a
shell reports it). On Linux the child also gets SIGTERM if we are killed
outright (SIGKILL cannot be caught: the kernel's parent-death signal covers it).

One exception: Ctrl-C in a terminal already reaches the child (it is in the
terminal's foreground process group with us); forwarding it again would
interrupt the child's own clean-up, so SIGINT is passed on only when we are
not that foreground group.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
from collections.abc import Mapping
from types import FrameType

FORWARDED = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGINT", "SIGHUP") if hasattr(signal, name)
)


def run_child(cmd: list[str], env: Mapping[str, str] | None = None) -> int:
    """Start `cmd`, forward stop signals to it, return its exit code."""
    proc = subprocess.Popen(cmd, env=env, preexec_fn=_die_with_parent if _linux() else None)

    def forward(signum: int, _frame: FrameType | None) -> None:
        if signum == signal.SIGINT and _terminal_reaches_child():
            return
        with contextlib.suppress(ProcessLookupError, OSError):
            proc.send_signal(signum)

    previous = {}
    for signum in FORWARDED:
        with contextlib.suppress(ValueError, OSError):  # not the main thread, or no such signal
            previous[signum] = signal.signal(signum, forward)
    try:
        code = proc.wait()
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        if proc.poll() is None:  # we are leaving by an exception: never orphan the child
            proc.terminate()
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
    return 128 - code if code < 0 else code


def _linux() -> bool:
    return sys.platform.startswith("linux")


def _die_with_parent() -> None:
    """In the child, before exec: SIGTERM when the parent (this CLI) dies, even by SIGKILL."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGTERM, 0, 0, 0)
    except Exception:  # only a safety net: never fail the start for it
        pass


def _terminal_reaches_child() -> bool:
    """Is our process group the terminal's foreground group (so Ctrl-C hit the child too)?"""
    if os.name == "nt":
        return True  # Windows delivers Ctrl-C to every process on the console
    for stream in (sys.stdin, sys.stdout, sys.stderr):
        try:
            fd = stream.fileno()
            if os.isatty(fd):
                return os.tcgetpgrp(fd) == os.getpgrp()
        except (AttributeError, OSError, ValueError):
            continue
    return False
