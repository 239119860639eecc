"""The runner computes the settings part of a flow run's environment once, not per run.

For each run it starts, Prefect's process starter turns the runner's whole settings
object into environment variables (`Settings.to_environment_variables`): ~2,000
pydantic serialisations, 0.06-0.25 s here, on the path from "Run" to Running. The
runner's settings do not change while it serves (its environment is fixed at start;
a changed settings context is a new object), so the answer for the same settings
object is the same. We hand the starter a view of the settings whose
`to_environment_variables` remembers its answer per settings object; everything
else reads through to the real settings.
"""

from __future__ import annotations

import threading
from typing import Any

from desktop_app.core.serving.prefect_patch import prefect_module

_STARTER_MODULE = "prefect.runner._starter_engine"


class RememberedEnvironment:
    """A settings object whose `to_environment_variables` answers from memory."""

    _lock = threading.Lock()
    _memory: dict[tuple[int, tuple[tuple[str, Any], ...]], tuple[Any, dict[str, str]]] = {}

    def __init__(self, settings: Any) -> None:
        self._settings = settings

    def to_environment_variables(self, **kwargs: Any) -> dict[str, str]:
        key = (id(self._settings), tuple(sorted(kwargs.items())))
        with self._lock:
            known = self._memory.get(key)
        if known is None or known[0] is not self._settings:
            known = (self._settings, self._settings.to_environment_variables(**kwargs))
            with self._lock:
                if len(self._memory) > 8:  # settings contexts come and go in tests
                    self._memory.clear()
                self._memory[key] = known  # holds the object: its id is not reused
        return dict(known[1])

    def __getattr__(self, name: str) -> Any:
        return getattr(self._settings, name)


def remember_settings_environment() -> bool:
    """Make Prefect's process starter reuse the settings environment; True if done."""
    starter = prefect_module(_STARTER_MODULE)
    if starter is None:
        return False
    original = getattr(starter, "get_current_settings", None)
    if original is None:
        return False  # a later Prefect: it starts runs as it ships
    if getattr(original, "_flowdesk_remembers", False):
        return True

    def get_current_settings() -> Any:
        return RememberedEnvironment(original())

    get_current_settings._flowdesk_remembers = True  # type: ignore[attr-defined]
    starter.get_current_settings = get_current_settings
    return True
