"""Finding the flows the runner serves.

A flow file is any `*.py` (not starting with `_`) in the served folders; each
`prefect.Flow` defined at its top level becomes one deployment. A file that
fails to import is reported with its error and skipped: one broken file must
not take the other flows down.
"""

from __future__ import annotations

import hashlib
import importlib.util
import sys
import traceback
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DEPLOYMENT_NAME = "local"


@dataclass
class LoadedFile:
    path: Path
    flows: list[Any] = field(default_factory=list)
    error: str | None = None


def flow_files(folders: Iterable[Path]) -> list[Path]:
    """Flow modules in `folders` and one level of sub-folders, in a stable order."""
    found: list[Path] = []
    for folder in folders:
        if not folder.is_dir():
            continue
        candidates = [*folder.glob("*.py"), *folder.glob("*/*.py")]
        for path in sorted(candidates):
            if path.name.startswith("_") or "__pycache__" in path.parts:
                continue
            found.append(path.resolve())
    return found


def signature(paths: Iterable[Path]) -> dict[Path, float]:
    """mtime per file: a change here means the runner must re-apply that file."""
    result: dict[Path, float] = {}
    for path in paths:
        try:
            result[path] = path.stat().st_mtime_ns
        except OSError:
            continue
    return result


def load_file(path: Path) -> LoadedFile:
    """Import a flow file under a unique module name and collect its flows."""
    from prefect import Flow

    digest = hashlib.sha1(str(path).encode()).hexdigest()[:10]
    name = f"flowdesk_user_flow_{path.stem}_{digest}"
    loaded = LoadedFile(path=path)
    try:
        spec = importlib.util.spec_from_file_location(name, path)
        if spec is None or spec.loader is None:
            raise ImportError(f"cannot import {path}")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    except BaseException as exc:  # a user's file may even call sys.exit()
        lines = traceback.format_exception_only(type(exc), exc)
        loaded.error = "".join(lines).strip()
        sys.modules.pop(name, None)
        return loaded
    for value in vars(module).values():
        if isinstance(value, Flow) and getattr(value.fn, "__module__", None) == name:
            loaded.flows.append(value)
    return loaded
