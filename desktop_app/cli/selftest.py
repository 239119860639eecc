"""`flowdesk self-test` / `Flowdesk --self-test`: prove this install works end to end.

An installed (often frozen) app can break in ways no unit test sees: a data
file PyInstaller did not collect, a migration missing from the bundle, a
child process that cannot re-invoke the executable, a data folder the user
cannot write. So the self-test does what a user does, for real, in a private
temporary home (never touching the user's own server or database): start a
managed server on a fresh database (migrations run), let the runner serve the
seed flows, run one flow, pause and resume another, stop everything, and
check that no process it started is left behind.

Each step is timed and printed as it finishes; a failure names the step and
shows the tail of the log that explains it. Exit code 0 means every step
passed, 1 that one failed.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import sys
import tempfile
import time
import urllib.request
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, TextIO

from desktop_app.cli.selftest_support import (
    Report,
    StepFailed,
    StepResult,
    TrackedProcess,
    check_writable,
    log_tail,
    private_environment,
    track_process,
)
from desktop_app.core.config import paths
from desktop_app.core.supervision.liveness import FLOW_RUN_ENV

SERVER_TIMEOUT = 240.0
"""A first start migrates a new database (~15-20 s); slow CI disks and virus scanners do worse."""
DEPLOYMENT_TIMEOUT = 120.0
RUN_TIMEOUT = 120.0
PROCESS_EXIT_TIMEOUT = 15.0

BASIC_PARAMS = {"count": 3, "factor": 2}
BASIC_EXPECTED = {"records": 3, "total": 60}
PAUSE_PARAMS = {"items_count": 4, "pause_after": 2, "delay": 0.05}
PAUSE_EXPECTED = [0, 1, 4, 9]


# Settings that would point our client at someone else's server.
class SelfTest:
    """The steps, in order, sharing the server connection and the processes seen."""

    def __init__(self, report: Report, preferred_port: int | None) -> None:
        self.report = report
        self.preferred_port = preferred_port
        self.manager: Any = None
        self.connection: Any = None
        self.processes: dict[int, TrackedProcess] = {}
        self.deployments: dict[str, str] = {}
        self.pause_run_id = ""
        self.stopped = False

    async def step(
        self, name: str, action: Callable[[], Awaitable[str]], logs: tuple[str, ...] = ()
    ) -> None:
        began = time.monotonic()
        try:
            detail = await action()
        except StepFailed as exc:
            exc.logs = exc.logs or logs
            self.report.add(StepResult(name, False, time.monotonic() - began, str(exc)))
            raise
        except Exception as exc:
            message = f"{type(exc).__name__}: {exc}"
            self.report.add(StepResult(name, False, time.monotonic() - began, message))
            raise StepFailed(message, logs) from exc
        self.report.add(StepResult(name, True, time.monotonic() - began, detail))

    # -- server ---------------------------------------------------------------
    async def start_server(self) -> str:
        from desktop_app.core.supervision.ports import free_port, port_is_free
        from desktop_app.core.supervision.server import ServerManager
        from desktop_app.core.supervision.server_state import read_state

        # Never the user's usual 4200: their own server may want it meanwhile.
        preferred = self.preferred_port or free_port()
        self.manager = ServerManager(preferred_port=preferred)
        taken = not port_is_free(preferred)
        self.connection = await self.manager.ensure_running(
            owner_pid=os.getpid(), timeout=SERVER_TIMEOUT
        )
        self.remember_processes()
        state = read_state()
        port = state.port if state else "?"
        note = f" (port {preferred} was taken)" if taken or port != preferred else ""
        database = paths.prefect_home() / "prefect.db"
        if not database.is_file():
            raise StepFailed(f"the server answers but created no database at {database}.")
        return f"{self.connection.ui_url}{note}, new database migrated"

    def remember_processes(self) -> None:
        """Every process of the managed server we can see now: supervisor, server,
        runner and any flow-run process below them."""
        import psutil

        from desktop_app.core.supervision.server_state import read_state

        state = read_state()
        if state is None:
            return
        roles = {
            "supervisor": state.daemon_pid,
            "server": state.server_pid,
            "runner": state.runner_pid,
        }
        for role, pid in roles.items():
            tracked = track_process(role, pid)
            if tracked is not None:
                self.processes.setdefault(tracked.pid, tracked)
        try:
            children = psutil.Process(state.daemon_pid).children(recursive=True)
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            children = []
        for child in children:
            try:
                # A warm start is a fork of the fork server: known by its run id, not argv.
                flow_run = "prefect.engine" in child.cmdline() or bool(
                    (child.environ().get(FLOW_RUN_ENV) or "").strip()
                )
            except (psutil.NoSuchProcess, psutil.ZombieProcess):
                continue
            except (psutil.Error, OSError):
                # Windows (and Wine) may refuse to read another process's command
                # line with a bare OSError (WinError 87 / 5): still track it, unnamed.
                flow_run = False
            tracked = track_process("flow run" if flow_run else "child", child.pid)
            if tracked is not None:
                self.processes.setdefault(tracked.pid, tracked)

    async def check_web_ui(self) -> str:
        """Prefect copies its UI into a writable folder at start; a bundle without the
        assets serves nothing here."""
        url = self.connection.ui_url + "/"

        def fetch() -> tuple[int, str]:
            with urllib.request.urlopen(url, timeout=15) as response:
                return response.status, response.read(4096).decode("utf-8", "replace")

        status, body = await asyncio.to_thread(fetch)
        if status != 200 or "<html" not in body.lower():
            raise StepFailed(f"{url} answered {status} without a page: the web UI is missing.")
        copied = paths.prefect_ui_dir()
        if not any(copied.iterdir()):
            raise StepFailed(f"the web UI was not copied into {copied}.")
        return url

    async def wait_deployments(self) -> str:
        from desktop_app.core.api.client import FlowdeskClient

        wanted = ("basic-workflow/local", "pause-resume-workflow/local")
        await self.manager.wait_serving(timeout=DEPLOYMENT_TIMEOUT)
        deadline = time.monotonic() + DEPLOYMENT_TIMEOUT
        async with FlowdeskClient(self.connection) as client:
            while True:
                known = {d.full_name: d.id for d in await client.list_deployments()}
                if all(name in known for name in wanted):
                    self.deployments = {name: known[name] for name in wanted}
                    break
                if time.monotonic() > deadline:
                    missing = ", ".join(n for n in wanted if n not in known)
                    raise StepFailed(f"the runner did not register {missing}.")
                await asyncio.sleep(0.25)
        self.remember_processes()
        return ", ".join(wanted)

    # -- runs -----------------------------------------------------------------
    async def _wait_state(self, client: Any, run_id: str, *types: str) -> Any:
        deadline = time.monotonic() + RUN_TIMEOUT
        while True:
            run = await client.read_run(run_id)
            if run.state.type in types:
                return run
            if run.state.is_final:
                raise StepFailed(
                    f"run {run.name} ended {run.state.name}: {run.state.message or 'no message'}"
                    + await self._run_log_text(client, run_id)
                )
            if time.monotonic() > deadline:
                raise StepFailed(
                    f"run {run.name} was still {run.state.name} after {RUN_TIMEOUT:.0f} s"
                    f" (waiting for {'/'.join(types)})." + await self._run_log_text(client, run_id)
                )
            self.remember_processes()
            await asyncio.sleep(0.1)

    async def _run_log_text(self, client: Any, run_id: str) -> str:
        try:
            lines = await client.logs(run_id, limit=40)
        except Exception:
            return ""
        if not lines:
            return ""
        return "\n--- run log ---\n" + "\n".join(f"{x.level_name} {x.message}" for x in lines)

    async def run_basic(self) -> str:
        from desktop_app.core.api.client import FlowdeskClient

        async with FlowdeskClient(self.connection) as client:
            began = time.monotonic()
            run = await client.run_deployment(
                self.deployments["basic-workflow/local"], BASIC_PARAMS
            )
            await self._wait_state(client, run.id, "COMPLETED")
            result = await client.run_result(run.id)
            if result != BASIC_EXPECTED:
                raise StepFailed(f"basic-workflow returned {result!r}, expected {BASIC_EXPECTED!r}")
            return f"result {result} ({time.monotonic() - began:.1f} s from request)"

    async def run_pause_resume(self) -> str:
        from desktop_app.core.api.client import FlowdeskClient

        async with FlowdeskClient(self.connection) as client:
            deployment = self.deployments["pause-resume-workflow/local"]
            run = await client.run_deployment(deployment, PAUSE_PARAMS)
            await self._wait_state(client, run.id, "PAUSED")
            self.pause_run_id = run.id
            return f"run {run.name} paused after {PAUSE_PARAMS['pause_after']} items"

    async def resume(self) -> str:
        from desktop_app.core.api.client import FlowdeskClient

        async with FlowdeskClient(self.connection) as client:
            began = time.monotonic()
            await client.resume(self.pause_run_id)
            await self._wait_state(client, self.pause_run_id, "COMPLETED")
            result = await client.run_result(self.pause_run_id)
            if result != PAUSE_EXPECTED:
                raise StepFailed(
                    f"pause-resume-workflow returned {result!r}, expected {PAUSE_EXPECTED!r}"
                )
            return f"result {result} ({time.monotonic() - began:.1f} s after resume)"

    # -- stopping -------------------------------------------------------------
    async def stop(self) -> str:
        self.remember_processes()
        stopped = await self.manager.stop()
        self.stopped = True
        if not stopped:
            raise StepFailed("the server was already gone before we asked it to stop.")
        return "supervisor, server and runner stopped"

    async def check_no_leftovers(self) -> str:
        deadline = time.monotonic() + PROCESS_EXIT_TIMEOUT
        while True:
            alive = [p for p in self.processes.values() if p.alive()]
            if not alive:
                roles = sorted({p.role for p in self.processes.values()})
                return f"{len(self.processes)} processes ({', '.join(roles)}) all exited"
            if time.monotonic() > deadline:
                described = "; ".join(p.describe() for p in alive)
                self.kill(alive)
                raise StepFailed(f"still running after stop (now killed): {described}")
            await asyncio.sleep(0.1)

    @staticmethod
    def kill(processes: list[TrackedProcess]) -> None:
        from desktop_app.core.supervision.processes import kill_tree

        for proc in processes:
            if proc.alive():
                kill_tree(proc.pid, hard=True)

    async def emergency_stop(self) -> None:
        """After a failed step: never leave a server behind, whatever failed."""
        if self.manager is None or self.stopped:
            return
        self.remember_processes()
        try:
            await self.manager.stop(timeout=20)
        except Exception as exc:
            self.report.line(f"  (stopping the server failed: {exc}; killing its processes)")
        self.kill([p for p in self.processes.values() if p.alive()])

    async def run(self) -> None:
        server_logs = ("daemon.log", "server.log", "daemon-stdout.log")
        runner_logs = ("runner.log",)
        try:
            await self.step("start server", self.start_server, server_logs)
            await self.step("web UI served", self.check_web_ui, ("server.log",))
            await self.step("flows deployed", self.wait_deployments, runner_logs)
            await self.step("basic-workflow run", self.run_basic, runner_logs)
            await self.step("pause-resume: pause", self.run_pause_resume, runner_logs)
            await self.step("pause-resume: resume", self.resume, runner_logs)
            await self.step("stop server", self.stop, ("daemon.log", "runner.log"))
            await self.step("no processes left", self.check_no_leftovers)
        finally:
            await self.emergency_stop()


def _describe_executable() -> str:
    if getattr(sys, "frozen", False):
        return f"frozen: {sys.executable}"
    return f"from source: {sys.executable} -m desktop_app"


def run_self_test(
    keep_home: bool = False,
    *,
    preferred_port: int | None = None,
    out: TextIO | None = None,
) -> int:
    """Run every step; 0 if all passed, 1 naming the failed step otherwise.

    `preferred_port`: the port to ask for first (default: any free port, so a
    running Flowdesk on 4200 is left alone); when it is taken the managed
    server picks another, as it does for users.
    """
    from desktop_app import __version__

    report = Report(out if out is not None else sys.stdout)
    report.line(f"Flowdesk {__version__} self-test ({_describe_executable()})")
    began = time.monotonic()
    home: Path | None = None
    failure: StepFailed | None = None
    failed_step = ""

    try:
        for what, folder_of in (
            ("data", paths.data_dir),
            ("settings", paths.config_dir),
            ("log", paths.log_dir),
        ):
            step_began = time.monotonic()
            try:
                folder = check_writable(folder_of, what)
            except StepFailed as exc:
                report.add(StepResult(f"{what} folder writable", False, 0.0, str(exc)))
                raise
            report.add(
                StepResult(
                    f"{what} folder writable", True, time.monotonic() - step_began, str(folder)
                )
            )
        try:
            home = Path(tempfile.mkdtemp(prefix="flowdesk-selftest-"))
        except OSError as exc:
            where = tempfile.gettempdir()
            raise StepFailed(
                f"cannot create a private folder in the temporary folder {where}: "
                f"{exc.strerror or exc}. Set TMPDIR (TEMP on Windows) to a writable folder."
            ) from exc
        report.line(f"  private home: {home}")
        with private_environment(home):
            test = SelfTest(report, preferred_port)
            try:
                asyncio.run(test.run())
            except StepFailed as exc:
                failure = exc
                failed_step = report.steps[-1].name if report.steps else "?"
                tails = log_tail(exc.logs)
                if tails:
                    report.line(tails)
    except StepFailed as exc:
        failure = exc
        failed_step = report.steps[-1].name if report.steps else "setup"
        if not report.steps or report.steps[-1].ok:
            report.line(f"  FAIL  {exc}")

    total = time.monotonic() - began
    if failure is not None:
        report.line(f'Self-test FAILED at step "{failed_step}" after {total:.1f} s.')
        if home is not None:
            report.line(f"Logs and data kept in {home}")
        return 1
    report.line(f"Self-test passed: {len(report.steps)} steps in {total:.1f} s.")
    if home is not None:
        if keep_home:
            report.line(f"Private home kept in {home}")
        else:
            shutil.rmtree(home, ignore_errors=True)
    return 0
