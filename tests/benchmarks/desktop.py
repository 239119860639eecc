"""`desktop`: the app against Prefect's web UI in headless Chromium, same database, same run:
launch → rows visible, and the idle footprint (PSS, CPU) of everything each side runs."""

from __future__ import annotations

from tests.benchmarks.context import Context
from tests.benchmarks.core import Figure, run_json

OURS = "Flowdesk (window + supervisor + server + runner)"
ANCHOR = "prefect server start + its web UI in headless chromium"


def run(ctx: Context) -> list[Figure]:
    runs, settle, window = (20, 20, 30) if not ctx.quick else (5, 15, 5)
    data = run_json(
        ["-m", "tests.benchmarks.bench_desktop", "--trials", str(ctx.reps(3, 2)),
         "--runs", str(runs), "--settle", str(settle), "--window", str(window)],
        ctx.env(home=ctx.folder("desktop-home")),
        3600,
    )
    setup = f"{runs} finished runs, {settle:g} s after launch, CPU over {window:g} s"
    return [
        Figure("window", "s", data["rows_ours"], "flowdesk: launch → rows visible",
               data["rows_anchor"], "chromium on Prefect's runs page: launch → rows visible",
               goal=1.5, note="server already running, existing database"),
        Figure("window_painted", "s", data["painted_ours"], "flowdesk: launch → window painted",
               goal=0.5),
        Figure("pss", "MiB", data["pss_ours"], OURS, data["pss_anchor"], ANCHOR, goal=0.6,
               goal_is_ratio=True, note=f"idle PSS of every process; {setup}"),
        Figure("cpu", "%", data["cpu_ours"], OURS, data["cpu_anchor"], ANCHOR, goal=0.4,
               goal_is_ratio=True, note=f"idle CPU, % of one core; {setup}"),
    ]
