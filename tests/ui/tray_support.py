"""Helpers for the tray tests: RunEvents and RunInfos as the window would forward them.

Not mocks: the same frozen dataclasses the event stream produces, built here
for the tests that need no server (burst sizes, menu layout, preferences).
"""

from __future__ import annotations

import itertools
from datetime import datetime, timezone

from desktop_app.core.api.models import RunEvent, RunInfo, StateInfo
from desktop_app.core.config.settings import SettingsStore, store_at

_ids = itertools.count()


def run_info(
    run_id: str,
    state: str = "PAUSED",
    *,
    flow: str = "pause-resume-workflow",
    name: str | None = None,
    deployment: str | None = "dep-1",
    wants_input: bool = False,
) -> RunInfo:
    keyset = {"schema": "s", "description": "d", "response": "r"} if wants_input else None
    return RunInfo(
        id=run_id,
        name=name or f"run-{run_id}",
        flow_id="flow-id",
        flow_name=flow,
        state=StateInfo(state, state.title(), datetime.now(timezone.utc), run_input_keyset=keyset),
        deployment_id=deployment,
        deployment_name="local" if deployment else None,
    )


def event(run_id: str, state: str = "PAUSED", **kwargs: object) -> RunEvent:
    return RunEvent(
        id=f"test-event-{next(_ids)}",
        occurred=datetime.now(timezone.utc),
        run_id=run_id,
        state_type=state,
        state_name=state.title(),
        source="events",
        run=run_info(run_id, state, **kwargs),  # type: ignore[arg-type]
    )


def private_settings(tmp_path) -> SettingsStore:
    """The settings file of a test (shared with `ProfileStore(tmp_path / "settings.json")`)."""
    return store_at(tmp_path / "settings.json")
