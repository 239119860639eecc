"""How often the window's server watch asks the server over HTTP whether it answers.

The watch reads the supervisor's state file every second: a crashed server
shows up there within the supervisor's 0.25 s tick, since the supervisor
sees the process die. The HTTP probe is only for a server that is alive but
does not answer, so while the window is connected to a server that answered
it runs every `HEALTH_PROBE_SECONDS` instead of every second (it was 60 of
the ~107 requests a minute an idle server got). Not connected, or after a
failed probe, every round probes.
"""

from __future__ import annotations

import asyncio
import time
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop_app.core.supervision.server import ServerManager, ServerStatus

HEALTH_PROBE_SECONDS = 10.0


class HealthProbe:
    def __init__(self) -> None:
        self.due_at = 0.0
        """Monotonic time of the next HTTP probe."""

    async def status(self, manager: ServerManager, client: Any) -> ServerStatus:
        """The server's status; `healthy` from a probe if one is due, else the last one."""
        probe = client is None or time.monotonic() >= self.due_at
        status = await asyncio.to_thread(manager.status, probe)
        if not probe and status.state and status.state.phase == "ready":
            # It answered within the last few seconds, at the address we are connected to.
            status.healthy = status.state.api_url == client.connection.api_url
        if probe or not status.healthy:
            self.due_at = time.monotonic() + (HEALTH_PROBE_SECONDS if status.healthy else 0)
        return status
