"""The real app, twice: the second launch hands over and leaves; one server only."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import stop_app, wait_until

pytestmark = pytest.mark.integration


def _env(home: Path) -> dict[str, str]:
    return dict(os.environ, FLOWDESK_HOME=str(home), QT_QPA_PLATFORM="offscreen")


def _report(path: Path) -> dict:
    try:
        return json.loads(path.read_text())
    except (FileNotFoundError, ValueError):
        return {}


def test_second_launch_opens_the_run_in_the_first_and_starts_no_server(managed_server, tmp_path):
    from desktop_app.core.supervision.server_state import read_state

    home = managed_server.home
    daemon_before = read_state().daemon_pid
    report = tmp_path / "first.json"
    first = subprocess.Popen(
        [sys.executable, "-m", "desktop_app", "gui", "--startup-report", str(report)],
        env=_env(home),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_until(lambda: "connected" in _report(report), timeout=90, what="first app connected")
        second_report = tmp_path / "second.json"
        run_id = "0b5d1c2e-aaaa-bbbb-cccc-1234567890ab"
        second = subprocess.run(
            [
                sys.executable,
                "-m",
                "desktop_app",
                "gui",
                "--open-run",
                run_id,
                "--startup-report",
                str(second_report),
            ],
            env=_env(home),
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert second.returncode == 0, second.stderr
        # It left before building a window, let alone starting a server.
        assert "shown" not in _report(second_report)
        log = home / "logs" / "app.log"
        wait_until(
            lambda: f"open_run='{run_id}'" in log.read_text(),
            timeout=20,
            what="the first app to hear the second launch",
        )
        assert read_state().daemon_pid == daemon_before
        assert "handed over" in log.read_text()
    finally:
        code, stderr = stop_app(first)
    assert code == 0, stderr
    assert "Traceback" not in (home / "logs" / "app.log").read_text()
