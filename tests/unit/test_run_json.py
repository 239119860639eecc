"""`run_json` reads a run's JSON into the same `RunInfo` as Prefect's models + `convert`.

The table's page parse skips Prefect's pydantic models for speed; these tests hold
it to the model route, field for field, on runs in the shapes the server sends.
"""

from __future__ import annotations

import json
import uuid
from datetime import datetime, timedelta, timezone

import pytest
from prefect.client.schemas.objects import FlowRun, State, StateDetails, StateType

from desktop_app.core.api import convert, run_json

FLOW = str(uuid.uuid4())
DEPLOYMENT = str(uuid.uuid4())
NAMES = ({FLOW: "etl"}, {DEPLOYMENT: "etl/nightly"})
T0 = datetime(2026, 12, 6, 6, 17, 59, 556326, tzinfo=timezone.utc)


def _run(**fields) -> FlowRun:
    return FlowRun(flow_id=uuid.UUID(FLOW), **fields)


def _shapes() -> list[FlowRun]:
    paused = State(
        type=StateType.PAUSED,
        name="Suspended",
        timestamp=T0,
        message="waiting for approval",
        state_details=StateDetails(
            pause_timeout=T0 + timedelta(hours=1),
            pause_reschedule=True,
            pause_key="approve-1",
            run_input_keyset={"description": "k-desc", "schema": "k-schema"},
        ),
    )
    return [
        _run(name="plain", state=State(type=StateType.COMPLETED, timestamp=T0)),
        _run(
            name="deployed",
            deployment_id=uuid.UUID(DEPLOYMENT),
            tags=["a", "flowdesk.pause-requested"],
            parameters={"n": 3, "nested": {"x": [1, 2]}},
            expected_start_time=T0,
            start_time=T0 + timedelta(seconds=1),
            end_time=T0 + timedelta(seconds=61),
            total_run_time=timedelta(seconds=60.25),
            run_count=2,
            work_pool_name="local",
            labels={"flowdesk.released": "approve-1"},
            state=paused,
        ),
        _run(name="", state=None),
        _run(name="unknown deployment", deployment_id=uuid.uuid4(),
             state=State(type=StateType.SCHEDULED, name="Late", timestamp=T0)),
    ]


@pytest.mark.parametrize("run", _shapes(), ids=lambda r: r.name or "no-name")
def test_same_run_info_as_the_model_route(run: FlowRun) -> None:
    data = json.loads(run.model_dump_json())
    by_model = convert.run_info(FlowRun.model_validate(data), *NAMES)
    by_json = run_json.run_info(data, *NAMES)
    assert by_json == by_model
    for when in ("created", "expected_start_time", "start_time", "end_time"):
        value = getattr(by_json, when)
        assert value is None or value.utcoffset() == timedelta(0)
    assert by_json.pause_released == by_model.pause_released


def test_times_in_either_utc_spelling() -> None:
    for text in ("2026-12-06T06:17:59.556326Z", "2026-12-06T06:17:59.556326+00:00"):
        assert run_json._when(text) == T0
    assert run_json._when(None) is None


def test_a_page_keeps_the_servers_order() -> None:
    runs = _shapes()
    page = json.loads("[" + ",".join(r.model_dump_json() for r in runs) + "]")
    assert [r.name for r in run_json.run_infos(page, *NAMES)] == [r.name or "" for r in runs]
