"""Runs start on the server's events: the managed runner polls only every 30 s."""

from __future__ import annotations

import asyncio

import pytest

from tests.conftest import await_until

pytestmark = pytest.mark.integration


def test_a_new_run_wakes_the_waker_through_the_event_stream(managed_server):
    """With no poll at all, the event of a new Scheduled run makes the waker look."""
    from prefect.settings import PREFECT_API_AUTH_STRING, PREFECT_API_URL, temporary_settings

    from desktop_app.core.serving.run_waker import RunWaker

    conn = managed_server.connection

    async def main():
        looked = asyncio.Event()

        async def look() -> None:
            looked.set()

        async def next_due():
            return None

        waker = RunWaker(look, next_due)
        task = asyncio.create_task(waker.run())
        try:
            await await_until(lambda: waker.listening, timeout=60, what="the event stream")
            async with managed_server.client() as client:
                deployment = await client.resolve_deployment("basic-workflow/local")
                run = await client.run_deployment(deployment.id, {})
                await await_until(
                    lambda: f"prefect.flow-run.{run.id}" in waker.woken_for,
                    timeout=60,
                    what="the run's Scheduled event",
                )
                assert looked.is_set()

                async def finished():
                    return (await client.read_run(run.id)).state.is_final

                await await_until(finished, timeout=120, what="the run finished")
        finally:
            task.cancel()

    with temporary_settings(
        updates={PREFECT_API_URL: conn.api_url, PREFECT_API_AUTH_STRING: conn.auth_string}
    ):
        asyncio.run(main())
