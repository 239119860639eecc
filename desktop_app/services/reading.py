"""Reading runs for every front end: pages of runs, one run, the pause it waits with.

The page parse (JSON → Prefect model → `RunInfo`) happens off the calling
thread inside `FlowdeskClient.list_runs`, so the window's loop never stalls
on a page of 200 runs. Errors arrive as `FlowdeskError` in the user's words.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop_app.core.api.models import PauseInfo, RunFilter, RunInfo

if TYPE_CHECKING:
    from desktop_app.core.api.client import FlowdeskClient

PAGE = 200
"""The most runs one request may ask for (the server answers 422 above it)."""


async def list_runs(
    client: FlowdeskClient,
    run_filter: RunFilter | None = None,
    *,
    limit: int = PAGE,
    offset: int = 0,
    sort: str = "expected_desc",
) -> list[RunInfo]:
    """One page of runs (`limit` at most `PAGE`)."""
    return await client.list_runs(run_filter, limit=limit, offset=offset, sort=sort)


async def list_all_runs(
    client: FlowdeskClient,
    run_filter: RunFilter | None = None,
    *,
    sort: str = "expected_desc",
    most: int = 5000,
) -> list[RunInfo]:
    """Every run the filter matches, page by page, up to `most`."""
    return await client.list_all_runs(run_filter, sort=sort, most=most)


async def count_runs(client: FlowdeskClient, run_filter: RunFilter | None = None) -> int:
    return await client.count_runs(run_filter)


async def read_run(client: FlowdeskClient, run_id: str) -> RunInfo:
    """One run; `NotFound` (in words) when the server does not have it."""
    return await client.read_run(run_id)


async def find_run(client: FlowdeskClient, typed: str) -> RunInfo:
    """The run a person typed (a full id or the first characters of one).

    A full id that no run has is refused here too, so `flowdesk logs <id>`
    cannot print nothing and succeed.
    """
    return await client.read_run(await client.resolve_run_id(typed))


async def pause_info(client: FlowdeskClient, run_id: str) -> PauseInfo:
    """The form schema and description a paused run waits with.

    `InvalidState` (in words) when the run is not paused (any more).
    """
    return await client.pause_info(run_id)
