"""The one note a released pause adds for the person who resumes it.

A pause that released its process (`pause_here(release_after=…)`) is, for
the person, the same pause: it shows as Paused, counts as waiting, takes the
same form. The only difference they should see is this note -- how long it
waited before it let go of its memory, and about how long the resume takes to
get back to the pause -- in the run's row, its detail and the tray. The flow
leaves the figures in the run's labels (`desktop_app.runtime.release`); this
module reads them and says them in the user's language.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from desktop_app.constants import RELEASED_AFTER_LABEL, RESTART_LABEL
from desktop_app.core.api.models import RunInfo
from desktop_app.i18n import tr_core


@dataclass(frozen=True)
class ReleaseNote:
    after_seconds: float
    """How long the pause waited in its process before releasing it."""
    restart_seconds: float
    """About how long a resume takes to get the run back to the pause."""


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        return None
    try:
        number = float(value)
    except ValueError:
        return None
    return number if number >= 0 else None


def release_of(run: RunInfo | None) -> ReleaseNote | None:
    """The note of a run waiting in a released pause, None for any other run."""
    if run is None or not run.pause_released:
        return None
    after = _number(run.labels.get(RELEASED_AFTER_LABEL))
    restart = _number(run.labels.get(RESTART_LABEL))
    return ReleaseNote(after or 0.0, restart or 0.0)


def paused_at(run: RunInfo) -> datetime | None:
    """When the run's current state began -- for a released pause, when the pause began."""
    stamp = run.state.timestamp
    note = release_of(run)
    if stamp is None or note is None:
        return stamp
    return stamp - timedelta(seconds=note.after_seconds)


def _waited(seconds: float) -> str:
    if seconds >= 3600:
        return tr_core("{hours:.1f} h").format(hours=seconds / 3600)
    if seconds >= 60:
        return tr_core("{minutes} min").format(minutes=round(seconds / 60))
    return tr_core("{seconds} s").format(seconds=round(seconds))


def release_text(note: ReleaseNote) -> str:
    """ "released its memory after 10 min; resuming restarts it from where it paused: about 3 s"."""
    return tr_core(
        "Released its memory after {waited}; resuming restarts it from where it paused: "
        "about {seconds} s."
    ).format(waited=_waited(note.after_seconds), seconds=max(1, round(note.restart_seconds)))


def release_line(run: RunInfo | None) -> str:
    """The note for `run` in words, or "" when its pause was not released."""
    note = release_of(run)
    return release_text(note) if note is not None else ""
