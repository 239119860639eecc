"""Helpers imported *inside* flow runs.

Kept tiny and dependent on Prefect only: a flow process imports this module,
so nothing here may pull in Qt, platformdirs or the rest of Flowdesk.
"""

from desktop_app.runtime.checkpoint import (
    PAUSE_REQUEST_TAG,
    acheckpoint,
    checkpoint,
)
from desktop_app.runtime.pausing import (
    DESCRIPTION_INPUT_KEY,
    FAST_POLL_INTERVAL,
    apause_here,
    pause_here,
)

__all__ = [
    "DESCRIPTION_INPUT_KEY",
    "FAST_POLL_INTERVAL",
    "PAUSE_REQUEST_TAG",
    "acheckpoint",
    "apause_here",
    "checkpoint",
    "pause_here",
]
