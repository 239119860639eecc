"""Themes apply live and keep state colours readable; preferences validate their values."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QPalette

from desktop_app.ui.settings.preferences import Preferences
from tests.ui.tray_support import private_settings

STATES = ("SCHEDULED", "PENDING", "RUNNING", "PAUSED", "COMPLETED", "FAILED", "CRASHED")


@pytest.fixture
def restore_theme(qapp):
    from desktop_app.ui.theme import apply_theme

    yield
    apply_theme(qapp, "system")


def test_dark_and_light_apply_and_state_colours_stay_readable(qapp, restore_theme):
    from desktop_app.ui.style import is_dark, state_color
    from desktop_app.ui.theme import apply_theme, contrast_ratio

    system = qapp.palette().color(QPalette.ColorRole.Window).name()
    for theme, dark in (("dark", True), ("light", False), ("dark", True)):
        assert apply_theme(qapp, theme) == theme
        assert is_dark() is dark
        base = qapp.palette().color(QPalette.ColorRole.Base)
        text = qapp.palette().color(QPalette.ColorRole.Text)
        assert contrast_ratio(text, base) >= 7
        for state in STATES:
            ratio = contrast_ratio(state_color(state), base)
            assert ratio >= 3.0, f"{state} on {theme}: {ratio:.2f}"
    apply_theme(qapp, "system")
    assert qapp.palette().color(QPalette.ColorRole.Window).name() == system
    with pytest.raises(ValueError, match="unknown theme"):
        apply_theme(qapp, "sepia")


def test_preferences_round_trip_and_refuse_unknown_values(tmp_path):
    prefs = Preferences(private_settings(tmp_path))
    assert (prefs.language, prefs.theme, prefs.notify_on_pause, prefs.sound) == (
        "system",
        "system",
        True,
        False,
    )
    prefs.language, prefs.theme, prefs.sound = "zh_CN", "dark", True
    again = Preferences(private_settings(tmp_path))
    assert (again.language, again.theme, again.sound) == ("zh_CN", "dark", True)
    with pytest.raises(ValueError, match="unknown language"):
        prefs.language = "klingon"
    path = tmp_path / "settings.json"
    path.write_text(path.read_text().replace('"dark"', '"neon"'))  # a hand-edited file
    assert Preferences(private_settings(tmp_path)).theme == "system"
    assert Preferences(private_settings(tmp_path)).language == "zh_CN"  # the rest is kept


@pytest.mark.parametrize(
    ("kind", "url", "secret", "field", "words"),
    [
        ("remote", "", "", "url", "Enter the server's API address"),
        ("remote", "my-server:4200/api", "", "url", "http:// or https://"),
        ("remote", "http://:4200/api", "", "url", "no host name"),
        ("remote", "http://host:port/api", "", "url", "not a number"),
        ("remote", "http://host:4200", "", "url", "http://host:4200/api"),
        ("remote", "http://host:4200/api", "nocolon", "secret", "user:password"),
        ("cloud", "https://api.prefect.cloud/api", "pnu_x", "url", "workspace"),
        (
            "cloud",
            "https://api.prefect.cloud/api/accounts/ACCOUNT_ID/workspaces/WORKSPACE_ID",
            "pnu_x",
            "url",
            "Replace ACCOUNT_ID",
        ),
        ("cloud", "https://api.prefect.cloud/api/accounts/a/workspaces/w", "", "secret", "API key"),
    ],
)
def test_profile_validation_names_the_field_and_the_fix(qapp, kind, url, secret, field, words):
    from desktop_app.core.config.profiles import Profile
    from desktop_app.ui.settings.validation import profile_problem

    problem = profile_problem(Profile(name="x", kind=kind, api_url=url), secret, False)
    assert problem is not None and problem.field == field and words in problem.message


def test_valid_profiles_pass(qapp):
    from desktop_app.core.config.profiles import Profile
    from desktop_app.ui.settings.validation import profile_problem

    remote = Profile(name="Team", kind="remote", api_url="http://team:4200/api")
    assert profile_problem(remote, "", False) is None  # an open server needs no auth
    cloud = Profile(name="C", kind="cloud", api_url="https://x/api/accounts/a/workspaces/w")
    assert profile_problem(cloud, "", True) is None  # the saved key is kept
    assert profile_problem(Profile(name=" ", kind="remote"), "", False).field == "name"
    local = Profile(name="Local", port_preference=80)
    assert profile_problem(local, "", False).field == "port"
