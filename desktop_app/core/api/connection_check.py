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

from desktop_app.core.api.connection import Connection
from desktop_app.i18n import tr_core


@dataclass(frozen=True)
class CheckResult:
    ok: bool
    step: str  # url | dns | connect | api | auth | version | ok
    message: str
    server_version: str | None = None


EXAMPLE = "http://my-server:4200/api"


def _url_problem(url: str) -> str | None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return tr_core("'{url}' is not an http(s) URL. Example: {example}").format(
            url=url, example=EXAMPLE
        )
    if not parts.hostname:
        return tr_core("'{url}' has no host name. Example: {example}").format(
            url=url, example=EXAMPLE
        )
    if not parts.path.rstrip("/").endswith("/api") and "/workspaces/" not in parts.path:
        return tr_core(
            "'{url}' does not end with /api. Prefect's API lives under /api, e.g. {example}"
        ).format(url=url, example=f"{parts.scheme}://{parts.netloc}/api")
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
        text = tr_core("The host name '{host}' cannot be resolved (DNS).").format(host=host)
        return CheckResult(False, "dns", text)
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
            text = tr_core("Nothing answers at {host}:{port} (connection refused: {error}).")
            return CheckResult(False, "connect", text.format(host=host, port=port, error=exc))
        except httpx.TimeoutException:
            text = tr_core("{host}:{port} did not answer in {seconds} s.").format(
                host=host, port=port, seconds=f"{timeout:g}"
            )
            return CheckResult(False, "connect", text)
        if health.status_code == 404:
            text = tr_core("There is no Prefect API at {url} (404).").format(url=url)
            return CheckResult(False, "api", text)
        try:
            version = await http.get(f"{url}/admin/version")
        except httpx.HTTPError as exc:
            text = tr_core("The connection failed: {error}").format(error=exc)
            return CheckResult(False, "connect", text)
    if version.status_code in (401, 403):
        text = (
            tr_core("The server refused the API key ({status}).")
            if conn.api_key
            else tr_core("The server refused the auth string ({status}).")
        )
        return CheckResult(False, "auth", text.format(status=version.status_code))
    if version.status_code == 404 and conn.kind == "cloud":
        return CheckResult(True, "ok", tr_core("Connected to Prefect Cloud."), None)
    if version.status_code != 200:
        text = tr_core("Unexpected answer {status} from {url}.").format(
            status=version.status_code, url=f"{url}/admin/version"
        )
        return CheckResult(False, "api", text)
    server_version = str(version.json())
    mismatch = _version_mismatch(server_version)
    if mismatch:
        return CheckResult(False, "version", mismatch, server_version)
    text = tr_core("Connected: Prefect server {version}.").format(version=server_version)
    return CheckResult(True, "ok", text, server_version)


def _version_mismatch(server_version: str) -> str | None:
    from importlib.metadata import version

    client = version("prefect")
    if server_version.split(".")[0] != client.split(".")[0]:
        return tr_core(
            "The server runs Prefect {server}; this app speaks Prefect {client}. "
            "Major versions must match."
        ).format(server=server_version, client=client)
    return None
