"""Read the settings older Flowdesk versions wrote, once, into a version-1 `Settings`.

Before `settings.json` there were two files in the config folder:
- `profiles.json`: `{"active": id, "profiles": [Profile fields...]}`;
- the window's QSettings, an INI file `Flowdesk/Flowdesk.ini` (Qt's IniFormat,
  organisation and application "Flowdesk"), with `appearance/language`,
  `appearance/theme`, `notifications/*`, `tray/*` and `server/keep_running`
  -- the value "keep the server running" really had, whatever the local
  profile said (the Server menu wrote only that key).
Core has no Qt, so the INI is read with configparser: Qt writes plain
`key=value` lines, booleans as `true`/`false`. Both old files are left where
they are (an older version started again still finds its own); window
geometry stays in QSettings.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from desktop_app.core.config import damaged
from desktop_app.core.config.damaged import DamagedFile
from desktop_app.core.config.settings import (
    LOCAL_ID,
    Settings,
    profiles_from_list,
)

log = logging.getLogger(__name__)

LEGACY_PROFILES = "profiles.json"
LEGACY_QSETTINGS = Path("Flowdesk") / "Flowdesk.ini"

# QSettings key → Settings field.
QSETTINGS_KEYS = {
    ("appearance", "language"): "language",
    ("appearance", "theme"): "theme",
    ("notifications", "on_pause"): "notify_on_pause",
    ("notifications", "on_end_after_pause"): "notify_on_end",
    ("notifications", "sound"): "sound",
    ("tray", "close_to_tray"): "close_to_tray",
    ("tray", "close_hint_shown"): "close_hint_shown",
}
KEEP_RUNNING_KEY = ("server", "keep_running")


def migrate(config_dir: Path) -> Settings | None:
    """Settings built from the old files in `config_dir`; None when there are none."""
    profiles_file = config_dir / LEGACY_PROFILES
    ini_file = config_dir / LEGACY_QSETTINGS
    if not profiles_file.exists() and not ini_file.exists():
        return None
    settings = Settings()
    _apply_profiles(settings, profiles_file)
    _apply_qsettings(settings, ini_file)
    log.info("settings migrated from %s and %s", profiles_file, ini_file)
    return settings


def _apply_profiles(settings: Settings, path: Path) -> None:
    try:
        raw = damaged.read_json(path)
    except FileNotFoundError:
        return
    except DamagedFile as exc:
        _damaged(path, str(exc))
        return
    if isinstance(raw, list):  # a bare list of profiles: take the good ones
        raw = {"profiles": raw}
    if not isinstance(raw, dict):
        _damaged(path, f"a JSON object was expected, not {type(raw).__name__}")
        return
    profiles, problems = profiles_from_list(raw.get("profiles", []))
    settings.profiles = profiles
    active = raw.get("active", LOCAL_ID)
    if isinstance(active, str) and any(p.id == active for p in profiles):
        settings.active_profile = active
    if problems:
        # The good profiles were kept; the file keeps the bad entries for the user to see.
        _damaged(path, "; ".join(problems[:3]), copy=True)


def _damaged(path: Path, problem: str, *, copy: bool = False) -> None:
    from desktop_app.i18n import tr_core

    damaged.report(
        path, problem, copy=copy, consequence=tr_core("The rest of your settings were kept.")
    )


def _apply_qsettings(settings: Settings, path: Path) -> None:
    import configparser  # only on the one start that migrates

    parser = configparser.RawConfigParser(strict=False, interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            parser.read_file(handle)
    except FileNotFoundError:
        return
    except (OSError, configparser.Error) as exc:
        log.warning("old window settings %s unreadable, skipped: %s", path, exc)
        return
    for (section, key), name in QSETTINGS_KEYS.items():
        value = _value(parser, section, key, getattr(settings, name))
        if value is not None:
            setattr(settings, name, value)
    keep = _value(parser, *KEEP_RUNNING_KEY, False)
    if keep is not None:
        settings.local.keep_server_running = keep


def _value(parser: Any, section: str, key: str, default: Any) -> Any:
    """The INI value converted to `default`'s type; None when absent or not convertible."""
    if not parser.has_option(section, key):
        return None
    text = parser.get(section, key).strip().strip('"')
    if isinstance(default, bool):
        lowered = text.lower()
        if lowered in ("true", "1"):
            return True
        if lowered in ("false", "0"):
            return False
        return None
    from desktop_app.core.config.settings import CHOICES

    for field, allowed in CHOICES.items():
        if QSETTINGS_KEYS.get((section, key)) == field and text not in allowed:
            return None
    return text
