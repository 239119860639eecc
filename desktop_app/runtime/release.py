"""Releasing a long pause: the flow's process exits, the run waits Suspended.

A paused flow waits inside its process, and each one holds ~90-150 MB for as
long as nobody answers. With `release_after`, `pause_here` first waits in
its process as usual (a quick resume stays instant); once the pause has
lasted that long it turns into Prefect's *suspend*: the run becomes
Suspended with the same pause key, expiry and input form, and the process
exits. A resume then has the runner start the flow again: tasks finished
before the pause come back from their persisted results, and this pause is
skipped by the server ("it has already fired"), returning the input the
person gave -- the flow goes on from where it paused.

Only a run that can be restarted is released: it needs a deployment (someone
to start it again), must not be a subflow, and must persist its results
(otherwise finished tasks would run a second time). Anything else keeps
waiting in its process, with a warning in the run's log saying why.
"""

from __future__ import annotations

import asyncio
import json
import math
import os
import time
from datetime import datetime, timedelta, timezone
from typing import Any, TypeVar

from prefect.context import FlowRunContext, TaskRunContext
from prefect.exceptions import Abort, FlowPauseTimeout, Pause
from prefect.flow_runs import _observed_flow_pauses
from prefect.input import RunInput, keyset_from_paused_state
from prefect.input.run_input import run_input_subclass_from_type
from prefect.logging.loggers import get_run_logger
from prefect.states import Paused, Running, Suspended
from prefect.utilities.engine import propose_state_sync

from desktop_app.constants import (
    RELEASE_AFTER_ENV,
    RELEASE_SETTING,
    RELEASED_AFTER_LABEL,
    RELEASED_LABEL,
    RESTART_LABEL,
    SETTINGS_FILE_ENV,
)

T = TypeVar("T", bound=RunInput)

DEFAULT_STARTUP = 2.5
"""Seconds a new flow process takes to start, when the run's states cannot tell."""

PICKUP = 2.0
"""Seconds a restart costs besides the work it redoes: the runner sees the resume (woken by
the server's events), forks a warm process that loads the flow and talks to the server.
Measured 3.4-6.8 s in all on a 2-core machine at load 15-20 (tests.benchmarks paused_memory),
for a flow whose own work before the pause is a fraction of a second.
"""


def _seconds(value: Any) -> float:
    if isinstance(value, timedelta):
        return value.total_seconds()
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"release_after must be a timedelta or a number of seconds, not {value!r}")
    return float(value)


def app_default() -> tuple[float, str]:
    """The app-wide release time in seconds (0: never), and what is wrong with it if anything.

    `FLOWDESK_RELEASE_AFTER` (seconds) if set, else Settings' "release paused
    runs after" minutes from the settings file the runner names. A missing or
    unreadable file means never: the setting is off by default.
    """
    raw = os.environ.get(RELEASE_AFTER_ENV, "").strip()
    if raw:
        try:
            return float(raw), ""
        except ValueError:
            return 0.0, f"{RELEASE_AFTER_ENV}={raw!r} is not a number of seconds"
    path = os.environ.get(SETTINGS_FILE_ENV, "")
    if not path:
        return 0.0, ""
    try:
        with open(path, encoding="utf-8") as handle:
            minutes = json.load(handle).get(RELEASE_SETTING, 0)
    except (OSError, ValueError, AttributeError):
        return 0.0, ""
    if isinstance(minutes, bool) or not isinstance(minutes, (int, float)):
        return 0.0, f"the setting {RELEASE_SETTING}={minutes!r} is not a number of minutes"
    return float(minutes) * 60, ""


def release_plan(release_after: timedelta | float | None) -> tuple[float | None, str]:
    """(seconds to wait before releasing, "") -- or (None, why it will not be released).

    `None` takes the app-wide default (`app_default`; 0 means never, which is
    no error).
    """
    if release_after is None:
        seconds, problem = app_default()
        if problem:
            return None, problem
        return (seconds, "") if seconds > 0 and math.isfinite(seconds) else (None, "")
    try:
        seconds = _seconds(release_after)
    except TypeError as exc:
        return None, str(exc)
    if not seconds > 0 or not math.isfinite(seconds):
        return None, f"release_after must be more than 0 seconds (got {release_after!r})"
    return seconds, ""


def why_not_releasable(context: FlowRunContext) -> str:
    """ "" if this run can be restarted after its process exits, else the reason in words."""
    run = context.flow_run
    if run is None or run.deployment_id is None:
        return (
            "this run has no deployment, so nothing could start it again once its "
            "process exits (run it from a deployment, e.g. a flow file Flowdesk serves)"
        )
    if run.parent_task_run_id is not None:
        return "it is a subflow; only its parent run could be released"
    if TaskRunContext.get() is not None:
        return "it pauses inside a task; only a pause in the flow itself can be released"
    if not context.persist_result:
        return (
            "its results are not persisted, so a restart would run its finished tasks "
            "again (add persist_result=True to the flow)"
        )
    return ""


def restart_estimate(
    client: Any, flow_run_id: Any, paused_at: datetime, cpu_seconds: float
) -> float:
    """About how many seconds a resume takes to get a released run back to its pause.

    A new process starts (the last Pending → Running took that long), then
    the flow replays up to the pause: its own code at the speed it ran, its
    finished tasks from their persisted results (their run time is not spent
    again). Timed by the clock that is an overestimate when the machine was
    busy as the run started (20 runs starting at once measured 150-210 s for
    a 5-11 s resume), so it is capped by the CPU time the process had used
    by the pause (`cpu_seconds`: its start plus everything up to the pause,
    on a machine with room to spare) plus the runner's pickup.
    """
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    states = sorted(
        (s for s in client.read_flow_run_states(flow_run_id) if s.timestamp),
        key=lambda s: s.timestamp,
    )
    running = [s.timestamp for s in states if s.type.value == "RUNNING"]
    if not running:
        return DEFAULT_STARTUP
    began = running[-1]
    pending = [s.timestamp for s in states if s.type.value == "PENDING" and s.timestamp <= began]
    startup = (began - pending[-1]).total_seconds() if pending else DEFAULT_STARTUP
    tasks = client.read_task_runs(
        flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[flow_run_id]))
    )
    in_tasks = sum(
        float(t.total_run_time.total_seconds() if t.total_run_time else 0.0)
        for t in tasks
        if t.state and t.state.type.value == "COMPLETED" and t.start_time and t.start_time >= began
    )
    replay = max(0.0, (paused_at - began).total_seconds() - in_tasks)
    by_clock = PICKUP + max(0.0, startup) + replay
    return round(min(by_clock, PICKUP + cpu_seconds), 1)


def _release(
    client: Any, context: FlowRunContext, pause_key: str, waited: float, cpu_seconds: float
) -> Any:
    """Turn the in-process pause into a suspend; the new state, or None if a resume won.

    Prefect accepts no Paused → Suspended transition through its rules, so the
    state is forced, the way `reconcile` repairs a pause whose process died.
    There is no compare-and-set: a resume landing between our read and the
    write is found in the state history afterwards and put back.
    """
    flow_run_id = context.flow_run.id
    run = client.read_flow_run(flow_run_id)
    state = run.state
    if state is None or not state.is_paused() or state.state_details.pause_key != pause_key:
        return None
    details = state.state_details
    paused_at = state.timestamp or datetime.now(timezone.utc)
    estimate = restart_estimate(client, flow_run_id, paused_at, cpu_seconds)
    client.update_flow_run_labels(
        flow_run_id,
        {RELEASED_LABEL: pause_key, RELEASED_AFTER_LABEL: round(waited), RESTART_LABEL: estimate},
    )
    minutes = waited / 60
    suspended = Suspended(
        pause_expiration_time=details.pause_timeout,
        pause_key=pause_key,
        state_details={"run_input_keyset": details.run_input_keyset},
        message=(
            f"Released its memory after {minutes:.0f} min; resuming restarts it from where "
            f"it paused: about {estimate:.0f} s."
            if minutes >= 1
            else f"Released its memory after {waited:.0f} s; resuming restarts it from where "
            f"it paused: about {estimate:.0f} s."
        ),
    )
    client.set_flow_run_state(flow_run_id, suspended, force=True)
    try:
        history = sorted(
            (s for s in client.read_flow_run_states(flow_run_id) if s.timestamp),
            key=lambda s: s.timestamp,
        )
    except Exception:  # written: the run waits Suspended, so this process must go
        return suspended
    before = [s for s in history if s.timestamp < history[-1].timestamp] if history else []
    if before and before[-1].type.value == "RUNNING":  # resumed just before our write
        client.set_flow_run_state(flow_run_id, Running(), force=True)
        return None
    return suspended


def pause_then_release(
    wait_for_input: Any,
    timeout: int,
    key: str | None,
    release_after: float,
    poll_interval: float,
) -> T | None:
    """`pause_flow_run` (in-process) that releases the process after `release_after` s.

    The same steps as Prefect's own in-process pause -- the same key, input
    keyset, timeout and answer when the pause has fired before -- plus the
    release. Raises `Pause` (the engine's way out) once released.
    """
    from prefect.client.orchestration import get_client

    context = FlowRunContext.get()
    if context is None or context.flow_run is None:
        raise RuntimeError("Flow runs can only be paused from within a flow run.")
    logger = get_run_logger(context=context)
    counter = _observed_flow_pauses(context)  # counted even with a key, as Prefect does
    pause_key = key or str(counter)
    proposed = Paused(timeout_seconds=timeout, reschedule=False, pause_key=pause_key)
    run_input = None
    if wait_for_input is not None:
        run_input = run_input_subclass_from_type(wait_for_input)
        keyset = keyset_from_paused_state(proposed)
        proposed.state_details.run_input_keyset = keyset

    # An async flow's context makes Prefect hand out coroutines (down to the helpers
    # save/load call), even in the worker thread `apause_here` runs this in: there they
    # run to the end on a loop of their own.
    in_thread = bool(getattr(context.flow, "isasync", False))

    def answer() -> Any:
        if run_input is None:
            return None
        if in_thread:
            return asyncio.run(run_input.aload(keyset))
        return run_input.load(keyset)

    flow_run_id = context.flow_run.id
    with get_client(sync_client=True) as client:
        try:
            state = propose_state_sync(client=client, state=proposed, flow_run_id=flow_run_id)
        except Abort as exc:
            raise RuntimeError(f"Flow run cannot be paused: {exc}") from exc
        if state.is_running():
            # This pause fired before: the run was released here, resumed, and restarted.
            logger.info("Resumed after its process was released: going on from the pause.")
            return answer()
        if not state.is_paused():
            raise RuntimeError(f"Flow run cannot be paused. Received non-paused state: {state}")
        if run_input is not None:
            if in_thread:
                asyncio.run(run_input.asave(keyset))
            else:
                run_input.save(keyset)
        logger.info(
            "Pausing flow; execution continues when this flow run is resumed. If it waits "
            "more than %.0f s its process is released (it exits) and a resume restarts it "
            "from here.",
            release_after,
        )
        began, cpu_at_pause = time.monotonic(), time.process_time()
        while True:
            time.sleep(poll_interval)
            run = client.read_flow_run(flow_run_id)
            if run.state and run.state.is_running():
                logger.info("Resuming flow run execution!")
                return answer()
            waited = time.monotonic() - began
            if waited >= timeout:
                break
            if waited >= release_after and run.state and run.state.is_paused():
                try:
                    released = _release(client, context, pause_key, waited, cpu_at_pause)
                except Exception as exc:  # the server busy? waiting in-process loses nothing
                    logger.warning(
                        "Could not release this paused run's process (%s); it keeps "
                        "waiting in its process.",
                        exc,
                    )
                    release_after = math.inf
                    continue
                if released is not None:
                    logger.info("%s", released.message)
                    raise Pause(state=released)
        run = client.read_flow_run(flow_run_id)
        if run.state and run.state.is_running():
            return answer()
    raise FlowPauseTimeout("Flow run was paused and never resumed.")
