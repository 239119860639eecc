"""`FlowdeskLoop`: asyncio callbacks Qt delivers between loop runs still see their loop.

Fast and without a server; the consequence for the shared HTTP client is proven
against the real server in test_client_cancellation.py.
"""

from __future__ import annotations

import asyncio

import anyio
import pytest

from desktop_app.ui.event_loop import FlowdeskLoop


@pytest.fixture
def loop(qapp):
    made = FlowdeskLoop(qapp)
    yield made
    made.close()


def _running() -> object:
    try:
        return asyncio.get_running_loop()
    except RuntimeError as exc:
        return exc


def test_a_callback_delivered_between_runs_sees_its_loop(qtbot, loop):
    seen: list[object] = []
    loop.call_soon(lambda: seen.append(_running()))
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)  # Qt events, the asyncio loop not running
    assert seen == [loop]
    assert isinstance(_running(), RuntimeError)  # put back: nothing runs now


def test_a_task_with_an_anyio_deadline_finishes_when_stepped_between_runs(qtbot, loop):
    """What httpcore does on every read: a cancel scope with a deadline timer."""

    async def read() -> str:
        with anyio.move_on_after(0.05) as scope:
            await anyio.sleep(30)
        return "moved on" if scope.cancelled_caught else "slept"

    task = loop.create_task(read())
    qtbot.waitUntil(task.done, timeout=20_000)
    assert task.result() == "moved on"  # the deadline fired: no hang, no error


def test_callbacks_keep_asyncio_rules(loop):
    with pytest.raises(TypeError):
        loop.call_soon("not callable")
    handle = loop.call_later(60, lambda: None)
    handle.cancel()
    assert loop.run_until_complete(asyncio.sleep(0, result="ran")) == "ran"
