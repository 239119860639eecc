"""Run and deployment commands: list, show, pause, resume, logs, run and friends.

Every operation goes through `desktop_app.services` with source "cli": the
same code as the window and the tray, so the audit trail records what the
command line did too. A failed audit write is a warning on stderr; the
action it follows still succeeded (exit 0).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from typing import Any

from desktop_app.cli.connect import with_client
from desktop_app.cli.output import (
    error,
    seconds,
    state_symbol,
    table,
    to_json,
    warning,
    when,
)
from desktop_app.i18n import _

STATE_CHOICES = [
    "scheduled",
    "pending",
    "running",
    "paused",
    "cancelling",
    "completed",
    "failed",
    "cancelled",
    "crashed",
]


def _run_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("run_id", metavar="RUN", help=_("a run id, or a unique prefix of one"))


def _json_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help=_("print JSON (for scripts)"))


def register(sub: argparse._SubParsersAction) -> None:
    lst = sub.add_parser("list", help=_("list flow runs"))
    lst.add_argument(
        "--state",
        action="append",
        choices=STATE_CHOICES,
        default=[],
        metavar="STATE",
        help=_("only runs in this state (repeat for more): {states}").format(
            states=", ".join(STATE_CHOICES)
        ),
    )
    lst.add_argument("--flow", action="append", default=[], help=_("only runs of this flow"))
    lst.add_argument(
        "--limit", type=int, default=20, metavar="N", help=_("at most N runs (default 20)")
    )
    _json_option(lst)
    lst.set_defaults(func=lambda a: with_client(a, list_runs))

    show = sub.add_parser("show", help=_("details of one run"))
    _run_argument(show)
    _json_option(show)
    show.set_defaults(func=lambda a: with_client(a, show_run))

    for name, helptext, func in (
        ("pause", _("ask a running run to pause at its next checkpoint"), pause),
        ("suspend", _("stop a deployment's run now; resume restarts it from the top"), suspend),
        ("cancel", _("cancel a run"), cancel),
        ("retry", _("run a finished deployment run again"), retry),
    ):
        p = sub.add_parser(name, help=helptext)
        _run_argument(p)
        _json_option(p)
        p.set_defaults(func=lambda a, f=func: with_client(a, f))

    resume = sub.add_parser("resume", help=_("resume a paused run"))
    _run_argument(resume)
    resume.add_argument(
        "--input", metavar="JSON", help=_("JSON object with the values the run asks for")
    )
    _json_option(resume)
    resume.set_defaults(func=lambda a: with_client(a, resume_run))

    delete = sub.add_parser("delete", help=_("delete a run"))
    _run_argument(delete)
    delete.add_argument("--yes", action="store_true", help=_("also delete a run that is running"))
    _json_option(delete)
    delete.set_defaults(func=lambda a: with_client(a, delete_run))

    logs = sub.add_parser("logs", help=_("print a run's logs"))
    _run_argument(logs)
    logs.add_argument("--follow", "-f", action="store_true", help=_("keep printing new lines"))
    logs.add_argument(
        "--level",
        default="debug",
        choices=["debug", "info", "warning", "error"],
        help=_("the lowest level to print (default debug)"),
    )
    _json_option(logs)
    logs.set_defaults(func=lambda a: with_client(a, show_logs))

    run = sub.add_parser("run", help=_("start a run of a deployment"))
    run.add_argument("deployment", help=_("flow/deployment, or a flow name"))
    run.add_argument(
        "--param",
        "-p",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help=_("a parameter (repeat for more); VALUE is read as JSON when it is JSON"),
    )
    run.add_argument("--watch", action="store_true", help=_("wait and print states until done"))
    _json_option(run)
    run.set_defaults(func=lambda a: with_client(a, run_deployment))

    deps = sub.add_parser("deployments", help=_("list deployments and their schedules"))
    _json_option(deps)
    deps.set_defaults(func=lambda a: with_client(a, list_deployments))


def _run_row(run: Any) -> list[str]:
    return [
        run.id[:8],
        f"{state_symbol(run.state.type)} {run.display_state}",
        run.name,
        run.flow_name,
        run.deployment_name or "-",
        when(run.start_time or run.expected_start_time),
        seconds(run.duration()),
    ]


RUN_HEADERS = ["ID", "STATE", "NAME", "FLOW", "DEPLOYMENT", "START", "DURATION"]


async def list_runs(client: Any, args: argparse.Namespace) -> int:
    from desktop_app.core.api.models import RunFilter
    from desktop_app.services import reading

    wanted = RunFilter(states=args.state, flow_names=args.flow)
    runs = await reading.list_all_runs(client, wanted, most=max(1, args.limit))
    if args.json:
        print(to_json(runs))
    elif not runs:
        print(_("No runs."))
    else:
        print(table([_(h) for h in RUN_HEADERS], [_run_row(r) for r in runs]))
    return 0


async def show_run(client: Any, args: argparse.Namespace) -> int:
    from desktop_app.services import artifacts, reading

    run = await reading.find_run(client, args.run_id)
    pause = await reading.pause_info(client, run.id) if run.state.is_paused else None
    found = await artifacts.run_artifacts(client, run.id)
    if args.json:
        data = json.loads(to_json(run))
        data["pause"] = json.loads(to_json(pause)) if pause else None
        data["artifacts"] = json.loads(to_json(found))
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return 0
    print(f"{run.name}  ({run.id})")
    print(_("State:      {s} {n}").format(s=state_symbol(run.state.type), n=run.display_state))
    from desktop_app.core.api.release_note import release_line

    message = release_line(run) or run.state.message  # a released pause: its note, translated
    if message:
        print(_("Message:    {m}").format(m=message))
    print(_("Flow:       {f}").format(f=run.flow_name))
    print(_("Deployment: {d}").format(d=run.deployment_name or "-"))
    print(_("Started:    {t}").format(t=when(run.start_time)))
    print(_("Duration:   {d}").format(d=seconds(run.duration())))
    print(_("Parameters: {p}").format(p=json.dumps(run.parameters, default=str)))
    if pause:
        print(_("Paused:     {d}").format(d=pause.description or "-"))
        if pause.timeout_at:
            print(_("Times out:  {t}").format(t=when(pause.timeout_at)))
        if pause.wants_input:
            print(_("Input:      {s}").format(s=json.dumps(pause.schema.get("properties"))))
    _print_artifacts(found)
    return 0


def _print_artifacts(found: list[Any]) -> None:
    """One line each: type, key, a short description (what `show` adds about artifacts)."""
    from desktop_app.services.artifacts import one_line

    if not found:
        print(_("Artifacts:  none"))
        return
    print(_("Artifacts:  {count}").format(count=len(found)))
    rows = [
        [a.type or "-", a.key or _("(no key)"), one_line(a, 60)] for a in found
    ]
    for line in table([_("TYPE"), _("KEY"), _("DESCRIPTION")], rows).splitlines():
        print("  " + line)


def _done(args: argparse.Namespace, done: Any, message: str) -> int:
    if args.json:
        print(to_json(done.run) if done.run is not None else json.dumps({"deleted": done.run_id}))
    else:
        print(message)
    if done.warning:
        warning(done.warning)
    return 0


async def _target(client: Any, args: argparse.Namespace) -> str:
    return await client.resolve_run_id(args.run_id)


async def pause(client: Any, args: argparse.Namespace) -> int:
    from desktop_app.services import runs

    done = await runs.pause(client, await _target(client, args), source="cli")
    return _done(
        args,
        done,
        _("Pause requested for {name}: it pauses at its next checkpoint.").format(
            name=done.run.name
        ),
    )


async def suspend(client: Any, args: argparse.Namespace) -> int:
    from desktop_app.services import runs

    done = await runs.suspend(client, await _target(client, args), source="cli")
    return _done(
        args,
        done,
        _("Suspended {name}: resume restarts it from the top.").format(name=done.run.name),
    )


async def cancel(client: Any, args: argparse.Namespace) -> int:
    from desktop_app.services import runs

    done = await runs.cancel(client, await _target(client, args), source="cli")
    run = done.run
    return _done(args, done, _("{name}: {state}").format(name=run.name, state=run.state.name))


async def retry(client: Any, args: argparse.Namespace) -> int:
    from desktop_app.services import runs

    done = await runs.retry(client, await _target(client, args), source="cli")
    return _done(args, done, _("{name} will run again.").format(name=done.run.name))


def _parse_input(text: str | None) -> dict[str, Any] | None:
    if text is None:
        return None
    if text.strip() == "-":
        text = sys.stdin.read()
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(
            _("--input is not valid JSON ({error}); give an object like '{example}'").format(
                error=exc.msg, example='{"approved": true}'
            )
        ) from None
    if not isinstance(value, dict):
        raise ValueError(
            _("--input must be a JSON object like '{example}'").format(example='{"approved": true}')
        )
    return value


async def resume_run(client: Any, args: argparse.Namespace) -> int:
    try:
        run_input = _parse_input(args.input)
    except ValueError as exc:
        error(str(exc))
        return 2
    from desktop_app.services import runs

    done = await runs.resume(client, await _target(client, args), run_input, source="cli")
    return _done(args, done, _("Resumed {name}.").format(name=done.run.name))


async def delete_run(client: Any, args: argparse.Namespace) -> int:
    from desktop_app.services import reading, runs

    run = await reading.find_run(client, args.run_id)
    done = await runs.delete(client, run.id, source="cli", allow_live=args.yes)
    return _done(args, done, _("Deleted {name}.").format(name=run.name))


async def show_logs(client: Any, args: argparse.Namespace) -> int:
    from desktop_app.services import logs

    run_id = await _target(client, args)
    lines = logs.follow_logs(
        client, run_id, min_level=logs.LEVELS[args.level], follow=args.follow
    )
    async for batch in lines:
        for line in batch:
            if args.json:
                print(to_json(line).replace("\n", " "), flush=True)
            else:
                stamp = line.timestamp.astimezone().strftime("%H:%M:%S.%f")[:-3]
                print(f"{stamp} {line.level_name:<8} {line.message}", flush=True)
    return 0


async def run_deployment(client: Any, args: argparse.Namespace) -> int:
    from desktop_app.core.api.parameters import BadParameters
    from desktop_app.services import reading, runs

    try:
        run = await runs.start_run(client, args.deployment, pairs=args.param)
    except BadParameters as exc:
        error(str(exc))
        return 2
    if not args.watch:
        return _done_run(args, run)
    if not args.json:
        print(_("Started {name} ({id})").format(name=run.name, id=run.id), flush=True)
    last = None
    while True:
        run = await reading.read_run(client, run.id)
        if run.display_state != last and not args.json:
            print(f"  {state_symbol(run.state.type)} {run.display_state}", flush=True)
        last = run.display_state
        if run.state.is_final:
            break
        await asyncio.sleep(0.5)
    if args.json:
        print(to_json(run))
    return 0 if run.state.type == "COMPLETED" else 1


def _done_run(args: argparse.Namespace, run: Any) -> int:
    if args.json:
        print(to_json(run))
    else:
        print(_("Started {name} ({id})").format(name=run.name, id=run.id))
    return 0


async def list_deployments(client: Any, args: argparse.Namespace) -> int:
    from desktop_app.cli.flow_report import flow_report_for, print_flow_problems

    deployments = await client.list_deployments()
    report = flow_report_for(client.connection)
    if args.json:
        data = {"deployments": [json.loads(to_json(d)) for d in deployments]}
        print(to_json({**data, **report.to_dict()}))
        return 0
    rows = [
        [
            d.full_name,
            ", ".join(s.description for s in d.schedules) or "-",
            _("paused") if d.paused else _("active"),
            d.status or "-",
        ]
        for d in deployments
    ]
    print(table([_("DEPLOYMENT"), _("SCHEDULE"), _("SCHEDULE STATE"), _("STATUS")], rows))
    print_flow_problems(report, sys.stderr)
    return 0
