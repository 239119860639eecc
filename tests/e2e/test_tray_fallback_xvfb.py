"""A real X display without a tray host: the window takes the alerts, closing quits;
when a tray host starts later (a panel after an autostarted app), the icon appears."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.conftest import _stop, start_trayer

pytestmark = pytest.mark.xvfb

HERE = Path(__file__).resolve().parent


def test_no_tray_then_a_tray_host_appears(bare_x, tmp_path):
    desktop, trayer = bare_x
    proc = subprocess.Popen(
        [sys.executable, str(HERE / "late_tray_scenario.py"), str(tmp_path)],
        env=desktop.env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    host = None
    try:
        first = json.loads(proc.stdout.readline() or "{}")  # the child flushes each line
        assert first.get("phase") == "no-tray", proc.stderr.read()
        assert first["available_at_start"] is False and first["icon_at_start"] is False
        assert first["title_without_tray"] == "Flowdesk — 1 paused"
        assert first["window_alerts"] == 1
        assert first["close_without_tray"] is True

        host = start_trayer(trayer, desktop.display)
        out, err = proc.communicate(timeout=60)
        done = json.loads(out.strip().splitlines()[-1])
        assert proc.returncode == 0, err
        assert done["icon_later"] is True
        assert done["close_with_tray"] is False and done["hidden"] is True
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
        if host is not None:
            _stop(host)
