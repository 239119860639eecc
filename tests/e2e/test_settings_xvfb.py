"""The settings dialog drawn on a real X display, in English and (live-switched) Chinese."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

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
    assert report["zh_title"] == "Flowdesk 设置"
    assert report["zh_test_button"] == "测试连接"
    assert report["zh_result"].startswith("已连接：Prefect 服务器 3.")  # re-rendered live
    assert report["zh_ok_button"] == "确定"  # Qt's own catalogue for standard buttons
    assert report["en_title_again"] == "Flowdesk settings"
    for name in ("settings.png", "settings-zh.png"):
        image = QImage(str(out / name))
        assert not image.isNull() and image.width() >= 600, name
