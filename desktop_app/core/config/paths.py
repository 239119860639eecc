"""Where Flowdesk keeps its files.

One place decides every path so that tests, portable installs and the frozen
app can move everything with a single variable, `FLOWDESK_HOME`.
Without it, the OS conventions apply (platformdirs).

The data, config and log folders are the user's alone (0700 on POSIX): they
hold the run history, resume inputs, the API auth string and logs that may
quote parameters. A new folder is created so; an older install whose folders
inherited the umask is tightened by `secure_folders()` at every start.
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


PRIVATE_MODE = 0o700


def _ensure(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


def _ensure_private(path: Path) -> Path:
    """A top folder: created user-only (mkdir's mode is filtered by the umask: chmod too)."""
    if not path.is_dir():
        path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_MODE)
        _make_private(path)
    return path


def _make_private(path: Path) -> bool:
    """chmod 0700 where it is not yet; True if it changed. A no-op on Windows (ACLs)."""
    if os.name == "nt":
        return False
    try:
        mode = path.stat().st_mode & 0o777
        if mode == PRIVATE_MODE:
            return False
        os.chmod(path, PRIVATE_MODE)
    except OSError:  # not ours (a shared FLOWDESK_HOME): leave it, the files are still ours
        return False
    return True


def _data_root() -> Path:
    home = _home_override()
    if home is not None:
        return home / "data"
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def _config_root() -> Path:
    home = _home_override()
    if home is not None:
        return home / "config"
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR))


def _log_root() -> Path:
    home = _home_override()
    if home is not None:
        return home / "logs"
    import platformdirs

    return Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))


def data_dir() -> Path:
    """Databases, designs, the server state file."""
    return _ensure_private(_data_root())


def config_dir() -> Path:
    """Settings and the API auth string."""
    return _ensure_private(_config_root())


def log_dir() -> Path:
    """Rotating logs of the app, the server and the runner."""
    return _ensure_private(_log_root())


def secure_folders() -> list[Path]:
    """Make the existing data, config and log folders user-only; returns those changed.

    Called at every start (CLI and window share the entry), so an install made
    before this rule existed is fixed the first time the new version runs.
    Folders that do not exist yet are left for their first use to create.
    """
    changed = []
    for root in (_data_root(), _config_root(), _log_root()):
        if root.is_dir() and _make_private(root):
            changed.append(root)
    return changed


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
    package = Path(__file__).resolve().parents[2]  # desktop_app/core/config/paths.py
    bundled = package / "_bundled"
    if bundled.is_dir():
        return bundled
    return package.parent


def seed_flows_dir() -> Path:
    """The flows shipped with the app (`flows/` in the source tree)."""
    return _bundle_root() / "flows"


def resources_dir() -> Path:
    return _bundle_root() / "resources"
