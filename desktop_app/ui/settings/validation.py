"""Checks on a profile before anything is saved: which field is wrong, and how to fix it.

Pure (no Qt beyond translation), so each rule is a one-line test. The same
shape rules as the connection check, but offline: the dialog refuses to save
an address that cannot work, instead of failing later with a network error.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from PySide6.QtCore import QCoreApplication

from desktop_app.core.config.profiles import Profile


@dataclass(frozen=True)
class SettingProblem:
    field: str  # name | url | secret | port
    message: str


def url_problem(url: str, kind: str) -> str | None:
    url = url.strip()
    if not url:
        return QCoreApplication.translate(
            "Settings", "Enter the server's API address, e.g. http://my-server:4200/api"
        )
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return QCoreApplication.translate(
            "Settings", "The address must start with http:// or https://"
        )
    if not parts.hostname:
        return QCoreApplication.translate("Settings", "The address has no host name.")
    try:
        parts.port  # noqa: B018  (raises on a non-numeric port)
    except ValueError:
        return QCoreApplication.translate("Settings", "The port in the address is not a number.")
    if kind == "cloud" and "/workspaces/" not in parts.path:
        return QCoreApplication.translate(
            "Settings",
            "A Prefect Cloud address names the account and workspace: "
            "…/api/accounts/<account id>/workspaces/<workspace id>",
        )
    if kind == "cloud" and ("ACCOUNT_ID" in url or "WORKSPACE_ID" in url):
        return QCoreApplication.translate(
            "Settings",
            "Replace ACCOUNT_ID and WORKSPACE_ID with your own (Prefect Cloud → Settings).",
        )
    if kind == "remote" and not parts.path.rstrip("/").endswith("/api"):
        return QCoreApplication.translate(
            "Settings", "Prefect's API lives under /api: e.g. {example}"
        ).format(example=f"{parts.scheme}://{parts.netloc}/api")
    return None


def profile_problem(
    profile: Profile, new_secret: str, has_stored_secret: bool
) -> SettingProblem | None:
    """The first thing wrong with `profile`, or None."""
    if not profile.name.strip():
        return SettingProblem(
            "name", QCoreApplication.translate("Settings", "Give the profile a name.")
        )
    if profile.kind == "local":
        if not 1024 <= profile.port_preference <= 65535:
            return SettingProblem(
                "port",
                QCoreApplication.translate("Settings", "Choose a port between 1024 and 65535."),
            )
        return None
    problem = url_problem(profile.api_url, profile.kind)
    if problem:
        return SettingProblem("url", problem)
    secret = new_secret.strip()
    if profile.kind == "cloud" and not (secret or has_stored_secret):
        return SettingProblem(
            "secret",
            QCoreApplication.translate(
                "Settings", "Prefect Cloud needs an API key (it starts with pnu_)."
            ),
        )
    if profile.kind == "remote" and secret and ":" not in secret:
        return SettingProblem(
            "secret",
            QCoreApplication.translate(
                "Settings",
                "An auth string has the form user:password "
                "(the server's PREFECT_SERVER_API_AUTH_STRING).",
            ),
        )
    return None
