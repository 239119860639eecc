"""The tray with a real tray host (Xvfb + trayer), real runs on the real server.

The Qt side runs in a subprocess on the X display (tray_scenario.py); this
test checks its report and the audit trail the tray wrote.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from desktop_app.services import audit
from tests.timings import record

pytestmark = [pytest.mark.xvfb, pytest.mark.integration]

HERE = Path(__file__).resolve().parent


def test_tray_badge_notifications_menu_resume_and_close_to_tray(
    x_desktop, managed_server, tmp_path
):
    connection = managed_server.connection
    # FLOWDESK_SHOTS_DIR=docs keeps the screenshots (that is how docs/ gets them).
    shots = Path(os.environ.get("FLOWDESK_SHOTS_DIR") or tmp_path / "shots")
    report = x_desktop.run_script(
        HERE / "tray_scenario.py",
        "--shots",
        str(shots),
        FLOWDESK_E2E_API_URL=connection.api_url,
        FLOWDESK_E2E_AUTH=connection.auth_string or "",
        FLOWDESK_E2E_SETTINGS=str(tmp_path / "settings"),
    )
    (tmp_path / "report.json").write_text(json.dumps(report, indent=1))
    print(json.dumps(report, indent=1))  # figures for the log (pytest -s)
    first, second, third = report["run_ids"]
    assert report["platform"] == "xcb" and report["available"] and report["icon_created"]

    # The badge: nothing before, drawn on screen (by the tray host) while runs wait.
    assert report["badge_pixels_before"] == 0
    assert report["badge_pixels_paused"] > 10
    assert report["paused_count"] == report["paused_at_start"] + 3
    assert f"{report['paused_count']} paused" in report["tooltip"]

    # A balloon the moment the first run paused, with the flow's own words.
    note = report["first_note"]
    assert note["kind"] == "paused" and note["runs"] == [first]
    assert note["title"].startswith("pause-resume-workflow · ")
    assert note["body"] == "Processed 1 of 2 items. Resume to continue."
    assert report["balloon_seen"]
    record("tray_balloon_xvfb", report["latency_s"], budget=0.25)
    assert report["opened_by_click"] == [first]  # clicking the balloon opened that run
    # The others: announced too (one balloon or a summary), each pause once.
    announced = [
        r for n in report["notes"] if n["kind"] in ("paused", "summary") for r in n["runs"]
    ]
    assert sorted(announced) == sorted([first, second, third])

    # The menu: each paused run with its actions; typed input only through the form.
    assert any(text.startswith("Paused runs") for text in report["menu_entries"])
    assert "Resume all paused runs of pause-resume-workflow/local" in report["menu_entries"]
    assert report["submenu"][:2] == ["Resume", "Resume with input…"]
    assert report["server_menu"] == ["Start server", "Stop server", "Restart server"]

    # Resume from the menu: the run goes on, the badge drops, the end is announced.
    assert report["paused_after_resume"] == report["paused_count"] - 1
    assert report["resumed_state"] in ("RUNNING", "COMPLETED")
    assert report["finished_note"]["body"] == "Completed after its pause."
    # The scenario's FLOWDESK_HOME is its settings folder: its audit trail lives there.
    entries = audit.read(first, path=tmp_path / "settings" / "data" / "audit.jsonl")
    assert [(e["action"], e["source"]) for e in entries] == [("resume", "tray")]

    # Closing the window hides it to the tray, once with a hint.
    assert report["close_accepted"] is False and report["hidden_to_tray"]
    assert report["hint"] == ["Flowdesk keeps running"]
    assert report["shown_again"]

    for name in ("tray-menu.png", "notification.png"):
        image = QImage(str(shots / name))
        assert not image.isNull() and image.width() > 100, name
