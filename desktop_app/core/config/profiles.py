"""Connection profiles: the managed local server, a remote Prefect server, Prefect Cloud.

The profiles live in the one settings file (`settings.SettingsStore`); this is
the profile-shaped view of it the settings dialog and the app use. Secrets go
to `SecretStore`, never into that file, so it can be shared or backed up safely.
"""

from __future__ import annotations

from pathlib import Path

from desktop_app.core.api.connection import Connection
from desktop_app.core.config.secrets import SecretStore
from desktop_app.core.config.settings import (
    LOCAL_ID,
    PROFILE_KINDS,
    Profile,
    SettingsStore,
    default_local,
    default_store,
    store_at,
)

CLOUD_API_URL = "https://api.prefect.cloud/api/accounts/ACCOUNT_ID/workspaces/WORKSPACE_ID"

__all__ = [
    "CLOUD_API_URL",
    "LOCAL_ID",
    "PROFILE_KINDS",
    "Profile",
    "ProfileStore",
    "default_local",
]


class ProfileStore:
    """Profiles and the active one, read from and saved to a `SettingsStore`.

    `path` names a settings file (tests); without it the install's shared store
    is used, so every ProfileStore and the preferences see the same settings.
    """

    def __init__(
        self,
        path: Path | None = None,
        secrets: SecretStore | None = None,
        *,
        settings: SettingsStore | None = None,
    ) -> None:
        if settings is None:
            settings = store_at(path) if path is not None else default_store()
        self.settings = settings
        self.path = settings.path
        self.secrets = secrets or SecretStore()
        self.profiles: list[Profile] = []
        self.active_id = LOCAL_ID
        self.load()

    def load(self) -> None:
        current = self.settings.get()
        self.profiles = current.profiles
        self.active_id = current.active_profile

    def save(self) -> None:
        current = self.settings.get()
        current.profiles = list(self.profiles)
        current.active_profile = self.active_id
        saved = self.settings.save(current)
        self.profiles = saved.profiles
        self.active_id = saved.active_profile

    @property
    def active(self) -> Profile:
        return self.get(self.active_id)

    @property
    def local(self) -> Profile:
        return self.get(LOCAL_ID)

    def get(self, profile_id: str) -> Profile:
        for profile in self.profiles:
            if profile.id == profile_id:
                return profile
        raise KeyError(profile_id)

    def upsert(self, profile: Profile, secret: str | None = None) -> None:
        self.load()
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
        self.load()
        profile = self.get(profile_id)
        self.secrets.set(profile.secret_key, None)
        self.profiles = [p for p in self.profiles if p.id != profile_id]
        if self.active_id == profile_id:
            self.active_id = LOCAL_ID
        self.save()

    def activate(self, profile_id: str) -> Profile:
        self.load()
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
