"""The app's connection to its server: start or attach, watch, reconnect, stop.

One `AppContext` per window (and later the tray) holds the `ServerManager`,
the open `FlowdeskClient` (None while disconnected) and the background
tasks. Views never start servers or build clients: they call `get_client()`
and listen to `connected` / `disconnected` / `server_changed`.

The Prefect-heavy client module is imported here, off the GUI thread, while
the server starts -- so the window is up in a fraction of a second and the
~1 s import overlaps the server's own start.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import os
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Signal

from desktop_app.core.api.connection import Connection
from desktop_app.core.config import paths
from desktop_app.ui.async_tools import TaskKeeper, describe
from desktop_app.ui.health_probe import HealthProbe

if TYPE_CHECKING:
    from desktop_app.core.api.client import FlowdeskClient
    from desktop_app.core.supervision.server import ServerManager, ServerStatus, StartProgress

log = logging.getLogger(__name__)

CLIENT_MODULE = "desktop_app.core.api.client"

# Phases the window shows; "unreachable" = the process is up but does not answer.
BUSY_PHASES = frozenset({"launching", "starting", "restarting", "stopping"})
MISSES_BEFORE_LOST = 3  # missed health checks in a row before a connected window lets go


def import_client_module() -> Any:
    """Import the Prefect-backed client and build the pydantic models it will parse.

    Runs in a worker thread. Prefect builds many models lazily, on their first
    validation: done on the GUI loop that first read stalled it for ~0.1 s.
    """
    import importlib

    module = importlib.import_module(CLIENT_MODULE)
    try:
        module.warm_up()
    except Exception as exc:  # only an optimisation: never fail the start for it
        log.debug("model warm-up skipped: %s", exc)
    return module


def configure_settings() -> None:
    """QSettings go to Flowdesk's config folder (so FLOWDESK_HOME moves them too).

    They hold only window geometry and table layouts; every preference lives
    in `core.settings` (the old preference keys are read once, by its migration).
    """
    QCoreApplication.setOrganizationName(paths.APP_AUTHOR)
    QCoreApplication.setApplicationName(paths.APP_NAME)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(paths.config_dir())
    )


@dataclass(frozen=True)
class ServerView:
    """What the window shows about the server: phase, progress, words, addresses."""

    phase: str
    fraction: float | None = None
    message: str = ""
    api_url: str = ""
    ui_url: str = ""
    restarts: int = 0
    owned: bool = False
    managed: bool = True
    pids: dict[str, int | None] = field(default_factory=dict, compare=False)
    problem: str = ""  # a database problem: empty | shrunk | damaged | missing

    @property
    def ready(self) -> bool:
        return self.phase == "ready"

    @property
    def busy(self) -> bool:
        return self.phase in BUSY_PHASES


def view_from_status(status: ServerStatus, failure: str = "") -> ServerView:
    """The daemon's state file + a health check → what the window says."""
    state = status.state
    if not status.running or state is None:
        return ServerView(phase="failed" if failure else "stopped", message=failure)
    phase = state.phase
    if phase == "ready" and not status.healthy:
        phase = "unreachable"
    fraction = None
    if phase in ("starting", "restarting"):
        elapsed = max(0.0, time.time() - state.started_at)
        fraction = min(0.95, elapsed / max(state.expected_seconds, 1.0))
    return ServerView(
        phase=phase,
        fraction=fraction,
        message=state.message,
        api_url=state.api_url,
        ui_url=state.ui_url,
        restarts=state.restarts,
        owned=state.owner_pid == os.getpid(),
        pids={"daemon": state.daemon_pid, "server": state.server_pid, "runner": state.runner_pid},
        problem=state.problem if phase == "failed" else "",
    )


class AppContext(QObject):
    """Server supervision and the shared client for every view of the app."""

    server_changed = Signal(object)
    """A new `ServerView`."""
    connected = Signal(object)
    """A freshly opened `FlowdeskClient`: views (re)load everything."""
    disconnected = Signal(str)
    """The reason, in words: views grey out and disable actions."""
    stream_mode_changed = Signal(str)
    """How run updates arrive: "events" (live), "poll" (fallback) or "connecting"."""
    switched = Signal()
    """The app now talks to another server (a profile switch): drop what you show."""

    def __init__(
        self,
        manager: ServerManager | None = None,
        *,
        connection: Connection | None = None,
        tasks: TaskKeeper | None = None,
        poll_interval: float = 1.0,
        parent: QObject | None = None,
    ) -> None:
        """Either `manager` (the managed local server) or `connection` (attach only)."""
        super().__init__(parent)
        if manager is None and connection is None:
            raise ValueError("AppContext needs a ServerManager or a Connection.")
        self.manager = manager
        self.tasks = tasks or TaskKeeper()
        self.poll_interval = poll_interval
        self._probe = HealthProbe()
        self.client: FlowdeskClient | None = None
        self._fixed_connection = connection
        phase = "launching" if manager else "connecting"
        self._view = ServerView(phase=phase, managed=bool(manager))
        self._failure = ""
        self._misses = 0  # failed health checks in a row while connected
        self._launched = False
        """We launched the daemon (so we stop it at quit even before it wrote its state)."""
        self._parked: tuple[ServerManager, bool] | None = None
        """The local server we own, left running while a remote profile is shown."""
        self._client_module: Any = None
        self._import_task: asyncio.Task[Any] | None = None
        self._supervisor: asyncio.Task[Any] | None = None
        self._starting: asyncio.Task[Any] | None = None
        self._connect_lock: asyncio.Lock | None = None
        self.stream_mode = "connecting"
        self.started_at = time.monotonic()
        self.milestones: dict[str, float] = {}
        """Monotonic times of "ready" and "connected", for the startup report."""

    # -- what views read -------------------------------------------------------
    def get_client(self) -> FlowdeskClient | None:
        return self.client

    @property
    def view(self) -> ServerView:
        return self._view

    @property
    def connection(self) -> Connection | None:
        return self.client.connection if self.client is not None else None

    @property
    def remote_url(self) -> str | None:
        """The API address of a remote or Cloud profile (None: the managed local server)."""
        return self._fixed_connection.api_url if self.manager is None else None

    @property
    def keep_server_running(self) -> bool:
        """The local profile's switch in the settings file (the dialog edits the same one)."""
        from desktop_app.ui.settings.preferences import Preferences

        return Preferences().keep_server_running

    @keep_server_running.setter
    def keep_server_running(self, value: bool) -> None:
        from desktop_app.ui.settings.preferences import Preferences

        Preferences().keep_server_running = value

    def set_stream_mode(self, mode: str) -> None:
        if mode != self.stream_mode:
            self.stream_mode = mode
            self.stream_mode_changed.emit(mode)

    def _publish(self, view: ServerView) -> None:
        if view != self._view or view.fraction is not None:
            self._view = view
            self.server_changed.emit(view)

    # -- starting --------------------------------------------------------------
    def start(self) -> None:
        """Begin importing Prefect, starting/attaching the server and watching it."""
        self._connect_lock = asyncio.Lock()
        self._import_task = self.tasks.spawn(
            asyncio.to_thread(import_client_module), "import-client"
        )
        self._begin()

    def _begin(self) -> None:
        if self.manager is not None:
            self._starting = self.tasks.spawn(self._ensure_server(), "ensure-server")
        self._supervisor = self.tasks.spawn(self._supervise(), "server-watch")

    async def _client_mod(self) -> Any:
        if self._client_module is None:
            if self._import_task is None:
                self._import_task = asyncio.ensure_future(asyncio.to_thread(import_client_module))
            self._client_module = await self._import_task
            # Prefect brings ~1,100 modules: move those objects out of the cyclic
            # collector's reach, or each full collection walks them all (a
            # 100-150 ms freeze of whichever thread allocates at that moment).
            gc.freeze()
        return self._client_module

    async def _ensure_server(self) -> None:
        from desktop_app.core.supervision.server import ServerError

        assert self.manager is not None
        self._failure = ""
        self._publish(ServerView(phase="launching", fraction=0.0))
        if not self.manager.daemon_alive():
            self._launched = True
        try:
            connection = await self.manager.ensure_running(
                owner_pid=os.getpid(), progress=self._on_progress
            )
        except ServerError as exc:
            self._failure = str(exc)
            self._publish(ServerView(phase="failed", message=self._failure))
            log.error("server start failed: %s", exc)
            return
        self.milestones.setdefault("ready", time.monotonic())
        await self._connect(connection)

    def _on_progress(self, progress: StartProgress) -> None:
        if progress.phase == "ready":
            return  # the watch loop and _connect publish "ready" with addresses
        self._publish(
            ServerView(phase=progress.phase, fraction=progress.fraction, message=progress.message)
        )

    # -- connecting ------------------------------------------------------------
    async def _connect(self, connection: Connection) -> bool:
        assert self._connect_lock is not None
        async with self._connect_lock:
            if self.client is not None and self.client.connection.api_url == connection.api_url:
                return True
            if self.client is not None:
                await self._disconnect(self.tr("The server moved to a new address."))
            module = await self._client_mod()
            # Building Prefect's client reads its settings (~0.1-0.2 s): off the GUI thread.
            client = await asyncio.to_thread(module.FlowdeskClient, connection)
            try:
                await client.open()
                await client.check()
                # One write-type request first: it fetches the CSRF token alone. Views
                # then start many requests at once; had they all fetched tokens, each
                # fetch would void the one before, and Prefect's client would retry
                # the refused (403) requests with back-off, seconds late.
                await client.count_runs()
            except asyncio.CancelledError:
                await client.close()
                raise
            except Exception as exc:
                await client.close()
                log.warning("cannot connect to %s: %s", connection.api_url, exc)
                self._publish(
                    ServerView(
                        phase="unreachable",
                        message=describe(exc),
                        api_url=connection.api_url,
                        managed=self.manager is not None,
                    )
                )
                return False
            self.client = client
            self.milestones.setdefault("connected", time.monotonic())
            log.info("connected to %s", connection.api_url)
            if self.manager is None:
                self._publish(
                    ServerView(
                        phase="ready",
                        api_url=connection.api_url,
                        ui_url=connection.ui_url,
                        managed=False,
                    )
                )
            self.connected.emit(client)
            return True

    async def _disconnect(self, reason: str) -> None:
        client, self.client = self.client, None
        if client is None:
            return
        log.info("disconnected: %s", reason)
        self.set_stream_mode("connecting")
        self.disconnected.emit(reason)
        try:
            await client.close()
        except Exception as exc:  # a dead server may fail the close: nothing to save
            log.debug("closing the client: %s", exc)

    # -- watching --------------------------------------------------------------
    async def _supervise(self) -> None:
        """Poll the server's state (~1 s; HTTP probe now and then, off the loop); follow it."""
        while True:
            try:
                await self._watch_once()
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # keep watching whatever one round did
                log.exception("server watch round failed: %s", exc)
            await asyncio.sleep(self.poll_interval)

    async def _watch_once(self) -> None:
        if self.manager is None:
            assert self._fixed_connection is not None
            from desktop_app.core.supervision.health import server_healthy  # not before paint

            conn = self._fixed_connection
            healthy = await asyncio.to_thread(server_healthy, conn.api_url)
            if not self._tolerate_miss(not healthy):
                return
            if healthy and self.client is None:
                await self._connect(conn)
            elif not healthy:
                await self._lost(
                    self.tr("The server at {url} does not answer.").format(url=conn.api_url)
                )
                self._publish(ServerView(phase="unreachable", api_url=conn.api_url, managed=False))
            return
        if self._starting is not None and not self._starting.done():
            return  # ensure_running reports progress itself
        status = await self._probe.status(self.manager, self.client)  # HTTP now and then
        view = view_from_status(status, self._failure)
        if not self._tolerate_miss(view.phase == "unreachable"):
            return
        if view.ready and status.state is not None:
            if self.client is None or self.client.connection.api_url != view.api_url:
                self._publish(view)
                await self._connect(self.manager.connection(status.state))
                return
        elif self.client is not None:
            await self._lost(self._reason(view))
        self._publish(view)

    def _tolerate_miss(self, missed: bool) -> bool:
        """False while a connected window waits out a few missed health checks: one miss
        (1 s; a busy server on a loaded machine) cancelled a 10,000-run load and restarted it."""
        self._misses = self._misses + 1 if missed and self.client is not None else 0
        return self._misses == 0 or self._misses >= MISSES_BEFORE_LOST

    async def _lost(self, reason: str) -> None:
        if self.client is not None:
            await self._disconnect(reason)

    def _reason(self, view: ServerView) -> str:
        reasons = {
            "restarting": self.tr("The server is restarting."),
            "starting": self.tr("The server is starting."),
            "unreachable": self.tr("The server does not answer."),
            "stopped": self.tr("The server has stopped."),
            "stopping": self.tr("The server is stopping."),
            "failed": self.tr("The server failed."),
        }
        return reasons.get(view.phase, self.tr("The server is not available."))

    # -- controlling -----------------------------------------------------------
    def restart_server(self) -> None:
        """Restart a running managed server, or start it again if it is gone."""
        if self.manager is None:
            return
        if self.manager.daemon_alive():
            self.manager.restart()
            self._publish(
                ServerView(phase="restarting", fraction=0.0, message=self.tr("Restart requested."))
            )
            self.tasks.spawn(self._lost(self.tr("The server is restarting.")), "restart")
        elif self._starting is None or self._starting.done():
            self._starting = self.tasks.spawn(self._ensure_server(), "ensure-server")

    async def switch(
        self, manager: ServerManager | None = None, connection: Connection | None = None
    ) -> str:
        """Re-point the whole app at another server (a profile switch), live.

        Away from the local server, the one we own keeps running (its flows go
        on) and is still stopped when the app quits; a new local profile (a new
        port) replaces it as quitting would. Every view hears `disconnected`,
        `switched` (drop the old server's rows) and `connected` once the new
        server answers. Returns what happened to the old local server.
        """
        if manager is None and connection is None:
            raise ValueError("switch needs a ServerManager or a Connection.")
        await self._stop_watching()
        await self._disconnect(self.tr("Switching to another server."))
        if self.manager is not None and manager is None:
            # Away from the local server: its flows keep running while the window
            # shows another server. It stays ours, so quitting still stops it.
            self._parked = (self.manager, self._launched)
            outcome = "parked"
        else:
            outcome = await self._leave_local_server(None)
        self.manager = manager
        self._fixed_connection = connection
        self._launched = False
        self._failure = ""
        self.milestones.clear()
        self.switched.emit()
        self._publish(
            ServerView(phase="launching" if manager else "connecting", managed=bool(manager))
        )
        if self._connect_lock is None:
            self._connect_lock = asyncio.Lock()
        self._begin()
        log.info("switched server (old local server: %s)", outcome)
        return outcome

    async def _stop_watching(self) -> None:
        pending = [
            task
            for task in (self._supervisor, self._starting)
            if task is not None and not task.done()
        ]
        for task in pending:
            task.cancel()
        if pending:
            await asyncio.wait(pending, timeout=5.0)
        self._supervisor = self._starting = None

    async def shutdown(self, keep_running: bool | None = None) -> str:
        """Close the client and stop the server we own (unless asked to keep it).

        Returns what happened to the server, for the log: "stopped", "kept",
        "not ours" or "none".
        """
        for task in (self._supervisor, self._starting):
            if task is not None and not task.done():
                task.cancel()
        await self._disconnect(self.tr("Quitting."))
        if self.manager is None and self._parked is not None:
            # Showing a remote server: the local one we left running is still ours.
            self.manager, self._launched = self._parked
            self._parked = None
        return await self._leave_local_server(keep_running)

    async def _leave_local_server(self, keep_running: bool | None) -> str:
        manager = self.manager
        if manager is None:
            return "none"
        self._parked = None  # one managed server per user: whichever we hold is this one
        from desktop_app.core.supervision.server_state import read_state

        if self._launched and not manager.daemon_alive():
            # Quit right after launching: the supervisor may not hold its lock yet.
            # Wait for it rather than leave it starting a server nobody wants.
            await self._await_daemon(manager, timeout=10.0)
        state = read_state()
        if not manager.daemon_alive():
            return "none"
        owned = state.owner_pid == os.getpid() if state is not None else self._launched
        if not owned:
            return "not ours"
        keep = self.keep_server_running if keep_running is None else keep_running
        if keep:
            manager.release_ownership()
            return "kept"
        self._publish(ServerView(phase="stopping"))
        await manager.stop()
        return "stopped"

    async def _await_daemon(self, manager: ServerManager, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if await asyncio.to_thread(manager.daemon_alive):
                return
            await asyncio.sleep(0.1)
