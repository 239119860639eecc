"""Default values typed into table cells ⇄ Python values, by declared type.

A cell is text; the model wants typed values. The rules are predictable:
an empty cell is "no default"; a `str` cell is taken literally unless it is a
quoted JSON string (so `""` means the empty string); other types parse as
JSON/number/bool. Text that does not parse is kept *as text*, so validation
can point at it ("the default of 'count' is not an int") instead of the
editor silently dropping what was typed.
"""

from __future__ import annotations

import json
from typing import Any

_TRUE = {"true", "yes", "1", "on"}
_FALSE = {"false", "no", "0", "off"}


def parse_value(text: str, type_name: str) -> Any:
    text = text.strip()
    if not text:
        return None
    if type_name == "str":
        if len(text) >= 2 and text[0] == text[-1] == '"':
            try:
                return json.loads(text)
            except ValueError:
                return text
        return text
    if type_name == "bool":
        lowered = text.lower()
        if lowered in _TRUE:
            return True
        if lowered in _FALSE:
            return False
        return text
    if type_name == "int":
        try:
            return int(text)
        except ValueError:
            return text
    if type_name == "float":
        try:
            return float(text)
        except ValueError:
            return text
    try:
        return json.loads(text)
    except ValueError:
        return text


def format_value(value: Any, type_name: str) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        if type_name == "str" and value and value.strip() == value and value[0] != '"':
            return value
        return json.dumps(value, ensure_ascii=False) if type_name == "str" else value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer() and type_name == "int":
        return str(int(value))
    if isinstance(value, (int, float)):
        return repr(value)
    return json.dumps(value, ensure_ascii=False)


def parse_number(text: str) -> float | str | None:
    """A bound: a number, None when empty, the text itself when it is not a number."""
    text = text.strip()
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        return text
