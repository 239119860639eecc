"""One typed settings file: migrated from the files older versions wrote, one value per
switch, change signals, live reads."""

from __future__ import annotations

import json
import subprocess
import sys

from PySide6.QtCore import QCoreApplication, QSettings

from desktop_app.core.config.profiles import LOCAL_ID, ProfileStore
from desktop_app.core.config.secrets import SecretStore
from desktop_app.core.config.settings import VERSION, SettingsStore
from desktop_app.ui.settings.preferences import Preferences, SettingsSignals


def _write_old_qsettings(config_dir, values):
    """The window's QSettings exactly as the previous version set them up and wrote them."""
    QCoreApplication.setOrganizationName("Flowdesk")
    QCoreApplication.setApplicationName("Flowdesk")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(config_dir))
    try:
        settings = QSettings()
        for key, value in values.items():
            settings.setValue(key, value)
        settings.setValue("main_window/geometry", b"\x01\x02%x=[y]")  # bytes Qt escapes
        settings.sync()
        assert settings.status() == QSettings.Status.NoError
        return settings.fileName()
    finally:
        from desktop_app.ui.context import configure_settings

        configure_settings()  # back to the session's folder for the tests that follow


def _write_old_profiles(config_dir):
    """profiles.json as the previous ProfileStore.save wrote it."""
    data = {
        "active": "team1",
        "profiles": [
            {"name": "Local", "kind": "local", "api_url": "", "id": "local",
             "port_preference": 4321, "keep_server_running": False,
             "start_minimised": True, "start_at_login": True},
            {"name": "Team", "kind": "remote", "api_url": "http://team:4200/api",
             "id": "team1", "port_preference": 4200, "keep_server_running": False,
             "start_minimised": False, "start_at_login": False},
        ],
    }
    (config_dir / "profiles.json").write_text(json.dumps(data, indent=2), encoding="utf-8")


def test_migration_from_the_old_qsettings_and_profiles(qapp, tmp_path):
    ini = _write_old_qsettings(tmp_path, {
        "appearance/language": "zh_CN",
        "appearance/theme": "dark",
        "notifications/on_pause": False,
        "notifications/sound": True,
        "tray/close_to_tray": False,
        "tray/close_hint_shown": True,
        "server/keep_running": True,  # the Server menu's value: it wins over the profile's
    })
    assert ini == str(tmp_path / "Flowdesk" / "Flowdesk.ini")
    _write_old_profiles(tmp_path)
    store = SettingsStore(tmp_path / "settings.json")
    settings = store.get()
    assert (settings.language, settings.theme) == ("zh_CN", "dark")
    assert (settings.notify_on_pause, settings.notify_on_end, settings.sound) == (False, True, True)
    assert (settings.close_to_tray, settings.close_hint_shown) == (False, True)
    assert settings.active_profile == "team1"
    local = settings.local
    assert (local.port_preference, local.start_minimised) == (4321, True)
    assert local.start_at_login is True
    assert local.keep_server_running is True
    saved = json.loads((tmp_path / "settings.json").read_text())
    assert saved["version"] == VERSION
    assert [p["id"] for p in saved["profiles"]] == [LOCAL_ID, "team1"]
    # Once migrated, the old files are not read again (an old version still finds its own).
    (tmp_path / "profiles.json").write_text("{}")
    assert SettingsStore(tmp_path / "settings.json").get().active_profile == "team1"


def test_a_fresh_install_writes_nothing_until_a_change(tmp_path):
    store = SettingsStore(tmp_path / "settings.json")
    assert store.get().language == "system"
    assert not (tmp_path / "settings.json").exists()


def test_keep_server_running_is_stored_once(qapp, tmp_path):
    store = SettingsStore(tmp_path / "settings.json")
    prefs = Preferences(store)
    profiles = ProfileStore(settings=store,
                            secrets=SecretStore(tmp_path / "s.json", use_keyring=False))
    prefs.keep_server_running = True
    profiles.load()
    assert profiles.local.keep_server_running is True
    local = profiles.local
    local.keep_server_running = False
    profiles.upsert(local)
    assert prefs.keep_server_running is False
    text = (tmp_path / "settings.json").read_text()
    assert text.count("keep_server_running") == 1 and "keep_running" not in text.replace(
        "keep_server_running", "")


def test_change_signal_and_live_reads_across_processes(qtbot, tmp_path):
    path = tmp_path / "settings.json"
    store = SettingsStore(path)
    signals = SettingsSignals(store)
    with qtbot.waitSignal(signals.changed, timeout=2000) as blocker:
        store.update(theme="dark")
    assert blocker.args[0].theme == "dark"
    # Another process (the CLI, a second window) changes the file: the next read sees it.
    code = (
        "import sys; from desktop_app.core.config.settings import SettingsStore; "
        "SettingsStore(__import__('pathlib').Path(sys.argv[1])).update(sound=True)"
    )
    subprocess.run([sys.executable, "-c", code, str(path)], check=True, timeout=60)
    assert store.get().sound is True and store.get().theme == "dark"


def test_settings_refuse_bad_values_and_keep_the_file(tmp_path):
    import pytest

    store = SettingsStore(tmp_path / "settings.json")
    store.update(language="en")
    before = (tmp_path / "settings.json").read_bytes()
    with pytest.raises(ValueError, match="language"):
        store.update(language="klingon")
    with pytest.raises(ValueError, match="unknown setting"):
        store.update(colour="red")
    with pytest.raises(ValueError, match="true or false"):
        store.update(sound="yes")
    assert (tmp_path / "settings.json").read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]  # no temp files
