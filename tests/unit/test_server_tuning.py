"""The managed server's background-task worker checks once a second, unless told otherwise."""

from __future__ import annotations

import asyncio
import os
from datetime import timedelta
from unittest import mock

from docket import Docket, Worker

from desktop_app.core.supervision.server_tuning import CHECK_INTERVAL, quiet_background_worker


def test_the_worker_defaults_to_one_second_and_explicit_values_still_win():
    original = Worker.__init__
    try:
        assert quiet_background_worker()
        assert quiet_background_worker()  # twice is harmless: not wrapped again
        assert Worker.__init__.__wrapped__ is original

        async def main():
            async with Docket(name="flowdesk-tuning-test", url="memory://") as docket:
                default = Worker(docket)
                explicit = Worker(docket, scheduling_resolution=timedelta(seconds=3))
                return default, explicit

        default, explicit = asyncio.run(main())
        assert default.minimum_check_interval == CHECK_INTERVAL
        assert default.scheduling_resolution == CHECK_INTERVAL
        assert explicit.scheduling_resolution == timedelta(seconds=3)
    finally:
        Worker.__init__ = original


def test_the_managed_server_gets_the_quiet_service_intervals_and_prefect_accepts_them():
    from prefect.settings import Settings

    from desktop_app.core.supervision.prefect_env import server_env
    from desktop_app.core.supervision.server_tuning import QUIET_SERVICES

    env = server_env(4300, "user:secret")
    assert all(env[key] == value for key, value in QUIET_SERVICES.items())
    # Prefect parses every one of them (a bad value would stop the server at start).
    with mock.patch.dict(os.environ, QUIET_SERVICES):
        server = Settings().server
    assert server.services.late_runs.loop_seconds == 30
    assert server.services.cleanup_reconciler.loop_seconds == 60
    assert server.events.proactive_granularity == timedelta(seconds=30)
