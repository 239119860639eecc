"""`flowdesk schedule ls|add|edit|rm|pause|resume`: a deployment's schedules.

A schedule is named by its number in `flowdesk schedule ls DEPLOYMENT`
(1, 2, … oldest first, the order Prefect keeps) or by the start of its id;
a number is simplest by hand, an id prefix is stable for scripts. Changes go
through `desktop_app.services.schedules` (source "cli"): checked before any
request, recorded as edited here (so re-serving the flow file keeps them),
audited.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from desktop_app.cli.connect import with_client
from desktop_app.cli.output import table, warning
from desktop_app.i18n import _


def _deployment_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "deployment", metavar="DEPLOYMENT", help=_("flow/deployment, a flow name, or an id")
    )


def _schedule_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "schedule",
        metavar="SCHEDULE",
        help=_("the schedule's number in 'flowdesk schedule ls', or the start of its id"),
    )


def _spec_options(parser: argparse.ArgumentParser) -> None:
    kind = parser.add_mutually_exclusive_group(required=True)
    kind.add_argument("--cron", metavar="EXPR", help=_("a cron expression, e.g. '0 9 * * 1-5'"))
    kind.add_argument(
        "--interval", metavar="SECONDS", help=_("every SECONDS (or with units: 15m, 1h30m, 2d)")
    )
    kind.add_argument(
        "--rrule", metavar="RULE", help=_("an iCalendar RRule, e.g. 'FREQ=WEEKLY;BYDAY=MO'")
    )
    parser.add_argument(
        "--timezone",
        metavar="TZ",
        help=_("an IANA time zone such as Europe/Berlin (default: this machine's)"),
    )


def register(sub: argparse._SubParsersAction) -> None:
    schedule = sub.add_parser("schedule", help=_("list, add, change and remove schedules"))
    verbs = schedule.add_subparsers(dest="schedule_command", metavar="COMMAND")
    verbs.required = True

    ls = verbs.add_parser("ls", help=_("a deployment's schedules and their next times"))
    _deployment_argument(ls)
    ls.add_argument("--json", action="store_true", help=_("print JSON (for scripts)"))
    ls.set_defaults(func=lambda a: with_client(a, list_schedules))

    add = verbs.add_parser("add", help=_("add a schedule to a deployment"))
    _deployment_argument(add)
    _spec_options(add)
    add.add_argument("--paused", action="store_true", help=_("add it paused"))
    add.set_defaults(func=lambda a: with_client(a, add_schedule))

    edit = verbs.add_parser("edit", help=_("replace a schedule (unchanged if refused)"))
    _deployment_argument(edit)
    _schedule_argument(edit)
    _spec_options(edit)
    edit.set_defaults(func=lambda a: with_client(a, edit_schedule))

    for name, helptext in (
        ("rm", _("remove a schedule")),
        ("pause", _("pause one schedule (the others keep running)")),
        ("resume", _("resume one paused schedule")),
    ):
        verb = verbs.add_parser(name, help=helptext)
        _deployment_argument(verb)
        _schedule_argument(verb)
        verb.set_defaults(func=lambda a, n=name: with_client(a, lambda c, a2: _change(c, a2, n)))


def _spec(args: argparse.Namespace) -> Any:
    from desktop_app.core.api.schedule_models import ScheduleSpec
    from desktop_app.services.schedule_text import local_timezone

    zone = args.timezone if args.timezone is not None else local_timezone()
    if args.cron is not None:
        return ScheduleSpec("cron", args.cron, zone)
    if args.interval is not None:
        return ScheduleSpec("interval", args.interval, zone)
    return ScheduleSpec("rrule", args.rrule, zone)


def _rows(entries: list[Any]) -> list[dict[str, Any]]:
    from desktop_app.services.schedule_text import next_times
    from desktop_app.services.schedule_words import describe

    rows = []
    for number, entry in enumerate(entries, start=1):
        try:
            upcoming = [t.isoformat() for t in next_times(entry.spec, 5)] if entry.active else []
        except Exception:  # a schedule written elsewhere that our preview cannot follow
            upcoming = []
        rows.append(
            {
                "number": number,
                "id": entry.id,
                "active": entry.active,
                "kind": entry.spec.kind,
                "value": entry.spec.value,
                "timezone": entry.spec.timezone,
                "description": describe(entry.spec),
                "next": upcoming,
            }
        )
    return rows


async def list_schedules(client: Any, args: argparse.Namespace) -> int:
    from desktop_app.services import schedules

    deployment, entries = await schedules.list_schedules(client, args.deployment)
    rows = _rows(entries)
    edited = schedules.edited_here(deployment)
    if args.json:
        data = {"deployment": deployment.full_name, "edited_here": edited, "schedules": rows}
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return 0
    if not rows:
        print(_("{deployment} has no schedule.").format(deployment=deployment.full_name))
        return 0
    headers = [_("#"), _("ID"), _("STATE"), _("SCHEDULE"), _("MEANING"), _("NEXT")]
    print(
        table(
            headers,
            [
                [
                    str(r["number"]),
                    r["id"][:8],
                    _("active") if r["active"] else _("paused"),
                    f"{r['kind']} {r['value']}",
                    r["description"],
                    r["next"][0][:16].replace("T", " ") if r["next"] else "-",
                ]
                for r in rows
            ],
        )
    )
    if edited:
        print(_("Edited in Flowdesk: kept when the flow file is served again."))
    return 0


def _done(changed: Any, text: str) -> int:
    if changed.warning:
        warning(changed.warning)
    print(text)
    return 0


async def add_schedule(client: Any, args: argparse.Namespace) -> int:
    from desktop_app.services import schedules
    from desktop_app.services.schedule_words import describe

    changed = await schedules.add(
        client, args.deployment, _spec(args), source="cli", active=not args.paused
    )
    return _done(
        changed,
        _("Added to {deployment}: {schedule} (id {id}).").format(
            deployment=changed.deployment.full_name,
            schedule=describe(changed.entry.spec),
            id=changed.entry.id[:8],
        ),
    )


async def edit_schedule(client: Any, args: argparse.Namespace) -> int:
    from desktop_app.services import schedules
    from desktop_app.services.schedule_text import checked
    from desktop_app.services.schedule_words import describe

    spec = checked(_spec(args))  # refuse a bad schedule before even looking the deployment up
    deployment, entries = await schedules.list_schedules(client, args.deployment)
    target = schedules.resolve(entries, args.schedule)
    changed = await schedules.edit(client, deployment, target.id, spec, source="cli")
    return _done(
        changed,
        _("Changed schedule {id} of {deployment}: {schedule}.").format(
            id=target.id[:8], deployment=deployment.full_name, schedule=describe(spec)
        ),
    )


async def _change(client: Any, args: argparse.Namespace, verb: str) -> int:
    from desktop_app.services import schedules

    deployment, entries = await schedules.list_schedules(client, args.deployment)
    target = schedules.resolve(entries, args.schedule)
    if verb == "rm":
        changed = await schedules.remove(client, deployment, target.id, source="cli")
        text = _("Removed schedule {id} of {deployment}.")
    else:
        changed = await schedules.set_active(
            client, deployment, target.id, verb == "resume", source="cli"
        )
        text = (
            _("Resumed schedule {id} of {deployment}.")
            if verb == "resume"
            else _("Paused schedule {id} of {deployment}.")
        )
    return _done(changed, text.format(id=target.id[:8], deployment=deployment.full_name))
