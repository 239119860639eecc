"""Screenshots of the settings dialog on a real X display, in English and in Chinese.

    FLOWDESK_E2E_API_URL=... FLOWDESK_E2E_AUTH=... python settings_shots.py OUT_DIR

A remote profile is pointed at the given server and tested, so the picture
shows a real "Test connection" result and the server's latest runs. The
Chinese picture uses a temporary catalogue written here (the real .ts is
translated separately); the last stdout line is a JSON report.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication

# A temporary zh_CN catalogue for the dialog's own strings: (context, source) → text.
ZH = {
    ("SettingsDialog", "Flowdesk settings"): "Flowdesk 设置",
    ("SettingsDialog", "Connection"): "连接",
    ("SettingsDialog", "Appearance"): "外观",
    ("SettingsDialog", "Notifications"): "通知",
    ("ConnectionPage", "Add remote server…"): "添加远程服务器…",
    ("ConnectionPage", "Add Prefect Cloud…"): "添加 Prefect Cloud…",
    ("ConnectionPage", "Remove"): "删除",
    ("ConnectionPage", "Use this profile"): "使用此配置",
    ("ConnectionPage", "(in use)"): "（使用中）",
    ("ProfileEditor", "Kind:"): "类型：",
    ("ProfileEditor", "Remote Prefect server"): "远程 Prefect 服务器",
    ("ProfileEditor", "Local (managed server)"): "本地（托管服务器）",
    ("ProfileEditor", "Name:"): "名称：",
    ("ProfileEditor", "Server API URL:"): "服务器 API 地址：",
    ("ProfileEditor", "Auth string:"): "认证字符串：",
    ("ProfileEditor", "Show"): "显示",
    ("ProfileEditor", "Saved — type to replace"): "已保存 — 输入以替换",
    ("ConnectionTester", "Test connection"): "测试连接",
    ("ConnectionTester", "Latest runs on this server:"): "此服务器上的最新运行：",
    (
        "ConnectionTester",
        "Connected: Prefect server {version}.",
    ): "已连接：Prefect 服务器 {version}。",
    (
        "ConnectionPage",
        "No system keyring is available: secrets are kept in {path}, readable only by you.",
    ): "没有可用的系统密钥环：密钥保存在 {path}，仅您本人可读。",
}


def write_catalogue(folder: Path) -> None:
    contexts: dict[str, list[tuple[str, str]]] = {}
    for (context, source), text in ZH.items():
        contexts.setdefault(context, []).append((source, text))
    body = "".join(
        f"<context><name>{escape(name)}</name>"
        + "".join(
            f"<message><source>{escape(s)}</source><translation>{escape(t)}</translation></message>"
            for s, t in messages
        )
        + "</context>"
        for name, messages in contexts.items()
    )
    (folder / "flowdesk_zh_CN.ts").write_text(
        f'<?xml version="1.0" encoding="utf-8"?><TS version="2.1" language="zh_CN">{body}</TS>',
        encoding="utf-8",
    )


async def shoot(app: QApplication, out: Path, work: Path) -> dict:
    from desktop_app import i18n
    from desktop_app.core.autostart import Autostart
    from desktop_app.core.profiles import Profile, ProfileStore
    from desktop_app.core.secrets import SecretStore
    from desktop_app.ui.settings import Preferences, SettingsDialog
    from desktop_app.ui.translations import install_language

    report: dict = {"platform": app.platformName()}
    store = ProfileStore(work / "profiles.json", SecretStore(work / "secrets.json", False))
    url = os.environ.get("FLOWDESK_E2E_API_URL", "http://team-server:4200/api")
    team = Profile(name="Team server", kind="remote", api_url=url)
    store.upsert(team, secret=os.environ.get("FLOWDESK_E2E_AUTH") or None)
    settings = QSettings(str(work / "prefs.ini"), QSettings.Format.IniFormat)
    dialog = SettingsDialog(
        store,
        Preferences(settings),
        autostart=Autostart(platform="linux", home=work),
        tray_available=True,
    )
    dialog.resize(760, 520)
    dialog.show()
    dialog.connection.select(team.id)
    if "FLOWDESK_E2E_API_URL" in os.environ:
        dialog.connection.test_selected()
        deadline = time.monotonic() + 60
        while dialog.connection.tester.busy and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        result = dialog.connection.tester.result
        report["test_ok"] = bool(result and result.ok)
        report["runs_listed"] = dialog.connection.tester.runs.count()
    await asyncio.sleep(0.2)  # layout settles before the picture
    out.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(out / "settings.png"))

    folder = work / "translations"
    folder.mkdir()
    write_catalogue(folder)
    i18n.translations_dir = lambda: folder  # the temporary catalogue
    i18n.load_catalogue.cache_clear()
    install_language(app, "zh_CN")
    QCoreApplication.sendPostedEvents()
    await asyncio.sleep(0.2)
    report["zh_title"] = dialog.windowTitle()
    report["zh_test_button"] = dialog.connection.tester.button.text()
    report["zh_result"] = dialog.connection.tester.banner.text()
    report["zh_ok_button"] = dialog.buttons.button(dialog.buttons.StandardButton.Ok).text()
    dialog.grab().save(str(out / "settings-zh.png"))
    install_language(app, "en")
    QCoreApplication.sendPostedEvents()
    report["en_title_again"] = dialog.windowTitle()
    dialog.close()
    return report


def main() -> int:
    out = Path(sys.argv[1])
    app = QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)
    import qasync

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with tempfile.TemporaryDirectory() as work:
        try:
            report = loop.run_until_complete(asyncio.wait_for(shoot(app, out, Path(work)), 120))
        finally:
            loop.close()
    print(json.dumps(report), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
