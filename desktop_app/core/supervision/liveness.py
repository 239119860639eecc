"""Is a flow run's process still alive on this machine?

Prefect records no process id for a served run, so the database alone cannot
tell a run that is working from one whose process died with the app. But
every flow-run process a Prefect runner starts carries its run id in the
environment (`PREFECT__FLOW_RUN_ID`), whichever runner started it -- ours,
a previous instance of ours that was killed, or a user's own `serve()`
script. Reading the environment of our own processes answers the question
without trusting pids that may have been reused, and survives the
supervisor, the runner and the server all being SIGKILLed.

Only meaningful for the managed local server: it listens on 127.0.0.1, so
every process that runs one of its flow runs is on this machine.
"""

from __future__ import annotations

import psutil

FLOW_RUN_ENV = "PREFECT__FLOW_RUN_ID"


def flow_run_processes() -> dict[str, int]:
    """Flow-run id → pid of each live process of this user that runs one.

    A process whose environment cannot be read (another user's, or one that
    is exiting) is skipped: it cannot be one of ours.
    """
    found: dict[str, int] = {}
    for proc in psutil.process_iter(["pid"]):
        try:
            if proc.status() == psutil.STATUS_ZOMBIE:
                continue
            run_id = proc.environ().get(FLOW_RUN_ENV)
        except (psutil.Error, OSError):
            continue
        if run_id:
            # A flow's own subprocesses inherit the variable: keep the oldest
            # (lowest in the tree is not knowable cheaply; any live one means
            # the run's work is still going on).
            found.setdefault(run_id.strip(), proc.pid)
    return found


def flow_run_process_alive(run_id: str, processes: dict[str, int] | None = None) -> bool:
    """True while some local process is executing flow run `run_id`."""
    table = flow_run_processes() if processes is None else processes
    return str(run_id) in table
