"""Which deployments' schedules a person edited in Flowdesk: those win over the file's.

A flow file served by the runner is registered again each time it changes.
Prefect's re-registration sends the schedules the file declares -- none, for
a plain `@flow` -- and the server then replaces the deployment's schedules
with that list, silently deleting schedules added since. The decision:
once a person adds, edits, removes or toggles a schedule of a deployment in
Flowdesk (window, CLI, designer), that deployment's schedules are theirs and
re-serving leaves them alone; until then the file's declaration stands.

The marks are a small JSON file in the data folder, keyed by the
deployment's full name (`flow/deployment`), which survives the deployment
being deleted and registered again with a new id. Written atomically; a
damaged file reads as "no marks" (the file's schedules win, as before).
"""

from __future__ import annotations

import json
import logging
import time
from pathlib import Path

from desktop_app.core.config import paths
from desktop_app.core.config.atomic import atomic_write_json

log = logging.getLogger(__name__)


def marks_file() -> Path:
    return paths.data_dir() / "schedules_edited.json"


def edited_deployments(path: Path | None = None) -> dict[str, float]:
    """Full deployment name → when its schedules were last edited here."""
    target = path or marks_file()
    try:
        data = json.loads(target.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        log.warning("ignoring unreadable %s: %s", target, exc)
        return {}
    marks = data.get("edited") if isinstance(data, dict) else None
    if not isinstance(marks, dict):
        return {}
    return {str(k): float(v) for k, v in marks.items() if isinstance(v, (int, float))}


def edited_here(full_name: str, path: Path | None = None) -> bool:
    return full_name in edited_deployments(path)


def mark_edited(full_name: str, path: Path | None = None) -> None:
    """Record that `full_name`'s schedules are now the person's (OSError if unwritable)."""
    marks = edited_deployments(path)
    marks[full_name] = time.time()
    atomic_write_json(path or marks_file(), {"edited": marks})


def keep_server_schedules(deployment: object) -> None:
    """Register `deployment` (a Prefect `RunnerDeployment`) without touching schedules.

    Its `schedules` is unset, so the update Prefect sends has no `schedules`
    key at all and the server keeps the ones it has. (Sending `None` is not
    the same: with slugged schedules the server's update path iterates it.)
    """
    deployment.schedules = None  # type: ignore[attr-defined]
    deployment.model_fields_set.discard("schedules")  # type: ignore[attr-defined]
