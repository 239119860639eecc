"""Environment variables that point Prefect at the managed server.

Prefect reads its settings at import time, so these must be in the
environment *before* a process imports prefect: the server and runner get
them from the daemon, a user's own script from `flowdesk env` / `flowdesk exec`.
"""

from __future__ import annotations

import os

from desktop_app.constants import SETTINGS_FILE_ENV
from desktop_app.core.config import paths
from desktop_app.core.config.settings import FILE_NAME as SETTINGS_FILE_NAME
from desktop_app.core.serving.fork_server import BLANK_RUN_ID, RUN_ID_VAR
from desktop_app.core.supervision.server_tuning import QUIET_SERVICES


def server_env(port: int, auth_string: str, host: str = "127.0.0.1") -> dict[str, str]:
    """Settings of the managed server process."""
    return {
        "PREFECT_HOME": str(paths.prefect_home()),
        "PREFECT_SERVER_API_HOST": host,
        # The web UI reads its API address from this; without it the UI
        # points at :4200 whatever port we chose.
        "PREFECT_SERVER_API_PORT": str(port),
        "PREFECT_UI_API_URL": f"http://{host}:{port}/api",
        "PREFECT_SERVER_API_AUTH_STRING": auth_string,
        "PREFECT_SERVER_API_CSRF_PROTECTION_ENABLED": "true",
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_SERVER_UI_ENABLED": "true",
        # Prefect copies its UI into its own package folder by default, which is
        # read-only in an installed or frozen app.
        "PREFECT_UI_STATIC_DIRECTORY": str(paths.prefect_ui_dir()),
        "PREFECT_SERVER_LOGGING_LEVEL": "WARNING",
        "PREFECT_LOGGING_LEVEL": "WARNING",
        # The server must never try to reach another server.
        "PREFECT_API_URL": f"http://{host}:{port}/api",
        "PREFECT_API_AUTH_STRING": auth_string,
        **QUIET_SERVICES,
    }


def client_env(
    api_url: str, auth_string: str | None = None, api_key: str | None = None
) -> dict[str, str]:
    """Settings of a process that talks to a server: runner, flow runs, user scripts."""
    env = {
        "PREFECT_API_URL": api_url,
        "PREFECT_CLIENT_CSRF_SUPPORT_ENABLED": "true",
        # Flow runs ship logs in batches; 0.5 s keeps a live tail lively.
        "PREFECT_LOGGING_TO_API_BATCH_INTERVAL": "0.5",
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    }
    if auth_string:
        env["PREFECT_API_AUTH_STRING"] = auth_string
    if api_key:
        env["PREFECT_API_KEY"] = api_key
    return env


def runner_env(api_url: str, auth_string: str) -> dict[str, str]:
    """The runner's poll is a 30 s safety net: its waker starts runs on the server's events."""
    env = client_env(api_url, auth_string)
    env["PREFECT_HOME"] = str(paths.prefect_home())
    env["PREFECT_RUNNER_POLL_FREQUENCY"] = "30"
    env["PREFECT_RUNNER_HEARTBEAT_FREQUENCY"] = "30"
    if os.name != "nt":  # no fork there: runs get their id from Prefect as ever
        # Room in the runner's own environment block for a flow run's id: a run forked
        # warm writes its id there, where the OS (and `liveness`) reads it (fork_server).
        env[RUN_ID_VAR] = BLANK_RUN_ID
    # Persisted results let the window show a run's result, and let a
    # suspended run's rerun reuse finished tasks (they come back Cached).
    env["PREFECT_RESULTS_PERSIST_BY_DEFAULT"] = "true"
    env["PREFECT_LOCAL_STORAGE_PATH"] = str(paths.results_dir())
    # Flow processes read the app-wide "release paused runs after…" from here.
    env[SETTINGS_FILE_ENV] = str(paths.config_dir() / SETTINGS_FILE_NAME)
    return env


def merged(extra: dict[str, str]) -> dict[str, str]:
    env = dict(os.environ)
    # Never inherit a profile pointing elsewhere (e.g. a developer's Cloud key).
    for key in ("PREFECT_API_KEY", "PREFECT_PROFILE"):
        env.pop(key, None)
    env.update(extra)
    return env
