"""Flowdesk: Prefect 3 on your desk.

The version lives in pyproject.toml only; it is read from the installed
metadata so the CLI, the About box and the installers never disagree.

It is read on first use (PEP 562 `__getattr__`), not at import: importing
`importlib.metadata` costs tens of milliseconds before the window can paint,
and the window shows the version only in its About box.
"""

from __future__ import annotations

from typing import Any

__all__ = ["__version__"]


def _read_version() -> str:
    from importlib import metadata

    try:
        return metadata.version("flowdesk")
    except metadata.PackageNotFoundError:  # running from a bare source tree or a frozen build
        return "0.1.0"


def __getattr__(name: str) -> Any:
    if name == "__version__":
        version = _read_version()
        globals()["__version__"] = version  # read once
        return version
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
