"""`engine`: run start, resume, pause notice and server ready, each beside
Prefect's own way of doing it, measured in one child process (`bench_engine`)."""

from __future__ import annotations

from tests.benchmarks.context import Context
from tests.benchmarks.core import Figure, run_json

PREFECT_PAUSE = "Prefect pause_flow_run (default 10 s poll)"


def run(ctx: Context) -> list[Figure]:
    trials = ctx.reps(5, 2)
    data = run_json(
        ["-m", "tests.benchmarks.bench_engine", "--trials", str(trials)],
        ctx.env(home=ctx.folder("engine-home")),
        3600,
    )
    return [
        Figure("run_start", "s", data["run_start"],
               "Flowdesk runner (woken by events, warm forked start)",
               data["run_start_anchor"], "prefect deployment run + flow.serve() defaults",
               goal=1.0, note="run created → Running, from the server's timestamps"),
        Figure("resume", "s", data["resume_ours"], "Flowdesk pause_here (0.2 s poll)",
               data["resume_anchor"], PREFECT_PAUSE,
               note="resume call → the loop's next step; the anchor lands anywhere in 0–10 s"),
        Figure("pause", "s", data["pause_ours"], "Flowdesk event stream",
               data["pause_anchor"], "a 1 s poller",
               note="Paused state time → seen by the app"),
        Figure("server_ready", "s", data["ready_ours"], "Flowdesk managed server (daemon + server)",
               data["ready_anchor"], "prefect server start (auth off)",
               note="start → healthy, existing database"),
    ]
