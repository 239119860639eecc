""" "Test connection": say exactly what is wrong with a server address.

Each step fails with its own message -- a typo in the host is not "refused",
a wrong path is not "unauthorised" -- because the user has to fix a different
thing in each case.
"""

from __future__ import annotations

import asyncio
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from desktop_app.core.connection import Connection


@dataclass(frozen=True)
class CheckResult:
    ok: bool
    step: str  # url | dns | connect | api | auth | version | ok
    message: str
    server_version: str | None = None


def _url_problem(url: str) -> str | None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return f"'{url}' is not an http(s) URL. Example: http://my-server:4200/api"
    if not parts.hostname:
        return f"'{url}' has no host name. Example: http://my-server:4200/api"
    if not parts.path.rstrip("/").endswith("/api") and "/workspaces/" not in parts.path:
        return (
            f"'{url}' does not end with /api. Prefect's API lives under /api, "
            f"e.g. {parts.scheme}://{parts.netloc}/api"
        )
    return None


async def check_connection(conn: Connection, timeout: float = 5.0) -> CheckResult:
    url = conn.api_url.strip().rstrip("/")
    problem = _url_problem(url)
    if problem:
        return CheckResult(False, "url", problem)
    parts = urlsplit(url)
    host = parts.hostname or ""
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        await asyncio.to_thread(socket.getaddrinfo, host, port)
    except socket.gaierror:
        return CheckResult(False, "dns", f"The host name '{host}' cannot be resolved (DNS).")
    headers: dict[str, str] = {}
    if conn.api_key:
        headers["Authorization"] = f"Bearer {conn.api_key}"
    auth = None
    if conn.auth_string and ":" in conn.auth_string:
        user, _, password = conn.auth_string.partition(":")
        auth = httpx.BasicAuth(user, password)
    async with httpx.AsyncClient(timeout=timeout, headers=headers, auth=auth) as http:
        try:
            health = await http.get(f"{url}/health")
        except httpx.ConnectError as exc:
            return CheckResult(
                False, "connect", f"Nothing answers at {host}:{port} (connection refused: {exc})."
            )
        except httpx.TimeoutException:
            return CheckResult(False, "connect", f"{host}:{port} did not answer in {timeout:g} s.")
        if health.status_code == 404:
            return CheckResult(False, "api", f"There is no Prefect API at {url} (404).")
        try:
            version = await http.get(f"{url}/admin/version")
        except httpx.HTTPError as exc:
            return CheckResult(False, "connect", f"The connection failed: {exc}")
    if version.status_code in (401, 403):
        what = "API key" if conn.api_key else "auth string"
        return CheckResult(False, "auth", f"The server refused the {what} ({version.status_code}).")
    if version.status_code == 404 and conn.kind == "cloud":
        return CheckResult(True, "ok", "Connected to Prefect Cloud.", None)
    if version.status_code != 200:
        return CheckResult(
            False, "api", f"Unexpected answer {version.status_code} from {url}/admin/version."
        )
    server_version = str(version.json())
    mismatch = _version_mismatch(server_version)
    if mismatch:
        return CheckResult(False, "version", mismatch, server_version)
    return CheckResult(True, "ok", f"Connected: Prefect server {server_version}.", server_version)


def _version_mismatch(server_version: str) -> str | None:
    from importlib.metadata import version

    client = version("prefect")
    if server_version.split(".")[0] != client.split(".")[0]:
        return (
            f"The server runs Prefect {server_version}; this app speaks Prefect {client}. "
            "Major versions must match."
        )
    return None
