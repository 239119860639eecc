"""The runner turns its settings into a flow run's environment once, not per run."""

from __future__ import annotations

from desktop_app.core.serving.settings_env_cache import RememberedEnvironment


class Settings:
    def __init__(self, value: str) -> None:
        self.value = value
        self.calls = 0
        self.runner = "runner settings"

    def to_environment_variables(self, exclude_unset: bool = False) -> dict[str, str]:
        self.calls += 1
        return {"PREFECT_X": self.value, "UNSET": str(exclude_unset)}


def test_the_same_settings_are_turned_into_variables_once():
    settings = Settings("a")
    first = RememberedEnvironment(settings).to_environment_variables(exclude_unset=True)
    first["PREFECT_X"] = "changed by the caller"  # a copy: the memory is not touched
    second = RememberedEnvironment(settings).to_environment_variables(exclude_unset=True)
    assert second == {"PREFECT_X": "a", "UNSET": "True"} and settings.calls == 1
    # Other arguments are another answer.
    assert RememberedEnvironment(settings).to_environment_variables()["UNSET"] == "False"
    assert settings.calls == 2


def test_other_settings_get_their_own_variables_and_attributes_read_through():
    a, b = Settings("a"), Settings("b")
    assert RememberedEnvironment(a).to_environment_variables()["PREFECT_X"] == "a"
    assert RememberedEnvironment(b).to_environment_variables()["PREFECT_X"] == "b"
    assert RememberedEnvironment(b).runner == "runner settings"


def test_prefects_starter_is_given_the_remembering_view():
    from prefect.runner import _starter_engine

    from desktop_app.core.serving.settings_env_cache import remember_settings_environment

    saved = _starter_engine.get_current_settings
    try:
        assert remember_settings_environment()
        assert remember_settings_environment()  # twice: wrapped once
        view = _starter_engine.get_current_settings()
        assert isinstance(view, RememberedEnvironment)
        assert view.to_environment_variables(exclude_unset=True) == (
            saved().to_environment_variables(exclude_unset=True)
        )
    finally:
        _starter_engine.get_current_settings = saved
