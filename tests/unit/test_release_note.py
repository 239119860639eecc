"""Pure logic of releasing a long pause: what `release_after` means, and the note shown."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest

from desktop_app.constants import (
    RELEASE_AFTER_ENV,
    RELEASED_AFTER_LABEL,
    RELEASED_LABEL,
    RESTART_LABEL,
)
from desktop_app.core.api.models import RunInfo, StateInfo
from desktop_app.core.api.release_note import release_line, release_of
from desktop_app.runtime.release import release_plan


def _run(state: StateInfo, labels: dict | None = None) -> RunInfo:
    return RunInfo(
        id="r1", name="run-1", flow_id="f", flow_name="flow", state=state,
        deployment_id="d", labels=labels or {},
    )


SUSPENDED = StateInfo(
    "PAUSED", "Suspended", datetime.now(timezone.utc), pause_reschedule=True, pause_key="1"
)
RELEASED = {RELEASED_LABEL: "1", RELEASED_AFTER_LABEL: 600, RESTART_LABEL: 3.4}


def test_release_after_accepts_timedeltas_and_seconds(monkeypatch):
    monkeypatch.delenv(RELEASE_AFTER_ENV, raising=False)
    assert release_plan(timedelta(minutes=10)) == (600.0, "")
    assert release_plan(2.5) == (2.5, "")
    assert release_plan(None) == (None, "")  # no default set: never, and no complaint


@pytest.mark.parametrize("value", [0, -5, timedelta(0), float("nan"), float("inf")])
def test_release_after_of_zero_or_less_is_refused_in_words(value):
    seconds, why = release_plan(value)
    assert seconds is None and "must be more than 0 seconds" in why


@pytest.mark.parametrize("value", ["10", True, [1]])
def test_release_after_of_the_wrong_type_is_refused_in_words(value):
    seconds, why = release_plan(value)
    assert seconds is None and "timedelta or a number of seconds" in why


def test_the_app_wide_default_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv(RELEASE_AFTER_ENV, "900")
    assert release_plan(None) == (900.0, "")
    assert release_plan(30) == (30.0, "")  # the flow's own value wins
    monkeypatch.setenv(RELEASE_AFTER_ENV, "0")
    assert release_plan(None) == (None, "")
    monkeypatch.setenv(RELEASE_AFTER_ENV, "ten minutes")
    seconds, why = release_plan(None)
    assert seconds is None and "is not a number of seconds" in why


def test_a_released_pause_shows_as_paused_with_its_note():
    run = _run(SUSPENDED, RELEASED)
    assert run.pause_released and run.display_state == "Paused"
    note = release_of(run)
    assert note is not None and note.after_seconds == 600 and note.restart_seconds == 3.4
    assert release_line(run) == (
        "Released its memory after 10 min; resuming restarts it from where it paused: "
        "about 3 s."
    )


def test_no_note_for_a_plain_suspend_another_pause_or_a_resumed_run():
    assert release_of(_run(SUSPENDED)) is None  # suspended by hand or by a stop
    assert _run(SUSPENDED).display_state == "Suspended"
    later_pause = replace(SUSPENDED, pause_key="2")  # an older release's labels
    assert release_of(_run(later_pause, RELEASED)) is None
    in_process = replace(SUSPENDED, name="Paused", pause_reschedule=False)
    assert release_of(_run(in_process, RELEASED)) is None
    running = StateInfo("RUNNING", "Running")
    assert release_line(_run(running, RELEASED)) == ""


def test_damaged_labels_still_give_a_sentence():
    run = _run(SUSPENDED, {RELEASED_LABEL: "1", RELEASED_AFTER_LABEL: "x", RESTART_LABEL: -1})
    assert release_line(run).startswith("Released its memory after 0 s;")
    assert "about 1 s" in release_line(run)


def test_the_app_wide_setting_is_read_from_the_settings_file_the_runner_names(
    monkeypatch, tmp_path
):
    from desktop_app.constants import RELEASE_SETTING, SETTINGS_FILE_ENV
    from desktop_app.core.config.settings import Settings, store_at

    assert hasattr(Settings(), RELEASE_SETTING)  # the runtime reads the field by this name
    monkeypatch.delenv(RELEASE_AFTER_ENV, raising=False)
    store = store_at(tmp_path / "settings.json")
    settings = store.get()
    settings.release_paused_after_minutes = 10
    store.save(settings)
    monkeypatch.setenv(SETTINGS_FILE_ENV, str(tmp_path / "settings.json"))
    assert release_plan(None) == (600.0, "")
    settings.release_paused_after_minutes = 0
    store.save(settings)
    assert release_plan(None) == (None, "")  # off: nothing said in the run's log
    (tmp_path / "settings.json").write_text("{ damaged", encoding="utf-8")
    assert release_plan(None) == (None, "")  # the app reports a damaged file, not a flow
    monkeypatch.setenv(SETTINGS_FILE_ENV, str(tmp_path / "missing.json"))
    assert release_plan(None) == (None, "")


def test_the_runner_hands_its_flows_the_settings_file():
    from desktop_app.constants import SETTINGS_FILE_ENV
    from desktop_app.core.config import paths
    from desktop_app.core.supervision.prefect_env import runner_env

    env = runner_env("http://127.0.0.1:1/api", "auth")
    assert env[SETTINGS_FILE_ENV] == str(paths.config_dir() / "settings.json")


def test_a_released_pause_is_dated_from_when_it_paused_not_from_its_release():
    from desktop_app.core.api.release_note import paused_at

    run = _run(SUSPENDED, RELEASED)
    assert paused_at(run) == SUSPENDED.timestamp - timedelta(seconds=600)
    assert paused_at(_run(SUSPENDED)) == SUSPENDED.timestamp
