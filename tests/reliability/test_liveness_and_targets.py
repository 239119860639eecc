"""How a run's process is found, and which true state a run without one gets (fast)."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from datetime import datetime, timedelta, timezone
from types import SimpleNamespace

import pytest

pytestmark = pytest.mark.reliability


def test_a_flow_run_process_is_found_by_its_run_id_and_not_after_it_dies():
    from desktop_app.core.supervision.liveness import FLOW_RUN_ENV, flow_run_process_alive

    run_id = str(uuid.uuid4())
    env = {**os.environ, FLOW_RUN_ENV: run_id}
    proc = subprocess.Popen(
        [sys.executable, "-c", "import time; time.sleep(60)"], env=env, stdin=subprocess.PIPE
    )
    try:
        assert flow_run_process_alive(run_id)
        assert not flow_run_process_alive(str(uuid.uuid4()))
    finally:
        proc.kill()
        proc.wait()
    assert not flow_run_process_alive(run_id)


def _run(state_type: str, *, reschedule=False, age=120.0, deployment="d1", keyset=None):
    from prefect.client.schemas.objects import StateDetails, StateType

    details = StateDetails(
        pause_reschedule=reschedule,
        pause_key="k-1",
        run_input_keyset=keyset,
        pause_timeout=None,
    )
    state = SimpleNamespace(
        type=StateType(state_type),
        name=state_type.title(),
        state_details=details,
        timestamp=datetime.now(timezone.utc) - timedelta(seconds=age),
    )
    return SimpleNamespace(id=uuid.uuid4(), state=state, deployment_id=deployment, run_count=1)


@pytest.mark.parametrize(
    ("args", "kwargs", "expected"),
    [
        (("RUNNING",), {}, "Suspended"),
        (("PAUSED",), {}, "Suspended"),
        (("PAUSED",), {"reschedule": True}, None),  # already suspended: nothing runs
        (("PENDING",), {"age": 2}, None),  # its runner may be starting it now
        (("PENDING",), {"age": 120}, "Suspended"),
        (("CANCELLING",), {}, "Cancelled"),
        (("RUNNING",), {"deployment": "gone"}, "Crashed"),  # nobody could restart it
    ],
)
def test_the_true_state_for_a_run_without_a_process(args, kwargs, expected):
    from desktop_app.core.supervision.reconcile import _target_state

    target = _target_state(_run(*args, **kwargs), served={"d1"})
    assert (target.name if target else None) == expected
    if expected:
        assert target.message  # always says why


def test_a_pause_waiting_for_input_keeps_its_form_when_suspended():
    from desktop_app.core.supervision.reconcile import SUSPENDED_MESSAGE, suspended_state_for

    keyset = {"schema": "s", "description": "d", "response": "r"}
    state = suspended_state_for(_run("PAUSED", keyset=keyset), SUSPENDED_MESSAGE)
    assert state.state_details.pause_reschedule
    assert state.state_details.pause_key == "k-1"
    assert state.state_details.run_input_keyset == keyset
