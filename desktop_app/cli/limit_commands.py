"""`flowdesk limits ls|add|set|rm|reset`: global and tag concurrency limits.

NAME is a global limit's name; with `--tag` it is a tag, and the limit is a
tag limit (at most N task runs with that tag at once). Agrees with Prefect's
`prefect global-concurrency-limit …` and `prefect concurrency-limit …`.
"""

from __future__ import annotations

import argparse
from typing import Any

from desktop_app.cli.connect import with_client
from desktop_app.cli.output import table, to_json, usage, warning
from desktop_app.i18n import _


def _target(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("name", metavar="NAME", help=_("the limit's name (with --tag: the tag)"))
    parser.add_argument("--tag", action="store_true", help=_("NAME is a tag: a tag limit"))


def register(sub: argparse._SubParsersAction) -> None:
    limits = sub.add_parser("limits", help=_("list and change concurrency limits"))
    verbs = limits.add_subparsers(dest="verb", metavar="VERB")
    lst = verbs.add_parser(
        "ls", help=_("list limits with their slots in use, and the runs held up by one")
    )
    lst.add_argument("--json", action="store_true", help=_("print JSON (for scripts)"))
    lst.set_defaults(func=lambda a: with_client(a, list_limits))
    add = verbs.add_parser("add", help=_("create a limit"))
    _target(add)
    add.add_argument("limit", metavar="SLOTS", help=_("how many may run at once (0 or more)"))
    add.add_argument(
        "--decay",
        default="0",
        metavar="PER_SECOND",
        help=_("slots freed per second (global limits used as rate limits)"),
    )
    add.set_defaults(func=lambda a: with_client(a, add_limit))
    put = verbs.add_parser("set", help=_("change a limit (not below its slots in use)"))
    _target(put)
    put.add_argument("limit", metavar="SLOTS", nargs="?", help=_("the new number of slots"))
    put.add_argument(
        "--decay",
        default=None,
        metavar="PER_SECOND",
        help=_("slots freed per second (global limits)"),
    )
    onoff = put.add_mutually_exclusive_group()
    for flag, active, text in (
        ("--on", True, _("enforce the limit (global limits)")),
        ("--off", False, _("stop enforcing the limit, keep it (global limits)")),
    ):
        onoff.add_argument(flag, dest="active", action="store_const", const=active, help=text)
    put.set_defaults(func=lambda a: with_client(a, set_limit))
    rm = verbs.add_parser("rm", help=_("delete a limit"))
    _target(rm)
    rm.set_defaults(func=lambda a: with_client(a, delete_limit))
    reset = verbs.add_parser("reset", help=_("release every slot in use (runs keep running)"))
    _target(reset)
    reset.set_defaults(func=lambda a: with_client(a, reset_limit))
    limits.set_defaults(func=lambda a: usage(limits))


async def list_limits(client: Any, args: argparse.Namespace) -> int:
    from desktop_app.services import limits

    globals_, tags = await limits.list_limits(client)
    waiting = await limits.waiting_runs(client)
    if args.json:
        held = [
            {
                "run_id": run.id,
                "run_name": run.name,
                "flow_name": run.flow_name,
                "waiting_for": list(n.waiting_for),
                "deployment": n.deployment,
                "missing": list(n.missing),
                "note": limits.notice_words(n),
            }
            for run, n in waiting
        ]
        print(to_json({"global": globals_, "tag": tags, "waiting": held}))
        return 0
    _print_waiting(waiting)
    if not globals_ and not tags:
        print(_("No concurrency limits."))
        return 0
    rows = [
        [
            g.name,
            _("global") if g.kind == "global" else _("deployment"),
            f"{g.active_slots}/{g.limit}",
            _("on") if g.active else _("off"),
            f"{g.slot_decay_per_second:g}",
        ]
        for g in globals_
    ]
    rows += [[t.tag, _("tag"), f"{t.used}/{t.limit}", _("on"), "-"] for t in tags]
    print(table([_("NAME"), _("KIND"), _("IN USE"), _("ACTIVE"), _("DECAY")], rows))
    return 0


def _print_waiting(waiting: list[Any]) -> None:
    """Runs held up by a limit (or asking for a missing one), before the limits."""
    from desktop_app.services import limits

    if not waiting:
        return
    rows = [[run.id[:8], run.name, run.flow_name, limits.notice_words(n)] for run, n in waiting]
    print(table([_("RUN"), _("NAME"), _("FLOW"), _("HELD UP")], rows))
    print()


def _said(done: Any, text: str, **values: object) -> int:
    if done.warning:
        warning(done.warning)
    print(text.format(name=done.name, **values))
    return 0


async def add_limit(client: Any, args: argparse.Namespace) -> int:
    from desktop_app.services import limits

    if args.tag:
        done = await limits.add_tag(client, args.name, args.limit, source="cli")
        return _said(done, _("Created a limit of {slots} on tag {name}."), slots=done.limit.limit)
    done = await limits.add_global(client, args.name, args.limit, decay=args.decay, source="cli")
    return _said(done, _("Created limit {name} with {slots} slot(s)."), slots=done.limit.limit)


async def set_limit(client: Any, args: argparse.Namespace) -> int:
    from desktop_app.services import limits
    from desktop_app.services.variables import BadInput

    if args.tag:
        if args.limit is None:
            raise BadInput(_("Give the new number of slots for tag {name}.").format(name=args.name))
        if args.decay is not None or args.active is not None:
            raise BadInput(_("--decay, --on and --off apply to global limits only."))
        done = await limits.set_tag(client, args.name, args.limit, source="cli")
    else:
        done = await limits.set_global(
            client,
            args.name,
            limit=args.limit,
            active=args.active,
            decay=args.decay,
            source="cli",
        )
    text = _("Changed limit {name}: {used}/{slots} slot(s) in use.")
    return _said(done, text, used=_used(done.limit), slots=done.limit.limit)


def _used(limit: Any) -> int:
    return int(getattr(limit, "used", getattr(limit, "active_slots", 0)))


async def delete_limit(client: Any, args: argparse.Namespace) -> int:
    from desktop_app.services import limits

    done = await limits.delete_limit(client, _kind(args), args.name, source="cli")
    return _said(done, _("Deleted limit {name}."))


async def reset_limit(client: Any, args: argparse.Namespace) -> int:
    from desktop_app.services import limits

    done = await limits.reset_limit(client, _kind(args), args.name, source="cli")
    return _said(done, _("Released every slot of {name}."))


def _kind(args: argparse.Namespace) -> str:
    return "tag" if args.tag else "global"
