"""The self-test's own behaviour, without a server: failures it must report clearly."""

from __future__ import annotations

import asyncio
import io
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil
import pytest

from desktop_app.cli import selftest
from desktop_app.core.config import paths


@pytest.fixture
def unwritable_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A FLOWDESK_HOME that cannot be created even by root: it lies below a regular file."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where a folder should be", encoding="utf-8")
    home = blocker / "home"
    monkeypatch.setenv(paths.HOME_ENV, str(home))
    return home


def test_unwritable_data_folder_is_named_and_fails_before_any_server(
    unwritable_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))  # where a private home would go
    out = io.StringIO()

    assert selftest.run_self_test(out=out) == 1

    text = out.getvalue()
    assert str(unwritable_home) in text  # the folder (or the part of it that cannot exist)
    assert "FLOWDESK_HOME" in text
    assert "FAIL" in text and 'FAILED at step "data folder writable"' in text
    assert "start server" not in text
    assert not list(scratch.iterdir())  # no private home was made, so nothing was started


@pytest.mark.parametrize("argv", [["--self-test"], ["self-test"]])
def test_cli_spellings_reach_the_self_test(argv: list[str], tmp_path: Path):
    """`Flowdesk --self-test` and `flowdesk self-test` both run it and pass its exit code on."""
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    env = {**os.environ, paths.HOME_ENV: str(blocker / "home")}
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app", *argv],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1, result.stderr
    assert "self-test" in result.stdout
    assert str(blocker / "home") in result.stdout


def test_check_writable_returns_a_usable_folder(tmp_path: Path):
    assert selftest.check_writable(lambda: tmp_path, "data") == tmp_path
    assert not list(tmp_path.iterdir())  # the probe file is gone


def test_private_environment_isolates_and_restores(monkeypatch: pytest.MonkeyPatch, tmp_path):
    monkeypatch.setenv("PREFECT_API_URL", "http://elsewhere:4200/api")
    monkeypatch.setenv(paths.HOME_ENV, "/original/home")
    with selftest.private_environment(tmp_path):
        assert os.environ[paths.HOME_ENV] == str(tmp_path)
        assert "PREFECT_API_URL" not in os.environ
        assert paths.data_dir() == tmp_path.resolve() / "data"
    assert os.environ["PREFECT_API_URL"] == "http://elsewhere:4200/api"
    assert os.environ[paths.HOME_ENV] == "/original/home"


def test_failed_step_is_named_with_its_log_tail(monkeypatch: pytest.MonkeyPatch, tmp_path):
    """A step that fails stops the run, names itself, shows the log that explains it,
    and keeps the private home for a bug report."""
    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path / "user-home"))

    async def failing_start(self: selftest.SelfTest) -> str:
        (paths.log_dir() / "server.log").write_text(
            "line one\nalembic.util.exc.CommandError: no such revision\n", encoding="utf-8"
        )
        raise RuntimeError("server exited with code 1")

    monkeypatch.setattr(selftest.SelfTest, "start_server", failing_start)
    out = io.StringIO()

    assert selftest.run_self_test(out=out) == 1

    text = out.getvalue()
    assert "FAIL  start server" in text
    assert "RuntimeError: server exited with code 1" in text
    assert "no such revision" in text  # the tail of server.log
    assert 'FAILED at step "start server"' in text
    assert "flows deployed" not in text  # nothing ran after the failure
    kept = Path(text.split("Logs and data kept in ")[1].split()[0])
    assert (kept / "logs" / "server.log").is_file()
    assert os.environ[paths.HOME_ENV] == str(tmp_path / "user-home")
    shutil.rmtree(kept)


def test_passing_run_removes_its_private_home(monkeypatch: pytest.MonkeyPatch, tmp_path):
    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path / "user-home"))
    seen: list[Path] = []

    async def all_steps_pass(self: selftest.SelfTest) -> None:
        seen.append(paths.data_dir())
        await self.step("pretend", _ok)

    monkeypatch.setattr(selftest.SelfTest, "run", all_steps_pass)
    out = io.StringIO()

    assert selftest.run_self_test(out=out) == 0

    assert "Self-test passed" in out.getvalue()
    assert seen and not seen[0].exists()


async def _ok() -> str:
    return "fine"


def test_a_reused_pid_is_not_taken_for_a_leftover():
    me = psutil.Process()
    assert selftest.TrackedProcess("self", me.pid, me.create_time()).alive()
    assert not selftest.TrackedProcess("self", me.pid, me.create_time() - 5).alive()


def test_leftover_processes_fail_the_step_and_are_killed(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(selftest, "PROCESS_EXIT_TIMEOUT", 0.2)
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        test = selftest.SelfTest(selftest.Report(io.StringIO()), None)
        tracked = selftest.track_process("runner", child.pid)
        assert tracked is not None
        test.processes[child.pid] = tracked
        with pytest.raises(selftest.StepFailed, match=f"runner pid {child.pid}"):
            asyncio.run(test.check_no_leftovers())
        deadline = time.monotonic() + 5
        while child.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert child.poll() is not None
    finally:
        if child.poll() is None:
            child.kill()


def test_unreadable_command_lines_do_not_fail_the_self_test(monkeypatch: pytest.MonkeyPatch):
    """Windows (and Wine) may refuse to read another process's command line with a bare
    OSError (WinError 87) instead of psutil.AccessDenied; found by the Wine lane."""
    from types import SimpleNamespace

    def refuse(self):
        raise OSError(22, "Invalid parameter (NtQueryInformationProcess)")

    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        me = psutil.Process()
        state = SimpleNamespace(daemon_pid=me.pid, server_pid=child.pid, runner_pid=None)
        monkeypatch.setattr("desktop_app.core.supervision.server_state.read_state", lambda: state)
        monkeypatch.setattr(psutil.Process, "cmdline", refuse)
        test = selftest.SelfTest(selftest.Report(io.StringIO()), None)

        test.remember_processes()

        assert child.pid in test.processes
        assert test.processes[child.pid].describe() == f"server pid {child.pid}: ?"
    finally:
        child.kill()
        child.wait(timeout=30)
