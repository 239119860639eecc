"""The auth string is never regenerated while a server lives; restart re-reads it."""

from __future__ import annotations

import asyncio

import pytest

from tests.conftest import await_until, wait_until
from tests.reliability.conftest import wait_for_deployments

pytestmark = [pytest.mark.integration, pytest.mark.reliability]


async def _run_basic(server) -> str:
    async with server.client() as client:
        dep = await client.resolve_deployment("basic-workflow/local")
        run = await client.run_deployment(dep.id, {})

        async def done():
            return (await client.read_run(run.id)).state.is_final

        await await_until(done, timeout=120, what="basic run finished")
        return (await client.read_run(run.id)).state.type


def test_deleted_auth_file_is_restored_not_regenerated(private_server):
    from desktop_app.cli import main as cli_main
    from desktop_app.core.config import paths
    from desktop_app.core.supervision.server import ServerManager

    auth = paths.auth_file()
    original = auth.read_text().strip()
    auth.unlink()
    conn = ServerManager().connection(private_server.state())  # a client reads, never writes
    assert conn.auth_string == original
    assert auth.read_text().strip() == original
    auth.unlink()
    assert cli_main(["list", "--limit", "1"]) == 0  # the CLI works and writes no new string
    assert auth.read_text().strip() == original


def test_restart_rereads_the_auth_string_everywhere(private_server):
    from desktop_app.cli import main as cli_main
    from desktop_app.core.config import paths

    auth = paths.auth_file()
    old_runner = private_server.state().runner_pid
    auth.write_text("flowdesk:a-new-string-chosen-by-the-user\n")
    assert cli_main(["server", "restart"]) == 0
    wait_until(
        lambda: (
            (s := private_server.state())
            and s.runner_phase == "serving"
            and s.runner_pid not in (None, old_runner)
        ),
        timeout=120,
        what="runner restarted",
    )
    asyncio.run(wait_for_deployments(private_server))
    assert private_server.manager.connection(private_server.state()).auth_string == (
        "flowdesk:a-new-string-chosen-by-the-user"
    )
    # The runner got the new string too: it picks up and finishes a run.
    assert asyncio.run(_run_basic(private_server)) == "COMPLETED"
