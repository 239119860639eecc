"""Design ⇄ plain JSON-ready data, with a strict check of the data's structure.

Reading happens in two steps, as in orange-canvas-core: first the plain data
is checked field by field (types, required keys, references between nodes and
edges), and only then is the live `Design` built. A bad file therefore fails
with a message naming the exact JSON path, and never with a half-built graph.

Field readers are derived from the dataclass annotations, so a field added to
a node kind is saved and loaded without touching this module (a test checks
that every annotation used has a reader).
"""

from __future__ import annotations

import dataclasses
import math
import uuid
from collections.abc import Callable
from typing import Any

from desktop_app.designer.graph import ConnectionRefused, Design, Edge
from desktop_app.designer.nodes import NODE_KINDS, InputField, Node, Parameter, Port

SCHEMA_VERSION = 1
"""Version of the file structure; bump it (and add a migration) on incompatible changes."""

MIN_APP_VERSION = {1: "0.1.0"}
"""Oldest Flowdesk able to read each schema version (written into files)."""


class StructureError(ValueError):
    """The data does not have the shape of a design; `path` says where (JSON path)."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


class NewerSchemaError(StructureError):
    """The data was written by a newer Flowdesk; `needs` is the app version it names."""

    def __init__(self, version: int, needs: str | None) -> None:
        self.version = version
        self.needs = needs
        app = f"Flowdesk {needs} or newer" if needs else "a newer Flowdesk"
        super().__init__("$.schema_version", (
            f"design format version {version} needs {app}; this app reads up to version "
            f"{SCHEMA_VERSION}"))


def check_schema_version(data: Any) -> int:
    """The data's schema version, if this app can read it; raises otherwise."""
    top = _object(data, "$")
    if "schema_version" not in top:
        raise StructureError("$", "missing field 'schema_version' (is this a Flowdesk design?)")
    version = top["schema_version"]
    if type(version) is not int or version < 1:
        raise StructureError("$.schema_version", f"expected a version number, found {version!r}")
    if version > SCHEMA_VERSION:
        needs = top.get("flowdesk_min_version")
        raise NewerSchemaError(version, needs if isinstance(needs, str) else None)
    return version


# --------------------------------------------------------------------- write
def design_to_dict(design: Design) -> dict[str, Any]:
    """The design as JSON-ready data: nodes in insertion order, edges in list order."""
    return {
        "schema_version": SCHEMA_VERSION,
        "flowdesk_min_version": MIN_APP_VERSION[SCHEMA_VERSION],
        "id": design.id,
        "name": design.name,
        "description": design.description,
        "nodes": [node_to_dict(node) for node in design],
        "edges": [dataclasses.asdict(edge) for edge in design.edges],
    }


def node_to_dict(node: Node) -> dict[str, Any]:
    data: dict[str, Any] = {"kind": node.kind}
    for f in dataclasses.fields(node):
        value = getattr(node, f.name)
        if isinstance(value, tuple):
            value = [dataclasses.asdict(item) for item in value]
        data[f.name] = value
    return data


# ---------------------------------------------------------------------- read
def design_from_dict(data: Any) -> Design:
    """Check `data` (as parsed from JSON) and build the live design.

    Raises `StructureError` on the first problem. Cycles are *not* refused:
    a hand-edited file may contain one, and validation explains it better.
    """
    check_schema_version(data)
    top = _object(data, "$")
    _keys(top, "$", {"schema_version", "flowdesk_min_version", "id", "name", "description",
                     "nodes", "edges"}, optional={"flowdesk_min_version"})
    design = Design(
        name=_text(top["name"], "$.name"),
        description=_text(top["description"], "$.description"),
        id=_uuid(top["id"], "$.id"),
    )
    nodes = _list(top["nodes"], "$.nodes")
    for i, item in enumerate(nodes):
        node = node_from_dict(item, f"$.nodes[{i}]")
        if node.id in design:
            raise StructureError(f"$.nodes[{i}].id", f"node id {node.id} is used twice")
        design.add_node(node)
    for i, item in enumerate(_list(top["edges"], "$.edges")):
        path = f"$.edges[{i}]"
        fields = _object(item, path)
        _keys(fields, path, {"source", "source_port", "target", "target_port"})
        edge = Edge(**{key: _text(fields[key], f"{path}.{key}") for key in fields})
        try:
            design.add_edge(edge, check=False)
        except ConnectionRefused as exc:
            raise StructureError(path, exc.reason) from None
    return design


def node_from_dict(data: Any, path: str) -> Node:
    fields = _object(data, path)
    kind = fields.get("kind")
    cls = NODE_KINDS.get(kind) if isinstance(kind, str) else None
    if cls is None:
        raise StructureError(f"{path}.kind", (
            f"unknown node kind {kind!r}; expected one of {', '.join(NODE_KINDS)}"))
    declared = {f.name: f for f in dataclasses.fields(cls)}
    _keys(fields, path, {"kind", *declared})
    values = {
        name: _read(f.type, fields[name], f"{path}.{name}") for name, f in declared.items()
    }
    values["id"] = _uuid(fields["id"], f"{path}.id")
    return cls(**values)


def _read(annotation: Any, value: Any, path: str) -> Any:
    reader = READERS.get(str(annotation))
    if reader is None:  # pragma: no cover - caught by a test over every node kind
        raise TypeError(f"No reader for annotation {annotation!r} ({path})")
    return reader(value, path)


def _items(cls: type, value: Any, path: str) -> tuple[Any, ...]:
    declared = {f.name: f for f in dataclasses.fields(cls)}
    result = []
    for i, item in enumerate(_list(value, path)):
        item_path = f"{path}[{i}]"
        fields = _object(item, item_path)
        _keys(fields, item_path, set(declared))
        result.append(cls(**{
            name: _read(f.type, fields[name], f"{item_path}.{name}")
            for name, f in declared.items()
        }))
    return tuple(result)


# ------------------------------------------------------------ value readers
def _object(value: Any, path: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise StructureError(path, f"expected an object, found {_json_type(value)}")
    return value


def _list(value: Any, path: str) -> list[Any]:
    if not isinstance(value, list):
        raise StructureError(path, f"expected a list, found {_json_type(value)}")
    return value


def _keys(data: dict[str, Any], path: str, expected: set[str],
          optional: set[str] | frozenset[str] = frozenset()) -> None:
    missing = sorted(expected - optional - set(data))
    if missing:
        raise StructureError(path, f"missing field {', '.join(repr(m) for m in missing)}")
    unknown = sorted(set(data) - expected)
    if unknown:
        raise StructureError(path, f"unknown field {', '.join(repr(u) for u in unknown)}")


def _text(value: Any, path: str) -> str:
    if not isinstance(value, str):
        raise StructureError(path, f"expected text, found {_json_type(value)}")
    return value


def _uuid(value: Any, path: str) -> str:
    text = _text(value, path)
    try:
        uuid.UUID(text)
    except ValueError:
        raise StructureError(path, f"expected a UUID, found {text!r}") from None
    return text


def _integer(value: Any, path: str) -> int:
    if type(value) is not int:
        raise StructureError(path, f"expected a whole number, found {_json_type(value)}")
    return value


def _number(value: Any, path: str) -> float:
    if type(value) not in (int, float) or not math.isfinite(value):
        raise StructureError(path, f"expected a number, found {_json_type(value)}")
    return float(value)


def _optional_number(value: Any, path: str) -> float | None:
    return None if value is None else _number(value, path)


def _boolean(value: Any, path: str) -> bool:
    if type(value) is not bool:
        raise StructureError(path, f"expected true or false, found {_json_type(value)}")
    return value


def _json_value(value: Any, path: str) -> Any:
    return value  # any JSON value; its type against the declared one is a validation matter


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    names = {bool: "true/false", int: "a number", float: "a number", str: "text",
             list: "a list", dict: "an object"}
    return names.get(type(value), type(value).__name__)


READERS: dict[str, Callable[[Any, str], Any]] = {
    "str": _text,
    "int": _integer,
    "float": _number,
    "float | None": _optional_number,
    "bool": _boolean,
    "Any": _json_value,
    "tuple[Port, ...]": lambda v, p: _items(Port, v, p),
    "tuple[Parameter, ...]": lambda v, p: _items(Parameter, v, p),
    "tuple[InputField, ...]": lambda v, p: _items(InputField, v, p),
}
"""Annotation text (as written in `nodes.py`) → reader of that JSON value."""
