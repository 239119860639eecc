"""The settings dialog drawn on a real X display, in English and (live-switched) Chinese."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from desktop_app.i18n import load_catalogue

pytestmark = [pytest.mark.xvfb, pytest.mark.integration]

HERE = Path(__file__).resolve().parent


def test_settings_dialog_on_x_in_english_and_chinese(x_desktop, managed_server, tmp_path):
    out = Path(os.environ.get("FLOWDESK_SHOTS_DIR") or tmp_path)
    connection = managed_server.connection
    report = x_desktop.run_script(
        HERE / "settings_shots.py",
        str(out),
        FLOWDESK_E2E_API_URL=connection.api_url,
        FLOWDESK_E2E_AUTH=connection.auth_string or "",
    )
    assert report["platform"] == "xcb"
    assert report["test_ok"] and report["runs_listed"] >= 1
    zh = load_catalogue("zh_CN")
    assert report["zh_title"] == zh[("SettingsDialog", "Flowdesk settings")]
    assert report["zh_test_button"] == zh[("ConnectionTester", "Test connection")]
    connected = zh[("ConnectionTester", "Connected: Prefect server {version}.")]
    assert report["zh_result"].startswith(connected.split("{version}")[0])  # re-rendered live
    assert "3." in report["zh_result"]
    assert report["zh_ok_button"] == "确定"  # Qt's own catalogue for standard buttons
    assert report["en_title_again"] == "Flowdesk settings"
    for name in ("settings.png", "settings-zh.png"):
        image = QImage(str(out / name))
        assert not image.isNull() and image.width() >= 600, name


def test_main_window_in_chinese_has_no_english_left(x_desktop, managed_server, tmp_path):
    out = Path(os.environ.get("FLOWDESK_SHOTS_DIR") or tmp_path)
    connection = managed_server.connection
    asyncio.run(_a_few_runs(managed_server))  # rows and a detail pane worth a picture
    report = x_desktop.run_script(
        HERE / "main_window_shots.py",
        str(out),
        FLOWDESK_E2E_API_URL=connection.api_url,
        FLOWDESK_E2E_AUTH=connection.auth_string or "",
    )
    assert report["platform"] == "xcb" and report["language"] == "zh_CN"
    assert report["rows"] >= 2
    assert report["tab0"] == "运行"
    assert report["texts"] > 40  # menus, actions, tabs, headers, buttons, labels
    assert report["english"] == {}, report["english"]
    image = QImage(str(out / "main-window-zh.png"))
    assert not image.isNull() and image.width() >= 1000


async def _a_few_runs(managed_server) -> None:
    from tests.conftest import await_until

    async with managed_server.client() as client:
        deployment = await client.resolve_deployment("basic-workflow")
        runs = [await client.run_deployment(deployment.id, {"count": n}) for n in (2, 3)]

        async def finished() -> bool:
            states = [(await client.read_run(run.id)).state for run in runs]
            return all(state.is_final for state in states)

        await await_until(finished, timeout=60, what="the runs to finish")
