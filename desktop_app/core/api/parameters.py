"""Checking a run's parameters against its deployment's schema before starting it.

The server starts a run with any parameters it is given (unless the
deployment enforces its schema), and the flow then crashes on a name it does
not take. Checked here first, with Prefect's own schema validation, so a
typo is refused with a sentence instead of a crashed run.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from desktop_app.core.api.errors import FlowdeskError
from desktop_app.core.api.models import DeploymentInfo
from desktop_app.i18n import tr_core


class BadParameters(FlowdeskError):
    """The parameters do not fit the deployment: nothing was started."""


def parse_pairs(pairs: Iterable[str]) -> list[tuple[str, str]]:
    """`KEY=VALUE` strings → (key, raw value); a pair without a key is refused."""
    parsed: list[tuple[str, str]] = []
    for pair in pairs:
        if "=" not in pair:
            raise BadParameters(
                tr_core("A parameter needs KEY=VALUE, got '{pair}'.").format(pair=pair)
            )
        key, raw = pair.split("=", 1)
        key = key.strip()
        if not key:
            raise BadParameters(
                tr_core("'{pair}' has no parameter name before '='.").format(pair=pair)
            )
        parsed.append((key, raw))
    return parsed


def _value(raw: str) -> Any:
    try:
        return json.loads(raw)
    except json.JSONDecodeError:
        return raw  # a bare word is a string


def check(deployment: DeploymentInfo, pairs: Iterable[tuple[str, str]]) -> dict[str, Any]:
    """The parameters to send, or `BadParameters` saying what is wrong and what is known.

    Values are JSON where they parse as JSON (`count=5` is a number), else
    strings; a value the schema wants as a string stays the text typed
    (`name=123` is "123" for a string parameter).
    """
    given = {key: _value(raw) for key, raw in pairs}
    raw_text = dict(pairs)
    schema = deployment.parameter_schema or {}
    properties = schema.get("properties")
    if not isinstance(properties, dict):
        return given  # no schema to check against: the server decides
    unknown = [key for key in given if key not in properties]
    if unknown:
        known = ", ".join(sorted(properties)) or tr_core("none")
        raise BadParameters(
            tr_core(
                "{deployment} takes no parameter {names}. Its parameters: {known}."
            ).format(
                deployment=deployment.full_name,
                names=", ".join(f"'{k}'" for k in unknown),
                known=known,
            )
        )
    merged = {**deployment.parameters, **given}
    problems = _problems(merged, schema)
    for key in [k for k in problems if k in raw_text and not isinstance(given[k], str)]:
        # Typed as JSON but the flow wants text: try the text as typed.
        retry = {**merged, key: raw_text[key]}
        if key not in _problems(retry, schema):
            given[key] = merged[key] = raw_text[key]
    problems = _problems(merged, schema)
    if problems:
        lines = "; ".join(f"'{key}': {message}" if key else message
                          for key, message in problems.items())
        raise BadParameters(
            tr_core("The parameters do not fit {deployment}: {problems}.").format(
                deployment=deployment.full_name, problems=lines
            )
        )
    return given


def _problems(values: dict[str, Any], schema: dict[str, Any]) -> dict[str, str]:
    """Parameter name (or "") → the first thing wrong with it."""
    from prefect.utilities.schema_tools.validation import (
        CircularSchemaRefError,
        ValidationError,
        validate,
    )

    try:
        errors = validate(values, schema, raise_on_error=False)
    except (CircularSchemaRefError, ValidationError):
        return {}  # a schema Prefect itself cannot check: leave it to the server
    problems: dict[str, str] = {}
    for error in errors:
        path = list(error.path)
        key = str(path[0]) if path else ""
        if not key and error.validator == "required":
            missing = [name for name in error.validator_value if name not in values]
            for name in missing:
                problems.setdefault(str(name), tr_core("required, and has no default"))
            continue
        problems.setdefault(key, error.message)
    return problems
