"""JSON Schema → form fields, text → values, values → per-field problems.

Prefect hands us two kinds of schema: a paused run's `RunInput` schema
(pydantic v2: `$defs`, `anyOf [X, null]` for Optional) and a deployment's
`parameter_openapi_schema` (`definitions`, `position` ordering, `$ref` to
enums and models). This module turns either into an ordered list of
`FieldSpec`s a form can draw, parses what a person typed, and validates the
result with `jsonschema` using the same preprocessing and draft the server
applies (`prefect.utilities.schema_tools.validate`), so a value the form
accepts is a value the server accepts.

Pure Python, no Qt and no Prefect import: the CLI and tests use it as is, and
the GUI can load it before Prefect. Problems carry a `code` and `params` so
the Qt layer can translate them; `message` is the English sentence.
"""

from __future__ import annotations

import copy
import json
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

KINDS = ("bool", "int", "number", "string", "enum", "array", "object", "json")
SCALAR_ITEM_KINDS = ("int", "number", "string", "bool")
MAX_NESTING = 3
"""Objects deeper than this are edited as JSON: a form inside a form inside a
form is already hard to read."""

_TYPE_KIND = {
    "boolean": "bool",
    "integer": "int",
    "number": "number",
    "string": "string",
    "array": "array",
    "object": "object",
}


class _Missing:
    """Marker for "leave this key out" (distinct from an explicit None)."""

    _instance: _Missing | None = None

    def __new__(cls) -> _Missing:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "MISSING"

    def __bool__(self) -> bool:
        return False


MISSING: Any = _Missing()


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one field (path () = the form as a whole)."""

    path: tuple[str | int, ...]
    code: str
    message: str
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def field(self) -> str:
        """The top-level field the problem belongs to ("" for the whole form)."""
        return str(self.path[0]) if self.path else ""


class ParseError(ValueError):
    """Typed text could not be turned into a value of the field's type."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


@dataclass(frozen=True)
class FieldSpec:
    """Everything a form needs to draw and check one field."""

    name: str
    title: str
    kind: str
    description: str = ""
    required: bool = False
    nullable: bool = False
    has_default: bool = False
    default: Any = None
    minimum: float | None = None
    maximum: float | None = None
    exclusive_minimum: float | None = None
    exclusive_maximum: float | None = None
    multiple_of: float | None = None
    min_length: int | None = None
    max_length: int | None = None
    pattern: str | None = None
    format: str | None = None
    choices: tuple[Any, ...] = ()
    item_kind: str | None = None
    min_items: int | None = None
    max_items: int | None = None
    fields: tuple[FieldSpec, ...] = ()
    schema: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)
    position: int = 0

    @property
    def lower(self) -> float | None:
        """The smallest allowed value (inclusive; integers step past exclusive bounds)."""
        bounds = [b for b in (self.minimum,) if b is not None]
        if self.exclusive_minimum is not None:
            step = 1 if self.kind == "int" else 0
            bounds.append(self.exclusive_minimum + step)
        if not bounds:
            return None
        value = max(bounds)
        return math.ceil(value) if self.kind == "int" else value

    @property
    def upper(self) -> float | None:
        """The largest allowed value (inclusive; integers step past exclusive bounds)."""
        bounds = [b for b in (self.maximum,) if b is not None]
        if self.exclusive_maximum is not None:
            step = 1 if self.kind == "int" else 0
            bounds.append(self.exclusive_maximum - step)
        if not bounds:
            return None
        value = min(bounds)
        return math.floor(value) if self.kind == "int" else value

    @property
    def optional(self) -> bool:
        """May be left empty: the key is then left out (or sent as null)."""
        return self.nullable or not self.required

    def initial(self, values: Mapping[str, Any] | None = None) -> Any:
        """The value to show first: a given value, else the default, else MISSING."""
        if values is not None and self.name in values:
            return values[self.name]
        if self.has_default:
            return copy.deepcopy(self.default)
        return MISSING


# -- resolving -------------------------------------------------------------------


def _pointer(root: Mapping[str, Any], ref: str) -> dict[str, Any] | None:
    """A local JSON pointer (`#/definitions/X`, `#/$defs/X`) → the sub-schema."""
    if not ref.startswith("#"):
        return None
    node: Any = root
    for raw in ref[1:].split("/"):
        if not raw:
            continue
        part = raw.replace("~1", "/").replace("~0", "~")
        if isinstance(node, Mapping) and part in node:
            node = node[part]
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            return None
    return dict(node) if isinstance(node, Mapping) else None


def resolve(
    schema: Mapping[str, Any], root: Mapping[str, Any], seen: frozenset[str] = frozenset()
) -> dict[str, Any]:
    """Inline `$ref` and `allOf` so the result can be read without the root.

    Keywords next to a `$ref` (title, default, description) win over the
    target's, as in pydantic's output. A reference cycle stops with
    `{"x-flowdesk-cycle": True}` so callers fall back to a JSON editor.
    """
    out: dict[str, Any] = {}
    if "$ref" in schema:
        ref = str(schema["$ref"])
        if ref in seen:
            return {"x-flowdesk-cycle": True, **_annotations(schema)}
        target = _pointer(root, ref)
        if target is None:
            return {"x-flowdesk-unresolved": ref, **_annotations(schema)}
        out.update(resolve(target, root, seen | {ref}))
    for member in schema.get("allOf", ()) if isinstance(schema.get("allOf"), list) else ():
        if isinstance(member, Mapping):
            out.update(resolve(member, root, seen))
    out.update({k: v for k, v in schema.items() if k not in ("$ref", "allOf")})
    return out


def _annotations(schema: Mapping[str, Any]) -> dict[str, Any]:
    return {k: schema[k] for k in ("title", "description", "default") if k in schema}


def _split_null(schema: dict[str, Any], root: Mapping[str, Any]) -> tuple[dict[str, Any], bool]:
    """`anyOf [X, null]` / `type: [X, "null"]` → (X merged with siblings, nullable)."""
    types = schema.get("type")
    if isinstance(types, list):
        rest = [t for t in types if t != "null"]
        nullable = len(rest) != len(types)
        if len(rest) == 1:
            return {**schema, "type": rest[0]}, nullable
        return {**schema, "type": rest}, nullable
    for key in ("anyOf", "oneOf"):
        options = schema.get(key)
        if not isinstance(options, list):
            continue
        resolved = [resolve(o, root) for o in options if isinstance(o, Mapping)]
        rest = [o for o in resolved if o.get("type") != "null"]
        nullable = len(rest) != len(resolved)
        siblings = {k: v for k, v in schema.items() if k != key}
        if len(rest) == 1:
            inner, inner_nullable = _split_null(rest[0], root)
            return {**inner, **siblings}, nullable or inner_nullable
        return {**siblings, key: rest, "x-flowdesk-union": True}, nullable
    return schema, False


def _kind(schema: Mapping[str, Any], depth: int) -> str:
    if schema.get("x-flowdesk-cycle") or schema.get("x-flowdesk-union"):
        return "json"
    if "enum" in schema or "const" in schema:
        return "enum"
    kind = _TYPE_KIND.get(schema.get("type")) if isinstance(schema.get("type"), str) else None
    if kind == "object" and (not schema.get("properties") or depth >= MAX_NESTING):
        return "json"
    return kind or "json"


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return value


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def field_spec(
    name: str,
    schema: Mapping[str, Any],
    root: Mapping[str, Any],
    *,
    required: bool = False,
    position: int = 0,
    depth: int = 0,
) -> FieldSpec:
    """One property's schema → a FieldSpec (resolving refs, Optional, enums)."""
    resolved, nullable = _split_null(resolve(schema, root), root)
    kind = _kind(resolved, depth)
    choices: tuple[Any, ...] = ()
    if kind == "enum":
        choices = tuple(resolved["enum"]) if "enum" in resolved else (resolved.get("const"),)
        if None in choices:
            nullable = True
            choices = tuple(c for c in choices if c is not None)
    item_kind = None
    if kind == "array":
        items = resolved.get("items")
        if isinstance(items, Mapping):
            item_schema, item_nullable = _split_null(resolve(items, root), root)
            candidate = _kind(item_schema, depth + 1)
            if candidate in SCALAR_ITEM_KINDS and not item_nullable:
                item_kind = candidate
        if item_kind is None:
            kind = "json"
    nested: tuple[FieldSpec, ...] = ()
    if kind == "object":
        nested = tuple(form_fields(resolved, root=root, depth=depth + 1))
    title = resolved.get("title") if isinstance(resolved.get("title"), str) else None
    return FieldSpec(
        name=name,
        title=title or name,
        kind=kind,
        description=str(resolved.get("description") or ""),
        required=required,
        nullable=nullable,
        has_default="default" in resolved,
        default=copy.deepcopy(resolved.get("default")),
        minimum=_number(resolved.get("minimum")),
        maximum=_number(resolved.get("maximum")),
        exclusive_minimum=_number(resolved.get("exclusiveMinimum")),
        exclusive_maximum=_number(resolved.get("exclusiveMaximum")),
        multiple_of=_number(resolved.get("multipleOf")),
        min_length=_int(resolved.get("minLength")),
        max_length=_int(resolved.get("maxLength")),
        pattern=resolved.get("pattern") if isinstance(resolved.get("pattern"), str) else None,
        format=resolved.get("format") if isinstance(resolved.get("format"), str) else None,
        choices=choices,
        item_kind=item_kind,
        min_items=_int(resolved.get("minItems")),
        max_items=_int(resolved.get("maxItems")),
        fields=nested,
        schema=resolved,
        position=position,
    )


def form_fields(
    schema: Mapping[str, Any] | None, *, root: Mapping[str, Any] | None = None, depth: int = 0
) -> list[FieldSpec]:
    """The fields of an object schema in display order.

    Prefect's parameter schemas carry `position` (the function signature's
    order); without it the declaration order is kept.
    """
    if not schema:
        return []
    root = root if root is not None else schema
    resolved = resolve(schema, root)
    properties = resolved.get("properties")
    if not isinstance(properties, Mapping):
        return []
    required = set(resolved.get("required") or ())
    specs = []
    for index, (name, sub) in enumerate(properties.items()):
        if not isinstance(sub, Mapping):
            sub = {}
        position = sub.get("position")
        order = position if isinstance(position, int) and not isinstance(position, bool) else None
        spec = field_spec(
            str(name),
            sub,
            root,
            required=name in required,
            position=index if order is None else order,
            depth=depth,
        )
        specs.append((order is None, spec.position, index, spec))
    return [entry[-1] for entry in sorted(specs, key=lambda e: e[:3])]


# -- parsing typed text ------------------------------------------------------------


def _problem(path: tuple[str | int, ...], code: str, message: str, **params: Any) -> Problem:
    return Problem(path=path, code=code, message=message, params=params)


def _empty(spec: FieldSpec, path: tuple[str | int, ...]) -> Any:
    """What an empty editor means: null, "leave it out", or a missing value."""
    if spec.nullable:
        return None
    if not spec.required:
        return MISSING
    raise ParseError(_problem(path, "required", "A value is required."))


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
        _problem(path, "not_int", f"'{text.strip()}' is not a whole number.", text=text.strip())
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
            _problem(path, "not_number", f"'{text.strip()}' is not a number.", text=text.strip())
        )
    return number


def parse_json(text: str, path: tuple[str | int, ...] = ()) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ParseError(
            _problem(
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
        _problem(path, "not_bool", f"'{text.strip()}' is not true or false.", text=text.strip())
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
                _problem(
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


# -- validation ------------------------------------------------------------------


def server_schema(schema: Mapping[str, Any]) -> dict[str, Any]:
    """The schema as Prefect's server validates it.

    `prefect.utilities.schema_tools.preprocess_schema`: a property that is not
    required and has no default also accepts null (pydantic v1 left that
    out); tuple `items` lists become `prefixItems`. Repeated here so client
    and server agree without importing Prefect.
    """
    processed = copy.deepcopy(dict(schema))

    def fix_properties(properties: dict[str, Any], required: Iterable[str]) -> None:
        required = set(required)
        for key, sub in properties.items():
            if not isinstance(sub, dict):
                continue
            if (
                key not in required
                and "type" in sub
                and sub.get("type") != "null"
                and "default" not in sub
            ):
                sub["anyOf"] = [{"type": sub["type"]}, {"type": "null"}]
                del sub["type"]
            if isinstance(sub.get("items"), list) and not sub.get("prefixItems"):
                sub["prefixItems"] = sub.pop("items")
            if isinstance(sub.get("properties"), dict):
                fix_properties(sub["properties"], sub.get("required", ()))

    if isinstance(processed.get("properties"), dict):
        fix_properties(processed["properties"], processed.get("required", ()))
    definitions = processed.get("definitions")
    if isinstance(definitions, dict):
        for definition in definitions.values():
            if isinstance(definition, dict) and isinstance(definition.get("properties"), dict):
                fix_properties(definition["properties"], definition.get("required", ()))
    return processed


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


def _from_error(error: ValidationError) -> Problem:
    """A jsonschema error → a Problem with a short, specific sentence."""
    path = tuple(error.absolute_path)
    code = str(error.validator)
    value = error.validator_value
    instance = error.instance
    if code == "required":
        missing = error.message.split("'")[1] if error.message.count("'") >= 2 else ""
        return _problem((*path, missing), "required", "A value is required.")
    if code == "type":
        expected = _expected(value)
        return _problem(path, "type", f"Must be {expected}.", expected=value)
    if code in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"):
        text = {
            "minimum": "Must be at least {limit}.",
            "maximum": "Must be at most {limit}.",
            "exclusiveMinimum": "Must be more than {limit}.",
            "exclusiveMaximum": "Must be less than {limit}.",
            "multipleOf": "Must be a multiple of {limit}.",
        }[code].format(limit=_limit(value))
        return _problem(path, code, text, limit=value, value=instance)
    if code in ("minLength", "maxLength"):
        length = len(instance) if isinstance(instance, str) else 0
        word = "least" if code == "minLength" else "most"
        text = f"Must be at {word} {value} characters long (now {length})."
        return _problem(path, code, text, limit=value, length=length)
    if code in ("minItems", "maxItems"):
        count = len(instance) if isinstance(instance, list) else 0
        word = "least" if code == "minItems" else "most"
        return _problem(
            path, code, f"Needs at {word} {value} items (now {count}).", limit=value, count=count
        )
    if code == "pattern":
        return _problem(path, code, f"Must match the pattern {value}.", pattern=value)
    if code in ("enum", "const"):
        choices = list(value) if code == "enum" else [value]
        shown = ", ".join(json.dumps(c, ensure_ascii=False) for c in choices)
        return _problem(path, "enum", f"Must be one of: {shown}.", choices=choices)
    if code == "additionalProperties":
        extra = sorted(set(instance) - set((error.schema or {}).get("properties", {})))
        names = ", ".join(map(str, extra))
        if len(extra) == 1:
            return _problem((*path, extra[0]), "unknown", "This field is not expected here.")
        return _problem(path, "unknown_fields", f"Unexpected fields: {names}.", names=names)
    return _problem(path, "other", error.message, message=error.message)


def _problems(error: ValidationError) -> list[Problem]:
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


def validate(values: Mapping[str, Any], schema: Mapping[str, Any]) -> list[Problem]:
    """Check `values` against `schema` as the server will; [] when valid.

    One problem per field (the first by path), root problems last.
    """
    if not schema:
        return []
    validator = Draft202012Validator(server_schema(schema))
    errors = sorted(validator.iter_errors(dict(values)), key=lambda e: list(map(str, e.path)))
    problems: list[Problem] = []
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


def without_missing(values: Mapping[str, Any]) -> dict[str, Any]:
    """Drop MISSING entries: what is left is what gets sent."""
    return {k: v for k, v in values.items() if v is not MISSING}
