"""JSON Schema → form fields: what a form draws for each value a schema asks for.

Prefect hands us two kinds of schema: a paused run's `RunInput` schema
(pydantic v2: `$defs`, `anyOf [X, null]` for Optional) and a deployment's
`parameter_openapi_schema` (`definitions`, `position` ordering, `$ref` to
enums and models). This module turns either into an ordered list of
`FieldSpec`s a form can draw. What a person typed becomes values in
`form_text`; values are checked as the server checks them in `form_checks`.

Pure Python, no Qt and no Prefect import (the form model of `SchemaForm`,
tested without a display; the GUI can load it before Prefect). Problems carry
a `code` and `params` so the Qt layer can translate them; `message` is the
English sentence.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

FIELD_KINDS = ("bool", "int", "number", "string", "enum", "array", "object", "json")
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
class FieldProblem:
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

    def __init__(self, problem: FieldProblem) -> None:
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


def field_problem(
    path: tuple[str | int, ...], code: str, message: str, **params: Any
) -> FieldProblem:
    return FieldProblem(path=path, code=code, message=message, params=params)
