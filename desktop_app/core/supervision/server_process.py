"""`flowdesk server run`: the Prefect server in *this* process.

Prefect's own `prefect server start --background` spawns `python -m uvicorn`;
in a frozen app there is no such Python, so we call uvicorn in-process with
Prefect's app factory -- one code path for source and frozen builds.
"""

from __future__ import annotations

import os

from desktop_app.core.config import paths
from desktop_app.core.supervision.auth import load_or_create_auth_string
from desktop_app.core.supervision.prefect_env import server_env
from desktop_app.core.supervision.processes import start_parent_watch


def run_server(port: int, host: str = "127.0.0.1") -> int:
    if host not in ("127.0.0.1", "localhost", "::1"):
        raise SystemExit("flowdesk: the managed server only binds to the loopback address")
    # The supervisor hands us the string it keeps for every client; re-reading
    # (or worse, re-creating) the file here could make us disagree with them.
    auth = os.environ.get("PREFECT_SERVER_API_AUTH_STRING") or load_or_create_auth_string()
    os.environ.update(server_env(port, auth, host))
    start_parent_watch()
    paths.prefect_home()

    import uvicorn  # after the environment: Prefect reads settings at import
    from prefect.server.api.server import create_app

    from desktop_app.core.supervision.server_tuning import quiet_background_worker

    quiet_background_worker()

    uvicorn.run(
        app=create_app(final=True),
        host=host,
        port=port,
        timeout_keep_alive=5,
        log_level="warning",
    )
    return 0
