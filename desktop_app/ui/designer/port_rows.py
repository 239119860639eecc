"""Table rows ⇄ parameters, input ports and approval fields, and the command for an edit.

A rename of one row becomes a `RenamePortCommand`, so the wires on that port
follow the new name; any other change replaces the whole tuple with the
kind's Set…Command (which drops, undoably, the wires of ports that vanish).
"""

from __future__ import annotations

from desktop_app.designer import (
    Command,
    Design,
    InputField,
    Parameter,
    ParametersNode,
    Port,
    RenamePortCommand,
    SetFieldsCommand,
    SetInputsCommand,
    SetParametersCommand,
)
from desktop_app.ui.designer.values import format_value, parse_number, parse_value


def parameter_rows(node: ParametersNode) -> list[dict]:
    return [{"name": p.name, "type": p.type, "default": format_value(p.default, p.type)}
            for p in node.parameters]


def input_rows(ports: tuple[Port, ...]) -> list[dict]:
    return [{"name": p.name, "type": p.type} for p in ports]


def field_rows(fields: tuple[InputField, ...]) -> list[dict]:
    return [{
        "name": f.name,
        "type": f.type,
        "title": f.title,
        "default": format_value(f.default, f.type),
        "minimum": format_value(f.minimum, "float"),
        "maximum": format_value(f.maximum, "float"),
        "required": f.required,
    } for f in fields]


def _rename(design: Design, node_id: str, renamed) -> Command | None:
    if renamed is None:
        return None
    old, new = (str(renamed[0]).strip(), str(renamed[1]).strip())
    if not old or not new or old == new:
        return None
    return RenamePortCommand(design, node_id, old, new)


def parameters_command(design: Design, node_id: str, rows: list[dict],
                       renamed) -> Command | None:
    node = design.node(node_id)
    assert isinstance(node, ParametersNode)
    parameters = tuple(
        Parameter(r["name"].strip(), r["type"], parse_value(r.get("default", ""), r["type"]))
        for r in rows)
    if parameters == node.parameters:
        return None
    rename = _rename(design, node_id, renamed)
    if rename is not None and len(parameters) == len(node.parameters):
        return rename
    return SetParametersCommand(design, node_id, parameters)


def inputs_command(design: Design, node_id: str, rows: list[dict], renamed) -> Command | None:
    node = design.node(node_id)
    current = getattr(node, "inputs", ())
    ports = tuple(Port(r["name"].strip(), r["type"]) for r in rows)
    if ports == current:
        return None
    rename = _rename(design, node_id, renamed)
    if rename is not None and len(ports) == len(current):
        return rename
    return SetInputsCommand(design, node_id, ports)


def fields_command(design: Design, node_id: str, rows: list[dict]) -> Command | None:
    node = design.node(node_id)
    fields = tuple(
        InputField(
            name=r["name"].strip(),
            type=r["type"],
            title=r.get("title", "").strip(),
            default=parse_value(r.get("default", ""), r["type"]),
            minimum=parse_number(r.get("minimum", "")),
            maximum=parse_number(r.get("maximum", "")),
            required=bool(r.get("required")),
        ) for r in rows)
    if fields == getattr(node, "fields", ()):
        return None
    return SetFieldsCommand(design, node_id, fields)
