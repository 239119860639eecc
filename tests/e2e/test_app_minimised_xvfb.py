"""The real app on X with a tray: start at login (`--minimised`) stays in the tray, and
launching Flowdesk again brings the one window forward instead of a second app."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import stop_app, wait_until

pytestmark = [pytest.mark.xvfb, pytest.mark.integration]


def _report(path: Path) -> dict:
    try:
        return json.loads(path.read_text())
    except (FileNotFoundError, ValueError):
        return {}


def _visible_flowdesk_windows(desktop) -> list[str]:
    done = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--name", "^Flowdesk"],
        env=desktop.env(),
        capture_output=True,
        text=True,
        timeout=10,
    )
    return done.stdout.split()


def test_minimised_start_stays_in_the_tray_until_launched_again(
    x_desktop, managed_server, tmp_path
):
    if not x_desktop.tray:
        pytest.skip("no tray host on this display")
    home = managed_server.home
    env = x_desktop.env(FLOWDESK_HOME=str(home))
    report = tmp_path / "first.json"
    first = subprocess.Popen(
        [sys.executable, "-m", "desktop_app", "--minimised", "--startup-report", str(report)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_until(lambda: "connected" in _report(report), timeout=90, what="connected")
        assert _report(report)["minimised"] is True
        assert not _visible_flowdesk_windows(x_desktop), "the window showed at a minimised start"

        second = subprocess.run(
            [sys.executable, "-m", "desktop_app"], env=env, capture_output=True, timeout=60
        )
        assert second.returncode == 0, second.stderr
        wait_until(
            lambda: _visible_flowdesk_windows(x_desktop),
            timeout=20,
            what="the first app's window to come forward",
        )
    finally:
        code, stderr = stop_app(first)
    assert code == 0, stderr
