"""A real flow that makes every kind of artifact and a task that retries (run as a script).

    python artifact_probe_flow.py GATE_DIR

It writes its run id to GATE_DIR/run-id, then moves its progress artifact
0 → 50 → 100, each step only once the test created GATE_DIR/step1 and
GATE_DIR/step2: the test sees each value before it lets the flow go on, so
"the bar moves while the run goes" is checked without any sleep in the test.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.artifacts import (
    create_link_artifact,
    create_markdown_artifact,
    create_progress_artifact,
    create_table_artifact,
    update_progress_artifact,
)
from prefect.runtime import flow_run

GATE = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(".")

SUMMARY = """# Probe summary

Two cities, measured at **noon**:

| City | Temperature (°C) | Note |
|------|-----------------:|------|
| Oslo | 3 | *cold* |
| Lima | 19 | mild |

- the progress bar above moved 0 → 50 → 100 %
- a task retried once before it succeeded

Read [Prefect's docs](https://docs.prefect.io/v3/concepts/artifacts),
or try [a local file](file:///etc/passwd) and [a script](javascript:alert(1)).
"""


def wait_for(name: str, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while not (GATE / name).exists():
        if time.monotonic() > deadline:
            raise TimeoutError(f"the test never opened gate {name}")
        time.sleep(0.05)


@task(retries=2, retry_delay_seconds=[0, 1], persist_result=True)
def flaky(x: int) -> int:
    marker = GATE / "flaky-tried"
    if not marker.exists():
        marker.touch()
        raise ValueError("first try fails on purpose")
    get_run_logger().info("flaky doubled %s", x)
    return x * 2


@task
def report(y: int, label: str) -> str:
    get_run_logger().info("reporting %s for %s", y, label)
    create_markdown_artifact(
        f"# Task report\n\ny is **{y}**", key="probe-task-report", description="From the task"
    )
    return f"{label}={y}"


@flow(name="artifact-probe")
def probe(n: int = 3, label: str = "answer") -> str:
    (GATE / "run-id").write_text(str(flow_run.id))
    progress = create_progress_artifact(0.0, key="probe-progress", description="How far it got")
    create_markdown_artifact(SUMMARY, key="probe-summary")
    create_table_artifact(
        [{"city": "Oslo", "temp": 3}, {"city": "Lima", "temp": 19}], key="probe-rows"
    )
    create_table_artifact({"x": [1, 2, 3], "y": [4, 5, 6]}, key="probe-columns")
    create_link_artifact("https://example.com/report", link_text="the report", key="probe-link")
    wait_for("step1")
    update_progress_artifact(progress, 50)
    doubled = flaky.submit(n)
    text = report.submit(doubled, label)
    text.wait()
    wait_for("step2")
    update_progress_artifact(progress, 100)
    return text.result()


if __name__ == "__main__":
    probe()
