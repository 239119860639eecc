"""Pausing a flow run with a fast resume.

Prefect's `pause_flow_run` polls the server every 10 s by default, so a user
who clicks Resume waits ~7.5 s for anything to happen. We pause with a
0.2 s poll: resume → next step in ~0.2 s, at the cost of ~5 small GETs per
second while (and only while) the run is paused.
"""

from __future__ import annotations

import asyncio
import json
import os
from datetime import timedelta
from typing import Any, TypeVar
from uuid import UUID

from prefect.context import FlowRunContext
from prefect.flow_runs import apause_flow_run, pause_flow_run
from prefect.input import RunInput

from desktop_app.constants import DESCRIPTION_INPUT_KEY

FAST_POLL_INTERVAL = float(os.environ.get("FLOWDESK_PAUSE_POLL", "0.2"))
"""Seconds between the paused flow's checks for a resume."""

# Prefect stores a description only for typed-input pauses; we keep one
# (under DESCRIPTION_INPUT_KEY) for every pause so the tray and the CLI can
# say *why* a run is waiting.

T = TypeVar("T", bound=RunInput)


def current_flow_run_id() -> UUID | None:
    """The id of the flow run we are inside, or None outside any run."""
    ctx = FlowRunContext.get()
    if ctx is None or ctx.flow_run is None:
        return None
    return ctx.flow_run.id


def _request(description: str, wait_for_input: type[T] | None) -> Any:
    if wait_for_input is None:
        return None
    return wait_for_input.with_initial_data(description=description or None)


def _save_description(description: str) -> None:
    flow_run_id = current_flow_run_id()
    if not description or flow_run_id is None:
        return
    from prefect.client.orchestration import get_client

    with get_client(sync_client=True) as client:
        try:
            client.delete_flow_run_input(flow_run_id, DESCRIPTION_INPUT_KEY)
        except Exception:  # nothing stored yet: nothing to replace
            pass
        client.create_flow_run_input(flow_run_id, DESCRIPTION_INPUT_KEY, json.dumps(description))


async def _asave_description(description: str) -> None:
    flow_run_id = current_flow_run_id()
    if not description or flow_run_id is None:
        return
    from prefect.client.orchestration import get_client

    async with get_client() as client:
        try:
            await client.delete_flow_run_input(flow_run_id, DESCRIPTION_INPUT_KEY)
        except Exception:
            pass
        await client.create_flow_run_input(
            flow_run_id, DESCRIPTION_INPUT_KEY, json.dumps(description)
        )


def _release_after(release_after: timedelta | float | None) -> float | None:
    """Seconds before this pause releases its process, or None to wait in-process.

    A release that was asked for but cannot happen is not an error that stops
    the flow: the pause waits in its process as before, and the run's log says
    why (`release.why_not_releasable`).
    """
    from prefect.logging.loggers import get_run_logger

    from desktop_app.runtime.release import release_plan, why_not_releasable

    seconds, problem = release_plan(release_after)
    context = FlowRunContext.get()
    if seconds is not None and context is not None:
        problem = why_not_releasable(context)
    if problem and context is not None:
        get_run_logger(context=context).warning(
            "This pause cannot release its process: %s. It waits in its process instead.",
            problem,
        )
    return None if problem else seconds


def pause_here(
    description: str = "",
    *,
    wait_for_input: type[T] | None = None,
    timeout: int = 3600,
    key: str | None = None,
    release_after: timedelta | float | None = None,
) -> T | None:
    """Pause the current flow run until it is resumed (or `timeout` expires).

    With `wait_for_input`, the resume must carry values matching that
    `RunInput` subclass; they are returned. The server enforces the timeout:
    an expired pause fails the run instead of leaving it waiting forever.

    With `release_after` (a timedelta or seconds), a pause still waiting after
    that long releases its process: the process exits, the run waits
    Suspended with the same form, and a resume restarts the flow, which
    replays its finished tasks from their persisted results and goes on from
    here (`desktop_app.runtime.release`). None takes the app's setting
    ("release paused runs after…"), off unless the user turned it on.
    """
    if wait_for_input is None:
        _save_description(description)
    seconds = _release_after(release_after)
    if seconds is not None and seconds < timeout:
        from desktop_app.runtime.release import pause_then_release

        return pause_then_release(
            _request(description, wait_for_input), timeout, key, seconds, FAST_POLL_INTERVAL
        )
    return pause_flow_run(  # type: ignore[call-overload]
        wait_for_input=_request(description, wait_for_input),
        timeout=timeout,
        poll_interval=FAST_POLL_INTERVAL,
        key=key,
        _sync=True,
    )


async def apause_here(
    description: str = "",
    *,
    wait_for_input: type[T] | None = None,
    timeout: int = 3600,
    key: str | None = None,
    release_after: timedelta | float | None = None,
) -> T | None:
    """`pause_here` for async flows: waits without blocking the flow's loop."""
    if wait_for_input is None:
        await _asave_description(description)
    seconds = _release_after(release_after)
    if seconds is not None and seconds < timeout:
        from desktop_app.runtime.release import pause_then_release

        # The waiting is blocking HTTP polls: a worker thread keeps the flow's loop free
        # (the run context travels with it; `Pause` comes back through the await).
        return await asyncio.to_thread(
            pause_then_release,
            _request(description, wait_for_input),
            timeout,
            key,
            seconds,
            FAST_POLL_INTERVAL,
        )
    return await apause_flow_run(  # type: ignore[call-overload]
        wait_for_input=_request(description, wait_for_input),
        timeout=timeout,
        poll_interval=FAST_POLL_INTERVAL,  # type: ignore[arg-type]
        key=key,
    )
