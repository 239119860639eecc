"""A flow that fails (or crashes) on demand, served by the session's runner: for failure notices.

`mode="fail"` raises on its first attempt and completes on a retry (its
`run_count` is then 2); `mode="crash"` writes its pid to `marker` and sleeps
until the test kills it with SIGKILL (the runner then marks the run Crashed).
"""

from __future__ import annotations

import uuid
from pathlib import Path

from desktop_app.core.config import paths
from tests.conftest import await_until

FLOW = """
import os
import time
from pathlib import Path

from prefect import flow
from prefect.runtime import flow_run


@flow(name="{name}")
def {function}(mode: str = "fail", marker: str = "") -> str:
    if mode == "crash":
        Path(marker).write_text(str(os.getpid()))
        time.sleep(600)
    if flow_run.run_count <= 1:
        raise ValueError("bad row 7: the amount is negative\\nmore detail on the next line")
    return "ok"
"""


def write_failing_flow() -> tuple[str, Path]:
    """(flow name, file) of a new failing flow in the user's flows folder (delete when done)."""
    name = f"fail-notice-{uuid.uuid4().hex[:6]}"
    function = name.replace("-", "_")
    path = paths.user_flows_dir() / f"{function}.py"
    path.write_text(FLOW.format(name=name, function=function), encoding="utf-8")
    return name, path


async def registered(client, name: str, timeout: float = 90):
    """The deployment of flow `name`, once the runner has registered it."""

    async def found():
        return next((d for d in await client.list_deployments() if d.flow_name == name), None)

    return await await_until(found, timeout=timeout, what=f"the deployment of {name}")
