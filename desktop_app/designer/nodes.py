"""Node kinds of a design: plain dataclasses, no behaviour beyond their ports.

A node knows its own fields and which ports they imply; it knows nothing of
edges, other nodes or Qt. Nodes are mutated only through `Design` methods so
that every change is announced to observers (see `graph.Design`).

Small value objects (`Port`, `Parameter`, `InputField`) are frozen and held in
tuples: an undo command can keep the old tuple as is, with no deep copies and
no risk of the editor mutating history behind the command's back.
"""

from __future__ import annotations

import dataclasses
import uuid
from dataclasses import dataclass, field
from typing import Any, ClassVar

VALUE_TYPES = ("any", "str", "int", "float", "bool", "list", "dict")
"""Type hints a port may declare; "any" means "not declared, not checked"."""

PARAMETER_TYPES = ("str", "int", "float", "bool", "list", "dict")
"""Flow parameter types: the JSON-representable ones Prefect can show in a form."""

FIELD_TYPES = ("bool", "int", "float", "str")
"""Approval input field types: what a resume form can ask for."""

_PY_TYPES: dict[str, type | tuple[type, ...]] = {
    "str": str,
    "int": int,
    "float": (int, float),
    "bool": bool,
    "list": list,
    "dict": dict,
}


def new_id() -> str:
    """A fresh node id: a random UUID, stable across saves and restarts."""
    return str(uuid.uuid4())


def value_matches(type_name: str, value: Any) -> bool:
    """Whether `value` is a valid value for a declared type (`bool` is not an int here)."""
    if type_name == "any":
        return True
    if isinstance(value, bool) and type_name != "bool":
        return False
    expected = _PY_TYPES.get(type_name)
    return expected is not None and isinstance(value, expected)


def _floats_to_float(obj: object) -> None:
    """Store ints given for `float` fields as floats, so a save → load → save is byte-stable."""
    for f in dataclasses.fields(obj):  # type: ignore[arg-type]
        value = getattr(obj, f.name)
        if f.type in ("float", "float | None") and type(value) is int:
            object.__setattr__(obj, f.name, float(value))


def types_compatible(source: str, target: str) -> bool:
    """Whether an output of type `source` may feed an input of type `target`."""
    return "any" in (source, target) or source == target or (source, target) == ("int", "float")


@dataclass(frozen=True)
class Port:
    """A named connection point; `type` is a hint checked by validation only."""

    name: str
    type: str = "any"


@dataclass(frozen=True)
class Parameter:
    """A flow parameter; `default=None` means the run must supply a value."""

    name: str
    type: str = "str"
    default: Any = None


@dataclass(frozen=True)
class InputField:
    """One value a person types when resuming an approval pause.

    Becomes one field of a generated `prefect.input.RunInput` model, so the
    same rules (type, bounds, required) are enforced by Prefect's server.
    """

    name: str
    type: str = "str"
    title: str = ""
    default: Any = None
    minimum: float | None = None
    maximum: float | None = None
    required: bool = False

    def __post_init__(self) -> None:
        _floats_to_float(self)


@dataclass(eq=False, kw_only=True)
class Node:
    """Fields every node has: a stable id, a title and a position on the canvas.

    Compared by identity: two nodes with equal fields are still two nodes.
    """

    kind: ClassVar[str] = ""
    _tuple_fields: ClassVar[tuple[str, ...]] = ()

    title: str
    x: float = 0.0
    y: float = 0.0
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        # Accept lists from callers; store tuples so old values can be shared.
        for name in self._tuple_fields:
            value = getattr(self, name)
            if name == "inputs":  # `inputs=["a", "b"]` is a handy shorthand
                value = tuple(Port(v) if isinstance(v, str) else v for v in value)
            if not isinstance(value, tuple):
                value = tuple(value)
            setattr(self, name, value)
        _floats_to_float(self)

    def input_ports(self) -> tuple[Port, ...]:
        """Ports fed by upstream outputs, in display order."""
        return ()

    def output_ports(self) -> tuple[Port, ...]:
        """Ports downstream nodes can read, in display order."""
        return ()

    def input_port(self, name: str) -> Port | None:
        return next((p for p in self.input_ports() if p.name == name), None)

    def output_port(self, name: str) -> Port | None:
        return next((p for p in self.output_ports() if p.name == name), None)

    @classmethod
    def editable_fields(cls) -> tuple[str, ...]:
        """Field names `Design.update_node` accepts (everything but the id)."""
        return tuple(f.name for f in dataclasses.fields(cls) if f.name != "id")


@dataclass(eq=False, kw_only=True)
class ParametersNode(Node):
    """The flow's parameters; each parameter is one output port of its type."""

    kind: ClassVar[str] = "parameters"
    _tuple_fields: ClassVar[tuple[str, ...]] = ("parameters",)

    title: str = "Parameters"
    parameters: tuple[Parameter, ...] = ()

    def output_ports(self) -> tuple[Port, ...]:
        return tuple(Port(p.name, p.type) for p in self.parameters)


@dataclass(eq=False, kw_only=True)
class TaskNode(Node):
    """A node whose Python body runs as a Prefect task (code and loop nodes)."""

    _tuple_fields: ClassVar[tuple[str, ...]] = ("inputs",)

    inputs: tuple[Port, ...] = ()
    body: str = "return None"
    retries: int = 0
    retry_delay_seconds: float = 0.0
    timeout_seconds: float | None = None


@dataclass(eq=False, kw_only=True)
class CodeNode(TaskNode):
    """A function body; named inputs are its arguments, its return value is `result`."""

    kind: ClassVar[str] = "code"

    returns: str = "any"

    def input_ports(self) -> tuple[Port, ...]:
        return self.inputs

    def output_ports(self) -> tuple[Port, ...]:
        return (Port("result", self.returns),)


@dataclass(eq=False, kw_only=True)
class LoopNode(TaskNode):
    """For each element of the `items` list, run the body with it as `item`.

    Extra `inputs` are passed unchanged to every iteration. The results are
    collected, in order, into the `results` list. Between items the generated
    code calls `checkpoint()`, so a person can pause a long loop.
    """

    kind: ClassVar[str] = "loop"

    ITEMS: ClassVar[str] = "items"
    ITEM: ClassVar[str] = "item"
    RESULTS: ClassVar[str] = "results"

    body: str = "return item"

    def input_ports(self) -> tuple[Port, ...]:
        return (Port(self.ITEMS, "list"), *self.inputs)

    def output_ports(self) -> tuple[Port, ...]:
        return (Port(self.RESULTS, "list"),)


@dataclass(eq=False, kw_only=True)
class ApprovalNode(Node):
    """Pause the run until a person resumes it, optionally with typed values.

    `description` is Markdown shown to that person; `{name}` placeholders are
    filled with the values of the node's inputs of that name. The values the
    person gives flow on, as a dict, through the `values` output.
    """

    kind: ClassVar[str] = "approval"
    _tuple_fields: ClassVar[tuple[str, ...]] = ("inputs", "fields")

    VALUES: ClassVar[str] = "values"

    title: str = "Approval"
    inputs: tuple[Port, ...] = ()
    fields: tuple[InputField, ...] = ()
    description: str = ""
    timeout_seconds: int = 3600

    def input_ports(self) -> tuple[Port, ...]:
        return self.inputs

    def output_ports(self) -> tuple[Port, ...]:
        return (Port(self.VALUES, "dict"),)


@dataclass(eq=False, kw_only=True)
class ConditionNode(Node):
    """Route on a Python expression over the node's inputs.

    Nodes fed from `true` run only when the expression is true, nodes fed
    from `false` only when it is false. Both outputs carry the value of the
    node's *first* input, so a branch can work on what was tested.
    """

    kind: ClassVar[str] = "condition"
    _tuple_fields: ClassVar[tuple[str, ...]] = ("inputs",)

    TRUE: ClassVar[str] = "true"
    FALSE: ClassVar[str] = "false"

    title: str = "Condition"
    inputs: tuple[Port, ...] = (Port("value"),)
    expression: str = "bool(value)"

    def input_ports(self) -> tuple[Port, ...]:
        return self.inputs

    def output_ports(self) -> tuple[Port, ...]:
        carried = self.inputs[0].type if self.inputs else "any"
        return (Port(self.TRUE, carried), Port(self.FALSE, carried))


NODE_KINDS: dict[str, type[Node]] = {
    cls.kind: cls for cls in (ParametersNode, CodeNode, LoopNode, ApprovalNode, ConditionNode)
}
"""Kind name (as stored in files) → node class."""

RENAMABLE_INPUTS: dict[str, str] = {
    "code": "inputs",
    "loop": "inputs",
    "approval": "inputs",
    "condition": "inputs",
}
"""Which tuple field holds the user-named input ports of each kind."""
