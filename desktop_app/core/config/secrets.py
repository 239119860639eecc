"""Secrets of connection profiles (auth strings, Cloud API keys).

The OS keyring when one is usable; otherwise a file only the user can read,
and a warning the settings dialog shows -- a machine without a keyring
(a headless Linux box) must still work, but the user should know.
"""

from __future__ import annotations

from pathlib import Path

from desktop_app.core.config import damaged, paths
from desktop_app.core.config.atomic import atomic_write_json

SERVICE = "Flowdesk"


def _keyring_usable() -> bool:
    try:
        import keyring
        from keyring.backends import fail

        backend = keyring.get_keyring()
    except Exception:
        return False
    return not isinstance(backend, fail.Keyring) and getattr(backend, "priority", 1) > 0


class SecretStore:
    def __init__(self, file_path: Path | None = None, use_keyring: bool | None = None) -> None:
        self.file_path = file_path or (paths.config_dir() / "secrets.json")
        self._use_keyring = use_keyring

    @property
    def use_keyring(self) -> bool:
        # Decided on first use: finding the keyring backend costs 0.1-0.3 s (it
        # may probe D-Bus), which the window's start must not pay for a local profile.
        if self._use_keyring is None:
            self._use_keyring = _keyring_usable()
        return self._use_keyring

    @property
    def warning(self) -> str | None:
        if self.use_keyring:
            return None
        return (
            f"No system keyring is available: secrets are kept in {self.file_path}, "
            "readable only by you."
        )

    def get(self, key: str) -> str | None:
        if self.use_keyring:
            import keyring

            return keyring.get_password(SERVICE, key)
        return self._read().get(key)

    def set(self, key: str, value: str | None) -> None:
        if self.use_keyring:
            import keyring
            from keyring.errors import PasswordDeleteError

            if value:
                keyring.set_password(SERVICE, key, value)
            else:
                try:
                    keyring.delete_password(SERVICE, key)
                except PasswordDeleteError:
                    pass
            return
        data = self._read()
        if value:
            data[key] = value
        else:
            data.pop(key, None)
        self._write(data)

    def _read(self) -> dict[str, str]:
        """The secrets file; a damaged one is kept aside (its secrets may be recovered by hand)."""
        try:
            raw = damaged.expect_object(damaged.read_json(self.file_path))
            bad = [key for key, value in raw.items() if not isinstance(value, str)]
            if bad:
                raise damaged.DamagedFile(f"'{bad[0]}' is not a text")
        except FileNotFoundError:
            return {}
        except damaged.DamagedFile as exc:
            from desktop_app.i18n import tr_core

            damaged.report(
                self.file_path,
                str(exc),
                consequence=tr_core("Enter the secrets of your profiles again in Settings."),
            )
            return {}
        return raw

    def _write(self, data: dict[str, str]) -> None:
        self.file_path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_json(self.file_path, data, mode=0o600)
