"""The audit trail, as the front ends see it: written here only, read through here.

A failed write never turns a successful action into a failure (the run *was*
resumed): it becomes a warning that names the file, and the log keeps the
details. Reading skips damaged lines and says how many.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from desktop_app.core.config import paths
from desktop_app.i18n import tr_core
from desktop_app.services import audit
from desktop_app.services.audit import AuditRead

log = logging.getLogger(__name__)

__all__ = ["AuditRead", "read", "write"]


def write(
    action: str, run_id: str, *, source: str, path: Path | None = None, **details: Any
) -> str | None:
    """Append one entry (`details`: `run_input`, `detail`); None when written, else
    the warning to show, in words."""
    target = path or paths.audit_log_file()
    try:
        audit.record(action, run_id, source=source, path=target, **details)
    except OSError as exc:
        log.warning("audit trail %s not written (%s %s): %s", target, action, run_id, exc)
        reason = exc.strerror or str(exc)
        return tr_core(
            "Done, but the audit trail could not be written to {path}: {error}"
        ).format(path=target, error=reason)
    return None


def read(run_id: str | None = None, path: Path | None = None) -> AuditRead:
    """Every readable entry, and how many damaged lines were skipped.

    Raises OSError if the file exists but cannot be opened (the caller says so).
    """
    return audit.read_all(run_id, path)


def location() -> Path:
    """Where the audit trail is written."""
    return paths.audit_log_file()
