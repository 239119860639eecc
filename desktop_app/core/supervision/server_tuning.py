"""Quieter idle for the managed server: its background-task worker checks once a second.

Prefect's server runs its periodic services (late runs, pause expirations, cancellation
clean-up...) through a docket worker on an in-memory queue. The worker's defaults --
look for due tasks every 250 ms, block 250 ms at a time for new ones -- suit a shared
server; on a desktop they were ~8 % of the idle server's CPU for services that run every
few seconds at most. One second keeps them timely (a pause expires, a run turns Late,
at most a second later) and lets the server sleep. New tasks the API hands the worker
still wake it as they arrive (a blocking read).
"""

from __future__ import annotations

import functools
import inspect
import logging
from datetime import timedelta
from typing import Any

log = logging.getLogger("flowdesk.server")

CHECK_INTERVAL = timedelta(seconds=1)
TUNED = ("minimum_check_interval", "scheduling_resolution")

QUIET_SERVICES = {
    # Turning a Scheduled run "Late" is a label (our runner starts it either way, and a
    # Late event still wakes it): every 30 s instead of 5 s.
    "PREFECT_SERVER_SERVICES_LATE_RUNS_LOOP_SECONDS": "30",
    # Reclaims cleanup leases of work-pool workers; a desktop has none.
    "PREFECT_SERVER_SERVICES_CLEANUP_RECONCILER_LOOP_SECONDS": "60",
    # Proactive automation triggers ("expect an event within..."): Flowdesk defines none.
    "PREFECT_SERVER_EVENTS_PROACTIVE_GRANULARITY": "PT30S",
}
"""Server loops a desktop does not need every 5 s. Measured idle (daemon + server +
runner, no window, 40 s, load ~9): the server from 2.15 % to 1.85 % of a core. Loops
a person waits on (pause expiry, schedules of a just-edited deployment, cancellation
clean-up) keep Prefect's intervals."""


def quiet_background_worker() -> bool:
    """Make docket's `Worker` default to `CHECK_INTERVAL`; True if it could be done.

    Only defaults change: an explicit argument from Prefect still wins. A docket
    without these parameters is left alone (Prefect then runs as it ships).
    """
    try:
        from docket import worker as docket_worker
    except ImportError:
        return False
    worker_class = docket_worker.Worker
    original = worker_class.__init__
    if getattr(original, "_flowdesk_tuned", False):
        return True
    parameters = inspect.signature(original).parameters
    if not all(name in parameters for name in TUNED):
        log.info("docket's Worker has no %s: left as it ships", TUNED)
        return False

    @functools.wraps(original)
    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        for name in TUNED:
            kwargs.setdefault(name, CHECK_INTERVAL)
        original(self, *args, **kwargs)

    __init__._flowdesk_tuned = True  # type: ignore[attr-defined]
    worker_class.__init__ = __init__
    return True
