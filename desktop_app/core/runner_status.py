"""Where the runner reports what it serves (read by the daemon, the CLI and the UI)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from desktop_app.core import paths


def runner_status_file() -> Path:
    return paths.data_dir() / "runner-status.json"


def read_runner_status() -> dict[str, Any]:
    """{"deployments": {file: [names]}, "errors": {file: message}, "updated": t}."""
    try:
        return json.loads(runner_status_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"deployments": {}, "errors": {}, "updated": 0}
