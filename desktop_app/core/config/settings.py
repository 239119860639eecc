"""Every preference and connection profile, typed, in one file: `settings.json`.

Before version 1 the same switches lived in three places kept in step by hand
(raw QSettings keys in the window, again in the preferences, and
`profiles.json`). Now `Settings` is the one source: the window, the tray, the
settings dialog and the CLI read it through one `SettingsStore`, which
- validates what it reads field by field (a bad field falls back to its
  default, a bad profile is dropped alone; the damaged file is kept aside as
  `settings.json.broken-…` and the user told -- see `damaged`),
- writes atomically (`atomic`), and
- tells subscribers after each change (the UI adapts that to a Qt signal).
Secrets stay in the keyring (`SecretStore`); QSettings keeps only window
geometry. `migrate` reads the files older versions wrote, once.

Stdlib dataclasses, not pydantic: a dozen fields, and the reader must salvage
the good fields of a damaged file, which is simpler to say field by field.
"""

from __future__ import annotations

import copy
import dataclasses
import logging
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop_app.core.config import damaged, paths
from desktop_app.core.config.atomic import atomic_write_json
from desktop_app.core.config.damaged import DamagedFile

log = logging.getLogger(__name__)

VERSION = 1
FILE_NAME = "settings.json"
PROFILE_KINDS = ("local", "remote", "cloud")
LOCAL_ID = "local"
LANGUAGES = ("system", "en", "zh_CN")
THEMES = ("system", "light", "dark")
MAX_PROFILES = 200
MAX_LIST = 1000
"""Longest list preference (deployment ids): a bigger one is damage, not a choice."""


@dataclass
class Profile:
    """A server the app can show: the managed local one, a remote Prefect server, Cloud."""

    name: str
    kind: str = "local"
    api_url: str = ""
    id: str = field(default_factory=lambda: uuid.uuid4().hex[:12])
    # Local-only preferences:
    port_preference: int = 4200
    keep_server_running: bool = False
    start_minimised: bool = False
    start_at_login: bool = False

    def __post_init__(self) -> None:
        if self.kind not in PROFILE_KINDS:
            raise ValueError(
                f"unknown profile kind '{self.kind}' (expected one of {PROFILE_KINDS})"
            )

    @property
    def secret_key(self) -> str:
        return f"profile:{self.id}"


def default_local() -> Profile:
    return Profile(name="Local", kind="local", id=LOCAL_ID)


@dataclass
class Settings:
    version: int = VERSION
    language: str = "system"
    theme: str = "system"
    notify_on_pause: bool = True
    notify_on_end: bool = True
    """Announce a run that ends (finishes, fails) after it had paused."""
    notify_on_failure: bool = True
    """Announce a run that ends Failed or Crashed (tray badge, menu, notification)."""
    quiet_deployments: list[str] = field(default_factory=list)
    """Deployment ids whose failures are not announced (their Deployments-tab switch)."""
    sound: bool = False
    close_to_tray: bool = True
    """Closing the window keeps the app in the tray (when there is a tray)."""
    close_hint_shown: bool = False
    release_paused_after_minutes: int = 0
    """A pause still waiting after this long releases its flow's process (0: never).

    The default of `pause_here` calls that set no `release_after`; read by the
    flow processes themselves (`desktop_app.runtime.release`)."""
    active_profile: str = LOCAL_ID
    profiles: list[Profile] = field(default_factory=lambda: [default_local()])

    @property
    def local(self) -> Profile:
        return next(p for p in self.profiles if p.id == LOCAL_ID)

    @property
    def active(self) -> Profile:
        return next((p for p in self.profiles if p.id == self.active_profile), self.local)

    @property
    def keep_server_running(self) -> bool:
        return self.local.keep_server_running

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


PREFERENCE_FIELDS = tuple(
    f.name for f in dataclasses.fields(Settings) if f.name not in ("version", "profiles")
)
CHOICES = {"language": LANGUAGES, "theme": THEMES}


# ----------------------------------------------------------------- validation
def _check_field(owner: Any, name: str, value: Any) -> Any:
    """`value` if it suits `owner`'s field `name`, else DamagedFile saying why."""
    default = getattr(owner, name)
    if isinstance(default, list):
        if not isinstance(value, list) or len(value) > MAX_LIST:
            raise DamagedFile(f"'{name}' must be a list of at most {MAX_LIST} texts")
        if not all(isinstance(item, str) and item and len(item) <= 200 for item in value):
            raise DamagedFile(f"'{name}' must hold short texts only")
        return list(dict.fromkeys(value))  # each once, order kept
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise DamagedFile(f"'{name}' must be true or false")
    elif isinstance(default, int):
        if isinstance(value, bool) or not isinstance(value, int):
            raise DamagedFile(f"'{name}' must be a whole number")
    elif isinstance(default, str) and (
        not isinstance(value, str) or "\0" in value or len(value) > 2000
    ):
        raise DamagedFile(f"'{name}' must be a short text")
    if name in CHOICES and value not in CHOICES[name]:
        raise DamagedFile(f"'{name}' must be one of {', '.join(CHOICES[name])}")
    return value


def profile_from_dict(raw: Any) -> Profile:
    if not isinstance(raw, dict):
        raise DamagedFile("a profile must be a JSON object")
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        raise DamagedFile("a profile has no name")
    kind = raw.get("kind", "local")
    if kind not in PROFILE_KINDS:
        raise DamagedFile(f"profile '{name}' has an unknown kind")
    sample = Profile(name=name, kind=kind)
    values: dict[str, Any] = {"name": name, "kind": kind}
    for f in dataclasses.fields(Profile):
        if f.name in values or f.name not in raw:
            continue
        values[f.name] = _check_field(sample, f.name, raw[f.name])
    port = values.get("port_preference", sample.port_preference)
    if not 0 <= port <= 65535:
        raise DamagedFile(f"profile '{name}' has a port out of range")
    return Profile(**values)


def settings_from_dict(raw: Any) -> tuple[Settings, list[str]]:
    """Typed settings from parsed JSON, and the problems met (each salvaged around)."""
    data = damaged.expect_object(raw)
    problems: list[str] = []
    version = data.get("version", VERSION)
    if isinstance(version, int) and not isinstance(version, bool) and version > VERSION:
        # Not damage: read what we know; fields only the newer version knows are lost on save.
        log.warning("settings were written by a newer Flowdesk (version %s)", version)
    settings = Settings()
    for name in PREFERENCE_FIELDS:
        if name in data:
            try:
                setattr(settings, name, _check_field(settings, name, data[name]))
            except DamagedFile as exc:
                problems.append(str(exc))
    if "profiles" in data:
        settings.profiles, profile_problems = profiles_from_list(data["profiles"])
        problems += profile_problems
    if not any(p.id == settings.active_profile for p in settings.profiles):
        settings.active_profile = LOCAL_ID
    return settings, problems


def profiles_from_list(raw: Any) -> tuple[list[Profile], list[str]]:
    """Each good profile (one bad entry never drops the others), local first, ids unique."""
    if not isinstance(raw, list):
        return [default_local()], ["'profiles' must be a list"]
    profiles: list[Profile] = []
    problems: list[str] = []
    seen: set[str] = set()
    for index, item in enumerate(raw[:MAX_PROFILES]):
        try:
            profile = profile_from_dict(item)
        except DamagedFile as exc:
            problems.append(f"profile {index + 1}: {exc}")
            continue
        if profile.id in seen:
            problems.append(f"profile {index + 1}: a second profile with id '{profile.id}'")
            continue
        if profile.id == LOCAL_ID and profile.kind != "local":
            problems.append(f"profile {index + 1}: the local profile must be of kind 'local'")
            continue
        seen.add(profile.id)
        profiles.append(profile)
    if len(raw) > MAX_PROFILES:
        problems.append(f"more than {MAX_PROFILES} profiles")
    if LOCAL_ID not in seen:
        profiles.insert(0, default_local())
    return profiles, problems


# ----------------------------------------------------------------- the store
Listener = Callable[[Settings], None]


class SettingsStore:
    """Loads, validates, saves and announces `Settings`; one per settings file.

    Reads are live: `get()` re-reads the file when another process (the CLI,
    a second window) changed it, so nothing needs to be restarted to see a
    change. Callers get a copy; they change settings only through `update`
    or `save`, so every change is written and announced.
    """

    def __init__(self, path: Path | None = None, *, migrate_from: Path | None = None) -> None:
        self.path = Path(path) if path is not None else paths.config_dir() / FILE_NAME
        self.legacy_dir = migrate_from
        self._settings: Settings | None = None
        self._stamp: tuple[int, int] | None = None
        self._listeners: list[Listener] = []
        self._lock = threading.RLock()

    # -- reading ---------------------------------------------------------------
    def get(self) -> Settings:
        with self._lock:
            return copy.deepcopy(self._current())

    def value(self, name: str) -> Any:
        """One preference, without copying every profile (preferences are plain values)."""
        with self._lock:
            return getattr(self._current(), name)

    def _current(self) -> Settings:
        if self._settings is None or self._changed_on_disk():
            self._settings = self._load()
        return self._settings

    def _stat(self) -> tuple[int, int] | None:
        try:
            st = self.path.stat()
        except OSError:
            return None
        return (st.st_mtime_ns, st.st_size)

    def _changed_on_disk(self) -> bool:
        return self._stat() != self._stamp

    def _load(self) -> Settings:
        try:
            raw = damaged.read_json(self.path)
        except FileNotFoundError:
            return self._first_start()
        except DamagedFile as exc:
            self._damaged(str(exc))
            return self._salvage(Settings())
        try:
            settings, problems = settings_from_dict(raw)
        except DamagedFile as exc:
            self._damaged(str(exc))
            return self._salvage(Settings())
        if problems:
            self._damaged("; ".join(problems[:3]))
            return self._salvage(settings)
        self._stamp = self._stat()
        return settings

    def _damaged(self, problem: str) -> None:
        from desktop_app.i18n import tr_core

        damaged.report(
            self.path,
            problem,
            consequence=tr_core("The rest of your settings were kept."),
        )

    def _salvage(self, settings: Settings) -> Settings:
        """Write what could be read, so the app works on and the next start is clean."""
        try:
            self._write(settings)
        except OSError as exc:
            log.warning("cannot rewrite %s: %s", self.path, exc)
            self._stamp = self._stat()
        return settings

    def _first_start(self) -> Settings:
        from desktop_app.core.config.settings_migration import migrate

        settings = migrate(self.legacy_dir or self.path.parent)
        if settings is None:
            self._stamp = None
            return Settings()
        try:
            self._write(settings)
        except OSError as exc:
            log.warning("cannot save migrated settings to %s: %s", self.path, exc)
        return settings

    # -- writing ---------------------------------------------------------------
    def update(self, **changes: Any) -> Settings:
        """Change preference fields (validated), save, announce; returns the new settings."""
        with self._lock:
            settings = self.get()
            for name, value in changes.items():
                if name not in PREFERENCE_FIELDS:
                    raise ValueError(f"unknown setting '{name}'")
                try:
                    setattr(settings, name, _check_field(settings, name, value))
                except DamagedFile as exc:
                    raise ValueError(str(exc)) from None
            return self.save(settings)

    def save(self, settings: Settings) -> Settings:
        """Write `settings` (validated) atomically and tell subscribers; OSError on failure."""
        with self._lock:
            checked, problems = settings_from_dict(settings.to_dict())
            if problems:
                raise ValueError("; ".join(problems))
            checked.version = VERSION
            self._write(checked)
            self._settings = checked
        self._announce(checked)
        return copy.deepcopy(checked)

    def _write(self, settings: Settings) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_json(self.path, settings.to_dict())
        self._settings = settings
        self._stamp = self._stat()

    # -- announcing ------------------------------------------------------------
    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call `listener(new_settings)` after each saved change; returns an unsubscribe."""
        self._listeners.append(listener)

        def stop() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return stop

    def _announce(self, settings: Settings) -> None:
        for listener in list(self._listeners):
            try:
                listener(copy.deepcopy(settings))
            except Exception:
                log.exception("settings listener failed")


_stores: dict[Path, SettingsStore] = {}
_stores_lock = threading.Lock()


def store_at(path: Path) -> SettingsStore:
    """The one store of the settings file at `path` in this process (shared, so every
    reader sees a change at once and every subscriber hears it)."""
    key = Path(path).absolute()
    with _stores_lock:
        store = _stores.get(key)
        if store is None:
            store = _stores[key] = SettingsStore(key)
        return store


def default_store() -> SettingsStore:
    """The store of this install's settings file (looked up each time: FLOWDESK_HOME may move)."""
    return store_at(paths.config_dir() / FILE_NAME)


def reset_default_stores() -> None:
    """Forget the shared stores (tests that move FLOWDESK_HOME)."""
    with _stores_lock:
        _stores.clear()


__all__ = [
    "LANGUAGES",
    "LOCAL_ID",
    "PROFILE_KINDS",
    "THEMES",
    "VERSION",
    "Profile",
    "Settings",
    "SettingsStore",
    "default_local",
    "default_store",
    "store_at",
]
