"""`flowdesk server supervise`: owner of the managed server and runner.

One small process (no Prefect import) supervises both children, restarts them
with backoff, publishes its state in the state file, and holds the lock that
makes it the only managed server of this user. It exits -- stopping its
children -- when asked to, or when its owner (the GUI that started it) dies,
even by SIGKILL. Started without an owner (`flowdesk server start`), it runs
until `flowdesk server stop`.
"""

from __future__ import annotations

import logging
import os
import signal
import threading
import time

from desktop_app.core.config import paths
from desktop_app.core.config.logs import setup_logging, tail
from desktop_app.core.serving.runner_status import runner_status_file
from desktop_app.core.supervision import database
from desktop_app.core.supervision.auth import load_or_create_auth_string, restore_auth_string
from desktop_app.core.supervision.filelock import FileLock
from desktop_app.core.supervision.health import server_healthy
from desktop_app.core.supervision.ports import choose_port, port_is_free
from desktop_app.core.supervision.prefect_env import merged, runner_env, server_env
from desktop_app.core.supervision.processes import parent_gone, self_command, spawn
from desktop_app.core.supervision.server_state import ServerState, remove_state, write_state
from desktop_app.core.supervision.supervisor import ChildSpec, ChildStatus, ChildSupervisor

log = logging.getLogger("flowdesk.daemon")

TICK = 0.25
HEALTH_EVERY = 10.0
"""HTTP probe of a healthy server. A crash is seen at the next TICK through the
process handle; the probe is only for a server alive but not answering."""
HEALTH_RETRY = 2.0
"""After a failed probe, probe again this soon: a hung server is restarted
within HEALTH_EVERY + 3 probe timeouts (1.5 s) + 2 retries = ~18.5 s worst case
(was ~10.5 s with a 2 s probe, which cost the idle server 30 requests a minute)."""
HEALTH_FAILURES_BEFORE_RESTART = 3
NEW_DB_SECONDS = 20.0
EXISTING_DB_SECONDS = 6.0
REPAIR_HINT = (
    "Run 'flowdesk server repair --restore-latest' to restore the newest good backup, "
    "or 'flowdesk server repair --start-fresh' to move it aside and start a new history."
)


def request_file(name: str):
    """Control requests from other processes: `stop`, `restart`, `release-owner`."""
    return paths.data_dir() / f"{name}.request"


def _take_request(name: str) -> bool:
    path = request_file(name)
    if path.exists():
        try:
            path.unlink()
        except OSError:
            pass
        return True
    return False


class Daemon:
    def __init__(self, owner_pid: int | None, preferred_port: int | None) -> None:
        from desktop_app import __version__  # read on use: the window imports this module

        self.owner_pid = owner_pid
        self._started_ppid = os.getppid()
        self.preferred_port = preferred_port
        self.auth = load_or_create_auth_string()
        self.stop_event = threading.Event()
        db_exists = (paths.prefect_home() / "prefect.db").exists()
        self.state = ServerState(
            phase="starting",
            daemon_pid=os.getpid(),
            owner_pid=owner_pid,
            version=__version__,
            expected_seconds=EXISTING_DB_SECONDS if db_exists else NEW_DB_SECONDS,
        )
        logs = paths.log_dir()
        self.server = ChildSupervisor(
            ChildSpec(
                name="server",
                argv=lambda: [*self_command(), "server", "run", "--port", str(self.state.port)],
                env=lambda: merged(server_env(self.state.port, self.auth)),
                log_file=logs / "server.log",
                cwd=paths.data_dir(),
            ),
            on_change=self._server_changed,
        )
        self.runner = ChildSupervisor(
            ChildSpec(
                name="runner",
                argv=lambda: [*self_command(), "runner"],
                env=lambda: merged(runner_env(self.state.api_url, self.auth)),
                log_file=logs / "runner.log",
                cwd=paths.data_dir(),
            ),
            on_change=self._runner_changed,
        )
        self._health_failures = 0
        self._next_health = 0.0
        self._runner_started = 0.0
        self._reconciler = None
        self._backup: threading.Thread | None = None
        self._last_backup = time.monotonic()
        self._backup_due_at_ready = True
        self._backup_result: tuple[str, str] | None = None

    # -- state publishing ------------------------------------------------
    def publish(self, **changes) -> None:
        for key, value in changes.items():
            setattr(self.state, key, value)
        write_state(self.state)

    def _server_changed(self, status: ChildStatus) -> None:
        if status.phase == "running":
            self.publish(server_pid=status.pid, restarts=status.restarts)
        elif status.phase == "restarting":
            # The runner and its flow runs ride the restart out: Prefect's client
            # retries while the server is away, and the runner polls on. Stopping
            # them here used to kill every run and leave it Running forever.
            # A database that went bad is told in one line now, not after
            # ~45 s of restarts ending in a traceback.
            if self._database_failed():
                return
            self.publish(
                phase="restarting",
                server_pid=None,
                restarts=status.restarts,
                message=f"The server stopped unexpectedly ({status.message}).",
            )
        elif status.phase == "failed":
            self.runner.stop(grace=3)
            last = tail(self.server.spec.log_file, 1).strip()[:300]
            self.publish(
                phase="failed",
                server_pid=None,
                message=(
                    f"The server keeps failing ({status.message}): {last} "
                    f"Details in {self.server.spec.log_file}."
                ),
            )

    def _runner_changed(self, status: ChildStatus) -> None:
        self._runner_started = time.time()
        self.publish(
            runner_pid=status.pid, runner_phase=status.phase, runner_restarts=status.restarts
        )

    def _watch_runner_serving(self) -> None:
        """`running` → `serving` once the runner has registered its deployments.

        The runner rewrites its status file after each scan; a file newer than
        the runner's start means the flows are deployments now, so
        `flowdesk server start && flowdesk run X` works.
        """
        if self.state.runner_phase != "running":
            return
        try:
            mtime = runner_status_file().stat().st_mtime
        except OSError:
            return
        if mtime >= self._runner_started:
            self.publish(runner_phase="serving")

    # -- main loop ---------------------------------------------------------
    def _owner_gone(self) -> bool:
        # Four times a second: while the owner is our parent, getppid() answers it
        # without reading the process table (parent_gone).
        return self.owner_pid is not None and parent_gone(self.owner_pid, self._started_ppid)

    def _check_ready(self) -> None:
        if not server_healthy(self.state.api_url, timeout=0.5):
            return
        self.publish(phase="ready", ready_at=time.time(), message="")
        self._health_failures = 0
        self._next_health = time.monotonic() + HEALTH_EVERY
        if not self.runner.running:
            self.runner.status.restarts = 0
            self.runner.start()
        self._start_reconcile()
        if self._backup_due_at_ready:
            self._backup_due_at_ready = False
            self._start_backup()

    # -- truth and history -------------------------------------------------
    def _start_reconcile(self) -> None:
        """Runs whose process died while the server was away get a true state.

        A separate short-lived process: it needs Prefect, which this one
        never imports. Started on every ready, so after a restart too.
        """
        if self._reconciler is not None and self._reconciler.poll() is None:
            return
        self._reconciler = spawn(
            [*self_command(), "server", "reconcile"],
            env=merged(runner_env(self.state.api_url, self.auth)),
            log_file=paths.log_dir() / "reconcile.log",
            cwd=paths.data_dir(),
        )

    def _watch_backup(self) -> None:
        """Publish a finished backup from the main thread (the state file has one writer)."""
        result, self._backup_result = self._backup_result, None
        if result is not None:
            self.publish(last_backup=result[0], backup_error=result[1])

    def _watch_reconcile(self) -> None:
        proc = self._reconciler
        if proc is None or proc.poll() is None:
            return
        self._reconciler = None
        self.publish(reconciled_at=time.time(), reconcile_exit=proc.returncode)

    def _database_failed(self) -> bool:
        """Check the database; on a problem stop for good with a one-line reason."""
        problem = database.check_database()
        if problem is None:
            return False
        log.error("not starting the server: %s", problem.message)
        self.runner.stop(grace=3)
        self.server.stop(grace=5)
        self.publish(
            phase="failed",
            server_pid=None,
            problem=problem.kind,
            message=problem.message + " " + REPAIR_HINT,
        )
        return True

    def _prepare_database(self) -> bool:
        """The integrity check before a start; False (state: failed) on a problem."""
        return not self._database_failed()

    def _start_backup(self, every: float = 0.0) -> None:
        """Back the database up in a thread: at each ready, then every `every` s.

        After ready, not before the start: a first start has no database yet,
        and the backup API copies a consistent snapshot while the server
        writes (WAL), so the start is not delayed by the copy.
        """
        if every and time.monotonic() - self._last_backup < every:
            return
        if self._backup is not None and self._backup.is_alive():
            return
        self._last_backup = time.monotonic()

        def work() -> None:
            try:
                path = database.backup_database()
            except Exception as exc:  # sqlite3.Error, OSError: never stops the server
                log.warning("database backup failed: %s", exc)
                self._backup_result = ("", str(exc)[:300])
                return
            self._backup_result = (str(path) if path else self.state.last_backup, "")

        self._backup = threading.Thread(target=work, name="flowdesk-backup", daemon=True)
        self._backup.start()

    def _watch_health(self) -> None:
        now = time.monotonic()
        if now < self._next_health:
            return
        if server_healthy(self.state.api_url, timeout=1.5):
            self._health_failures = 0
            self._next_health = time.monotonic() + HEALTH_EVERY
            return
        self._next_health = time.monotonic() + HEALTH_RETRY
        self._health_failures += 1
        if self._health_failures >= HEALTH_FAILURES_BEFORE_RESTART:
            log.warning("server alive but not answering: restarting it")
            self._health_failures = 0
            self.publish(phase="restarting", message="The server stopped answering; restarting it.")
            self.server.restart_now()  # the runner rides it out, as on a crash

    def _before_restart(self) -> None:
        # Someone may have taken our port while the server was down.
        if self.server.status.phase == "restarting" and not port_is_free(self.state.port):
            self.publish(port=choose_port(self.preferred_port))
            # The runner and its flows point at the old address: they cannot follow.
            self.runner.stop(grace=3)

    def tick(self) -> None:
        if not paths.server_state_file().exists():  # deleted, or damaged and kept aside
            write_state(self.state)
        if _take_request("release-owner"):
            self.owner_pid = None
            self.publish(owner_pid=None)
        restore_auth_string(self.auth)
        if _take_request("restart"):
            # An asked-for restart stops the runner first, while the server can
            # still record its runs as Suspended; both re-read the auth string.
            self.runner.stop(grace=3)
            self.server.stop(grace=5)
            self.server.status.restarts = 0
            self.auth = load_or_create_auth_string()
            self.publish(
                phase="starting", started_at=time.time(), message="Restarting.", problem=""
            )
            self._backup_due_at_ready = True
            if self._prepare_database():
                self.server.start()
        if self.state.phase == "failed" and self.state.problem:
            return  # a database problem waits for `flowdesk server repair`
        self._before_restart()
        self.server.poll()
        self._watch_reconcile()
        self._watch_backup()
        if self.server.running:
            if self.state.phase in ("starting", "restarting"):
                self._check_ready()
            elif self.state.phase == "ready":
                self._watch_health()
                self.runner.poll()
                self._watch_runner_serving()
                self._start_backup(every=database.BACKUP_EVERY)

    def run(self) -> int:
        self.publish(port=choose_port(self.preferred_port))
        log.info("starting managed server on port %s (owner %s)", self.state.port, self.owner_pid)
        if self._prepare_database():
            self.server.start()
        try:
            while not self.stop_event.is_set():
                if _take_request("stop") or self._owner_gone():
                    break
                self.tick()
                self.stop_event.wait(TICK)
        finally:
            self.shutdown()
        return 0

    def shutdown(self) -> None:
        log.info("stopping runner and server")
        try:
            self.publish(phase="stopping")
        except OSError:
            pass
        self.runner.stop(grace=5)
        self.server.stop(grace=5)
        if self._reconciler is not None and self._reconciler.poll() is None:
            self._reconciler.kill()
        remove_state()
        log.info("stopped")


def run_daemon(owner_pid: int | None = None, preferred_port: int | None = 4200) -> int:
    setup_logging("daemon")
    lock = FileLock(paths.server_lock_file())
    if not lock.acquire():
        log.info("another daemon holds the lock; exiting")
        return 3
    daemon = Daemon(owner_pid, preferred_port)

    def on_signal(signum, frame) -> None:
        daemon.stop_event.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    if hasattr(signal, "SIGHUP"):
        signal.signal(signal.SIGHUP, on_signal)
    for name in ("stop", "restart", "release-owner"):
        request_file(name).unlink(missing_ok=True)
    try:
        return daemon.run()
    finally:
        lock.release()
