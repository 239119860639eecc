"""What a run action hands back to the front end that asked for it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from desktop_app.core.api.models import RunInfo

Source = Literal["window", "tray", "cli", "designer"]
"""Where an action came from: written to the audit trail as its "from"."""


@dataclass(frozen=True)
class Done:
    """A successful action.

    `run` is the run as the server shows it afterwards (None after a delete).
    `warning` is set when the action succeeded but something around it did
    not (the audit trail could not be written): show it, do not fail.
    """

    run_id: str
    run: RunInfo | None = None
    warning: str | None = None
    expires_at: datetime | None = None
    """The new pause expiry (extend pause only)."""
