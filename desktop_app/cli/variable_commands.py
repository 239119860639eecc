"""`flowdesk variable ls|get|set|rm`: Prefect variables, agreeing with `prefect variable …`.

`get` prints the value as JSON (as `prefect variable get` does) so a script can
read it back with any JSON parser. `set` takes JSON, like Prefect's CLI, but
refuses text that is not JSON with where it broke (Prefect would quietly store
it as a string); `--text` stores the argument as a string on purpose. Like
Prefect's, `set` on an existing variable needs `--overwrite`.
"""

from __future__ import annotations

import argparse
from typing import Any

from desktop_app.cli.connect import with_client
from desktop_app.cli.output import printable, table, to_json, usage, warning, when
from desktop_app.i18n import _


def register(sub: argparse._SubParsersAction) -> None:
    var = sub.add_parser("variable", help=_("list, read, set and delete Prefect variables"))
    verbs = var.add_subparsers(dest="verb", metavar="VERB")
    lst = verbs.add_parser("ls", help=_("list variables"))
    lst.add_argument("--json", action="store_true", help=_("print JSON (for scripts)"))
    lst.set_defaults(func=lambda a: with_client(a, list_variables))
    get = verbs.add_parser("get", help=_("print a variable's value as JSON"))
    get.add_argument("name", metavar="NAME")
    get.set_defaults(func=lambda a: with_client(a, get_variable))
    put = verbs.add_parser(
        "set", help=_("create a variable, or replace its value with --overwrite")
    )
    put.add_argument("name", metavar="NAME")
    put.add_argument("value", metavar="VALUE", help=_('a JSON value: "text", 42, true, [..], {..}'))
    put.add_argument("--text", action="store_true", help=_("store VALUE as text, not JSON"))
    put.add_argument(
        "--tag",
        action="append",
        default=None,
        metavar="TAG",
        help=_("a tag (repeat for more); without it, an overwrite keeps the tags"),
    )
    put.add_argument(
        "--overwrite", action="store_true", help=_("replace the value if the variable exists")
    )
    put.set_defaults(func=lambda a: with_client(a, set_variable))
    rm = verbs.add_parser("rm", help=_("delete a variable"))
    rm.add_argument("name", metavar="NAME")
    rm.set_defaults(func=lambda a: with_client(a, delete_variable))
    var.set_defaults(func=lambda a: usage(var))


async def list_variables(client: Any, args: argparse.Namespace) -> int:
    from desktop_app.services import variables

    found = await variables.list_variables(client)
    if args.json:
        print(to_json(found))
        return 0
    if not found:
        print(_("No variables."))
        return 0
    rows = [
        [v.name, _short(variables.value_text(v.value)), ", ".join(v.tags) or "-", when(v.updated)]
        for v in found
    ]
    print(table([_("NAME"), _("VALUE"), _("TAGS"), _("UPDATED")], rows))
    return 0


def _short(text: str, width: int = 50) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


async def get_variable(client: Any, args: argparse.Namespace) -> int:
    from desktop_app.services import variables

    found = await variables.get_variable(client, args.name)
    print(printable(variables.value_text(found.value), keep_newlines=True))
    return 0


async def set_variable(client: Any, args: argparse.Namespace) -> int:
    from desktop_app.services import variables

    value = args.value if args.text else variables.parse_value(args.value)
    done = await variables.set_variable(
        client, args.name, value, args.tag, overwrite=args.overwrite, source="cli"
    )
    if done.warning:
        warning(done.warning)
    text = _("Created variable {name}.") if done.created else _("Set variable {name}.")
    print(text.format(name=args.name))
    return 0


async def delete_variable(client: Any, args: argparse.Namespace) -> int:
    from desktop_app.services import variables

    done = await variables.delete_variable(client, args.name, source="cli")
    if done.warning:
        warning(done.warning)
    print(_("Deleted variable {name}.").format(name=args.name))
    return 0


__all__ = ["register", "with_client"]
