"""Values → per-field problems, checked as Prefect's server checks them.

Validation runs `jsonschema` (Draft 2020-12, the server's draft) against the
schema as the server sees it (preprocessed by Prefect itself, in core), so a
value the form accepts is a value the server accepts. Each jsonschema error
becomes a `FieldProblem` with a short, specific sentence, a `code` and
`params` the Qt layer translates; a server rejection's text is mapped back to
the field it names.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from desktop_app.ui.forms.form_model import FieldProblem, field_problem
from desktop_app.ui.forms.form_text import format_number

_EXPECTED = {
    "integer": "a whole number",
    "number": "a number",
    "string": "text",
    "boolean": "true or false",
    "array": "a list",
    "object": "an object",
    "null": "empty",
}


def _expected(types: Any) -> str:
    if isinstance(types, list):
        return " or ".join(_EXPECTED.get(t, str(t)) for t in types)
    return _EXPECTED.get(types, str(types))


def _limit(value: Any) -> str:
    return format_number(value)


def _from_error(error: ValidationError) -> FieldProblem:
    """A jsonschema error → a FieldProblem with a short, specific sentence."""
    path = tuple(error.absolute_path)
    code = str(error.validator)
    value = error.validator_value
    instance = error.instance
    if code == "required":
        missing = error.message.split("'")[1] if error.message.count("'") >= 2 else ""
        return field_problem((*path, missing), "required", "A value is required.")
    if code == "type":
        expected = _expected(value)
        return field_problem(path, "type", f"Must be {expected}.", expected=value)
    if code in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"):
        text = {
            "minimum": "Must be at least {limit}.",
            "maximum": "Must be at most {limit}.",
            "exclusiveMinimum": "Must be more than {limit}.",
            "exclusiveMaximum": "Must be less than {limit}.",
            "multipleOf": "Must be a multiple of {limit}.",
        }[code].format(limit=_limit(value))
        return field_problem(path, code, text, limit=value, value=instance)
    if code in ("minLength", "maxLength"):
        length = len(instance) if isinstance(instance, str) else 0
        word = "least" if code == "minLength" else "most"
        text = f"Must be at {word} {value} characters long (now {length})."
        return field_problem(path, code, text, limit=value, length=length)
    if code in ("minItems", "maxItems"):
        count = len(instance) if isinstance(instance, list) else 0
        word = "least" if code == "minItems" else "most"
        return field_problem(
            path, code, f"Needs at {word} {value} items (now {count}).", limit=value, count=count
        )
    if code == "pattern":
        return field_problem(path, code, f"Must match the pattern {value}.", pattern=value)
    if code in ("enum", "const"):
        choices = list(value) if code == "enum" else [value]
        shown = ", ".join(json.dumps(c, ensure_ascii=False) for c in choices)
        return field_problem(path, "enum", f"Must be one of: {shown}.", choices=choices)
    if code == "additionalProperties":
        extra = sorted(set(instance) - set((error.schema or {}).get("properties", {})))
        names = ", ".join(map(str, extra))
        if len(extra) == 1:
            return field_problem((*path, extra[0]), "unknown", "This field is not expected here.")
        return field_problem(path, "unknown_fields", f"Unexpected fields: {names}.", names=names)
    return field_problem(path, "other", error.message, message=error.message)


def _problems(error: ValidationError) -> list[FieldProblem]:
    """Problems for one jsonschema error, looking inside `anyOf [X, null]`.

    "is not valid under any of the given schemas" helps nobody: for an
    Optional field the non-null branch's own errors say what is wrong.
    """
    if str(error.validator) in ("anyOf", "oneOf") and error.context:
        useful = [e for e in error.context if (e.schema or {}).get("type") != "null"]
        branches = {e.relative_schema_path[0] for e in useful if e.relative_schema_path}
        if len(branches) == 1:
            return [p for e in useful for p in _problems(e)]
        if useful:
            return _problems(min(useful, key=lambda e: len(e.relative_schema_path)))
    return [_from_error(error)]


def validate(values: Mapping[str, Any], checks: Mapping[str, Any]) -> list[FieldProblem]:
    """Check `values` as the server will; [] when valid.

    `checks` is the schema as the server checks against it, made by Prefect's
    own preprocessing in core (`core.schema_checks.server_checks`; the models
    carry it next to the schema: `DeploymentInfo.parameter_checks`,
    `PauseInfo.checks`). One problem per field (the first by path), root
    problems last.
    """
    if not checks:
        return []
    validator = Draft202012Validator(dict(checks))
    errors = sorted(validator.iter_errors(dict(values)), key=lambda e: list(map(str, e.path)))
    problems: list[FieldProblem] = []
    seen: set[tuple[str | int, ...]] = set()
    for problem in (p for error in errors for p in _problems(error)):
        if problem.path in seen:
            continue
        seen.add(problem.path)
        problems.append(problem)
    return sorted(problems, key=lambda p: (not p.path, [str(x) for x in p.path]))


_SERVER_FIELD = re.compile(
    r"Validation failed for field '(?P<path>[^']+)'\.\s*Failure reason:\s*(?P<reason>.*)", re.S
)


def server_reason_field(reason: str) -> tuple[tuple[str | int, ...], str] | None:
    """The field a server rejection names, and the rest of its reason.

    Prefect says e.g. "Reason: Validation failed for field 'batch_size'.
    Failure reason: 500 is greater than the maximum of 100"; JSON paths like
    `inner.x` or `items[2]` are split into their parts.
    """
    match = _SERVER_FIELD.search(reason or "")
    if not match:
        return None
    path: list[str | int] = []
    for part in re.findall(r"[^.\[\]]+|\[\d+\]", match.group("path")):
        path.append(int(part[1:-1]) if part.startswith("[") else part)
    return tuple(path), match.group("reason").strip().rstrip(".")


