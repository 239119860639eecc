"""A live language switch reaches every widget: 简体中文 → English → 简体中文.

The user's path: File ▸ Settings ▸ Appearance, pick a language, OK. Then every
visible text of the window (menus, tabs, toolbar, chips, search box, run
detail, status bar, dashboard, deployments, work pools), the settings dialog
and the tray menu is walked, and no word of the other language may be left
(data aside: run, flow and deployment names).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication

from desktop_app.core.config.profiles import ProfileStore
from desktop_app.core.config.secrets import SecretStore
from desktop_app.ui.settings.preferences import Preferences
from tests.ui import test_main_window_support as support
from tests.ui.language_walk import WORD, texts_of, wrong_language
from tests.ui.test_main_window_support import await_until, open_window, run
from tests.ui.tray_support import private_settings

qloop = support.qloop  # the fixture
pytestmark = pytest.mark.integration


def data_words(window) -> frozenset[str]:
    """Words of what the tables show: run, flow and deployment names, ids, tags."""
    words: set[str] = set()
    for info in window.runs.model.runs():
        for text in (info.name, info.flow_name, info.id, info.deployment_name or "", *info.tags):
            words.update(WORD.findall(text))
    model = window.deployments.model
    for row in range(model.rowCount()):
        words.update(WORD.findall(model.deployment_at(row).full_name))
    if window.designer is not None:  # the open design's own name ("Untitled design")
        words.update(WORD.findall(window.designer.document.design.name))
    return frozenset(words)


def choose_language(dialog, language: str) -> None:
    """Settings ▸ Appearance ▸ Language, then OK (apply), as a user does."""
    combo = dialog.appearance.language
    combo.setCurrentIndex(combo.findData(language))
    assert dialog.apply()
    QCoreApplication.sendPostedEvents()  # the LanguageChange events Qt posted


def visible_texts(window, dialog, tray) -> dict[str, str]:
    from desktop_app.ui.designer import DesignerWidget

    texts: dict[str, str] = {}
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        QCoreApplication.sendPostedEvents()
        # The designer's own texts are its helper's; its tab title is walked here.
        for where, text in texts_of(window, skip=(DesignerWidget,)).items():
            texts[f"[tab {index}] {where}"] = text
    window.tabs.setCurrentIndex(0)
    for where, text in texts_of(dialog).items():
        texts[f"[settings] {where}"] = text
    tray.rebuild_menu()
    for where, text in texts_of(tray.menu).items():
        texts[f"[tray] {where}"] = text
    texts["[tray] tooltip"] = tray.tooltip()
    return texts


def test_every_widget_follows_a_live_language_switch_both_ways(
    qloop, qtbot, managed_server, tmp_path, monkeypatch
) -> None:
    from desktop_app.ui.settings.controller import SettingsController
    from desktop_app.ui.translations import install_language
    from desktop_app.ui.tray import TrayController

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    shots = tmp_path / "shots"
    shots.mkdir()
    app = QCoreApplication.instance()
    install_language(app, "zh_CN")

    async def scenario() -> dict[str, dict[str, str]]:
        found: dict[str, dict[str, str]] = {}
        async with open_window(qtbot, manager=managed_server.manager) as h:
            window = h.window
            window.resize(1400, 900)
            await h.connected_and_loaded()
            started = await support.deployment_runner(h)("basic-workflow")
            await await_until(lambda: window.runs.model.run(started.id), 60, what="the run")
            first = window.runs.model.run(started.id)
            window.runs.select_run(first.id)
            window.runs.show_detail(first.id)
            await await_until(
                lambda: window.deployments.model.rowCount() > 0, 60, what="deployments"
            )
            secrets = SecretStore(tmp_path / "secrets.json", use_keyring=False)
            controller = SettingsController(
                h.context,
                ProfileStore(tmp_path / "profiles.json", secrets),
                Preferences(private_settings(tmp_path)),
                window,
                tray_available=False,
            )
            tray = TrayController(
                h.context.get_client,
                window.show,
                lambda _id: None,
                tasks=h.context.tasks,
                available=False,
            )
            dialog = controller.open()
            data = data_words(window)
            window.grab().save(str(shots / "zh-before.png"))
            for language in ("en", "zh_CN"):
                choose_language(dialog, language)
                texts = visible_texts(window, dialog, tray)
                data = data_words(window)
                window.grab().save(str(shots / f"after-{language}.png"))
                found[language] = wrong_language(texts, language, data)
            dialog.close()
            tray.shutdown()
        return found

    try:
        found = run(qloop, scenario(), timeout=240)
    finally:
        install_language(app, "en")
    report = "\n".join(
        f"{language}: {where}: {text!r}"
        for language, texts in found.items()
        for where, text in sorted(texts.items())
    )
    assert found == {"en": {}, "zh_CN": {}}, report
