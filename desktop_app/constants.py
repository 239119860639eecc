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
