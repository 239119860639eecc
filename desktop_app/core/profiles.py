"""Connection profiles: the managed local server, a remote Prefect server, Prefect Cloud.

Stored as JSON in the config folder (atomically); secrets go to `SecretStore`,
never into this file, so the profiles file can be shared or backed up safely.
"""

from __future__ import annotations

import json
import os
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path

from desktop_app.core import paths
from desktop_app.core.connection import Connection
from desktop_app.core.secrets import SecretStore

KINDS = ("local", "remote", "cloud")
LOCAL_ID = "local"
CLOUD_API_URL = "https://api.prefect.cloud/api/accounts/ACCOUNT_ID/workspaces/WORKSPACE_ID"


@dataclass
class Profile:
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
        if self.kind not in KINDS:
            raise ValueError(f"unknown profile kind '{self.kind}' (expected one of {KINDS})")

    @property
    def secret_key(self) -> str:
        return f"profile:{self.id}"


def default_local() -> Profile:
    return Profile(name="Local", kind="local", id=LOCAL_ID)


class ProfileStore:
    def __init__(self, path: Path | None = None, secrets: SecretStore | None = None) -> None:
        self.path = path or (paths.config_dir() / "profiles.json")
        self.secrets = secrets or SecretStore()
        self.profiles: list[Profile] = []
        self.active_id = LOCAL_ID
        self.load()

    def load(self) -> None:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
            profiles = [
                Profile(**{k: v for k, v in p.items() if k in Profile.__dataclass_fields__})
                for p in raw.get("profiles", [])
            ]
            active = raw.get("active", LOCAL_ID)
        except (FileNotFoundError, ValueError, TypeError):
            profiles, active = [], LOCAL_ID
        if not any(p.id == LOCAL_ID for p in profiles):
            profiles.insert(0, default_local())
        self.profiles = profiles
        self.active_id = active if any(p.id == active for p in profiles) else LOCAL_ID

    def save(self) -> None:
        data = {"active": self.active_id, "profiles": [asdict(p) for p in self.profiles]}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(self.path.name + ".tmp")
        tmp.write_text(json.dumps(data, indent=2), encoding="utf-8")
        os.replace(tmp, self.path)

    @property
    def active(self) -> Profile:
        return self.get(self.active_id)

    def get(self, profile_id: str) -> Profile:
        for profile in self.profiles:
            if profile.id == profile_id:
                return profile
        raise KeyError(profile_id)

    def upsert(self, profile: Profile, secret: str | None = None) -> None:
        for index, existing in enumerate(self.profiles):
            if existing.id == profile.id:
                self.profiles[index] = profile
                break
        else:
            self.profiles.append(profile)
        if secret is not None:
            self.secrets.set(profile.secret_key, secret)
        self.save()

    def remove(self, profile_id: str) -> None:
        if profile_id == LOCAL_ID:
            raise ValueError("The local profile cannot be removed.")
        profile = self.get(profile_id)
        self.secrets.set(profile.secret_key, None)
        self.profiles = [p for p in self.profiles if p.id != profile_id]
        if self.active_id == profile_id:
            self.active_id = LOCAL_ID
        self.save()

    def activate(self, profile_id: str) -> Profile:
        self.get(profile_id)
        self.active_id = profile_id
        self.save()
        return self.active

    def remote_connection(self, profile: Profile) -> Connection:
        """The connection of a remote or Cloud profile (local ones go through ServerManager)."""
        if profile.kind == "local":
            raise ValueError("local profiles connect through the ServerManager")
        secret = self.secrets.get(profile.secret_key)
        if profile.kind == "cloud":
            return Connection(api_url=profile.api_url, api_key=secret, kind="cloud", managed=False)
        return Connection(api_url=profile.api_url, auth_string=secret, kind="remote", managed=False)
