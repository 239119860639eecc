"""Fixtures and helpers shared by the forms/resume/run-detail UI tests (no tests here).

Widgets talk to a real server through `FlowdeskClient` on a qasync loop, as
in the app. A test body is a coroutine run with `arun(loop, ...)`: while it
awaits, Qt events are processed by the same loop, so widgets update and
their async slots run exactly as they do for a person.
"""

from __future__ import annotations

import asyncio
import ctypes
import sys
from collections.abc import Coroutine
from typing import Any

import pytest

from tests.conftest import await_until


def keep_none_alive() -> None:
    """Work around PySide6 6.12.0 on CPython 3.11 dropping a reference to None.

    Measured here: every call of a void Qt method (`QLabel.setText`,
    `QScrollBar.setValue`, `QApplication.processEvents`, …) lowers
    `sys.getrefcount(None)` by one; a bare Qt process aborts with "Fatal
    Python error: none_dealloc" after ~5,000 such calls, one with Prefect
    imported after ~100,000. Python 3.12+ makes None immortal; on 3.11 we do
    the same by giving it a huge reference count. Belongs in the app's entry
    point and tests/conftest.py (not ours to edit): until then, the forms
    and detail tests apply it so a long session cannot abort.
    """
    if sys.version_info < (3, 12):
        ctypes.c_ssize_t.from_address(id(None)).value += 1 << 40


keep_none_alive()

__all__ = [
    "approval_deployment",
    "arun",
    "await_until",
    "cleanup_run",
    "keep_none_alive",
    "qloop",
    "server_client",
    "start_run",
    "wait_state",
]


@pytest.fixture(scope="session")
def qloop(qapp):
    """The app's qasync loop on pytest-qt's QApplication, for every async UI test."""
    from desktop_app.ui.event_loop import FlowdeskLoop

    # Closing a dialog (the last window) would quit Qt's loop and with it qasync's.
    qapp.setQuitOnLastWindowClosed(False)
    loop = FlowdeskLoop(qapp)  # as the app runs it
    asyncio.set_event_loop(loop)
    yield loop
    asyncio.set_event_loop(None)
    loop.close()  # before the QApplication goes, or qasync fails in __del__


def arun(loop: asyncio.AbstractEventLoop, coro: Coroutine[Any, Any, Any], timeout: float = 120):
    """Run `coro` on the qasync loop (Qt events keep flowing), bounded by `timeout`.

    The loop is made current first: `asyncio.run` elsewhere in the session
    (the server fixture) leaves no current loop behind.
    """
    asyncio.set_event_loop(loop)
    return loop.run_until_complete(asyncio.wait_for(coro, timeout))


@pytest.fixture(scope="module")
def server_client(managed_server, qloop):
    """An opened FlowdeskClient on the real managed server, bound to the qasync loop."""
    client = managed_server.client()
    arun(qloop, client.open())
    yield client
    arun(qloop, client.close())


async def start_run(client, deployment: str, **parameters):
    found = await client.resolve_deployment(deployment)
    return await client.run_deployment(found.id, parameters)


async def wait_state(client, run_id: str, *types: str, timeout: float = 90.0):
    async def reached():
        run = await client.read_run(run_id)
        return run if run.state.type in types else None

    return await await_until(reached, timeout=timeout, interval=0.2, what=f"{run_id} in {types}")


async def cleanup_run(client, run_id: str) -> None:
    """Leave no paused flow process behind (each would wait for an hour)."""
    try:
        run = await client.read_run(run_id)
        if not run.state.is_final:
            await client.cancel(run_id)
    except Exception:
        pass


approval_deployment = "approval-workflow/local"
