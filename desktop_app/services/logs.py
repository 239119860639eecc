"""Following a run's logs: the one loop, for `flowdesk logs` and the window.

`core.log_tail.batches` does the polling: new lines past a cursor, a
bounded sweep for lines that arrive late, and after the run ends it keeps
polling until at least 2 s pass with nothing new (the flow process ships
its last batch as it exits). This adds the level filter and makes a run id
that does not exist an error instead of an empty, successful follow.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from typing import TYPE_CHECKING

from desktop_app.core.api import log_tail
from desktop_app.core.api.models import LogLine

if TYPE_CHECKING:
    from desktop_app.core.api.client import FlowdeskClient

LEVELS = {"debug": 10, "info": 20, "warning": 30, "error": 40}


async def follow_logs(
    client: FlowdeskClient,
    run_id: str,
    *,
    min_level: int = 0,
    follow: bool = True,
    is_final: Callable[[], bool | Awaitable[bool]] | None = None,
    poll: float = log_tail.POLL_SECONDS,
    cursor: log_tail.LogCursor | None = None,
) -> AsyncIterator[list[LogLine]]:
    """Batches of the run's log lines at `min_level` or above, in time order.

    With `follow`, until the run is final and its last lines are in; without,
    what is there now. Raises `NotFound` (in words) for a run the server does
    not have. All levels are read and filtered here: the cursor must see every
    line to know where it is.
    """
    await client.read_run(run_id)  # NotFound before the first poll, not silence
    async for batch in log_tail.batches(
        client, run_id, is_final=is_final, follow=follow, poll=poll, cursor=cursor
    ):
        wanted = [line for line in batch if line.level >= min_level]
        if wanted:
            yield wanted
