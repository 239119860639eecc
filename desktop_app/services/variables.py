"""Prefect variables: the one door for the window and the CLI.

Everything a person types is checked here, before anything is sent, with a
message that says the rule and where the text broke it: the name follows
Prefect 3.9's `VariableName` (lowercase letters, digits, "-" and "_", at most
255 characters), the value must be JSON (`"text"` in quotes, numbers, true,
null, lists, objects) no longer than Prefect's 5000 characters. Each change
writes an audit entry ("who changed this variable, from where, to what").
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from desktop_app.core.api.api_errors import not_found
from desktop_app.core.api.errors import FlowdeskError
from desktop_app.i18n import tr_core
from desktop_app.services import trail
from desktop_app.services.results import Source

if TYPE_CHECKING:
    from desktop_app.core.api.client import FlowdeskClient
    from desktop_app.core.api.variables import VariableInfo

MAX_NAME = 255
"""Prefect's MAX_VARIABLE_NAME_LENGTH."""
MAX_VALUE = 5000
"""Prefect's MAX_VARIABLE_VALUE_LENGTH: characters of the value's compact JSON."""
NAME_RULE = re.compile(r"[a-z0-9_-]+")


class BadInput(FlowdeskError):
    """What was typed cannot be sent: the text says the rule and where it broke."""


@dataclass(frozen=True)
class VariableChanged:
    """A variable set or deleted; `warning` when the audit trail could not be written."""

    name: str
    variable: VariableInfo | None = None
    created: bool = False
    warning: str | None = None


# -- checks (pure, also used by the editor as you type) -------------------------------
def check_name(name: str) -> str:
    """The name as Prefect will take it, or `BadInput` saying the rule."""
    if not name:
        raise BadInput(tr_core("A variable needs a name."))
    rule = tr_core(
        "A variable name may contain only lowercase letters a-z, digits 0-9, "
        "dashes (-) and underscores (_)."
    )
    for position, char in enumerate(name, 1):
        if not NAME_RULE.fullmatch(char):
            if char == " ":
                shown = tr_core("A space")
            elif char.isprintable():
                shown = f"'{char}'"
            else:
                shown = f"U+{ord(char):04X}"
            raise BadInput(
                tr_core("{rule} {char} at position {position} is not allowed.").format(
                    rule=rule, char=shown, position=position
                )
            )
    if len(name) > MAX_NAME:
        raise BadInput(
            tr_core(
                "A variable name may be at most {max} characters; this one has {count}."
            ).format(max=MAX_NAME, count=len(name))
        )
    return name


def _no_constant(word: str) -> Any:
    raise ValueError(word)


def parse_value(text: str) -> Any:
    """The JSON value of `text`, or `BadInput` saying where it stopped being JSON."""
    if not text.strip():
        raise BadInput(
            tr_core('A value is needed: JSON such as "text", 42, true, null, [1, 2] or {"a": 1}.')
        )
    try:
        value = json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        hint = ""
        word = re.match(r"[^\W\d]\w*", text[exc.pos :])
        if word and word.group() not in ("true", "false", "null"):
            # A bare word: the whole entry when it is all text, else the word itself.
            shown = text.strip() if exc.pos == len(text) - len(text.lstrip()) else word.group()
            hint = " " + tr_core('Text must be in double quotes: "{text}".').format(
                text=shown[:40]
            )
        raise BadInput(
            tr_core("Not JSON: {reason} at line {line}, column {column}.").format(
                reason=exc.msg, line=exc.lineno, column=exc.colno
            )
            + hint
        ) from None
    except ValueError as exc:  # NaN, Infinity: Python reads them, JSON has no such thing
        raise BadInput(
            tr_core("Not JSON: {word} is not a JSON number; use null or a number.").format(
                word=exc.args[0]
            )
        ) from None
    return check_value(value)


def check_value(value: Any) -> Any:
    """`value` if Prefect will store it (JSON, at most 5000 characters), else `BadInput`."""
    try:
        compact = json.dumps(value, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise BadInput(
            tr_core("The value cannot be written as JSON: {error}").format(error=exc)
        ) from None
    size = len(compact.encode("utf-8"))
    if value is not None and size > MAX_VALUE:
        raise BadInput(
            tr_core(
                "A variable's value may be at most {max} characters of JSON; this one has {count}."
            ).format(max=MAX_VALUE, count=size)
        )
    return value


def check_tags(tags: list[str]) -> list[str]:
    """Tags without blanks and repeats, in the order given."""
    clean: list[str] = []
    for tag in tags:
        tag = tag.strip()
        if not tag:
            raise BadInput(tr_core("A tag cannot be empty."))
        if tag not in clean:
            clean.append(tag)
    return clean


def value_text(value: Any, *, indent: int | None = None) -> str:
    """The JSON of `value` as Prefect's CLI prints it (`prefect variable get`)."""
    return json.dumps(value, ensure_ascii=False, indent=indent)


# -- operations -------------------------------------------------------------------------
async def list_variables(client: FlowdeskClient) -> list[VariableInfo]:
    return await client.variables()


async def get_variable(client: FlowdeskClient, name: str) -> VariableInfo:
    found = await client.read_variable(check_name(name))
    if found is None:
        raise not_found(tr_core("Variable '{name}'").format(name=name))
    return found


async def set_variable(
    client: FlowdeskClient,
    name: str,
    value: Any,
    tags: list[str] | None = None,
    *,
    overwrite: bool = True,
    source: Source,
) -> VariableChanged:
    """Create the variable, or (with `overwrite`) replace its value.

    `tags=None` keeps an existing variable's tags. Refused with `BadInput`
    before anything is sent when the name or value breaks Prefect's rules.
    """
    check_name(name)
    check_value(value)
    clean_tags = None if tags is None else check_tags(tags)
    existing = await client.read_variable(name)
    if existing is not None and not overwrite:
        raise FlowdeskError(
            tr_core("Variable '{name}' already exists; use --overwrite to replace it.").format(
                name=name
            )
        )
    if existing is None:
        saved = await client.create_variable(name, value, clean_tags or [])
    else:
        keep = existing.tags if clean_tags is None else clean_tags
        saved = await client.update_variable(name, value, keep)
    warning = trail.write(
        "variable-set",
        "",
        source=source,
        run_input={"value": value, "tags": saved.tags},
        detail=tr_core("variable '{name}'").format(name=name),
    )
    return VariableChanged(name, saved, created=existing is None, warning=warning)


async def delete_variable(client: FlowdeskClient, name: str, *, source: Source) -> VariableChanged:
    check_name(name)
    await client.delete_variable(name)
    warning = trail.write(
        "variable-delete", "", source=source, detail=tr_core("variable '{name}'").format(name=name)
    )
    return VariableChanged(name, None, warning=warning)
