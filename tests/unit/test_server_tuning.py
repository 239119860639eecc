"""The managed server's background-task worker checks once a second, unless told otherwise."""

from __future__ import annotations

import asyncio
from datetime import timedelta

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
