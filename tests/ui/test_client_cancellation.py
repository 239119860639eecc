"""The shared client survives reads cancelled at any point, on the real qasync loop.

The GUI shares one `FlowdeskClient`: a `TaskSlot` cancels an older refresh when
a newer one starts, panes cancel their reads when closed, the tray cancels at
shutdown. None of that may leave the client unable to answer the next request
(the app's tables would silently stop updating). Each trial cancels reads at a
different point -- before the connection, while it connects, mid-response --
and then asks again, bounded by a generous timeout that turns a hang into a
failure in words.
"""

from __future__ import annotations

import asyncio

import pytest

from tests.ui import test_forms_support as support
from tests.ui.test_forms_support import arun

qloop = support.qloop
server_client = support.server_client

pytestmark = pytest.mark.integration

TRIALS = 50
HANG = 30.0
"""Seconds after which a read counts as hung (a read here takes milliseconds)."""


async def _answers(client, what: str) -> None:
    """One read and one page of runs must come back, not hang."""
    try:
        await asyncio.wait_for(client.check(), HANG)
        await asyncio.wait_for(client.list_runs(limit=5), HANG)
    except TimeoutError:
        pytest.fail(f"the client hung after {what}: {client.prefect._client._transport}")


async def _reads(client, count: int) -> list[asyncio.Task]:
    """`count` concurrent reads: more than one forces the pool to open new connections."""
    makers = (lambda: client.check(), lambda: client.list_runs(limit=5))
    return [asyncio.ensure_future(makers[i % 2]()) for i in range(count)]


async def _cancel(tasks: list[asyncio.Task]) -> None:
    for task in tasks:
        task.cancel()
    await asyncio.wait(tasks)


def test_reads_cancelled_at_any_step_leave_the_client_answering(qloop, server_client):
    """Cancel after 0..N turns of the loop: before, during and after connect and response."""
    client = server_client

    async def scenario():
        for trial in range(TRIALS):
            tasks = await _reads(client, 1 + trial % 4)
            for _ in range(trial % 25):
                await asyncio.sleep(0)
            await _cancel(tasks)
            await _answers(client, f"cancelling after {trial % 25} loop turns (trial {trial})")

    arun(qloop, scenario(), timeout=TRIALS * HANG)


def test_reads_cancelled_after_a_delay_leave_the_client_answering(qloop, server_client):
    """Cancel after 0-10 ms of real I/O: the point the socket work has reached varies."""
    client = server_client

    async def scenario():
        for trial in range(TRIALS):
            tasks = await _reads(client, 1 + trial % 4)
            # Not a synchronisation: the delay only picks where the cancel lands.
            await asyncio.sleep((trial % 11) / 1000)
            await _cancel(tasks)
            await _answers(client, f"cancelling after {trial % 11} ms (trial {trial})")

    arun(qloop, scenario(), timeout=TRIALS * HANG)


def test_reads_in_flight_when_the_loop_stops_end_and_the_client_keeps_answering(
    qloop, qapp, server_client, caplog
):
    """Qt events processed outside `run_until_complete` -- qasync's own last pass when
    it returns, a test's `qtbot`, the app's shutdown -- step the reads left in flight.
    Each must still end with its answer, and the next reads must be answered."""
    client = server_client
    for trial in range(TRIALS):
        tasks = arun(qloop, _reads(client, 1 + trial % 4))
        for _ in range(trial % 7):
            qapp.processEvents()
        arun(qloop, _answers(client, f"reads left in flight (trial {trial})"), timeout=3 * HANG)
        _done, hung = arun(qloop, asyncio.wait(tasks, timeout=HANG))
        assert not hung, f"{len(hung)} read(s) left in flight never ended (trial {trial})"
        failed = [t.exception() for t in tasks if t.exception() is not None]
        assert not failed, f"reads left in flight failed (trial {trial}): {failed}"
    stray = [r.getMessage() for r in caplog.records if "Exception in callback" in r.getMessage()]
    assert not stray, stray[:3]
