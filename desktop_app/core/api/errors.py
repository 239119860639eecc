"""Errors of the client facade, each with a message a person can act on."""

from __future__ import annotations


class FlowdeskError(Exception):
    """Base class: `str(error)` is one clear sentence for the user."""


class ConnectionFailed(FlowdeskError):
    pass


class Unauthorized(FlowdeskError):
    pass


class NotFound(FlowdeskError):
    pass


class AmbiguousId(FlowdeskError):
    pass


class InvalidState(FlowdeskError):
    """The run is not in a state that allows this action (e.g. resume of a running run)."""


class InputRejected(FlowdeskError):
    """The server refused the resume input; the run stays paused."""

    def __init__(self, reason: str) -> None:
        from desktop_app.i18n import tr_core

        super().__init__(
            tr_core("The server rejected the input: {reason}. The run is still paused.").format(
                reason=reason
            )
        )
        self.reason = reason


class ProcessGone(InvalidState):
    """A run paused inside its process, and that process has ended: no resume can reach it."""


class ScheduleRejected(FlowdeskError):
    """A schedule that is wrong (ours or Prefect's check): nothing was changed."""
