"""The settings dialog: profiles (remote server with its own auth string), secrets, checks.

A second, plain `prefect server start` with its own auth string stands in for
a team server (as in tests/integration/test_remote_profile.py). Secrets go
through the real keyring API on a file backend.
"""

from __future__ import annotations

import asyncio
import json

import pytest
from PySide6.QtCore import Qt

from desktop_app.core.config.autostart import Autostart
from desktop_app.core.config.profiles import ProfileStore
from desktop_app.core.config.secrets import SecretStore
from desktop_app.ui.settings.preferences import Preferences
from tests.remote_prefect import remote_prefect_server
from tests.ui import test_forms_support as support
from tests.ui.test_forms_support import arun, await_until
from tests.ui.tray_support import private_settings

qloop = support.qloop

REMOTE_AUTH = "team-admin:tray-secret"


@pytest.fixture
def file_keyring(tmp_path):
    import keyring
    from keyrings.alt.file import PlaintextKeyring

    backend = PlaintextKeyring()
    backend.file_path = str(tmp_path / "keyring.cfg")
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def make_dialog(qloop, tmp_path, monkeypatch):
    from desktop_app.ui.async_tools import TaskKeeper
    from desktop_app.ui.settings import SettingsDialog

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    made = []

    def make(use_keyring: bool = True) -> SettingsDialog:
        secrets = SecretStore(tmp_path / "secrets.json", use_keyring=use_keyring)
        store = ProfileStore(tmp_path / "settings.json", secrets)
        dialog = SettingsDialog(
            store,
            Preferences(private_settings(tmp_path)),
            autostart=Autostart(platform="linux", home=tmp_path),
            tray_available=False,
            tasks=TaskKeeper(),
        )
        made.append(dialog)
        dialog.show()
        return dialog

    yield make
    for dialog in made:
        dialog.close()
        dialog.deleteLater()


def _type(qtbot, widget, text: str) -> None:
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    qtbot.keyClicks(widget, text)


@pytest.fixture(scope="module")
def team_server(managed_server, tmp_path_factory):
    """A second, plain Prefect server with its own auth string and one run of its own."""
    home = tmp_path_factory.mktemp("team-prefect-home")
    with remote_prefect_server(home, REMOTE_AUTH) as url:
        asyncio.run(_seed_team_run(url))
        yield url


async def _seed_team_run(url: str, auth: str = REMOTE_AUTH, name: str = "team-only-flow") -> None:
    """A run that exists only on one server, so listing it proves where we look."""
    from prefect import flow

    from desktop_app.core.api.client import FlowdeskClient
    from desktop_app.core.api.connection import Connection

    @flow(name=name)
    def team_only() -> int:
        return 1

    connection = Connection(url, auth_string=auth, kind="remote", managed=False)
    async with FlowdeskClient(connection) as client:
        # Scheduled far ahead: the list shows the latest runs by expected start, and
        # the copied session database may hold other tests' future runs.
        from datetime import datetime, timedelta, timezone

        from prefect.states import Scheduled

        when = datetime.now(timezone.utc) + timedelta(days=3650)
        await client.prefect.create_flow_run(team_only, state=Scheduled(scheduled_time=when))


@pytest.mark.integration
def test_switch_to_a_remote_profile_wrong_then_right_auth(
    qtbot, qloop, make_dialog, team_server, file_keyring, tmp_path
):
    dialog = make_dialog()
    page = dialog.connection
    changed: list = []
    dialog.profile_changed.connect(changed.append)
    qtbot.mouseClick(page.add_remote, Qt.MouseButton.LeftButton)
    editor = page.editor
    _type(qtbot, editor.name, "Team server")
    _type(qtbot, editor.url, team_server)
    _type(qtbot, editor.secret, "team-admin:wrong")

    async def test_connection():
        qtbot.mouseClick(page.tester.button, Qt.MouseButton.LeftButton)
        await await_until(lambda: not page.tester.busy, timeout=30, what="connection test")

    arun(qloop, test_connection())
    result = page.tester.result
    assert result is not None and not result.ok and result.step == "auth"
    shown = page.tester.banner.text()
    assert "The credentials were refused." in shown and "auth string (401)" in shown
    assert page.tester.runs.isHidden()

    _type(qtbot, editor.secret, REMOTE_AUTH)
    listed: list = []
    page.tester.runs_listed.connect(listed.append)
    arun(qloop, test_connection())
    assert page.tester.result.ok and "Connected" in page.tester.banner.text()
    assert listed and listed[0], "the team server's runs are listed"
    assert page.tester.runs.count() == len(listed[0])
    names = [run.flow_name for run in listed[0]]
    assert "team-only-flow" in names
    row = names.index("team-only-flow")
    assert "team-only-flow" in page.tester.runs.item(row).text()

    qtbot.mouseClick(page.use, Qt.MouseButton.LeftButton)
    assert dialog.apply()
    assert len(changed) == 1
    profile = changed[0]
    assert (profile.kind, profile.name, profile.api_url) == ("remote", "Team server", team_server)

    # What was saved: the profile without its secret; the secret in the keyring.
    text = (tmp_path / "settings.json").read_text()
    assert REMOTE_AUTH not in text and json.loads(text)["active_profile"] == profile.id
    store = ProfileStore(tmp_path / "settings.json", SecretStore(tmp_path / "s2.json", True))
    assert store.active.id == profile.id
    assert store.remote_connection(store.active).auth_string == REMOTE_AUTH
    assert not (tmp_path / "secrets.json").exists()  # the keyring was used, not the file

    # Reopening shows the saved secret as "saved", never its value.
    dialog.load()
    page.select(profile.id)
    assert editor.secret.text() == "" and "Saved" in editor.secret.placeholderText()
    # Applying again with nothing changed re-points nothing.
    assert dialog.apply() and len(changed) == 1


def test_a_bad_address_is_refused_with_its_fix_and_nothing_is_saved(qtbot, make_dialog, tmp_path):
    dialog = make_dialog()
    page = dialog.connection
    qtbot.mouseClick(page.add_remote, Qt.MouseButton.LeftButton)
    _type(qtbot, page.editor.url, "team-server:4200")
    assert not dialog.apply()
    assert "http:// or https://" in page.banner.text() and "Nothing was saved" in page.banner.text()
    assert page.editor.url.text() == "team-server:4200"  # kept, ready to fix
    assert dialog.isVisible()
    assert not (tmp_path / "settings.json").exists()
    _type(qtbot, page.editor.url, "http://team-server:4200")
    assert not dialog.apply()
    assert "http://team-server:4200/api" in page.banner.text()
    _type(qtbot, page.editor.url, "http://team-server:4200/api")
    assert page.banner.text() == ""  # editing clears the complaint
    assert dialog.apply()
    assert "team-server" in (tmp_path / "settings.json").read_text()


def test_cloud_needs_a_key_and_a_file_fallback_is_announced(qtbot, make_dialog, tmp_path):
    dialog = make_dialog(use_keyring=False)
    page = dialog.connection
    assert page.secret_warning.isVisibleTo(dialog)
    assert str(tmp_path / "secrets.json") in page.secret_warning.text()
    qtbot.mouseClick(page.add_cloud, Qt.MouseButton.LeftButton)
    assert page.editor.secret_label.text() == "API key:"
    _type(qtbot, page.editor.url, "https://api.prefect.cloud/api/accounts/a1/workspaces/w1")
    assert not dialog.apply()
    assert "API key" in page.banner.text()
    _type(qtbot, page.editor.secret, "pnu_abc")
    assert dialog.apply()
    saved = json.loads((tmp_path / "secrets.json").read_text())
    assert list(saved.values()) == ["pnu_abc"]


def test_local_preferences_start_at_login_and_appearance_signals(qtbot, make_dialog, tmp_path):
    dialog = make_dialog()
    page = dialog.connection
    languages: list[str] = []
    themes: list[str] = []
    dialog.language_changed.connect(languages.append)
    dialog.theme_changed.connect(themes.append)
    page.select("local")
    page.editor.start_at_login.setChecked(True)
    page.editor.start_minimised.setChecked(True)
    page.editor.keep_running.setChecked(True)
    page.editor.port.setValue(4321)
    dialog.appearance.language.setCurrentIndex(dialog.appearance.language.findData("zh_CN"))
    dialog.appearance.theme.setCurrentIndex(dialog.appearance.theme.findData("dark"))
    dialog.notifications.on_end.setChecked(False)
    assert dialog.apply()
    entry = tmp_path / "xdg" / "autostart" / "flowdesk.desktop"
    assert entry.exists() and "--minimised" in entry.read_text()
    assert dialog.preferences.keep_server_running
    assert not dialog.preferences.notify_on_end
    assert (languages, themes) == (["zh_CN"], ["dark"])
    assert (
        ProfileStore(tmp_path / "settings.json", page.store.secrets).active.port_preference == 4321
    )

    page.editor.start_at_login.setChecked(False)
    assert dialog.apply() and not entry.exists()
    assert (languages, themes) == (["zh_CN"], ["dark"])  # unchanged: not emitted again


def test_cancel_forgets_drafts(qtbot, make_dialog, tmp_path):
    dialog = make_dialog()
    page = dialog.connection
    qtbot.mouseClick(page.add_remote, Qt.MouseButton.LeftButton)
    assert page.profiles.count() == 2
    dialog.reject()
    assert page.profiles.count() == 1 and not (tmp_path / "settings.json").exists()


@pytest.mark.integration
def test_switching_profile_repoints_every_view_live(
    qtbot, qloop, team_server, managed_server, tmp_path
):
    """Local → team server → local again, in one window: rows follow the profile."""
    from desktop_app.core.config.profiles import Profile
    from desktop_app.ui.settings.controller import SettingsController, profile_label
    from tests.ui.test_main_window_support import open_window, run

    secrets = SecretStore(tmp_path / "secrets.json", use_keyring=False)
    store = ProfileStore(tmp_path / "settings.json", secrets)
    team = Profile(name="Team server", kind="remote", api_url=team_server)
    store.upsert(team, secret=REMOTE_AUTH)

    def flows(window) -> set[str]:
        return {run.flow_name for run in window.runs.model.runs()}

    def deployments(window) -> set[str]:
        model = window.deployments.model
        return {model.deployment_at(row).full_name for row in range(model.rowCount())}

    # The team server started from a copy of the local database: a run made on the
    # local server since then is what tells the two apart.
    local = managed_server.connection
    asyncio.run(_seed_team_run(local.api_url, local.auth_string, name="local-only-flow"))

    async def scenario():
        async with open_window(qtbot, connection=managed_server.connection) as h:
            window = h.window
            await h.connected_and_loaded()
            await await_until(lambda: "local-only-flow" in flows(window), 30, what="local run")
            controller = SettingsController(
                h.context, store, Preferences(private_settings(tmp_path)), window
            )
            switched: list = []
            controller.switched.connect(switched.append)
            controller.switched.connect(lambda p: window.set_profile_name(profile_label(p)))
            controller.applied.connect(window.settings_applied)
            # Saved settings show in the window's own menu at once.
            keep = h.context.keep_server_running
            h.context.keep_server_running = not keep
            controller.applied.emit()
            assert window.keep_running_action.isChecked() is (not keep)
            h.context.keep_server_running = keep
            controller.applied.emit()
            assert window.keep_running_action.isChecked() is keep
            controller.switch_to(team)
            await await_until(lambda: switched, 30, what="the switch")
            await h.connected_and_loaded()
            assert h.context.connection.api_url == team_server
            await await_until(
                lambda: "team-only-flow" in flows(window), 30, what="the team server's run"
            )
            assert "local-only-flow" not in flows(window)  # the local rows went
            assert window.windowTitle().endswith("Team server")

            await h.context.switch(connection=managed_server.connection)
            await h.connected_and_loaded()
            await await_until(lambda: "local-only-flow" in flows(window), 30, what="local again")
            assert "team-only-flow" not in flows(window)
            # The deployments tab loads on its own task: connected_and_loaded waits for runs.
            await await_until(
                lambda: "basic-workflow/local" in deployments(window), 30, what="deployments"
            )

    run(qloop, scenario(), timeout=150)  # not arun: the window's close cancels stray tasks


def test_release_paused_runs_after_is_saved_where_flow_processes_read_it(
    qtbot, make_dialog, tmp_path, monkeypatch
):
    from desktop_app.constants import RELEASE_AFTER_ENV, SETTINGS_FILE_ENV
    from desktop_app.runtime.release import release_plan

    dialog = make_dialog()
    page = dialog.notifications
    assert page.release_after.value() == 0 and page.release_after.text() == "never"
    page.release_after.setValue(15)
    assert dialog.apply()
    assert json.loads((tmp_path / "settings.json").read_text())[
        "release_paused_after_minutes"
    ] == 15
    monkeypatch.delenv(RELEASE_AFTER_ENV, raising=False)
    monkeypatch.setenv(SETTINGS_FILE_ENV, str(tmp_path / "settings.json"))
    assert release_plan(None) == (900.0, "")  # what the next pause of a served flow sees
