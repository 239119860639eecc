"""A second, plain Prefect server for tests of remote profiles.

`prefect server start` on a copy of the session database (an existing
database is ready in ~5 s, a new one in ~15-20 s), with its own auth string.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.conftest import wait_until


@contextmanager
def remote_prefect_server(home: Path, auth_string: str) -> Iterator[str]:
    """Yields the API URL; the server and its children are killed afterwards."""
    from desktop_app.core.config import paths
    from desktop_app.core.supervision.health import server_healthy
    from desktop_app.core.supervision.ports import free_port
    from desktop_app.core.supervision.processes import kill_tree

    shutil.copy(paths.prefect_home() / "prefect.db", home / "prefect.db")
    port = free_port()
    url = f"http://127.0.0.1:{port}/api"
    env = {
        **os.environ,
        "PREFECT_HOME": str(home),
        "PREFECT_SERVER_API_AUTH_STRING": auth_string,
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_API_URL": url,
        "PREFECT_API_AUTH_STRING": auth_string,
    }
    log = (home / "server.log").open("wb")  # why it failed, if it does
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "prefect",
            "server",
            "start",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--no-services",
        ],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )

    def up() -> bool:
        if proc.poll() is not None:  # fail now, with its words, not after the timeout
            raise AssertionError(
                f"remote server exited with {proc.returncode}: "
                + (home / "server.log").read_text(errors="replace")[-2000:]
            )
        return server_healthy(url)

    try:
        # The session server's budget (tests/conftest.py): under Wine on a loaded
        # machine a Prefect server takes minutes to start, not the ~5 s it takes natively.
        wait_until(up, timeout=240, interval=0.2, what="remote server")
        yield url
    finally:
        kill_tree(proc.pid, grace=5)
        log.close()
