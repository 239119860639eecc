"""Problems from the schema engine, in the person's language.

The engine (no Qt) gives each problem a `code` and `params`; the sentences
are written out here as literal `translate("SchemaForm", "…")` calls so
`lupdate` finds them and the zh_CN catalogue can translate every one.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QCoreApplication

from desktop_app.ui.forms.form_model import FieldProblem
from desktop_app.ui.forms.form_text import format_number

CONTEXT = "SchemaForm"  # every sentence below is translated in this context


translate = QCoreApplication.translate


def _expected(types: Any) -> str:
    names = {
        "integer": translate("SchemaForm", "a whole number"),
        "number": translate("SchemaForm", "a number"),
        "string": translate("SchemaForm", "text"),
        "boolean": translate("SchemaForm", "true or false"),
        "array": translate("SchemaForm", "a list"),
        "object": translate("SchemaForm", "an object"),
        "null": translate("SchemaForm", "empty"),
    }
    if isinstance(types, list):
        return translate("SchemaForm", " or ").join(names.get(t, str(t)) for t in types)
    return names.get(types, str(types))


def problem_text(problem: FieldProblem) -> str:
    """One short sentence for the message under a field."""
    p = problem.params
    code = problem.code
    limit = format_number(p.get("limit"))
    if code == "required":
        return translate("SchemaForm", "A value is required.")
    if code == "type":
        return translate("SchemaForm", "Must be {expected}.").format(
            expected=_expected(p.get("expected"))
        )
    if code == "minimum":
        return translate("SchemaForm", "Must be at least {limit}.").format(limit=limit)
    if code == "maximum":
        return translate("SchemaForm", "Must be at most {limit}.").format(limit=limit)
    if code == "exclusiveMinimum":
        return translate("SchemaForm", "Must be more than {limit}.").format(limit=limit)
    if code == "exclusiveMaximum":
        return translate("SchemaForm", "Must be less than {limit}.").format(limit=limit)
    if code == "multipleOf":
        return translate("SchemaForm", "Must be a multiple of {limit}.").format(limit=limit)
    if code == "minLength":
        return translate(
            "SchemaForm", "Must be at least {limit} characters long (now {length})."
        ).format(limit=limit, length=p.get("length", 0))
    if code == "maxLength":
        return translate(
            "SchemaForm", "Must be at most {limit} characters long (now {length})."
        ).format(limit=limit, length=p.get("length", 0))
    if code == "minItems":
        return translate("SchemaForm", "Needs at least {limit} items (now {count}).").format(
            limit=limit, count=p.get("count", 0)
        )
    if code == "maxItems":
        return translate("SchemaForm", "Needs at most {limit} items (now {count}).").format(
            limit=limit, count=p.get("count", 0)
        )
    if code == "pattern":
        return translate("SchemaForm", "Must match the pattern {pattern}.").format(
            pattern=p.get("pattern", "")
        )
    if code == "enum":
        choices = ", ".join(json.dumps(c, ensure_ascii=False) for c in p.get("choices", ()))
        return translate("SchemaForm", "Must be one of: {choices}.").format(choices=choices)
    if code == "unknown":
        return translate("SchemaForm", "This field is not expected here.")
    if code == "unknown_fields":
        return translate("SchemaForm", "Unexpected fields: {names}.").format(
            names=p.get("names", "")
        )
    if code == "not_int":
        return translate("SchemaForm", "'{text}' is not a whole number.").format(
            text=p.get("text", "")
        )
    if code == "not_number":
        return translate("SchemaForm", "'{text}' is not a number.").format(text=p.get("text", ""))
    if code == "not_bool":
        return translate("SchemaForm", "'{text}' is not true or false.").format(
            text=p.get("text", "")
        )
    if code == "json":
        return translate(
            "SchemaForm", "Not valid JSON at line {line}, column {column}: {error}."
        ).format(line=p.get("line"), column=p.get("column"), error=p.get("error", ""))
    if code == "line":
        inner = p.get("inner")
        detail = problem_text(inner) if isinstance(inner, FieldProblem) else problem.message
        return translate("SchemaForm", "Line {line}: {detail}").format(
            line=p.get("line"), detail=detail
        )
    if code == "server":
        return translate("SchemaForm", "The server says: {reason}").format(
            reason=p.get("reason", problem.message)
        )
    return problem.message
