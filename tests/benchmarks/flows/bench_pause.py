"""Benchmark flow: pause after item 1, then write the time the loop went on.

`fast=True` pauses through Flowdesk's `pause_here` (0.2 s poll); `fast=False`
through Prefect's `pause_flow_run` with its defaults (10 s poll) -- the anchor.
"""

from __future__ import annotations

import time
from pathlib import Path

from prefect import flow
from prefect.flow_runs import pause_flow_run

from desktop_app.runtime import pause_here


@flow(name="bench-pause")
def bench_pause(marker: str, fast: bool = True) -> float:
    for item in range(3):
        if item == 1:
            Path(marker + ".paused").write_text(repr(time.time()))
            if fast:
                pause_here("benchmark pause")
            else:
                pause_flow_run()
            Path(marker + ".resumed").write_text(repr(time.time()))
    return time.time()
