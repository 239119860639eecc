"""The runner's side of the fork server: flow runs start warm on POSIX.

Prefect's runner starts each flow run as `<python> -m prefect.engine` through
`prefect.runner._starter_engine.run_process` -- the module-level reference
Prefect documents as the point to override. We replace it with one that asks
the fork server (`fork_server`) for a warm child instead, and falls back to
Prefect's own function whenever the server is not ready, refuses, or the
command is anything else. On Windows nothing is replaced: there is no fork.

The fork server is forked from the runner at its start (`fork_server_early`),
so the child is a grandchild of the runner (the fork server's child). What the
runner needs of it -- a pid to signal, a return code, a wait -- is all here:
signals go straight to the pid, and the fork server reports the exit.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import signal
import socket
from typing import Any

from desktop_app.core.serving.fork_server import ENGINE_ARGS

log = logging.getLogger("flowdesk.runner.warm_start")

ORPHAN_CHECK_SECONDS = 0.5
WARM_UP_WAIT_SECONDS = 60.0
"""A run asked for while the server warms up waits for it: a fresh interpreter would
import the same modules from the start, so it could only be slower."""
OPT_OUT_VAR = "FLOWDESK_WARM_START"
"""`0` starts every run in a fresh interpreter, as Prefect does (a flow whose libraries
misbehave after a fork; measuring the difference)."""


def wanted() -> bool:
    """Warm starts need fork (not on Windows) and were not turned off."""
    return os.name != "nt" and os.environ.get(OPT_OUT_VAR, "1") != "0"


class ForkedProcess:
    """What Prefect's `ProcessHandle` uses of a process: pid, returncode, wait()."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.returncode: int | None = None
        self._done = asyncio.Event()

    def exited(self, code: int) -> None:
        if self.returncode is None:
            self.returncode = code
        self._done.set()

    async def wait(self) -> int:
        await self._done.wait()
        assert self.returncode is not None
        return self.returncode


class WarmStarter:
    """Owns the fork server and hands Prefect forked flow-run processes."""

    def __init__(self, server: tuple[int, socket.socket] | None = None) -> None:
        self.server_pid, self._socket = server if server is not None else (None, None)
        self.ready = False
        self._settled = asyncio.Event()
        """Set once the server is ready or gone: nobody waits for it after that."""
        self.forked = 0
        self._writer: asyncio.StreamWriter | None = None
        self._reader_task: asyncio.Task[None] | None = None
        self._pending: dict[int, asyncio.Future[dict[str, Any]]] = {}
        self._children: dict[int, ForkedProcess] = {}
        self._next_id = 0
        self._original: Any = None

    # -- the server -----------------------------------------------------------------
    async def start(self) -> None:
        """Talk to the fork server `fork_server_early` left us (none: runs start as usual)."""
        sock, self._socket = self._socket, None
        if sock is None:
            return
        reader, self._writer = await asyncio.open_unix_connection(sock=sock)
        self._reader_task = asyncio.create_task(self._read(reader))

    async def _read(self, reader: asyncio.StreamReader) -> None:
        try:
            while line := await reader.readline():
                self._dispatch(json.loads(line))
        except Exception:
            log.exception("fork server channel failed")
        finally:
            self._lost()

    def _dispatch(self, message: dict[str, Any]) -> None:
        if message.get("ready"):
            self.ready = True
            self._settled.set()
            log.info("fork server ready: flow runs start warm")
        elif "exit" in message:
            child = self._children.pop(int(message["exit"]), None)
            if child is not None:
                child.exited(int(message["code"]))
        elif "id" in message:
            future = self._pending.pop(int(message["id"]), None)
            if future is not None and not future.done():
                future.set_result(message)

    def _lost(self) -> None:
        """The server ended: pending requests fall back; running children are watched."""
        if self.ready:
            log.warning("fork server ended: flow runs start the ordinary way")
        self.ready = False
        self._settled.set()
        for future in self._pending.values():
            if not future.done():
                future.set_result({"error": "fork server ended"})
        self._pending.clear()
        for pid, child in self._children.items():
            asyncio.get_running_loop().create_task(_watch_orphan(pid, child))
        self._children.clear()

    async def stop(self) -> None:
        if self._reader_task is not None:
            self._reader_task.cancel()
        if self._writer is not None:
            self._writer.close()  # end of file: the server exits, its children run on
        if self.server_pid is not None:
            await asyncio.to_thread(_reap, self.server_pid)

    # -- forking --------------------------------------------------------------------
    async def fork(self, env: dict[str, str], cwd: str | None) -> ForkedProcess | None:
        """A warm flow-run process with `env`, or None (start it the ordinary way)."""
        if self._writer is None:
            return None
        if not self._settled.is_set():
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self._settled.wait(), WARM_UP_WAIT_SECONDS)
        if not self.ready:
            return None
        self._next_id += 1
        request_id = self._next_id
        future: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self._pending[request_id] = future
        request = {"id": request_id, "env": env, "cwd": cwd or os.getcwd()}
        self._writer.write(json.dumps(request).encode() + b"\n")
        await self._writer.drain()
        reply = await future
        if "pid" not in reply:
            log.warning(
                "fork server refused (%s): starting the run the ordinary way", reply.get("error")
            )
            return None
        child = ForkedProcess(int(reply["pid"]))
        self._children[child.pid] = child
        self.forked += 1
        return child

    async def run_process(
        self,
        command: list[str],
        *,
        stream_output: Any = False,
        task_status: Any = None,
        task_status_handler: Any = None,
        **kwargs: Any,
    ) -> Any:
        """Drop-in for Prefect's `run_process`, forking the engine command when it can."""
        child = None
        if list(command[1:]) == ENGINE_ARGS and set(kwargs) <= {"env", "cwd"}:
            env = {str(k): str(v) for k, v in (kwargs.get("env") or os.environ).items()}
            cwd = kwargs.get("cwd")
            child = await self.fork(env, str(cwd) if cwd else None)
        if child is None:
            return await self._original(
                command,
                stream_output=stream_output,
                task_status=task_status,
                task_status_handler=task_status_handler,
                **kwargs,
            )
        if task_status is not None:
            task_status.started(task_status_handler(child) if task_status_handler else child.pid)
        await child.wait()
        return child

    def install(self) -> None:
        """Route Prefect's flow-run starts through us (POSIX only)."""
        if not wanted():
            return
        from prefect.runner import _starter_engine

        if self._original is None:
            self._original = _starter_engine.run_process
        _starter_engine.run_process = self.run_process


def fork_server_early() -> tuple[int, socket.socket] | None:
    """Import what flow runs need, then fork the fork server: (its pid, our socket).

    Call it in the runner's main thread before anything starts a thread: forking
    is only safe from a single-threaded process. None when warm starts are off or
    not possible; runs then start the ordinary way.
    """
    if not wanted():
        return None
    from desktop_app.core.serving import fork_server

    fork_server.warm_up()
    if not fork_server.single_threaded():
        log.warning("threads before the fork server: flow runs start the ordinary way")
        return None
    ours, theirs = socket.socketpair()
    pid = os.fork()
    if pid == 0:  # the fork server: never returns
        ours.close()
        fork_server.serve_and_exit(theirs)
    theirs.close()
    return pid, ours


def _reap(pid: int, timeout: float = 5.0) -> None:
    """Collect the fork server after it saw end of file (kill it if it does not go)."""
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if os.waitpid(pid, os.WNOHANG)[0] == pid:
                return
        except ChildProcessError:
            return
        time.sleep(0.05)
    with contextlib.suppress(OSError):
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)


async def _watch_orphan(pid: int, child: ForkedProcess) -> None:
    """Wait out a child whose fork server died; its exit code is lost (reported as -1)."""
    import psutil

    while True:
        try:
            if psutil.Process(pid).status() == psutil.STATUS_ZOMBIE:
                break
        except psutil.NoSuchProcess:
            break
        await asyncio.sleep(ORPHAN_CHECK_SECONDS)
    child.exited(-1)
