"""The CLI as a process: a reader that closes the pipe early, and `exec` passing stop
signals on to its child (real pipes, real signals, real children)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

POSIX = os.name != "nt"
TRIALS = 10


def _env(home, **extra):
    env = {**os.environ, "FLOWDESK_HOME": str(home), **extra}
    env.pop("FLOWDESK_API_URL", None)
    env.update(extra)
    return env


def closed_early(argv, env):
    """Run `flowdesk ARGV` with its stdout pipe closed before it writes; its stderr and code."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "desktop_app", *argv],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    proc.stdout.close()  # the reader is gone before the first byte
    err = proc.stderr.read().decode("utf-8", "replace")
    proc.stderr.close()
    return proc.wait(timeout=120), err


def test_closed_pipe_is_quiet_without_a_server(tmp_path):
    """`flowdesk design compile BIG | head -1`: ~100 KB to a reader that left (the old
    code printed a BrokenPipeError traceback every time)."""
    from desktop_app.designer import examples, fileformat

    design = fileformat.save(examples.large_design(300), tmp_path / "big.flowdesk.json")
    for _ in range(TRIALS):
        code, err = closed_early(["design", "compile", str(design)], _env(tmp_path))
        assert "Traceback" not in err and "BrokenPipe" not in err, err
        assert err == ""
        assert code == 1
        result = subprocess.run(
            f"{sys.executable} -m desktop_app design compile {design} | head -1",
            shell=True,
            capture_output=True,
            text=True,
            env=_env(tmp_path),
            timeout=120,
        )
        assert result.stderr == "" and result.stdout.count("\n") == 1


@pytest.mark.integration
@pytest.mark.parametrize("verb", ["list", "show", "logs", "deployments"])
def test_head_one_never_prints_a_traceback(managed_server, tmp_path, verb):
    """`flowdesk VERB | head -1` through a real shell, repeated."""
    env = _env(managed_server.home)
    argv = [verb]
    # On a loaded machine the CLI's health check may miss the first second: wait until
    # the CLI sees the server, so the trials below measure the pipe, not the start.
    deadline = time.monotonic() + 60
    while (
        subprocess.run(
            [sys.executable, "-m", "desktop_app", "server", "status"],
            env=env,
            capture_output=True,
            timeout=120,
        ).returncode
        != 0
    ):
        assert time.monotonic() < deadline, "the CLI never saw the session's server"
        time.sleep(0.5)
    if verb in ("show", "logs"):
        out = subprocess.run(
            [sys.executable, "-m", "desktop_app", "run", "basic-workflow", "--watch"],
            capture_output=True,
            text=True,
            env=env,
            timeout=180,
        )
        assert out.returncode == 0, out.stderr
        listed = subprocess.run(
            [sys.executable, "-m", "desktop_app", "list", "--json", "--limit", "1"],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )
        argv.append(__import__("json").loads(listed.stdout)[0]["id"])
    command = " ".join([sys.executable, "-m", "desktop_app", *argv]) + " | head -1"
    failures = 0
    for _ in range(TRIALS // 2):
        result = subprocess.run(
            ["sh", "-c", command], capture_output=True, text=True, env=env, timeout=120
        )
        assert result.stdout.count("\n") == 1
        failures += "Traceback" in result.stderr or "BrokenPipe" in result.stderr
        _code, err = closed_early(argv, env)
        failures += "Traceback" in err or "BrokenPipe" in err
    assert failures == 0


CHILD = r"""
import signal, sys, time
from pathlib import Path
marker = Path(sys.argv[1])
def stop(signum, frame):
    marker.with_suffix(".got").write_text(str(signum))
    sys.exit(40 + signum)
for name in ("SIGTERM", "SIGINT", "SIGHUP"):
    signal.signal(getattr(signal, name), stop)
marker.write_text("ready")
time.sleep(120)
sys.exit(3)
"""


def _exec_child(tmp_path, name):
    script = tmp_path / "child.py"
    script.write_text(CHILD)
    marker = tmp_path / f"{name}.ready"
    env = _env(tmp_path, FLOWDESK_API_URL="http://127.0.0.1:9/api")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "desktop_app",
            "exec",
            "--",
            sys.executable,
            str(script),
            str(marker),
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,  # not the test's process group: only our signal reaches it
    )
    deadline = time.monotonic() + 120
    while not marker.exists():
        assert proc.poll() is None, proc.stderr.read()
        assert time.monotonic() < deadline, "the child never started"
        time.sleep(0.05)
    return proc, marker


def _child_pid(proc):
    import psutil

    children = psutil.Process(proc.pid).children()
    assert len(children) == 1
    return children[0]


@pytest.mark.skipif(not POSIX, reason="POSIX signals")
@pytest.mark.parametrize("signame", ["SIGTERM", "SIGINT", "SIGHUP"])
def test_exec_forwards_the_signal_and_exits_with_the_childs_code(tmp_path, signame):
    signum = getattr(signal, signame)
    for trial in range(3):
        proc, marker = _exec_child(tmp_path, f"{signame}-{trial}")
        child = _child_pid(proc)
        proc.send_signal(signum)
        code = proc.wait(timeout=60)
        _out, err = proc.communicate()
        assert marker.with_suffix(".got").read_text() == str(int(signum))
        assert code == 40 + signum, err
        assert not child.is_running() or child.status() == "zombie"
        assert "Traceback" not in err.decode()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux parent-death signal")
def test_exec_killed_outright_still_stops_the_child(tmp_path):
    import psutil

    proc, marker = _exec_child(tmp_path, "kill9")
    child = _child_pid(proc)
    proc.kill()
    proc.wait(timeout=60)
    gone, alive = psutil.wait_procs([child], timeout=30)
    assert child in gone and not alive  # not orphaned
    assert marker.with_suffix(".got").read_text() == str(int(signal.SIGTERM))


def test_exec_passes_the_exit_code(tmp_path):
    env = _env(tmp_path, FLOWDESK_API_URL="http://127.0.0.1:9/api")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "desktop_app",
            "exec",
            "--",
            sys.executable,
            "-c",
            "import os, sys; sys.exit(7 if os.environ.get('PREFECT_API_URL') else 1)",
        ],
        env=env,
        capture_output=True,
        timeout=120,
    )
    assert result.returncode == 7
