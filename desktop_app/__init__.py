"""Flowdesk: Prefect 3 on your desk.

The version lives in pyproject.toml only; it is read from the installed
metadata so the CLI, the About box and the installers never disagree.
"""

from __future__ import annotations

from importlib import metadata as _metadata

try:
    __version__ = _metadata.version("flowdesk")
except _metadata.PackageNotFoundError:  # running from a bare source tree or a frozen build
    __version__ = "0.1.0"

__all__ = ["__version__"]
