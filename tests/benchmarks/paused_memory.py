"""`paused_memory`: N paused runs held in their processes vs released (issue 13 item 3),
and what a resume costs each way, measured in one child process (`bench_paused_memory`)."""

from __future__ import annotations

from tests.benchmarks.context import Context
from tests.benchmarks.core import Figure, run_json

HELD = (
    "{n} runs paused in their processes (pause_here without release_after, "
    "as Prefect's pause_flow_run)"
)


def run(ctx: Context) -> list[Figure]:
    paused, trials = ctx.reps(20, 2), ctx.reps(5, 1)
    data = run_json(
        ["-m", "tests.benchmarks.bench_paused_memory", "--paused", str(paused),
         "--trials", str(trials)],
        ctx.env(home=ctx.folder("paused-memory-home")),
        3600,
    )
    extra = {k: data[k] for k in ("paused", "held_processes", "released_processes",
                                  "release_to_gone_s", "restart_estimate_s", "release_after_s")}
    return [
        Figure("paused_memory", "MiB", data["released_mib"],
               f"{paused} runs paused by pause_here(release_after=1 s), released",
               data["held_mib"], HELD.format(n=paused), goal=200 * paused / 20,
               note="PSS of the flow-run processes (found by PREFECT__FLOW_RUN_ID); goal "
               "(issue 13 item 3): ≤ 200 MiB for 20 paused runs", extra=extra),
        Figure("resume_released", "s", data["resume_released_s"],
               "resume of a released pause: new process, tasks replayed from persisted results",
               data["resume_held_s"], "resume of a pause held in its process (0.2 s poll)",
               note="resume call → the flow's next step, one run at a time; the cost of "
               "having released the memory"),
    ]
