"""Failed runs with a real tray host (Xvfb + trayer): balloon, red badge, menu, retry.

The Qt side runs in a subprocess on the X display (failure_scenario.py); this
test checks its report and the audit entry the tray's retry wrote.
"""

from __future__ import annotations

import asyncio
import json
import os
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from desktop_app.core.api.client import FlowdeskClient
from desktop_app.services import audit
from tests.failing_flow import registered, write_failing_flow
from tests.timings import record

pytestmark = [pytest.mark.xvfb, pytest.mark.integration]

HERE = Path(__file__).resolve().parent


async def _deployment(connection, name: str):
    async with FlowdeskClient(connection) as client:
        return await registered(client, name)


def test_failed_runs_balloon_badge_menu_and_retry(x_desktop, managed_server, tmp_path):
    connection = managed_server.connection
    name, path = write_failing_flow()
    try:
        deployment = asyncio.run(_deployment(connection, name))
        # FLOWDESK_SHOTS_DIR=docs keeps the screenshots (that is how docs/ gets them).
        shots = Path(os.environ.get("FLOWDESK_SHOTS_DIR") or tmp_path / "shots")
        report = x_desktop.run_script(
            HERE / "failure_scenario.py",
            "--shots",
            str(shots),
            FLOWDESK_E2E_API_URL=connection.api_url,
            FLOWDESK_E2E_AUTH=connection.auth_string or "",
            FLOWDESK_E2E_SETTINGS=str(tmp_path / "settings"),
            FLOWDESK_E2E_FAILING=deployment.full_name,
        )
    finally:
        path.unlink()
    print(json.dumps(report, indent=1))  # figures for the log (pytest -s)
    first = report["run_ids"][0]
    assert report["platform"] == "xcb" and report["icon_created"]

    # A balloon names the run and says what failed; a red badge counts it.
    note = report["first_note"]
    assert note["kind"] == "failure" and note["runs"] == [first]
    assert note["title"].startswith(f"Failed: {name} · ")
    assert note["body"] == "ValueError: bad row 7: the amount is negative"
    assert report["balloon_seen"]
    assert report["badge_pixels_before"] == 0 and report["badge_pixels_failed"] > 10
    record("tray_failure_balloon_xvfb", report["latency_s"], budget=0.3)
    announced = [r for n in report["notes"] for r in n["runs"]]
    assert sorted(announced) == sorted(report["run_ids"])  # each failure said once

    # The menu lists them with Open and Retry; opening it clears the badge.
    assert "Failed runs (3)" in report["menu_entries"]
    assert "Clear failed runs" in report["menu_entries"]
    assert report["submenu"] == [
        "ValueError: bad row 7: the amount is negative",
        "Open",
        "Retry",
    ]
    assert report["unseen_before_menu"] == 3 and report["unseen_after_menu"] == 0
    assert report["badge_cleared"]

    # Retry from the menu: a new attempt, through the one door (audited as the tray's).
    assert report["retried_note"]["title"].startswith(f"Retrying {name} · ")
    assert report["retried_state"] in ("SCHEDULED", "PENDING", "RUNNING", "COMPLETED")
    entries = audit.read(first, path=tmp_path / "settings" / "data" / "audit.jsonl")
    assert [(e["action"], e["source"]) for e in entries] == [("retry", "tray")]

    for shot in ("failure-balloon.png", "failure-notice.png"):
        image = QImage(str(shots / shot))
        assert not image.isNull() and image.width() > 100, shot
