"""A flow that asks for a limit nobody created, then runs a task whose tag limit is full.

Run as a script by tests/ui/test_limit_notices.py: `python limit_waits_flow.py TAG MISSING`.
The first `concurrency()` only logs Prefect's "Concurrency limits [...] do not exist"
warning; the task then waits in Pending until a slot of TAG is freed.
"""

import sys

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


if __name__ == "__main__":
    limit_waits(sys.argv[2] if len(sys.argv) > 2 else "vars-missing")
