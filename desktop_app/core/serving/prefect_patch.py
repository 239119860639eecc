"""Finding the Prefect module a warm-start speed-up patches.

Each speed-up (client_tls, settings_env_cache, suspension_observer) replaces
one name inside one Prefect module, and each must step aside when this
Prefect does not have that module: a later release then runs as it ships.
"""

from __future__ import annotations

import importlib
from types import ModuleType


def prefect_module(name: str) -> ModuleType | None:
    """The module `name`, or None if this Prefect has no such module."""
    try:
        return importlib.import_module(name)
    except ImportError:
        return None
