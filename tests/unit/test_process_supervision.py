"""Child supervision with real (tiny) processes: restart, backoff, give up, stop."""

from __future__ import annotations

import sys
import time

from desktop_app.core.supervision.filelock import FileLock
from desktop_app.core.supervision.ports import choose_port, port_is_free
from desktop_app.core.supervision.processes import kill_tree, pid_alive, spawn
from desktop_app.core.supervision.supervisor import ChildSpec, ChildSupervisor
from tests.conftest import wait_until


def _spec(tmp_path, code: str, **kw) -> ChildSpec:
    return ChildSpec(
        name="dummy",
        argv=lambda: [sys.executable, "-c", code],
        env=lambda: {"PATH": "/usr/bin:/bin"},
        log_file=tmp_path / "dummy.log",
        backoff=(0.05, 0.1),
        **kw,
    )


def _drive(sup: ChildSupervisor, until, timeout=15.0):
    deadline = time.monotonic() + timeout
    while not until():
        assert time.monotonic() < deadline, f"supervisor stuck in {sup.status.phase}"
        sup.poll()
        time.sleep(0.02)


def test_crashing_child_is_restarted_then_given_up(tmp_path):
    seen = []
    sup = ChildSupervisor(
        _spec(tmp_path, "import sys; sys.exit(3)", max_restarts=2),
        on_change=lambda s: seen.append(s.phase),
    )
    sup.start()
    _drive(sup, lambda: sup.status.phase == "failed")
    assert sup.status.restarts == 2
    assert seen.count("restarting") == 2
    assert "gave up after 2 restarts" in sup.status.message
    assert sup.status.last_exit == 3


def test_reload_exit_code_restarts_without_counting_a_crash(tmp_path):
    marker = tmp_path / "ran-once"
    code = (
        "import pathlib, sys, time\n"
        f"p = pathlib.Path({str(marker)!r})\n"
        "if not p.exists():\n    p.write_text('x'); sys.exit(75)\n"
        "time.sleep(30)\n"
    )
    sup = ChildSupervisor(_spec(tmp_path, code))
    sup.start()
    first = sup.proc.pid
    _drive(sup, lambda: sup.proc is not None and sup.proc.pid != first and sup.running)
    assert sup.status.restarts == 0
    sup.stop(grace=2)
    assert sup.status.phase == "stopped" and not sup.running


def test_stop_kills_the_whole_tree(tmp_path):
    code = (
        "import subprocess, sys, time\n"
        "subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)'])\n"
        "time.sleep(60)\n"
    )
    proc = spawn([sys.executable, "-c", code], log_file=tmp_path / "tree.log")
    import psutil

    children = wait_until(lambda: psutil.Process(proc.pid).children(), timeout=10)
    killed = kill_tree(proc.pid, grace=2)
    assert killed == []  # SIGTERM was enough
    assert not pid_alive(proc.pid)
    assert not any(pid_alive(c.pid) for c in children)


def test_child_exits_when_its_parent_dies(tmp_path):
    """The parent-watch thread: a grandchild whose parent is SIGKILLed exits by itself."""
    pid_file = tmp_path / "child.pid"
    child_script = tmp_path / "child.py"
    child_script.write_text(
        "import os, time\n"
        "from desktop_app.core.supervision.processes import start_parent_watch\n"
        "start_parent_watch()\n"
        f"open({str(pid_file)!r}, 'w').write(str(os.getpid()))\n"
        "time.sleep(60)\n"
    )
    parent_code = (
        "import sys, time\n"
        "from desktop_app.core.supervision.processes import spawn\n"
        f"spawn([sys.executable, {str(child_script)!r}])\n"
        "time.sleep(60)\n"
    )
    parent = spawn([sys.executable, "-c", parent_code], log_file=tmp_path / "p.log")
    child_pid = int(wait_until(lambda: pid_file.exists() and pid_file.read_text(), timeout=20))
    parent.kill()
    parent.wait()
    wait_until(lambda: not pid_alive(child_pid), timeout=5, what="orphan gone")


def test_file_lock_is_exclusive_and_released(tmp_path):
    first = FileLock(tmp_path / "x.lock")
    second = FileLock(tmp_path / "x.lock")
    assert first.acquire()
    assert not second.acquire()
    assert second.is_held_elsewhere()
    first.release()
    assert not second.is_held_elsewhere()
    assert second.acquire()
    second.release()


def test_choose_port_never_fails_when_preferred_is_taken():
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(1)
        taken = sock.getsockname()[1]
        assert not port_is_free(taken)
        chosen = choose_port(taken)
        assert chosen != taken and port_is_free(chosen)


def test_the_parent_check_needs_no_process_table_while_the_parent_is_ours():
    import os

    import psutil

    from desktop_app.core.supervision.processes import parent_gone

    ppid = os.getppid()
    # On Windows the watched pid is looked up; Wine reports no parent at all (getppid() is 0),
    # so a pid that is surely alive stands in: our own.
    watched = ppid if os.name != "nt" else os.getpid()
    assert not parent_gone(watched, ppid)
    if os.name != "nt":
        # Re-parented (our parent died): gone, whatever the pid table says.
        assert parent_gone(ppid, ppid + 1)
    # A watched pid that is not our direct parent is looked up: a dead one is gone.
    dead = max(psutil.pids()) + 100_000
    assert parent_gone(dead, ppid)
