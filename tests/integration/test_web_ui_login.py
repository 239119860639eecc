"""'Open in Prefect UI' arrives logged in: a real headless Chromium against the real server.

Opened directly, the run's page is refused (Prefect's login form, or
"Authentication failed" and no data). Opened through the one-time login page,
it shows the run. The page is gone afterwards, and a remote (unmanaged)
connection gets no page at all.
"""

from __future__ import annotations

import asyncio
import shutil
import subprocess
import tempfile
import urllib.error
import urllib.request
from dataclasses import replace

import pytest

from desktop_app.core.supervision import ui_login
from tests.conftest import await_until

pytestmark = pytest.mark.integration
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def rendered_dom(url: str) -> str:
    """What a fresh browser profile shows at `url` once its scripts ran."""
    with tempfile.TemporaryDirectory(prefix="flowdesk-chromium-") as profile:
        result = subprocess.run(
            [
                CHROMIUM,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={profile}",
                "--virtual-time-budget=15000",
                "--dump-dom",
                url,
            ],
            capture_output=True,
            text=True,
            timeout=120,
        )
    return result.stdout


def refused(dom: str) -> bool:
    """Prefect's UI without the auth string: its login form, or its refusals."""
    return 'type="password"' in dom or "Authentication failed" in dom


@pytest.mark.skipif(CHROMIUM is None, reason="needs chromium")
def test_the_browser_arrives_logged_in_at_the_run(managed_server) -> None:
    connection = managed_server.connection
    assert connection.auth_string  # the managed server always has one

    async def a_finished_run():
        async with managed_server.client() as client:
            deployment = await client.resolve_deployment("basic-workflow")
            run = await client.run_deployment(deployment.id, {})

            async def done():
                return (await client.read_run(run.id)).state.is_final

            await await_until(done, 90, what="the run to finish")
            return run

    run = asyncio.run(a_finished_run())
    target = connection.run_url(run.id)

    plain = rendered_dom(target)
    assert refused(plain)  # what the user met before: asked for the auth string
    assert run.name not in plain

    url = ui_login.login_url(connection, target)
    assert url != target and "flowdesk-login-" in url
    assert connection.auth_string not in url  # the secret is not in the URL
    folder = ui_login.ui_static_dir()
    assert folder is not None
    (page,) = folder.glob("flowdesk-login-*.html")
    assert page.stat().st_mode & 0o077 == 0  # the owner's only
    dom = rendered_dom(url)
    assert not refused(dom), dom[-2000:]
    assert run.name in dom  # the run's own page

    assert ui_login.remove_login_pages() == 1
    assert not list(folder.glob("flowdesk-login-*.html"))
    # A used URL logs nobody in: the server no longer has the page.
    with pytest.raises(urllib.error.HTTPError) as gone:
        urllib.request.urlopen(url, timeout=10)
    assert gone.value.code == 404


def test_no_page_for_a_remote_server_or_without_an_auth_string(managed_server) -> None:
    connection = managed_server.connection
    target = connection.ui_url
    remote = replace(connection, managed=False, kind="remote")
    assert ui_login.login_url(remote, target) == target
    no_auth = replace(connection, auth_string=None)
    assert ui_login.login_url(no_auth, target) == target
    folder = ui_login.ui_static_dir()
    assert folder is None or not list(folder.glob("flowdesk-login-*.html"))
