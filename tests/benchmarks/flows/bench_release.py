"""Benchmark flow: one task, then a pause that may release its process, then the time.

`release_after=None` waits in the process (like Prefect's `pause_flow_run`);
a number releases the process after that many seconds: the resume restarts
the flow, the task comes back from its persisted result, and the pause is
skipped, so `.resumed` is written by the new process.
"""

from __future__ import annotations

import time
from pathlib import Path

from prefect import flow, task

from desktop_app.runtime import pause_here


@task
def prepare(marker: str) -> int:
    return len(marker)


@flow(name="bench-release")
def bench_release(marker: str, release_after: float | None = None) -> float:
    prepare(marker)
    pause_here("benchmark pause", release_after=release_after)
    Path(marker + ".resumed").write_text(repr(time.time()))
    return time.time()
