"""Shared fixtures: a private FLOWDESK_HOME for the whole session, and a real
managed Prefect server started through our own ServerManager on a free port.
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

# Before anything imports desktop_app.core.config.paths or prefect: no test may touch
# the real user folders or a real Prefect profile.
_SESSION_HOME = Path(tempfile.mkdtemp(prefix="flowdesk-test-home-"))
os.environ["FLOWDESK_HOME"] = str(_SESSION_HOME)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Tests read English messages, whatever the developer's own locale is.
os.environ["FLOWDESK_LANGUAGE"] = "en"
for _key in ("PREFECT_API_URL", "PREFECT_API_KEY", "PREFECT_API_AUTH_STRING", "PREFECT_PROFILE"):
    os.environ.pop(_key, None)
os.environ["PREFECT_HOME"] = str(_SESSION_HOME / "prefect-client")
# No temporary Prefect server in the test process. Prefect's default profile allows
# one: with no PREFECT_API_URL (removed above), `get_client()` and its events/logs
# clients start a `SubprocessASGIServer`, so a read that forgot our server's URL
# would silently read an empty server instead of failing. Every test talks to the
# managed server (or another explicit one): any such call must fail loudly here.
os.environ["PREFECT_SERVER_EPHEMERAL_ENABLED"] = "false"


# CI draws the same examples every time: a property test that finds a new bug
# should fail on a developer's machine (random draws, as scripts/test.sh runs
# them), not make a submission's CI a lottery.
try:
    from hypothesis import settings as _hypothesis

    _hypothesis.register_profile("ci", derandomize=True, database=None)
    if os.environ.get("CI"):
        _hypothesis.load_profile("ci")
except ImportError:  # pragma: no cover - hypothesis is a test dependency
    pass


# -- our own HTTP requests never fail silently -------------------------------------
HTTP_LOGGER = "desktop_app.core.api.client"
"""The client facade logs every HTTP failure it hands on (record attribute `http_status`)."""


class _HttpFailures(logging.Handler):
    """Collects the client's HTTP failure records during one test."""

    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.failures: list[logging.LogRecord] = []
        self.expected: list[tuple[int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        status = getattr(record, "http_status", None)
        if isinstance(status, int) and status >= 400:
            self.failures.append(record)

    def unexpected(self) -> list[logging.LogRecord]:
        return [
            record
            for record in self.failures
            if not any(
                record.http_status == status and path in getattr(record, "http_path", "")
                for status, path in self.expected
            )
        ]


@pytest.fixture(autouse=True)
def _http_failures(request: pytest.FixtureRequest) -> Iterator[_HttpFailures]:
    """Fail any test during which our client got an HTTP 4xx/5xx it did not expect.

    A test that provokes one on purpose says so: `@pytest.mark.http_expected(404)`
    (or `(404, "/flow_runs/")` to match a path part), or the `expect_http` fixture.
    """
    handler = _HttpFailures()
    for marker in request.node.iter_markers("http_expected"):
        path = marker.args[1] if len(marker.args) > 1 else ""
        handler.expected.append((int(marker.args[0]), path))
    logger = logging.getLogger(HTTP_LOGGER)
    old_level = logger.level
    logger.setLevel(logging.DEBUG)
    logger.addHandler(handler)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        logger.setLevel(old_level)
    unexpected = handler.unexpected()
    if unexpected:
        lines = "\n".join(record.getMessage() for record in unexpected[:10])
        pytest.fail(
            f"our client got {len(unexpected)} unexpected HTTP failure(s) "
            f"(declare expected ones with @pytest.mark.http_expected(status)):\n{lines}",
            pytrace=False,
        )


@pytest.fixture(autouse=True)
def _no_prefect_console_on_the_root_logger() -> Iterator[None]:
    """Prefect's console handler never writes into a test's (soon closed) capture stream.

    The first `import prefect.main` in the process (any `from prefect import flow`,
    e.g. a test importing tests/ui/limit_waits_flow.py) runs Prefect's
    `setup_logging`, which puts a `PrefectConsoleHandler` on the root logger bound
    to whatever `sys.stderr` is at that moment: inside a test, pytest's capture
    stream, closed when the test ends. Every later record reaching the root logger
    (our client's HTTP lines are at DEBUG in tests) then prints "--- Logging error
    --- ValueError: I/O operation on closed file" into a later test's stderr,
    breaking its one-line-error check. pytest records log lines itself; Prefect's
    console copy is only noise, so it is taken off before and after each test.
    """
    _drop_prefect_console_handler()
    yield
    _drop_prefect_console_handler()


def _drop_prefect_console_handler() -> None:
    prefect_handlers = sys.modules.get("prefect.logging.handlers")
    if prefect_handlers is None:  # Prefect's logging is not set up (yet): nothing to do
        return
    root = logging.getLogger()
    for handler in list(root.handlers):
        if isinstance(handler, prefect_handlers.PrefectConsoleHandler):
            root.removeHandler(handler)


@pytest.fixture(autouse=True)
def _no_temporary_prefect_server() -> Iterator[None]:
    """Fail the test during which Prefect started a temporary server in this process.

    PREFECT_SERVER_EPHEMERAL_ENABLED=false (set above) stops `get_client()` and the
    events/logs subscribers, but not Prefect's events worker: it starts one whenever
    no API URL and no API key are set (`should_emit_events_to_ephemeral_server`),
    e.g. for the event `PrefectClient.create_artifact` emits. Such a server is
    found and stopped here, and the test that caused it fails by name.
    """
    yield
    server_module = sys.modules.get("prefect.server.api.server")
    if server_module is None:
        return
    started = [
        server
        for server in list(server_module.SubprocessASGIServer._instances.values())
        if server.server_process is not None
    ]
    for server in started:
        server.stop()
    if started:
        pytest.fail(
            "Prefect started a temporary server in the test process: something used "
            "Prefect's ambient settings (no PREFECT_API_URL here) instead of our server's "
            "address; give it the server explicitly",
            pytrace=False,
        )


@pytest.fixture
def expect_http(_http_failures: _HttpFailures) -> Callable[..., None]:
    """`expect_http(404)` or `expect_http(404, "/flow_runs/")`: this failure is part of the test."""

    def expect(status: int, path: str = "") -> None:
        _http_failures.expected.append((status, path))

    return expect


@dataclass
class ServerHandle:
    manager: object
    connection: object
    home: Path

    def client(self):
        from desktop_app.core.api.client import FlowdeskClient

        return FlowdeskClient(self.connection)


@pytest.fixture(autouse=True)
def _qt_garbage_on_the_gui_thread(request: pytest.FixtureRequest) -> Iterator[None]:
    """In a Qt test, Python's cycles are collected on the GUI thread, as in the app.

    Otherwise a worker thread's allocation can free an earlier test's closed window
    there, leaving its timers registered: a segfault many tests later
    (desktop_app/ui/main_thread_gc.py says how).
    """
    if "qapp" not in request.fixturenames:
        yield
        return
    request.getfixturevalue("qapp")
    from desktop_app.ui.main_thread_gc import MainThreadGC

    collector = MainThreadGC()
    try:
        yield
    finally:
        collector.stop()
        collector.deleteLater()


@pytest.fixture(autouse=True)
def _no_recovered_designs_left_behind() -> Iterator[None]:
    """A designer left with unsaved changes writes a recovery copy (every 3 s) into the
    session's data folder; the next test's window would then open the designer to offer
    it. Each test starts and ends with a data folder without them."""
    folder = _SESSION_HOME / "data" / "recovery"
    for stale in folder.glob("*.recovery.json"):
        stale.unlink(missing_ok=True)
    yield
    for stale in folder.glob("*.recovery.json"):
        stale.unlink(missing_ok=True)


@pytest.fixture(scope="session")
def session_home() -> Path:
    return _SESSION_HOME


@pytest.fixture(scope="session")
def managed_server(session_home: Path) -> Iterator[ServerHandle]:
    """A real Prefect server + runner, supervised by our daemon, for the session."""
    from desktop_app.core.supervision.ports import free_port
    from desktop_app.core.supervision.server import ServerManager

    manager = ServerManager(preferred_port=free_port())
    try:
        connection = asyncio.run(manager.ensure_running(timeout=SERVER_START_TIMEOUT))
        asyncio.run(_wait_for_seed_deployments(connection))
    except BaseException:
        # A server too slow to start is still starting: never leave it behind.
        asyncio.run(manager.stop())
        raise
    yield ServerHandle(manager, connection, session_home)
    asyncio.run(manager.stop())


SEED_DEPLOYMENTS = {
    "basic-workflow/local",
    "pause-resume-workflow/local",
    "approval-workflow/local",
}


async def _wait_for_seed_deployments(connection, timeout: float = 90.0) -> None:
    """The runner registers deployments a few seconds after the server is ready."""
    from desktop_app.core.api.client import FlowdeskClient

    async with FlowdeskClient(connection) as client:

        async def registered():
            names = {d.full_name for d in await client.list_deployments()}
            return names >= SEED_DEPLOYMENTS

        await await_until(registered, timeout=timeout, interval=0.25, what="seed deployments")


SERVER_START_TIMEOUT = 480 if sys.platform == "win32" else 240
"""How long a new server may take to be ready: a guard, not a speed check. Under Wine
on a busy 2-core machine a fresh database's migrations alone took over three minutes."""

def wait_until(
    condition: Callable[[], object], timeout: float = 30.0, interval: float = 0.1, what: str = ""
) -> object:
    """Poll `condition` until it returns a truthy value; fail after `timeout` s."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what or condition}")
        time.sleep(interval)


async def await_until(
    condition: Callable[[], object], timeout: float = 30.0, interval: float = 0.1, what: str = ""
) -> object:
    """Async `wait_until`: `condition` may be a coroutine function."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        value = condition()
        if asyncio.iscoroutine(value):
            value = await value
        if value:
            return value
        if loop.time() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what or condition}")
        await asyncio.sleep(interval)


def stop_app(proc: subprocess.Popen[str], timeout: float = 60) -> tuple[int, str]:
    """SIGTERM a launched app (as a session logout would) → (exit code, its stderr)."""
    proc.send_signal(signal.SIGTERM)
    code = proc.wait(timeout=timeout)
    stderr = proc.stderr.read() if proc.stderr else ""
    if proc.stderr:
        proc.stderr.close()
    return code, stderr


# -- the Linux bundle builds alongside the suite (tests/packaging/background_build.py) --
def pytest_collection_modifyitems(session, config, items) -> None:
    """Bundle tests go last, so the background build has the whole suite's time."""
    from tests.packaging.background_build import BUNDLE_TESTS

    items.sort(key=lambda item: item.nodeid.startswith(BUNDLE_TESTS))


def pytest_collection_finish(session) -> None:
    from tests.packaging import background_build

    if session.config.option.collectonly:
        return
    if background_build.wanted([item.nodeid for item in session.items]):
        from tests.packaging.test_linux_bundle import STAMP

        background_build.start(STAMP)


def pytest_sessionfinish(session, exitstatus) -> None:
    import shutil

    from tests.packaging import background_build

    background_build.stop()
    # The session's server was stopped with its fixture: its home goes too.
    shutil.rmtree(_SESSION_HOME, ignore_errors=True)
