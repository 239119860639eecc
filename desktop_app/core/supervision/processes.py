"""Child processes that never outlive their owner.

Every long-lived child (server, runner, supervising daemon) is started through
`spawn` and watches its parent with `start_parent_watch`. Two layers, because
each alone leaves a gap:

* Linux `PR_SET_PDEATHSIG` signals the child at once when its parent dies,
  even by SIGKILL -- but it does not reach grandchildren (flow-run processes).
* A watch thread in the child polls the parent pid and, when it is gone,
  kills the child's own descendants and exits. This also works on Windows and
  macOS, where there is no PDEATHSIG, behind the same interface.
"""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

import psutil

log = logging.getLogger(__name__)

PARENT_PID_ENV = "FLOWDESK_PARENT_PID"
WATCH_INTERVAL = 0.5


def self_command() -> list[str]:
    """argv prefix that re-invokes Flowdesk: the frozen exe, or this Python."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    return [sys.executable, "-m", "desktop_app"]


def _linux_pdeathsig() -> None:  # runs in the child between fork and exec
    try:
        import ctypes

        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGTERM)
    except Exception:
        pass


def spawn(
    argv: Sequence[str],
    *,
    env: Mapping[str, str] | None = None,
    log_file: Path | None = None,
    cwd: Path | None = None,
    detach: bool = False,
) -> subprocess.Popen[bytes]:
    """Start a child whose output goes to `log_file` and which dies with us.

    `detach=True` starts a new session instead (the CLI's background server):
    such a child outlives the launcher on purpose and is stopped explicitly.
    """
    child_env = dict(os.environ if env is None else env)
    if not detach:
        child_env[PARENT_PID_ENV] = str(os.getpid())
    else:
        child_env.pop(PARENT_PID_ENV, None)
    out = open(log_file, "ab") if log_file is not None else subprocess.DEVNULL  # noqa: SIM115
    kwargs: dict = {
        "env": child_env,
        "stdin": subprocess.DEVNULL,
        "stdout": out,
        "stderr": subprocess.STDOUT,
        "cwd": str(cwd) if cwd else None,
    }
    if os.name == "nt":
        flags = subprocess.CREATE_NEW_PROCESS_GROUP | subprocess.CREATE_NO_WINDOW
        if detach:
            flags |= subprocess.DETACHED_PROCESS
        kwargs["creationflags"] = flags
    else:
        kwargs["start_new_session"] = True  # our signals, not the terminal's Ctrl+C
        if sys.platform.startswith("linux") and not detach:
            kwargs["preexec_fn"] = _linux_pdeathsig
    try:
        return subprocess.Popen(list(argv), **kwargs)
    finally:
        if out is not subprocess.DEVNULL:
            out.close()


def pid_alive(pid: int | None) -> bool:
    if not pid:
        return False
    try:
        proc = psutil.Process(pid)
        return proc.status() != psutil.STATUS_ZOMBIE
    except (psutil.NoSuchProcess, psutil.AccessDenied):
        return False


def _each(procs: list[psutil.Process], action: str) -> None:
    """`kill` or `terminate` every process, skipping those already gone."""
    for proc in procs:
        try:
            getattr(proc, action)()
        except psutil.NoSuchProcess:
            pass


def kill_tree(
    pid: int, grace: float = 5.0, *, include_root: bool = True, hard: bool = False
) -> list[int]:
    """Stop a process and all its descendants; kill what is left after `grace`.

    The root is asked first and alone: it may need its children to shut down
    cleanly (the runner suspends its flow runs before they go). Descendants
    get the signal only when the root is done or the grace is over.
    `hard=True` kills at once, giving no process a chance to report a crash.
    Returns the pids that had to be killed hard (a clean stop kills none).
    """
    try:
        root = psutil.Process(pid)
        descendants = root.children(recursive=True)
    except psutil.NoSuchProcess:
        return []
    if hard:
        targets = [root, *descendants] if include_root else descendants
        _each(targets, "kill")
        psutil.wait_procs(targets, timeout=2)
        return []
    if include_root:
        try:
            if not request_stop(pid):
                root.terminate()
        except psutil.NoSuchProcess:
            pass
        _gone, alive = psutil.wait_procs([root], timeout=grace)
        leftovers = [p for p in descendants if p.is_running()]
        remaining = [*alive, *leftovers]
    else:
        remaining = descendants
    _each(remaining, "terminate")
    _gone, alive = psutil.wait_procs(remaining, timeout=grace if not include_root else 2.0)
    _each(alive, "kill")
    psutil.wait_procs(alive, timeout=2)
    return [p.pid for p in alive]


def parent_gone(parent_pid: int, original_ppid: int) -> bool:
    if os.name != "nt":
        if os.getppid() != original_ppid:
            return True  # re-parented to init/subreaper: our parent died
        if parent_pid == original_ppid:
            # Still our parent, so alive: a parent that dies (even one left a zombie)
            # re-parents us at once. One system call; psutil's look at /proc every
            # half second was ~6 % of the idle server's CPU samples.
            return False
    return not pid_alive(parent_pid)


def start_parent_watch(on_parent_death=None) -> threading.Thread | None:
    """In a child: exit (killing our own descendants) when the parent dies.

    The parent pid comes from the environment set by `spawn`; without it
    (started by hand) there is nothing to watch.
    """
    value = os.environ.get(PARENT_PID_ENV)
    if not value:
        return None
    parent_pid = int(value)
    original_ppid = os.getppid()

    def watch() -> None:
        while True:
            if parent_gone(parent_pid, original_ppid):
                log.warning("parent %s is gone: stopping", parent_pid)
                if on_parent_death is not None:
                    try:
                        on_parent_death()
                    except Exception:
                        log.exception("cleanup after parent death failed")
                kill_tree(os.getpid(), include_root=False, hard=True)
                os._exit(0)
            time.sleep(WATCH_INTERVAL)

    thread = threading.Thread(target=watch, name="flowdesk-parent-watch", daemon=True)
    thread.start()
    return thread


# -- stop requests: a graceful stop where there is no SIGTERM (Windows) -----------
# On Windows `terminate()` is TerminateProcess, a hard kill: the runner would never
# suspend its runs in progress. A child that must clean up listens for a request
# file instead; `kill_tree` writes it when the child listens, and still kills after
# the grace period if the child does not go.


def _stop_file(pid: int, kind: str) -> Path:
    return Path(tempfile.gettempdir()) / f"flowdesk-stop-{pid}.{kind}"


def request_stop(pid: int) -> bool:
    """Ask `pid` to stop through its stop-request file; False if it does not listen."""
    if not _stop_file(pid, "listening").exists() or not pid_alive(pid):
        return False
    _stop_file(pid, "request").write_text("stop", encoding="utf-8")
    return True


def listen_for_stop_request(on_stop) -> threading.Thread:
    """In a child: call `on_stop` (which should exit) when `request_stop` asks."""
    pid = os.getpid()
    request, listening = _stop_file(pid, "request"), _stop_file(pid, "listening")
    request.unlink(missing_ok=True)  # left by an earlier process with our pid
    listening.write_text(str(pid), encoding="utf-8")

    def listen() -> None:
        while not request.exists():
            time.sleep(WATCH_INTERVAL / 2)
        request.unlink(missing_ok=True)
        listening.unlink(missing_ok=True)
        log.info("stop requested")
        on_stop()

    thread = threading.Thread(target=listen, name="flowdesk-stop-listener", daemon=True)
    thread.start()
    return thread
