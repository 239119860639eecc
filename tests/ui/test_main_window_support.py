"""Shared pieces of the main-window tests (no tests here).

The window runs on a real qasync loop built on pytest-qt's QApplication and
talks to the session's real Prefect server (`managed_server`). Scenarios are
coroutines driven with `loop.run_until_complete`, waiting with `await_until`
(never sleeps as synchronisation).
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator, Callable, Coroutine, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from desktop_app.core.api.connection import Connection
from desktop_app.core.api.models import RunInfo
from desktop_app.ui.app import cancel_stragglers
from desktop_app.ui.async_tools import TaskKeeper
from desktop_app.ui.context import AppContext, configure_settings
from desktop_app.ui.event_loop import FlowdeskLoop
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.runs.model import RunsTableModel
from tests.conftest import await_until

__all__ = [
    "Harness",
    "StateRecorder",
    "TcpProxy",
    "await_until",
    "click_confirm",
    "open_window",
    "qloop",
    "run",
]


@pytest.fixture
def qloop(qapp) -> Iterator[FlowdeskLoop]:
    """The app's qasync loop on pytest-qt's QApplication."""
    configure_settings()
    loop = FlowdeskLoop(qapp)
    asyncio.set_event_loop(loop)
    yield loop
    try:
        loop.run_until_complete(loop.shutdown_asyncgens())
        loop.close()
    finally:
        asyncio.set_event_loop(None)


def run(loop: FlowdeskLoop, coro: Coroutine[Any, Any, Any], timeout: float = 90) -> Any:
    """Drive `coro` on the qasync loop, in one task (no wait_for wrapper task)."""

    async def bounded() -> Any:
        async with asyncio.timeout(timeout):
            return await coro

    return loop.run_until_complete(bounded())


@dataclass
class Harness:
    window: MainWindow
    context: AppContext
    loop: asyncio.AbstractEventLoop
    errors: list[tuple[str, BaseException]] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)

    @property
    def runs(self):
        return self.window.runs

    @property
    def model(self) -> RunsTableModel:
        return self.window.runs.model

    def client(self):
        client = self.context.get_client()
        assert client is not None, "not connected"
        return client

    async def connected_and_loaded(self, timeout: float = 90) -> None:
        loader = self.runs.loader
        await await_until(
            lambda: (
                self.context.get_client() is not None and loader.loads >= 1 and not loader.loading
            ),
            timeout,
            what="the runs table to load",
        )

    async def live(self, timeout: float = 30) -> None:
        await await_until(
            lambda: self.context.stream_mode == "events", timeout, what="the event stream"
        )

    async def close(self) -> None:
        await self.context.tasks.cancel_all()
        await cancel_stragglers(timeout=3.0)  # e.g. the detail pane's own tasks
        await self.context.shutdown()


@contextlib.asynccontextmanager
async def open_window(
    qtbot,
    *,
    manager: Any = None,
    connection: Connection | None = None,
    poll_interval: float = 1.0,
    start: bool = True,
) -> AsyncIterator[Harness]:
    """A real main window on the running loop; closed (tasks cancelled) on exit."""
    errors: list[tuple[str, BaseException]] = []
    tasks = TaskKeeper(lambda exc, name: errors.append((name, exc)))
    context = AppContext(manager, connection=connection, tasks=tasks, poll_interval=poll_interval)
    window = MainWindow(context)
    qtbot.addWidget(window)
    harness = Harness(window, context, asyncio.get_running_loop(), errors)
    window.runs.failed.connect(lambda s, d: harness.failures.append((s, d)))
    window.deployments.failed.connect(lambda s, d: harness.failures.append((s, d)))
    window.runs.message.connect(harness.messages.append)
    window.deployments.message.connect(harness.messages.append)
    window.show()
    if start:
        context.start()
    try:
        yield harness
    finally:
        await harness.close()
    assert not errors, f"background tasks failed: {errors}"


class StateRecorder:
    """Every state the runs model showed for one run, in order, as the view would see it."""

    def __init__(self, model: RunsTableModel, run_id: str) -> None:
        self.model = model
        self.run_id = run_id
        self.states: list[str] = []
        self.times: dict[str, float] = {}
        model.dataChanged.connect(self._check)
        model.rowsInserted.connect(self._check)
        model.layoutChanged.connect(self._check)
        self._check()

    def _check(self, *_args: object) -> None:
        run = self.model.run(self.run_id)
        if run is None:
            return
        shown = run.display_state
        if not self.states or self.states[-1] != shown:
            self.states.append(shown)
            self.times.setdefault(run.state.type, time.time())

    def has(self, state_type: str) -> bool:
        return state_type in self.times

    def current(self) -> RunInfo | None:
        return self.model.run(self.run_id)


def click_confirm(harness: Harness, button_text: str) -> None:
    """Press `button_text` in the open confirmation box of the run actions."""
    boxes = [d for d in harness.runs.actions_.open_dialogs if isinstance(d, QMessageBox)]
    assert boxes, "no confirmation box is open"
    box = boxes[-1]
    for button in box.buttons():
        if button.text() == button_text:
            button.click()
            return
    raise AssertionError(f"no '{button_text}' button in {[b.text() for b in box.buttons()]}")


class TcpProxy:
    """A real TCP forwarder on the test's loop: stopping it makes the server unreachable."""

    def __init__(self, target_host: str, target_port: int) -> None:
        self.target = (target_host, target_port)
        self.port = 0
        self._server: asyncio.AbstractServer | None = None
        self._writers: set[asyncio.StreamWriter] = set()

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._handle, "127.0.0.1", self.port)
        self.port = self._server.sockets[0].getsockname()[1]

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
            self._server = None
        for writer in list(self._writers):
            writer.close()
        self._writers.clear()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            up_reader, up_writer = await asyncio.open_connection(*self.target)
        except OSError:
            writer.close()
            return
        self._writers.update({writer, up_writer})

        async def pipe(src: asyncio.StreamReader, dst: asyncio.StreamWriter) -> None:
            try:
                while data := await src.read(65536):
                    dst.write(data)
                    await dst.drain()
            except (ConnectionError, OSError):
                pass
            finally:
                dst.close()

        await asyncio.gather(pipe(reader, up_writer), pipe(up_reader, writer))
        self._writers.difference_update({writer, up_writer})


def deployment_runner(harness: Harness) -> Callable[..., Coroutine[Any, Any, RunInfo]]:
    async def start(flow: str, **parameters: Any) -> RunInfo:
        client = harness.client()
        deployment = await client.resolve_deployment(flow)
        return await client.run_deployment(deployment.id, parameters)

    return start
