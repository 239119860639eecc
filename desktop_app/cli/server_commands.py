"""`flowdesk server …`, `flowdesk runner`, `flowdesk env`, `flowdesk exec`."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shlex
import sys

from desktop_app.cli.output import error, to_json
from desktop_app.i18n import _


def register(sub: argparse._SubParsersAction) -> None:
    server = sub.add_parser("server", help=_("start, stop or inspect the managed local server"))
    verbs = server.add_subparsers(
        dest="verb", metavar="{start,stop,restart,status}", required=True
    )

    start = verbs.add_parser("start", help=_("start it in the background and wait until ready"))
    start.add_argument("--port", type=int, default=4200, help=_("preferred port (default 4200)"))
    start.add_argument(
        "--timeout", type=float, default=120.0, metavar="S", help=_("give up after S seconds")
    )
    start.add_argument("--json", action="store_true", help=_("print JSON (for scripts)"))
    start.set_defaults(func=server_start)

    stop = verbs.add_parser("stop", help=_("stop the server and the runner"))
    stop.set_defaults(func=server_stop)

    restart = verbs.add_parser("restart", help=_("restart the server and the runner"))
    restart.add_argument(
        "--timeout", type=float, default=120.0, metavar="S", help=_("give up after S seconds")
    )
    restart.set_defaults(func=server_restart)

    status = verbs.add_parser("status", help=_("is it running, where, since when"))
    status.add_argument("--json", action="store_true", help=_("print JSON (for scripts)"))
    status.set_defaults(func=server_status)

    # Internal verbs: no help, so argparse leaves them out of the list.
    run = verbs.add_parser("run")  # the server process itself
    run.add_argument("--port", type=int, required=True)
    run.add_argument("--host", default="127.0.0.1")
    run.set_defaults(func=lambda a: _server_run(a))

    repair = verbs.add_parser(
        "repair", help=_("restore the database from its newest good backup, or start fresh")
    )
    choice = repair.add_mutually_exclusive_group()
    choice.add_argument(
        "--restore-latest", action="store_true", help=_("restore the newest good backup")
    )
    choice.add_argument(
        "--start-fresh",
        action="store_true",
        help=_("move the damaged database aside and start a new, empty history"),
    )
    repair.set_defaults(func=server_repair)

    reconcile = verbs.add_parser("reconcile")  # started by the daemon
    reconcile.set_defaults(func=_reconcile)

    supervise = verbs.add_parser("supervise")  # the daemon
    supervise.add_argument("--owner-pid", type=int, default=None)
    supervise.add_argument("--port", type=int, default=4200)
    supervise.set_defaults(func=_supervise)

    # The runner is started for you (internal, like `server run`): not listed.
    runner = sub.add_parser("runner")
    runner.set_defaults(func=_runner)

    env = sub.add_parser("env", help=_("print shell lines that point Prefect at the server"))
    env.add_argument("--json", action="store_true", help=_("print JSON (for scripts)"))
    env.add_argument(
        "--shell",
        choices=["sh", "fish", "powershell", "cmd"],
        default=None,
        help=_("the shell's syntax (default: guessed)"),
    )
    env.set_defaults(func=print_env)

    exe = sub.add_parser("exec", help=_("run a command against the managed server"))
    exe.add_argument("cmd", nargs=argparse.REMAINDER, help=_("the command, after --"))
    exe.set_defaults(func=exec_command)


def _server_run(args: argparse.Namespace) -> int:
    from desktop_app.core.supervision.server_process import run_server

    return run_server(args.port, args.host)


def _supervise(args: argparse.Namespace) -> int:
    from desktop_app.core.supervision.daemon import run_daemon

    return run_daemon(owner_pid=args.owner_pid, preferred_port=args.port)


def _reconcile(args: argparse.Namespace) -> int:
    import logging

    from desktop_app.core.supervision.reconcile import run_reconcile

    # stderr is reconcile.log (the supervisor's spawn): one file, no rotation race.
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    logging.getLogger("httpx").setLevel(logging.WARNING)
    return run_reconcile()


def server_repair(args: argparse.Namespace) -> int:
    from desktop_app.cli.repair import repair

    return repair(args)


def _runner(args: argparse.Namespace) -> int:
    from desktop_app.core.serving.runner import run_runner

    return run_runner()


def server_start(args: argparse.Namespace) -> int:
    from desktop_app.core.supervision.server import ServerError, ServerManager, StartProgress

    manager = ServerManager(preferred_port=args.port)
    interactive = sys.stderr.isatty() and not args.json
    last = {"phase": ""}

    def progress(p: StartProgress) -> None:
        if interactive and (p.phase != last["phase"] or int(p.elapsed * 2) % 2 == 0):
            print(f"\r{p.phase:<10} {p.elapsed:5.1f} s", end="", file=sys.stderr, flush=True)
        last["phase"] = p.phase

    already = manager.status(check_health=True).healthy

    async def start():
        conn = await manager.ensure_running(progress=progress, timeout=args.timeout)
        # Return when `flowdesk run <flow>` works, not merely when the API answers.
        await manager.wait_serving(timeout=min(60.0, args.timeout))
        return conn

    try:
        conn = asyncio.run(start())
    except ServerError as exc:
        if interactive:
            print(file=sys.stderr)
        error(str(exc))
        return 1
    if interactive:
        print(file=sys.stderr)
    if args.json:
        print(json.dumps({"api_url": conn.api_url, "ui_url": conn.ui_url, "attached": already}))
    else:
        verb = _("already running") if already else _("ready")
        print(_("Flowdesk server {verb} at {url}").format(verb=verb, url=conn.ui_url))
    return 0


def server_stop(args: argparse.Namespace) -> int:
    from desktop_app.core.supervision.server import ServerError, ServerManager

    try:
        stopped = asyncio.run(ServerManager().stop())
    except ServerError as exc:
        error(str(exc))
        return 1
    print(_("Server stopped.") if stopped else _("No server was running."))
    return 0


def server_restart(args: argparse.Namespace) -> int:
    from desktop_app.core.supervision.server import ServerError, ServerManager

    manager = ServerManager()
    if not manager.daemon_alive():
        error(_("no server is running; start it with 'flowdesk server start'"))
        return 1
    manager.restart()
    try:
        conn = asyncio.run(_wait_restart(manager, args.timeout))
    except ServerError as exc:
        error(str(exc))
        return 1
    print(_("Server restarted at {url}").format(url=conn.ui_url))
    return 0


async def _wait_restart(manager, timeout: float):
    from desktop_app.core.supervision.server_state import read_state

    for _i in range(50):  # the daemon notices the request within a tick
        state = read_state()
        if state is None or state.phase != "ready":
            break
        await asyncio.sleep(0.1)
    return await manager.wait_ready(timeout=timeout)


def server_status(args: argparse.Namespace) -> int:
    from desktop_app.core.config import paths
    from desktop_app.core.serving.flow_ownership import read_flow_report
    from desktop_app.core.supervision.server import ServerManager

    status = ServerManager().status()
    state = status.state
    report = read_flow_report()
    if args.json:
        data = {
            "running": status.running,
            "healthy": status.healthy,
            "phase": status.phase,
            "state": state,
            "data_dir": str(paths.data_dir()),
            "log_dir": str(paths.log_dir()),
            "user_flows_dir": str(paths.user_flows_dir()),
            "flows": report.to_dict(),
        }
        print(to_json(data))
        return 0 if status.running else 3
    if not status.running or state is None:
        print(_("No Flowdesk server is running. Start one with 'flowdesk server start'."))
        return 3
    print(_("Server:  {phase} at {url}").format(phase=state.phase, url=state.ui_url))
    if state.phase in ("failed", "restarting") and state.message:
        print(_("Reason:  {message}").format(message=state.message.splitlines()[0]))
    print(_("Runner:  {phase}").format(phase=state.runner_phase))
    from desktop_app.cli.flow_report import print_flow_problems

    print_flow_problems(report, sys.stdout, indent="  ")
    owner = state.owner_pid or _("none (runs until 'flowdesk server stop')")
    print(
        _("Pids:    supervisor {d}, server {s}, runner {r}; owner {o}").format(
            d=state.daemon_pid, s=state.server_pid, r=state.runner_pid, o=owner
        )
    )
    print(_("Restarts: {n}").format(n=state.restarts))
    print(_("Data:    {path}").format(path=paths.data_dir()))
    print(_("Flows:   {path} (yours; the examples are read-only)").format(
        path=paths.user_flows_dir()))
    print(_("Logs:    {path}").format(path=paths.log_dir()))
    return 0


def _client_env() -> dict[str, str] | None:
    from desktop_app.cli.connect import current_connection
    from desktop_app.core.supervision.prefect_env import client_env

    conn = current_connection()
    if conn is None:
        return None
    return client_env(conn.api_url, conn.auth_string, conn.api_key)


def print_env(args: argparse.Namespace) -> int:
    env = _client_env()
    if env is None:
        error(_("no server is running; start it with 'flowdesk server start'"))
        return 1
    if args.json:
        print(json.dumps(env, indent=2))
        return 0
    shell = args.shell or ("powershell" if os.name == "nt" else "sh")
    for key, value in env.items():
        if shell == "fish":
            print(f"set -gx {key} {shlex.quote(value)}")
        elif shell == "powershell":
            print(f"$env:{key} = '{value}'")
        elif shell == "cmd":
            print(f"set {key}={value}")
        else:
            print(f"export {key}={shlex.quote(value)}")
    return 0


def exec_command(args: argparse.Namespace) -> int:
    cmd = list(args.cmd)
    if cmd and cmd[0] == "--":
        cmd = cmd[1:]
    if not cmd:
        error(_("give the command to run after '--', e.g. flowdesk exec -- python my_flow.py"))
        return 2
    env = _client_env()
    if env is None:
        error(_("no server is running; start it with 'flowdesk server start'"))
        return 1
    from desktop_app.cli.child import run_child
    from desktop_app.core.supervision.prefect_env import merged

    try:
        return run_child(cmd, env=merged(env))
    except FileNotFoundError:
        error(_("command not found: {cmd}").format(cmd=cmd[0]))
        return 127
