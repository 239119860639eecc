"""Where Flowdesk keeps its files.

One place decides every path so that tests, portable installs and the frozen
app can move everything with a single variable, `FLOWDESK_HOME`.
Without it, the OS conventions apply (platformdirs).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "Flowdesk"
APP_AUTHOR = "Flowdesk"
HOME_ENV = "FLOWDESK_HOME"


def _home_override() -> Path | None:
    value = os.environ.get(HOME_ENV, "").strip()
    return Path(value).expanduser().resolve() if value else None


def _ensure(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


def data_dir() -> Path:
    """Databases, designs, the server state file."""
    home = _home_override()
    if home is not None:
        return _ensure(home / "data")
    import platformdirs

    return _ensure(Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR)))


def config_dir() -> Path:
    """Settings and the API auth string."""
    home = _home_override()
    if home is not None:
        return _ensure(home / "config")
    import platformdirs

    return _ensure(Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR)))


def log_dir() -> Path:
    """Rotating logs of the app, the server and the runner."""
    home = _home_override()
    if home is not None:
        return _ensure(home / "logs")
    import platformdirs

    return _ensure(Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR)))


def prefect_home() -> Path:
    """PREFECT_HOME of the managed server: its SQLite database and profiles."""
    return _ensure(data_dir() / "prefect")


def prefect_ui_dir() -> Path:
    """Writable copy of Prefect's web UI (its package folder may be read-only)."""
    return _ensure(data_dir() / "prefect-ui")


def results_dir() -> Path:
    """Persisted flow and task results of runs started by our runner."""
    return _ensure(data_dir() / "results")


def server_state_file() -> Path:
    return data_dir() / "server.json"


def server_lock_file() -> Path:
    return data_dir() / "server.lock"


def auth_file() -> Path:
    return config_dir() / "api-auth"


def designs_dir() -> Path:
    """The user's saved designs (`*.flowdesk.json`)."""
    return _ensure(data_dir() / "designs")


def user_flows_dir() -> Path:
    """The user's own flow modules, served by the runner beside the seed flows."""
    return _ensure(data_dir() / "flows")


def deployed_designs_dir() -> Path:
    """Modules generated from designs by Deploy; the runner serves them."""
    return _ensure(user_flows_dir() / "designs")


def audit_log_file() -> Path:
    return data_dir() / "audit.jsonl"


def _bundle_root() -> Path:
    """Root of read-only assets: the PyInstaller bundle, the wheel or the source tree."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    package = Path(__file__).resolve().parent.parent
    bundled = package / "_bundled"
    if bundled.is_dir():
        return bundled
    return package.parent


def seed_flows_dir() -> Path:
    """The flows shipped with the app (`flows/` in the source tree)."""
    return _bundle_root() / "flows"


def resources_dir() -> Path:
    return _bundle_root() / "resources"
