"""The window's translator reads the .ts catalogue directly and switches live.

A small temporary catalogue (with real Chinese) stands in for the real one,
which is translated separately.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox

TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context><name>AuditView</name>
  <message><source>Audit trail</source><translation>审计记录</translation></message>
  <message><source>Refresh</source><translation>刷新</translation></message>
  <message><source>Run id:</source><translation type="unfinished">运行编号：</translation></message>
  <message><source>{count} entries, newest first.</source>
    <translation>共 {count} 条，最新的在前。</translation></message>
</context>
<context><name>Tray</name>
  <message><source>%n runs</source><translation>%n 个运行</translation></message>
</context>
</TS>
"""


@pytest.fixture
def catalogue(tmp_path, monkeypatch, qapp):
    from desktop_app import i18n
    from desktop_app.ui.translations import install_language

    (tmp_path / "flowdesk_zh_CN.ts").write_text(TS, encoding="utf-8")
    monkeypatch.setattr(i18n, "translations_dir", lambda: tmp_path)
    i18n.clear_caches()
    yield tmp_path
    install_language(qapp, "en")
    i18n.clear_caches()


def test_translator_answers_from_the_catalogue_and_skips_unfinished(catalogue):
    from desktop_app.ui.translations import CatalogueTranslator

    translator = CatalogueTranslator("zh_CN")
    assert translator.translate("AuditView", "Audit trail") == "审计记录"
    assert translator.translate("AuditView", "Run id:") is None  # unfinished: not used
    # Another context (a subclass asking with its own name): the same English reads the same.
    assert translator.translate("Elsewhere", "Audit trail") == "审计记录"
    assert translator.translate("AuditView", "Never seen") is None
    assert translator.translate("Tray", "%n runs", None, 3) == "3 个运行"
    assert not translator.isEmpty()


def test_install_language_switches_open_widgets_live(catalogue, qapp):
    from desktop_app import i18n
    from desktop_app.ui.audit_view import AuditView
    from desktop_app.ui.translations import install_language

    view = AuditView(None, path=catalogue / "audit.jsonl")
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert view.windowTitle() == "Audit trail"

    assert install_language(qapp, "zh_CN") == "zh_CN"
    QCoreApplication.sendPostedEvents()  # the LanguageChange events Qt posted
    assert view.windowTitle() == "审计记录"
    assert view.refresh_button.text() == "刷新"
    assert view.filter_label.text() == "Run id:"  # unfinished stays English
    # Qt's own catalogue came along: standard buttons are Chinese too.
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"
    assert i18n.current_language() == "zh_CN"  # the CLI side follows

    assert install_language(qapp, "en") == "en"
    QCoreApplication.sendPostedEvents()
    assert view.windowTitle() == "Audit trail"
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Cancel"
    view.close()
    buttons.deleteLater()


def test_a_missing_or_broken_catalogue_leaves_english(tmp_path, monkeypatch, qapp):
    from desktop_app import i18n
    from desktop_app.ui.translations import install_language

    (tmp_path / "flowdesk_zh_CN.ts").write_text("<TS><context>", encoding="utf-8")
    monkeypatch.setattr(i18n, "translations_dir", lambda: tmp_path)
    i18n.clear_caches()
    try:
        assert install_language(qapp, "zh-CN") == "zh_CN"
        assert QCoreApplication.translate("AuditView", "Audit trail") == "Audit trail"
    finally:
        install_language(qapp, "en")
        i18n.clear_caches()
