"""A warm, single-threaded process that forks each flow run (POSIX only).

Starting a flow run the ordinary way costs a fresh interpreter that imports
Prefect (~1.8 s of the ~2.5 s from "Run" to Running). This process imports
Prefect once, then forks a child for each run the runner asks for: the child
is already warm, and it is still a process of its own, so pause, cancel, kill
and the runner's process tracking work as before.

Why a separate process instead of forking the runner for each run: the
runner has threads (anyio workers, Prefect's services); forking a process with
threads can copy a lock some other thread held and deadlock the child. So the
runner forks this server once, at its start, after importing Prefect and
before it starts any thread (`warm_start.fork_server_early`); the server never
starts a thread, and refuses to fork if one appeared (the runner then starts
the run the ordinary way). Forked rather than spawned, it shares the runner's
imported modules page for page: it costs a few MiB, not another interpreter.

The run id must be in the child's *process environment* -- `liveness` reads
it from the OS (`/proc/<pid>/environ`), which shows the environment the
process was exec'd with, not later `os.environ` changes. So the runner is
started with a blank, fixed-width `PREFECT__FLOW_RUN_ID` (`prefect_env.runner_env`)
and each child writes its run id over those bytes in place, then checks the OS now reports it. If
that cannot be done (another libc, another OS), the child execs the ordinary
flow-run command instead: slower, never wrong.

Protocol, one JSON object per line on the socket the runner keeps:
runner → server ``{"id": n, "env": {...}, "cwd": "..."}``;
server → runner ``{"ready": true}`` once warm, ``{"id": n, "pid": p}`` or
``{"id": n, "error": "..."}`` per request, ``{"exit": p, "code": c}`` when a
child ends. End of file on the socket: the runner is gone, so the server
exits (children keep running, as flow runs did before; reconcile and the
runner's stop handle them).
"""

from __future__ import annotations

import atexit
import contextlib
import ctypes
import importlib
import json
import os
import select
import signal
import socket
import sys
import threading
import traceback
from typing import Any, NoReturn

from desktop_app.core.serving.client_tls import share_client_tls_context
from desktop_app.core.serving.suspension_observer import observe_suspension_beside_start

RUN_ID_VAR = "PREFECT__FLOW_RUN_ID"
RUN_ID_WIDTH = 36  # str(uuid.UUID)
BLANK_RUN_ID = " " * RUN_ID_WIDTH
"""The server's own value: blank, so liveness never mistakes it for a run."""
ENGINE_ARGS = ["-m", "prefect.engine"]


WARM_MODULES = (
    "prefect",
    "prefect.client.orchestration",
    "prefect._internal.control_listener",
    "prefect._internal.metrics",
    "prefect.flow_engine",
    "prefect.flows",
    "prefect.task_engine",
    # What the engine still imported lazily in every child (measured on 3.9.1).
    "anyio._backends._asyncio",
    "anyio.streams.tls",
    "encodings.idna",
    "prefect._internal.observers",
    "pydantic.v1",
    "rich._emoji_codes",
)
"""What every flow run imports first. Not `prefect.engine` itself: the child runs
it as `__main__`, and a copy already imported would make runpy warn."""


def warm_up() -> None:
    """Import what every flow run needs, so no child pays for it."""
    for name in WARM_MODULES:
        try:
            importlib.import_module(name)
        except ImportError:  # a later Prefect moved it: the child imports what it needs
            pass
    complete_deferred_models()


def complete_deferred_models(package: str = "prefect") -> int:
    """Build the validators Prefect's models defer to their first use; how many were built.

    Prefect declares its pydantic models with a deferred build, so importing it is
    quicker; each flow run then built the ones it touches (~0.1 s of its start,
    measured on 3.9.1). Built here once (~0.3 s, ~5 MiB shared by every child),
    no flow run pays for it. A model that cannot be built yet stays deferred.
    """
    try:
        from pydantic import BaseModel
    except ImportError:
        return 0
    built = 0
    pending = [BaseModel]
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        if cls.__dict__.get("__pydantic_complete__", True):
            continue
        if not cls.__module__.startswith(package + "."):
            continue
        try:
            if cls.model_rebuild():
                built += 1
        except Exception:  # its first use builds it, as before
            continue
    return built


def single_threaded() -> bool:
    """True if forking is safe: one Python thread and (where we can tell) one OS thread."""
    if threading.active_count() != 1:
        return False
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:
        return True  # no /proc (macOS): the Python count is what we have


def stamp_run_id(run_id: str) -> bool:
    """Write `run_id` over the blank in this process's original environment block.

    True only if the OS now reports it (what `liveness` reads).
    """
    if len(run_id) != RUN_ID_WIDTH:
        return False
    prefix = f"{RUN_ID_VAR}=".encode()
    try:
        libc = ctypes.CDLL(None)
        environ = ctypes.POINTER(ctypes.c_void_p).in_dll(libc, "environ")
        index = 0
        while environ[index]:
            address = environ[index]
            entry = ctypes.string_at(address)
            if entry == prefix + BLANK_RUN_ID.encode():
                ctypes.memmove(address + len(prefix), run_id.encode(), RUN_ID_WIDTH)
                break
            index += 1
        import psutil

        return psutil.Process().environ().get(RUN_ID_VAR) == run_id
    except Exception:
        return False


def settings_of(env: dict[str, str]) -> dict[str, str]:
    """The part of an environment Prefect reads as settings (`PREFECT__…` are not)."""
    return {k: v for k, v in env.items() if k.startswith("PREFECT_") and k[8:9] != "_"}


def adopt_settings(settings: dict[str, str]) -> None:
    """Make Prefect's settings those of `settings` (in the server, before forking).

    Prefect read its settings when it was imported, from the runner's environment;
    a run's environment adds a few (its heartbeat, ...). The same for every run, so
    the server reads them once (~0.1-0.25 s) instead of every child doing it.
    """
    import prefect.context

    for key in settings_of(dict(os.environ)):
        if key not in settings:
            del os.environ[key]
    os.environ.update(settings)
    prefect.context.refresh_global_settings_context()


def become_flow_run(request: dict[str, Any]) -> int:
    """In the forked child: take the run's environment and run Prefect's engine."""
    env = {str(k): str(v) for k, v in request["env"].items()}
    cwd = request.get("cwd")
    if cwd:
        os.chdir(cwd)
    if not stamp_run_id(env.get(RUN_ID_VAR, "")):
        # The run id would not show where liveness looks: be an ordinary flow run.
        print(
            "fork server: cannot stamp the run id; starting the run the ordinary way",
            file=sys.stderr,
            flush=True,
        )
        # (A frozen executable answers `-m` itself: see desktop_app.__main__.)
        os.execve(sys.executable, [sys.executable, *ENGINE_ARGS], env)
    os.environ.clear()
    os.environ.update(env)
    import random

    random.seed()  # every child would otherwise draw the same numbers

    import runpy

    sys.argv = ["prefect.engine"]
    try:
        runpy.run_module("prefect.engine", run_name="__main__", alter_sys=True)
    except SystemExit as exc:
        code = exc.code
        return code if isinstance(code, int) else (0 if code is None else 1)
    return 0


class ForkServer:
    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.buffer = b""
        self.children: set[int] = set()
        self.settings: dict[str, str] | None = None
        """The settings environment Prefect's settings were last read from."""
        self.wake_r, self.wake_w = os.pipe()
        os.set_blocking(self.wake_w, False)

    def send(self, message: dict[str, Any]) -> None:
        self.sock.sendall(json.dumps(message).encode() + b"\n")

    def reap(self) -> None:
        while self.children:
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                self.children.clear()
                return
            if pid == 0:
                return
            self.children.discard(pid)
            self.send({"exit": pid, "code": os.waitstatus_to_exitcode(status)})

    def fork(self, request: dict[str, Any]) -> dict[str, Any] | None:
        """Fork for `request`; in the child, return it (the caller runs the flow)."""
        if not single_threaded():
            self.send({"id": request.get("id"), "error": "the fork server has threads"})
            return None
        settings = settings_of({str(k): str(v) for k, v in request["env"].items()})
        if settings != self.settings:
            try:
                adopt_settings(settings)
            except Exception as exc:  # the ordinary start will say what is wrong
                self.settings = None
                self.send({"id": request.get("id"), "error": f"settings: {exc}"})
                return None
            self.settings = settings
            share_client_tls_context()
        pid = os.fork()
        if pid == 0:
            return request
        self.children.add(pid)
        self.send({"id": request.get("id"), "pid": pid})
        return None

    def serve(self) -> dict[str, Any] | None:
        """Answer requests until the runner goes; in a child, the request to run."""
        signal.set_wakeup_fd(self.wake_w)
        signal.signal(signal.SIGCHLD, lambda *_: None)
        self.send({"ready": True})
        while True:
            readable, _, _ = select.select([self.sock, self.wake_r], [], [])
            if self.wake_r in readable:
                os.read(self.wake_r, 512)
                self.reap()
            if self.sock not in readable:
                continue
            data = self.sock.recv(65536)
            if not data:
                return None
            self.buffer += data
            while b"\n" in self.buffer:
                line, self.buffer = self.buffer.split(b"\n", 1)
                request = self.fork(json.loads(line))
                if request is not None:
                    self.leave_server()
                    return request

    def leave_server(self) -> None:
        """In the child: nothing of the server's may leak into the flow run."""
        signal.set_wakeup_fd(-1)
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        self.sock.close()
        os.close(self.wake_r)
        os.close(self.wake_w)


def serve_and_exit(sock: socket.socket) -> NoReturn:
    """Be the fork server until the runner goes; in a forked child, be the flow run.

    Never returns: the process was forked from the runner in the middle of its
    start, so unwinding would run the runner's code. A flow run ends the way an
    interpreter does -- non-daemon threads joined, exit handlers run (Prefect
    flushes its logs there) -- then leaves.
    """
    code = 0
    request: dict[str, Any] | None = None
    try:
        share_client_tls_context()  # once here, not in every flow run (client_tls)
        observe_suspension_beside_start()  # Running is proposed sooner (suspension_observer)
        request = ForkServer(sock).serve()
        if request is not None:
            code = become_flow_run(request)
    except BaseException:
        traceback.print_exc()
        code = 1
    if request is not None:
        with contextlib.suppress(BaseException):
            threading._shutdown()  # type: ignore[attr-defined]  # as Py_Finalize does
        with contextlib.suppress(BaseException):
            atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(code)
