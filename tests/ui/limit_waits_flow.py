"""A flow that asks for a limit nobody created, then runs a task whose tag limit is full.

Run as a script by tests/ui/test_limit_notices.py: `python limit_waits_flow.py TAG MISSING`.
The first `concurrency()` only logs Prefect's "Concurrency limits [...] do not exist"
warning; the task then waits in Pending until a slot of TAG is freed.
"""

import os
import subprocess
import sys
from pathlib import Path

from prefect import flow, task
from prefect.concurrency.sync import concurrency

TAG = sys.argv[1] if len(sys.argv) > 1 else "vars-slot"


@task(tags=[TAG])
def gated() -> int:
    return 1


@flow(name="vars-limit-waits")
def limit_waits(missing: str) -> int:
    with concurrency(missing, occupy=1):
        pass
    return gated()


def start(connection, home: Path, tag: str, missing: str) -> subprocess.Popen[str]:
    """This file as a process on the server of `connection` (the caller ends it)."""
    env = dict(os.environ)
    env["PREFECT_API_URL"] = connection.api_url
    env["PREFECT_API_AUTH_STRING"] = connection.auth_string or ""
    env["PREFECT_HOME"] = str(home / "prefect-home")
    return subprocess.Popen(
        [sys.executable, __file__, tag, missing],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


if __name__ == "__main__":
    limit_waits(sys.argv[2] if len(sys.argv) > 2 else "vars-missing")
