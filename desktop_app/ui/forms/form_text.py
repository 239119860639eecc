"""Text ↔ values for form fields: parse what a person typed, show a value as text.

Parsing is strict and never guesses behind the person's back: text that is
not a number, a boolean or JSON is a `ParseError` naming the field (its
`FieldProblem`), and an empty field is MISSING, None or an empty list as its
`FieldSpec` says. Formatting is the inverse, so a value shown and read back
is the same value.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from typing import Any

from desktop_app.ui.forms.form_model import MISSING, FieldSpec, ParseError, field_problem


def _empty(spec: FieldSpec, path: tuple[str | int, ...]) -> Any:
    """What an empty editor means: null, "leave it out", or a missing value."""
    if spec.nullable:
        return None
    if not spec.required:
        return MISSING
    raise ParseError(field_problem(path, "required", "A value is required."))


_INT_RE = re.compile(r"^[+-]?\d+$")


def parse_int(text: str, path: tuple[str | int, ...] = ()) -> int:
    cleaned = text.strip().replace("_", "").replace(",", "")
    if _INT_RE.match(cleaned):
        return int(cleaned)
    try:
        number = float(cleaned)
    except ValueError:
        number = math.nan
    if math.isfinite(number) and number == int(number) and "e" not in cleaned.lower():
        return int(number)
    raise ParseError(
        field_problem(
            path, "not_int", f"'{text.strip()}' is not a whole number.", text=text.strip()
        )
    )


def parse_number(text: str, path: tuple[str | int, ...] = ()) -> int | float:
    cleaned = text.strip().replace("_", "")
    try:
        if _INT_RE.match(cleaned):
            return int(cleaned)
        number = float(cleaned)
    except ValueError:
        number = math.nan
    if not math.isfinite(number):
        raise ParseError(
            field_problem(
                path, "not_number", f"'{text.strip()}' is not a number.", text=text.strip()
            )
        )
    return number


def parse_json(text: str, path: tuple[str | int, ...] = ()) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ParseError(
            field_problem(
                path,
                "json",
                f"Not valid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}.",
                line=exc.lineno,
                column=exc.colno,
                error=exc.msg,
            )
        ) from None


_TRUE = {"true", "yes", "y", "1", "on"}
_FALSE = {"false", "no", "n", "0", "off"}


def parse_bool(text: str, path: tuple[str | int, ...] = ()) -> bool:
    lowered = text.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ParseError(
        field_problem(
            path, "not_bool", f"'{text.strip()}' is not true or false.", text=text.strip()
        )
    )


def parse_scalar(kind: str, text: str, path: tuple[str | int, ...] = ()) -> Any:
    if kind == "int":
        return parse_int(text, path)
    if kind == "number":
        return parse_number(text, path)
    if kind == "bool":
        return parse_bool(text, path)
    return text


def parse_lines(spec: FieldSpec, text: str, path: tuple[str | int, ...] = ()) -> list[Any]:
    """A list editor's text (one item per line) → a list of typed items.

    Blank lines are skipped; a line that does not parse is reported with its
    line number, so the person can find it in a long paste.
    """
    items: list[Any] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        value = line if spec.item_kind == "string" else line.strip()
        try:
            items.append(parse_scalar(spec.item_kind or "string", value, (*path, len(items))))
        except ParseError as exc:
            raise ParseError(
                field_problem(
                    path,
                    "line",
                    f"Line {number}: {exc.problem.message}",
                    line=number,
                    inner=exc.problem,
                )
            ) from None
    return items


def parse_text(spec: FieldSpec, text: str, path: tuple[str | int, ...] | None = None) -> Any:
    """What a person typed for `spec` → a value, MISSING (leave out) or ParseError."""
    path = (spec.name,) if path is None else path
    if spec.kind == "string":
        if text == "" and (spec.nullable or (spec.required and not spec.has_default)):
            return _empty(spec, path)
        return text
    if not text.strip():
        return _empty(spec, path)
    if spec.kind in ("int", "number", "bool"):
        return parse_scalar(spec.kind, text, path)
    if spec.kind == "array" and spec.item_kind:
        return parse_lines(spec, text, path)
    if spec.kind == "enum":
        for choice in spec.choices:
            if str(choice) == text:
                return choice
        return text
    return parse_json(text, path)


def format_lines(value: Any) -> str:
    """A list → the list editor's text (one item per line)."""
    if not isinstance(value, list):
        return ""
    return "\n".join(_scalar_text(v) for v in value)


def _scalar_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def format_json(value: Any) -> str:
    if value is MISSING:
        return ""
    return json.dumps(value, indent=2, ensure_ascii=False, default=str)


def format_number(value: Any) -> str:
    if value is None or value is MISSING:
        return ""
    if isinstance(value, float):
        return repr(value)
    return str(value)


def without_missing(values: Mapping[str, Any]) -> dict[str, Any]:
    """Drop MISSING entries: what is left is what gets sent."""
    return {k: v for k, v in values.items() if v is not MISSING}
