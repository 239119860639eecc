"""Loading 1,000 runs: the first rows come fast and the GUI loop never stalls > 100 ms.

The runs are real: the server itself schedules them (a paused deployment of a
throwaway flow, scheduled a year ahead, so no runner ever starts them), which
creates 1,000 runs in ~2 s instead of ~3 minutes of single POSTs. They are
deleted afterwards.
"""

from __future__ import annotations

import os
import time
from datetime import datetime, timedelta, timezone

import pytest

from desktop_app.ui.async_tools import LoopStallMeter
from tests.timings import record
from tests.ui import test_main_window_support as support
from tests.ui.test_main_window_support import await_until, open_window, run

qloop = support.qloop  # the fixture
pytestmark = pytest.mark.integration

RUNS = 1000
MAX_STALL = 0.100
WALL_LIMIT = 0.400


async def schedule_runs(client, count: int, name: str) -> str:
    """A paused deployment with `count` runs scheduled far ahead; returns its id."""
    from prefect import flow
    from prefect.client.schemas.actions import DeploymentScheduleCreate
    from prefect.client.schemas.schedules import IntervalSchedule

    @flow(name="flowdesk-load-probe")
    def probe(i: int = 0) -> None: ...

    flow_id = await client.prefect.create_flow(probe)
    deployment_id = await client.prefect.create_deployment(
        flow_id,
        name,
        paused=True,
        schedules=[
            DeploymentScheduleCreate(schedule=IntervalSchedule(interval=timedelta(seconds=60)))
        ],
    )
    start = datetime.now(timezone.utc) + timedelta(days=365)
    response = await client.prefect.request(
        "POST",
        f"/deployments/{deployment_id}/schedule",
        json={"start_time": start.isoformat(), "min_runs": count, "max_runs": count},
    )
    assert response.status_code == 200, response.text
    return str(deployment_id)


async def delete_deployment_runs(client, deployment_id: str) -> None:
    from desktop_app.core.api.client import prefect_filter
    from desktop_app.core.api.models import RunFilter

    body = prefect_filter(RunFilter(deployment_ids=[deployment_id]))["flow_run_filter"]
    while True:
        response = await client.prefect.request(
            "POST",
            "/flow_runs/bulk_delete",
            json={"flow_runs": body.model_dump(mode="json", exclude_unset=True), "limit": 50},
        )
        if not response.json().get("deleted"):
            break
    await client.prefect.delete_deployment(deployment_id)


def test_a_thousand_runs_load_in_pages_without_stalling_the_loop(
    qloop, qtbot, managed_server
) -> None:
    async def scenario() -> None:
        async with managed_server.client() as client:
            deployment_id = await schedule_runs(client, RUNS, "load-probe-1000")
            try:
                total = await client.count_runs()
                assert total >= RUNS
                meter = LoopStallMeter(interval_ms=10)
                async with open_window(qtbot, manager=managed_server.manager, start=False) as h:
                    pages: list[int] = []
                    h.runs.loader.progress.connect(lambda loaded, _t: pages.append(loaded))
                    firsts: list[float] = []
                    h.runs.loader.first_rows.connect(lambda: firsts.append(time.perf_counter()))
                    h.context.connected.connect(lambda _c: meter.reset())
                    meter.start()
                    began = time.perf_counter()
                    h.context.start()
                    await h.connected_and_loaded(timeout=120)
                    meter.stop()
                    assert h.model.rowCount() >= total
                    assert len(h.model.ids()) == h.model.rowCount()
                    # Paged: a first page, then several more, not one big read.
                    assert len(pages) >= RUNS // 200, pages
                    assert firsts  # the first page was announced
                    record("load_1000_first_rows", firsts[0] - began, budget=30)
                    worst = [round(g * 1000) for g in sorted(meter.gaps)[-5:]]
                    detail = (
                        f"stall {1000 * meter.max_stall:.0f} ms wall, "
                        f"{1000 * meter.max_busy:.0f} ms of it our CPU; worst gaps {worst} ms, "
                        f"load average {os.getloadavg()[0]:.1f}"
                    )
                    # What our code costs the loop (CPU used during the worst gap, any
                    # thread), so other sessions' load on this shared machine cannot
                    # fail the test...
                    record("load_1000_max_stall_own_cpu", meter.max_busy, budget=MAX_STALL)
                    # ...and the wall-clock stall, which only starvation should lengthen.
                    record("load_1000_max_stall_wall", meter.max_stall, budget=WALL_LIMIT)
                    print(detail)
                    await await_until(lambda: h.context.stream_mode == "events", 30)
                    # The safety-net poll of active runs completes (it used to ask for
                    # limit=500 and get 422 every 5 s, logged at debug only).
                    await await_until(lambda: h.runs.loader.backfills >= 1, 30)
            finally:
                await delete_deployment_runs(client, deployment_id)

    run(qloop, scenario(), timeout=300)


def test_reading_pages_past_the_servers_limit(qloop, managed_server) -> None:
    """More than one page of runs through services, never a `limit` the server refuses."""
    from desktop_app.core.api.models import RunFilter
    from desktop_app.services import reading

    async def scenario() -> None:
        async with managed_server.client() as client:
            deployment_id = await schedule_runs(client, 450, "load-probe-paging")
            try:
                wanted = RunFilter(deployment_ids=[deployment_id])
                everything = await reading.list_all_runs(client, wanted)
                assert len(everything) == 450
                assert len({r.id for r in everything}) == 450  # pages do not overlap
                first = await reading.list_runs(client, wanted, limit=500)
                assert len(first) == reading.PAGE  # capped, not answered 422
                some = await reading.list_all_runs(client, wanted, most=230)
                assert len(some) == 230
            finally:
                await delete_deployment_runs(client, deployment_id)

    run(qloop, scenario(), timeout=180)
