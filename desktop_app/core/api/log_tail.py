"""Following a run's logs: poll `client.logs(after=…)`, hand over only new lines.

Flow processes ship logs in batches every ~2 s, so a tail keeps polling
(every `poll` s) while the run is live and a few more times after it ends,
to catch the last batch. Prefect's `after_` filter is inclusive and lines
can share a timestamp, so ids are remembered, but only for a short window
behind the newest line: memory stays flat however long the run logs.

Lines can also arrive late with an older timestamp (another process's
batch: subflows, process pools). Every few polls a sweep re-reads the window
behind the cursor, bounded to a couple of pages, and hands over what it had
missed; the view puts everything in time order once the run is over.

`batches` is the one follow loop: the CLI (`flowdesk logs -f`, through
`services.logs`) iterates it, the run detail pane gets the same loop through
the `follow` callback wrapper. No Qt here.
"""

from __future__ import annotations

import asyncio
import math
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from desktop_app.core.api.models import LogLine

if TYPE_CHECKING:
    from desktop_app.core.api.client import FlowdeskClient

PAGE = 200  # the server's largest page
POLL_SECONDS = 0.5
GRACE_POLLS = 4
"""Quiet polls after the run is final before the tail stops..."""
GRACE_SECONDS = 2.0
"""...and never less quiet time than this: the flow process ships its last batch
as it exits, which is after the final state is written."""
LATE_WINDOW_SECONDS = 6.0
"""How far behind the newest line a late line is still caught (batches ship every 2 s)."""
SWEEP_EVERY = 4
SWEEP_PAGES = 2


class LogCursor:
    """Where the tail is: the newest timestamp seen and the ids seen just behind it."""

    def __init__(self, window: float = LATE_WINDOW_SECONDS) -> None:
        self.after: datetime | None = None
        self.window = timedelta(seconds=window)
        self._recent: deque[tuple[datetime, str]] = deque()
        self._ids: set[str] = set()

    @property
    def sweep_from(self) -> datetime | None:
        return None if self.after is None else self.after - self.window

    def fresh(self, page: list[LogLine]) -> list[LogLine]:
        """Lines of `page` not handed out before; advances the cursor."""
        new: list[LogLine] = []
        floor = self.sweep_from
        for line in page:
            if line.id in self._ids:
                continue
            if floor is not None and line.timestamp < floor:
                continue  # older than anything we can still tell apart
            self._ids.add(line.id)
            self._recent.append((line.timestamp, line.id))
            if self.after is None or line.timestamp > self.after:
                self.after = line.timestamp
            new.append(line)
        self._prune()
        return new

    def _prune(self) -> None:
        floor = self.sweep_from
        while self._recent and floor is not None and self._recent[0][0] < floor:
            self._ids.discard(self._recent.popleft()[1])

    def __len__(self) -> int:
        return len(self._ids)


async def fetch_new(client: FlowdeskClient, run_id: str, cursor: LogCursor) -> list[LogLine]:
    """Every line the server has past `cursor`, page by page."""
    batch: list[LogLine] = []
    offset = 0
    while True:
        page = await client.logs(run_id, limit=PAGE, after=cursor.after, offset=offset)
        fresh = cursor.fresh(page)
        batch += fresh
        if len(page) < PAGE:
            return batch
        # A full page of lines we already had (many lines at one timestamp):
        # step over it instead of asking for the same page again.
        offset = offset + PAGE if not fresh else 0


async def fetch_late(
    client: FlowdeskClient, run_id: str, cursor: LogCursor, pages: int = SWEEP_PAGES
) -> list[LogLine]:
    """Lines that arrived after the cursor passed their timestamp (bounded work)."""
    since = cursor.sweep_from
    if since is None:
        return []
    late: list[LogLine] = []
    for index in range(pages):
        page = await client.logs(run_id, limit=PAGE, after=since, offset=index * PAGE)
        late += cursor.fresh(page)
        if len(page) < PAGE:
            break
    return late


def quiet_polls_needed(poll: float) -> int:
    """Quiet polls at this interval that add up to the grace time."""
    return max(GRACE_POLLS, math.ceil(GRACE_SECONDS / max(poll, 0.01)))


async def batches(
    client: FlowdeskClient,
    run_id: str,
    *,
    is_final: Callable[[], bool | Awaitable[bool]] | None = None,
    follow: bool = True,
    poll: float = POLL_SECONDS,
    grace_polls: int | None = None,
    cursor: LogCursor | None = None,
) -> AsyncIterator[list[LogLine]]:
    """Batches of new lines (time order) until the run is final and quiet.

    `is_final` tells whether the run has ended (a cached state, or a coroutine
    function); without it the run is read from the server each poll. After the
    end the loop keeps polling until at least `GRACE_SECONDS` pass with no new
    line: the flow process ships its last batch as it exits. With
    `follow=False` it hands over what is there now, once. Pass the same
    `cursor` to a later call (a retried run logs again) to continue without
    repeating lines.
    """
    cursor = cursor or LogCursor()
    grace_polls = grace_polls or quiet_polls_needed(poll)
    quiet_after_end = 0
    polls = 0
    while True:
        final_before = await _final(client, run_id, is_final) if follow else True
        batch = await fetch_new(client, run_id, cursor)
        polls += 1
        if polls % SWEEP_EVERY == 0 or final_before:
            batch += await fetch_late(client, run_id, cursor)
        if batch:
            yield sorted(batch, key=lambda line: line.timestamp)
        if not follow:
            return
        if final_before:
            quiet_after_end = 0 if batch else quiet_after_end + 1
            if quiet_after_end >= grace_polls:
                return
        await asyncio.sleep(poll)


async def _final(
    client: FlowdeskClient, run_id: str, is_final: Callable[[], bool | Awaitable[bool]] | None
) -> bool:
    if is_final is None:
        return (await client.read_run(run_id)).state.is_final
    value = is_final()
    if asyncio.iscoroutine(value):
        value = await value
    return bool(value)


async def follow(
    client: FlowdeskClient,
    run_id: str,
    on_lines: Callable[[list[LogLine]], None],
    is_final: Callable[[], bool],
    *,
    poll: float = POLL_SECONDS,
    grace_polls: int | None = None,
    cursor: LogCursor | None = None,
) -> int:
    """`batches` with a callback (the run detail pane); returns the count delivered."""
    delivered = 0
    async for batch in batches(
        client, run_id, is_final=is_final, poll=poll, grace_polls=grace_polls, cursor=cursor
    ):
        on_lines(batch)
        delivered += len(batch)
    return delivered
