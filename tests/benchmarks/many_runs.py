"""`10000`: a database of 10,000 runs (1,000 with --quick) loaded into the main window.

No anchor: Prefect's web UI pages its runs list and never holds them all. Runs
`bench_main_window` (fresh processes per trial) in the sandbox and stops its server.
"""

from __future__ import annotations

import subprocess
import sys

from tests.benchmarks.context import Context
from tests.benchmarks.core import Figure, run_json


def run(ctx: Context) -> list[Figure]:
    size = ctx.reps(10_000, 1_000)
    env = ctx.env(FLOWDESK_BENCH_HOME=str(ctx.folder("many-runs-home")))
    try:
        data = run_json(
            ["-m", "tests.benchmarks.bench_main_window", "--runs", str(ctx.reps(3, 1)),
             "--size", str(size)],
            env,
            3600,
        )
    finally:
        subprocess.run([sys.executable, "-m", "tests.benchmarks.bench_main_window", "--stop"],
                       env=env, capture_output=True, timeout=120)
    windows, launches = data["trials_raw"]["window"], data["trials_raw"]["launch"]
    label = f"{data['setup']['runs']:,} runs in the table"
    extra = {"runs": data["setup"]["runs"]}
    return [
        Figure("10000", "s", [w["all_loaded_s"] for w in windows], f"{label}: all loaded",
               goal=3.0, extra=extra, note="connect → every run in the model"),
        Figure("10000_first_rows", "s", [w["first_rows_s"] for w in windows],
               f"{label}: first rows", extra=extra),
        Figure("10000_max_stall", "ms", [w["load_max_stall_ms"] for w in windows],
               f"{label}: longest GUI-loop stall while loading", goal=100, extra=extra),
        Figure("10000_changes_stall", "ms", [w["changes_max_stall_ms"] for w in windows],
               f"{label}: longest stall at 50 state changes/s", goal=100, extra=extra),
        Figure("launch_rows_10000", "s", [t["first-rows"] for t in launches if "first-rows" in t],
               f"launch → first rows, {label}", goal=1.5, extra=extra),
    ]
