"""Where the runner reports what it serves (read by the daemon, the CLI and the UI)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop_app.core.config import damaged, paths


def runner_status_file() -> Path:
    return paths.data_dir() / "runner-status.json"


def empty_status() -> dict[str, Any]:
    return {"deployments": {}, "errors": {}, "updated": 0}


def status_from_dict(raw: Any) -> dict[str, Any]:
    """Checked shape: {"deployments": {file: [names]}, "errors": {file: message}, "updated": t}.

    Only the keys every reader relies on are checked here; `flow_ownership`
    reads the rest defensively itself.
    """
    data = damaged.expect_object(raw)
    deployments = data.get("deployments", {})
    errors = data.get("errors", {})
    updated = data.get("updated", 0)
    if not isinstance(deployments, dict) or not all(
        isinstance(names, list) and all(isinstance(n, str) for n in names)
        for names in deployments.values()
    ):
        raise damaged.DamagedFile("'deployments' must map files to lists of names")
    if not isinstance(errors, dict) or not all(isinstance(e, str) for e in errors.values()):
        raise damaged.DamagedFile("'errors' must map files to messages")
    if isinstance(updated, bool) or not isinstance(updated, (int, float)):
        raise damaged.DamagedFile("'updated' must be a time")
    # Other keys (load errors, clashes, folders...) are the flow report's to read: kept as they are.
    return {**data, "deployments": deployments, "errors": errors, "updated": updated}


def read_runner_status() -> dict[str, Any]:
    """What the runner last reported; empty when absent, or damaged (then kept aside)."""
    path = runner_status_file()
    try:
        return status_from_dict(damaged.read_json(path))
    except FileNotFoundError:
        return empty_status()
    except damaged.DamagedFile as exc:
        damaged.report(path, str(exc))
        return empty_status()
