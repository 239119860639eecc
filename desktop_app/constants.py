"""Names shared by the app and the flows it runs.

Dependency-free on purpose: the GUI imports these before Prefect is loaded,
and flow processes import them through `desktop_app.runtime`.
"""

PAUSE_REQUEST_TAG = "flowdesk.pause-requested"
"""Tag the app adds to a run to ask it to pause at its next `checkpoint()`."""

NODE_TAG_PREFIX = "flowdesk.node:"
"""Task-run tag carrying the designer node id, so run events can colour nodes."""

DESCRIPTION_INPUT_KEY = "flowdesk-pause-description"
"""Flow-run input key holding the description of a pause that takes no input."""

RELEASED_LABEL = "flowdesk.released-pause"
"""Flow-run label: the pause key of a pause that released its process (`pause_here`)."""

RELEASED_AFTER_LABEL = "flowdesk.released-after-s"
"""Flow-run label: how long (s) that pause waited in its process before it was released."""

RESTART_LABEL = "flowdesk.restart-s"
"""Flow-run label: about how long (s) a resume takes to get the run back to that pause."""

RELEASE_AFTER_ENV = "FLOWDESK_RELEASE_AFTER"
"""Seconds after which a `pause_here` that sets no `release_after` releases its process
(overrides the app-wide setting; for a script or a test)."""

SETTINGS_FILE_ENV = "FLOWDESK_SETTINGS_FILE"
"""The app's settings.json, for flow processes: the runner passes it on so a pause reads
the app-wide "release paused runs after…" as it is now, without a runner restart."""

RELEASE_SETTING = "release_paused_after_minutes"
"""The field of settings.json holding that app-wide default (0: never)."""
