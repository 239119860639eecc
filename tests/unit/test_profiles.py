"""Profiles, secrets and start-at-login, without a display or a server."""

from __future__ import annotations

import json
import plistlib
import stat
import sys

import pytest

from desktop_app.core.config.autostart import Autostart, launch_agent
from desktop_app.core.config.profiles import LOCAL_ID, Profile, ProfileStore
from desktop_app.core.config.secrets import SecretStore


@pytest.fixture
def file_keyring(tmp_path, monkeypatch):
    """The real keyring API on a file backend (CI has no secret service)."""
    import keyring
    from keyrings.alt.file import PlaintextKeyring

    backend = PlaintextKeyring()
    backend.file_path = str(tmp_path / "keyring.cfg")
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


def test_profiles_keep_secrets_out_of_the_profiles_file(tmp_path, file_keyring):
    secrets = SecretStore(file_path=tmp_path / "secrets.json", use_keyring=True)
    store = ProfileStore(tmp_path / "profiles.json", secrets)
    assert store.active.id == LOCAL_ID  # a fresh install has the local profile
    remote = Profile(name="Team server", kind="remote", api_url="http://team:4200/api")
    store.upsert(remote, secret="admin:s3cret")
    store.activate(remote.id)
    text = (tmp_path / "profiles.json").read_text()
    assert "s3cret" not in text
    reloaded = ProfileStore(tmp_path / "profiles.json", secrets)
    assert reloaded.active.name == "Team server"
    conn = reloaded.remote_connection(reloaded.active)
    assert conn.auth_string == "admin:s3cret" and conn.kind == "remote"
    reloaded.remove(remote.id)
    assert reloaded.active.id == LOCAL_ID
    assert secrets.get(remote.secret_key) is None
    with pytest.raises(ValueError):
        reloaded.remove(LOCAL_ID)


@pytest.mark.skipif(
    sys.platform == "win32",
    reason="POSIX permission bits: on Windows the user profile's ACLs keep the file private",
)
def test_secret_file_fallback_is_private_and_warns(tmp_path):
    secrets = SecretStore(file_path=tmp_path / "secrets.json", use_keyring=False)
    assert "readable only by you" in secrets.warning
    secrets.set("k", "v")
    assert secrets.get("k") == "v"
    assert stat.S_IMODE((tmp_path / "secrets.json").stat().st_mode) == 0o600


def test_corrupt_settings_file_falls_back_without_losing_it(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text("{broken")
    store = ProfileStore(path, SecretStore(tmp_path / "s.json", use_keyring=False))
    assert store.active.id == LOCAL_ID
    kept = list(tmp_path.glob("settings.json.broken-*"))
    assert len(kept) == 1 and kept[0].read_text() == "{broken"  # kept aside, never overwritten
    with pytest.raises(ValueError, match="unknown profile kind"):
        Profile(name="x", kind="ftp")


def test_cloud_profile_uses_an_api_key(tmp_path):
    store = ProfileStore(tmp_path / "p.json", SecretStore(tmp_path / "s.json", use_keyring=False))
    cloud = Profile(
        name="Cloud", kind="cloud", api_url="https://api.example/api/accounts/a/workspaces/w"
    )
    store.upsert(cloud, secret="pnu_key")
    conn = store.remote_connection(cloud)
    assert conn.api_key == "pnu_key" and conn.auth_string is None and not conn.managed
    assert json.loads((tmp_path / "p.json").read_text())["profiles"][1]["kind"] == "cloud"


def test_linux_autostart_writes_and_removes_a_desktop_entry(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    autostart = Autostart(platform="linux", home=tmp_path)
    assert not autostart.enabled()
    autostart.enable(minimised=True)
    entry = (tmp_path / "cfg" / "autostart" / "flowdesk.desktop").read_text()
    assert entry.startswith("[Desktop Entry]") and "--minimised" in entry
    assert autostart.enabled()
    autostart.disable()
    assert not autostart.enabled()


def test_macos_launch_agent(tmp_path):
    autostart = Autostart(platform="darwin", home=tmp_path)
    autostart.enable()
    plist = plistlib.loads(
        (tmp_path / "Library/LaunchAgents/io.flowdesk.Flowdesk.plist").read_bytes()
    )
    assert plist["RunAtLoad"] is True and plist["ProgramArguments"][-1] == "--minimised"
    assert plistlib.loads(launch_agent(["x"]))["ProgramArguments"] == ["x"]
