"""Starting and quitting the real app (`flowdesk gui`) in a subprocess, plus its error hook."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop_app.core.supervision.filelock import FileLock
from tests.timings import record

# The budget the benchmark harness holds launch → painted to (the tests only record it:
# a loaded machine must not fail them). Importing Prefect before the first paint would
# add 1-3 s.
WINDOW_DEADLINE = 2.5


def launch(home: Path, *args: str, timeout: float = 120) -> tuple[int, dict, float, str]:
    report = home / "startup.json"
    env = dict(os.environ, FLOWDESK_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    began = time.time()
    proc = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--startup-report", str(report), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    data = json.loads(report.read_text()) if report.exists() else {}
    return proc.returncode, data, began, proc.stderr


def test_window_is_painted_before_the_server_is_up_and_quitting_leaves_nothing(
    tmp_path: Path,
) -> None:
    home = tmp_path / "fresh-home"
    code, report, began, stderr = launch(home, "--quit-when", "painted")
    assert code == 0, stderr
    record("app_painted_fresh_home", report["painted"] - began, budget=WINDOW_DEADLINE)
    assert report["phase_at_paint"] == "launching"
    assert "connected" not in report and "ready" not in report
    # The app stops the server it launched, even mid-start: no supervisor left.
    assert not FileLock(home / "data" / "server.lock").is_held_elsewhere()
    assert not (home / "data" / "server.json").exists()
    log = (home / "logs" / "app.log").read_text()
    assert "quitting" in log and "Traceback" not in log


@pytest.mark.integration
def test_app_attaches_to_a_running_server_shows_rows_and_leaves_it_running(
    managed_server,
) -> None:
    from desktop_app.core.supervision.server import ServerManager

    code, report, began, stderr = launch(managed_server.home, "--quit-when", "loaded")
    assert code == 0, stderr
    assert report["painted"] < report["connected"] <= report["first-rows"] <= report["loaded"]
    record("app_painted_attached", report["painted"] - began, budget=WINDOW_DEADLINE)
    # Not ours (started without an owner): still running after the window quit.
    assert ServerManager().status().healthy
    log = (managed_server.home / "logs" / "app.log").read_text()
    assert "server on quit: not ours" in log


def test_uncaught_errors_are_logged_and_shown_in_words_with_details(qapp, tmp_path) -> None:
    from PySide6.QtWidgets import QMessageBox

    from desktop_app.ui.error_reporter import ErrorReporter

    log_file = tmp_path / "app.log"
    handler = logging.FileHandler(log_file)
    logging.getLogger().addHandler(handler)
    try:
        reporter = ErrorReporter(log_file)
        try:
            raise ValueError("the thing broke")
        except ValueError as exc:
            reporter.excepthook(type(exc), exc, exc.__traceback__)
        box = reporter._box
        assert isinstance(box, QMessageBox) and box.isVisible()
        assert box.text() == "ValueError: the thing broke"
        assert "Traceback" in box.detailedText()
        assert str(log_file) in box.informativeText()
        # A second error joins the open box instead of stacking windows.
        reporter.report_task(RuntimeError("again"), "some-task")
        assert "1 more error" in box.informativeText()
        assert "some-task" in box.detailedText()
        handler.flush()
        assert "the thing broke" in log_file.read_text()
        box.close()
    finally:
        logging.getLogger().removeHandler(handler)
