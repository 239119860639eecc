"""Single instance with real processes: a second launch hands over its argv and exits 0."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

CHILD = Path(__file__).resolve().parents[1] / "e2e" / "instance_child.py"
ROOT = Path(__file__).resolve().parents[2]


def _env(home: Path) -> dict[str, str]:
    env = {**os.environ, "FLOWDESK_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def _start(home: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(CHILD), *args],
        env=_env(home),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _line(proc: subprocess.Popen[str]) -> dict:
    line = proc.stdout.readline()  # the child flushes each line; blocks until it does
    assert line, f"child said nothing; stderr: {proc.stderr.read()}"
    return json.loads(line)


def _second(home: Path, *args: str) -> tuple[int, dict]:
    done = subprocess.run(
        [sys.executable, str(CHILD), *args],
        env=_env(home),
        capture_output=True,
        text=True,
        timeout=60,
    )
    lines = [json.loads(x) for x in done.stdout.splitlines() if x.strip()]
    assert lines, done.stderr
    return done.returncode, lines[-1]


@pytest.fixture
def primary(tmp_path):
    procs: list[subprocess.Popen[str]] = []

    def start(*args: str) -> tuple[subprocess.Popen[str], dict]:
        proc = _start(tmp_path, *args)
        procs.append(proc)
        return proc, _line(proc)

    yield start
    for proc in procs:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=10)
        proc.stdout.close()
        proc.stderr.close()


def test_second_launch_hands_its_arguments_to_the_first_and_exits_zero(primary, tmp_path):
    first, hello = primary("--quit-after", "2")
    assert hello["role"] == "primary" and hello["listening"]

    code, said = _second(tmp_path, "--open-run", "0b5d1c2e-aaaa-bbbb-cccc-1234567890ab")
    assert code == 0 and said == {"role": "secondary", "sent": True, "pid": said["pid"]}
    got = _line(first)
    assert got["received"] == ["--open-run", "0b5d1c2e-aaaa-bbbb-cccc-1234567890ab"]
    assert got["request"]["open_run"] == "0b5d1c2e-aaaa-bbbb-cccc-1234567890ab"
    assert got["visible"]  # the window was brought forward

    code, said = _second(tmp_path)  # a plain second launch: just "show yourself"
    assert code == 0 and said["sent"]
    assert _line(first)["request"] == {"open_run": None, "minimised": False}
    assert first.wait(timeout=20) == 0


def test_a_crashed_first_instance_does_not_block_the_next_one(primary, tmp_path):
    first, hello = primary()
    key = hello["key"]
    os.kill(first.pid, signal.SIGKILL)  # no cleanup: lock released by the OS, socket file left
    first.wait(timeout=10)
    if os.name == "posix":
        from PySide6.QtCore import QDir

        assert Path(QDir.tempPath(), key).exists(), "the crashed instance left its socket"

    second, hello2 = primary()
    assert hello2["role"] == "primary" and hello2["listening"], "stale socket not replaced"
    code, said = _second(tmp_path, "--open-run", "abc")
    assert code == 0 and said["sent"]
    assert _line(second)["received"] == ["--open-run", "abc"]


def test_homes_do_not_collide_and_names_are_per_home(tmp_path, monkeypatch):
    from desktop_app.ui.single_instance import instance_key

    monkeypatch.setenv("FLOWDESK_HOME", str(tmp_path / "a"))
    a = instance_key()
    monkeypatch.setenv("FLOWDESK_HOME", str(tmp_path / "b"))
    b = instance_key()
    assert a != b and a.startswith("flowdesk-") and len(a) < 60


def test_request_parsing_ignores_what_it_does_not_know():
    from desktop_app.ui.single_instance import parse_request

    assert parse_request(["--open-run", " 12ab ", "--color-scheme", "dark"]).open_run == "12ab"
    assert parse_request(["--minimised"]).minimised
    assert parse_request([]).open_run is None


def test_garbage_on_the_socket_is_ignored_and_the_instance_keeps_listening(primary, tmp_path):
    from PySide6.QtNetwork import QLocalSocket

    first, hello = primary()
    junk = QLocalSocket()
    junk.connectToServer(hello["key"])
    assert junk.waitForConnected(3000)
    junk.write(b"this is not json\n")
    junk.flush()
    junk.waitForBytesWritten(1000)
    # The first instance hangs up without an "ok": the sender would know it failed.
    junk.waitForDisconnected(3000)
    assert b"ok" not in bytes(junk.readAll().data())
    junk.abort()

    code, said = _second(tmp_path, "--open-run", "after-junk")
    assert code == 0 and said["sent"]
    assert _line(first)["received"] == ["--open-run", "after-junk"]
