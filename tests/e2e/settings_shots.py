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

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication


async def shoot(app: QApplication, out: Path, work: Path) -> dict:
    from desktop_app import i18n
    from desktop_app.core.config.autostart import Autostart
    from desktop_app.core.config.profiles import Profile, ProfileStore
    from desktop_app.core.config.secrets import SecretStore
    from desktop_app.ui.settings import Preferences, SettingsDialog
    from desktop_app.ui.translations import install_language

    report: dict = {"platform": app.platformName()}
    store = ProfileStore(work / "settings.json", SecretStore(work / "secrets.json", False))
    url = os.environ.get("FLOWDESK_E2E_API_URL", "http://team-server:4200/api")
    team = Profile(name="Team server", kind="remote", api_url=url)
    store.upsert(team, secret=os.environ.get("FLOWDESK_E2E_AUTH") or None)
    dialog = SettingsDialog(
        store,
        Preferences(store.settings),
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

    i18n.clear_caches()
    install_language(app, "zh_CN")  # the shipped catalogue
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
    from tests.e2e.script_loop import run_qt_script

    out = Path(sys.argv[1])
    with tempfile.TemporaryDirectory() as work:
        report = run_qt_script(lambda app: shoot(app, out, Path(work)), timeout=120)
    print(json.dumps(report, ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
