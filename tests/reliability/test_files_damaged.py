"""Every file Flowdesk reads may be damaged: each bad one is kept aside as
NAME.broken-TIMESTAMP, the user is told in one line, and the rest keeps working."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading

import pytest

from desktop_app.core.config import damaged
from desktop_app.core.config.profiles import LOCAL_ID, ProfileStore
from desktop_app.core.config.secrets import SecretStore
from desktop_app.core.config.settings import SettingsStore


@pytest.fixture
def notices():
    heard: list[str] = []
    stop = damaged.listen(heard.append)
    yield heard
    stop()


def broken_copies(folder, name):
    return sorted(p for p in folder.iterdir() if p.name.startswith(f"{name}.broken-"))


def _old_profiles(config, payload):
    """profiles.json as the previous version wrote it (json.dumps(indent=2))."""
    (config / "profiles.json").write_text(json.dumps(payload, indent=2), encoding="utf-8")


GOOD_REMOTE = {
    "name": "Team",
    "kind": "remote",
    "api_url": "http://team:4200/api",
    "id": "team1",
    "port_preference": 4200,
    "keep_server_running": False,
    "start_minimised": False,
    "start_at_login": False,
}


def test_one_bad_profile_keeps_the_others_and_the_file(tmp_path, notices):
    bad = {"name": "Broken", "kind": "ftp", "id": "bad1"}
    other = {**GOOD_REMOTE, "name": "Other", "id": "other1", "port_preference": "not a port"}
    _old_profiles(tmp_path, {"active": "team1", "profiles": [GOOD_REMOTE, bad, other]})
    original = (tmp_path / "profiles.json").read_bytes()
    store = ProfileStore(
        settings=SettingsStore(tmp_path / "settings.json"),
        secrets=SecretStore(tmp_path / "s.json", use_keyring=False),
    )
    assert [p.id for p in store.profiles] == [LOCAL_ID, "team1"]
    assert store.active.name == "Team"
    # The user's file, with the entries we could not read, is kept as it was.
    kept = broken_copies(tmp_path, "profiles.json")
    assert len(kept) == 1 and kept[0].read_bytes() == original
    assert len(notices) == 1 and "profiles.json was damaged" in notices[0]
    assert "unknown kind" in notices[0] and kept[0].name in notices[0]
    store.activate(LOCAL_ID)  # the next save writes settings.json, never over the kept copy
    assert kept[0].read_bytes() == original


@pytest.mark.parametrize("payload", [[], "profiles", 42, None, {"profiles": {"a": 1}}])
def test_another_shape_of_profiles_file_does_not_crash(tmp_path, notices, payload):
    _old_profiles(tmp_path, payload)
    store = ProfileStore(
        settings=SettingsStore(tmp_path / "settings.json"),
        secrets=SecretStore(tmp_path / "s.json", use_keyring=False),
    )
    assert store.active.id == LOCAL_ID
    if payload == []:
        assert not notices  # an empty list is a valid (empty) list of profiles
    else:
        assert len(notices) == 1 and "profiles.json was damaged" in notices[0]
        assert broken_copies(tmp_path, "profiles.json")


def test_damaged_settings_file_keeps_the_good_fields(tmp_path, notices):
    path = tmp_path / "settings.json"
    store = SettingsStore(path)
    store.update(language="zh_CN", theme="dark")
    text = path.read_text().replace('"dark"', '"neon"').replace('"sound": false', '"sound": 3')
    path.write_text(text)
    again = SettingsStore(path).get()
    assert (again.language, again.theme, again.sound) == ("zh_CN", "system", False)
    assert len(notices) == 1 and "settings.json was damaged" in notices[0]
    assert broken_copies(tmp_path, "settings.json")[0].read_text() == text
    # Rewritten clean: the next start says nothing more.
    SettingsStore(path).get()
    assert len(notices) == 1


@pytest.mark.parametrize("text", ["", "{cut", "[1, 2]", b"\xff\xfe garbage"])
def test_settings_file_that_is_not_settings(tmp_path, notices, text):
    path = tmp_path / "settings.json"
    if isinstance(text, bytes):
        path.write_bytes(b"\xff\xfe garbage")
    else:
        path.write_text(text)
    settings = SettingsStore(path).get()
    assert settings.active.id == LOCAL_ID
    assert len(notices) == 1 and len(broken_copies(tmp_path, "settings.json")) == 1


def test_deeply_nested_settings_file(tmp_path, notices):
    path = tmp_path / "settings.json"
    path.write_text("[" * 100_000 + "]" * 100_000)
    assert SettingsStore(path).get().language == "system"
    assert len(notices) == 1


def test_damaged_secrets_file(tmp_path, notices):
    path = tmp_path / "secrets.json"
    path.write_text('["not", "a", "map"]')
    secrets = SecretStore(path, use_keyring=False)
    assert secrets.get("profile:x") is None
    assert "secrets.json was damaged" in notices[0] and "Settings" in notices[0]
    secrets.set("profile:x", "v")  # a new file; the old one stays aside
    assert secrets.get("profile:x") == "v"
    assert broken_copies(tmp_path, "secrets.json")[0].read_text() == '["not", "a", "map"]'


def _cli(home, *argv, timeout=120):
    env = {**os.environ, "FLOWDESK_HOME": str(home)}
    env.pop("FLOWDESK_API_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", *argv],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
    )


@pytest.mark.parametrize(
    "content",
    [
        "[]",
        '{"phase": "ready", "port": "4200", "daemon_pid": 1}',
        '{"phase": "ready", "port": 4200, "daemon_pid": null}',
        "{torn",
    ],
)
def test_damaged_server_state_file_in_the_cli(tmp_path, content):
    """A supervisor holds the lock (this test) but its state file is damaged."""
    from desktop_app.core.supervision.filelock import FileLock

    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    (data / "server.json").write_text(content)
    lock = FileLock(data / "server.lock")
    assert lock.acquire()
    try:
        result = _cli(tmp_path, "server", "status")
    finally:
        lock.release()
    assert "Traceback" not in result.stderr
    assert result.returncode == 3  # "not running", at once: no wait on a file that never heals
    lines = [line for line in result.stderr.splitlines() if "server.json was damaged" in line]
    assert len(lines) == 1, result.stderr
    assert broken_copies(data, "server.json")[0].read_text() == content


@pytest.mark.parametrize(
    "content",
    [
        '{"deployments": [], "errors": {}, "updated": 1}',
        '{"deployments": {"a.py": "x"}, "errors": {}, "updated": 1}',
        '"text"',
    ],
)
def test_damaged_runner_status(tmp_path, monkeypatch, notices, content):
    from desktop_app.core.serving.runner_status import read_runner_status

    monkeypatch.setenv("FLOWDESK_HOME", str(tmp_path))
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "runner-status.json").write_text(content)
    assert read_runner_status() == {"deployments": {}, "errors": {}, "updated": 0}
    assert len(notices) == 1 and "runner-status.json was damaged" in notices[0]


def test_runner_status_round_trip(tmp_path, monkeypatch, notices):
    from desktop_app.core.config.atomic import atomic_write_json
    from desktop_app.core.serving.runner_status import read_runner_status, runner_status_file

    monkeypatch.setenv("FLOWDESK_HOME", str(tmp_path))
    status = {"deployments": {"a.py": ["f/local"]}, "errors": {"b.py": "boom"}, "updated": 2.5}
    atomic_write_json(runner_status_file(), status)
    assert read_runner_status() == status and not notices


def test_notices_reach_the_window_from_any_thread(qtbot):
    from PySide6.QtWidgets import QWidget

    from desktop_app.ui.file_notices import FileNotices

    shown: list[str] = []
    owner = QWidget()
    FileNotices(shown.append, owner)
    thread = threading.Thread(target=damaged.notify, args=("x.json was damaged",))
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: shown == ["x.json was damaged"], timeout=5000)
    owner.deleteLater()


@pytest.mark.integration
def test_damaged_state_file_of_a_live_server_heals_within_a_tick(managed_server):
    """The supervisor rewrites a state file that was kept aside: no 120 s wait."""
    import time

    from desktop_app.core.config import paths

    path = paths.server_state_file()
    for _attempt in range(3):  # the supervisor may rewrite it first: damage it again
        path.write_text("[]")
        result = _cli(managed_server.home, "server", "status")
        assert "Traceback" not in result.stderr
        if "server.json was damaged" in result.stderr:
            break
    else:
        pytest.fail("the damaged state file was never noticed")
    began = time.monotonic()
    while _cli(managed_server.home, "server", "status").returncode != 0:
        assert time.monotonic() - began < 30, "the state file did not heal"
    for kept in broken_copies(path.parent, "server.json"):
        kept.unlink()
