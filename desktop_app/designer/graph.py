"""The design: nodes, edges and the signals that announce every change.

`Design` is the single place where the graph is mutated. Each mutation keeps
the indexes consistent and emits a signal afterwards, so a Qt scene can mirror
the model without ever writing to it (the orange-canvas-core pattern: the view
observes, undo commands touch only the model).

Structural rules are enforced here, at the moment of the edit: an input port
is fed by at most one edge, edges name existing ports, and no edge may close a
cycle. Everything softer (names, types, syntax) is left to `validation`, since
a half-typed design is a normal state while editing.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from desktop_app.designer.names import first_free
from desktop_app.designer.nodes import RENAMABLE_INPUTS, Node, ParametersNode, new_id
from desktop_app.designer.observers import Signal
from desktop_app.designer.topology import reaches


class DesignError(Exception):
    """An edit the model refuses; the message is written for the person editing."""


class UnknownNodeError(DesignError, KeyError):
    """No node with that id in this design."""

    def __str__(self) -> str:  # KeyError would repr() the message
        return str(self.args[0]) if self.args else "Unknown node."


class ConnectionRefused(DesignError):
    """An edge that cannot be added; `reason` says why, in a sentence."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class CycleError(ConnectionRefused):
    """The edge would make the graph loop back on itself."""


@dataclass(frozen=True)
class Edge:
    """(source node, output port) → (target node, input port).

    A value object: an input port is fed at most once, so the target pair
    alone identifies an edge, and equality by value is what undo needs.
    """

    source: str
    source_port: str
    target: str
    target_port: str


@dataclass(frozen=True)
class RemovedNode:
    """What `Design.remove_node` took away, with indexes, so undo can put it back."""

    node: Node
    index: int
    edges: tuple[tuple[int, Edge], ...]
    """(index in the edge list at removal time, edge), in removal order."""


class Design:
    """A flow design: a named, ordered set of nodes and the edges between them.

    Signals (all emitted *after* the change):

    - `node_added(node, index)`, `node_removed(node, index)`
    - `node_changed(node, field_names)`: a tuple of the fields that changed;
      a move reports `("x", "y")`
    - `edge_added(edge, index)`, `edge_removed(edge, index)`
    - `design_changed(field_names)`: name or description
    """

    def __init__(
        self, name: str = "Untitled design", description: str = "", *, id: str | None = None
    ) -> None:
        self.id = id or new_id()
        self.name = name
        self.description = description
        self._nodes: dict[str, Node] = {}
        self._edges: list[Edge] = []
        self._fed_by: dict[tuple[str, str], Edge] = {}
        self._outgoing: dict[str, list[Edge]] = {}
        self._incoming: dict[str, list[Edge]] = {}
        self.node_added = Signal("node_added")
        self.node_removed = Signal("node_removed")
        self.node_changed = Signal("node_changed")
        self.edge_added = Signal("edge_added")
        self.edge_removed = Signal("edge_removed")
        self.design_changed = Signal("design_changed")

    # ----------------------------------------------------------------- reading
    @property
    def nodes(self) -> Mapping[str, Node]:
        """id → node in insertion order; a read-only live view."""
        return MappingProxyType(self._nodes)

    @property
    def edges(self) -> tuple[Edge, ...]:
        return tuple(self._edges)

    def node(self, node_id: str) -> Node:
        try:
            return self._nodes[node_id]
        except KeyError:
            raise UnknownNodeError(f"No node with id {node_id} in this design.") from None

    def __contains__(self, node_id: object) -> bool:
        return node_id in self._nodes

    def __iter__(self) -> Iterator[Node]:
        return iter(self._nodes.values())

    def __len__(self) -> int:
        return len(self._nodes)

    def incoming(self, node_id: str) -> tuple[Edge, ...]:
        """Edges feeding the node, in the order they were added."""
        return tuple(self._incoming.get(node_id, ()))

    def outgoing(self, node_id: str) -> tuple[Edge, ...]:
        """Edges leaving the node, in the order they were added."""
        return tuple(self._outgoing.get(node_id, ()))

    def edge_into(self, node_id: str, port: str) -> Edge | None:
        """The edge feeding input `port` of the node, if any."""
        return self._fed_by.get((node_id, port))

    def parameters_node(self) -> ParametersNode | None:
        """The first parameters node (validation reports any second one)."""
        return next((n for n in self._nodes.values() if isinstance(n, ParametersNode)), None)

    def unique_title(self, base: str) -> str:
        """`base`, or `base 2`, `base 3`... whichever no node uses yet (for new nodes)."""
        return first_free(base, {n.title for n in self._nodes.values()}, " ")

    # ------------------------------------------------------------ design props
    def set_properties(self, **changes: str) -> dict[str, str]:
        """Change `name` and/or `description`; returns the old values."""
        unknown = set(changes) - {"name", "description"}
        if unknown:
            raise DesignError(f"A design has no property {', '.join(sorted(unknown))}.")
        old = {key: getattr(self, key) for key in changes}
        for key, value in changes.items():
            if not isinstance(value, str):
                raise DesignError(f"The design {key} must be text.")
            setattr(self, key, value)
        self.design_changed.emit(tuple(changes))
        return old

    # ------------------------------------------------------------------- nodes
    def add_node(self, node: Node, index: int | None = None) -> Node:
        """Insert `node` at `index` (default: last); its id must be new here."""
        if node.id in self._nodes:
            raise DesignError(f"A node with id {node.id} is already in this design.")
        if index is None or index >= len(self._nodes):
            index = len(self._nodes)
            self._nodes[node.id] = node
        else:
            items = list(self._nodes.items())
            items.insert(max(index, 0), (node.id, node))
            self._nodes.clear()  # in place: `nodes` views handed out stay live
            self._nodes.update(items)
        self._outgoing[node.id] = []
        self._incoming[node.id] = []
        self.node_added.emit(node, index)
        return node

    def remove_node(self, node_id: str) -> RemovedNode:
        """Remove a node and its edges (each announced first); returns what to restore."""
        node = self.node(node_id)
        removed_edges = []
        for edge in self._incoming[node_id] + self._outgoing[node_id]:
            if edge in self._edges:  # a self edge is in both lists
                removed_edges.append((self.disconnect(edge), edge))
        index = list(self._nodes).index(node_id)
        del self._nodes[node_id]
        del self._outgoing[node_id]
        del self._incoming[node_id]
        self.node_removed.emit(node, index)
        return RemovedNode(node, index, tuple(removed_edges))

    def restore_node(self, removed: RemovedNode) -> None:
        """Undo `remove_node`: the node and its edges, each at its old index."""
        self.add_node(removed.node, removed.index)
        for index, edge in reversed(removed.edges):
            self.add_edge(edge, index, check=False)

    def update_node(self, node_id: str, **changes: Any) -> dict[str, Any]:
        """Set fields of a node; returns the old values (for undo).

        Refused if the change would leave an edge on a port that no longer
        exists: disconnect first (`commands.EditNodeCommand` does that for
        you, undoably).
        """
        node = self.node(node_id)
        candidate = self._candidate(node, changes)
        orphans = self._orphaned_edges(node, candidate)
        if orphans:
            ports = ", ".join(sorted({_port_of(node_id, e) for e in orphans}))
            raise DesignError(
                f"Port {ports} of '{node.title}' is still connected; disconnect it first."
            )
        old = {name: getattr(node, name) for name in changes}
        for name in changes:
            setattr(node, name, getattr(candidate, name))
        self.node_changed.emit(node, tuple(changes))
        return old

    def edges_lost_by(self, node_id: str, **changes: Any) -> list[Edge]:
        """The edges `update_node(node_id, **changes)` would orphan (ports that vanish)."""
        node = self.node(node_id)
        return self._orphaned_edges(node, self._candidate(node, changes))

    @staticmethod
    def _candidate(node: Node, changes: dict[str, Any]) -> Node:
        """A copy of `node` with `changes` applied (and coerced); `node` is left alone."""
        allowed = node.editable_fields()
        unknown = [name for name in changes if name not in allowed]
        if unknown:
            raise DesignError(f"A {node.kind} node has no field {', '.join(unknown)}.")
        try:
            return dataclasses.replace(node, **changes)
        except (TypeError, ValueError) as exc:
            raise DesignError(f"Invalid value for {', '.join(changes)}: {exc}") from exc

    def _orphaned_edges(self, node: Node, candidate: Node) -> list[Edge]:
        inputs = {p.name for p in candidate.input_ports()}
        outputs = {p.name for p in candidate.output_ports()}
        lost = [e for e in self._incoming[node.id] if e.target_port not in inputs]
        lost += [e for e in self._outgoing[node.id] if e.source_port not in outputs]
        return lost

    def move_node(self, node_id: str, x: float, y: float) -> tuple[float, float]:
        """Move a node; returns its old position."""
        node = self.node(node_id)
        old = (node.x, node.y)
        node.x, node.y = float(x), float(y)
        self.node_changed.emit(node, ("x", "y"))
        return old

    def rename_port(self, node_id: str, old: str, new: str) -> None:
        """Rename a user-named port and carry its edges along.

        For a parameters node the port is a parameter (an output); for the
        other kinds it is one of the node's named inputs. Fixed ports (`items`,
        `result`, ...) cannot be renamed.
        """
        node = self.node(node_id)
        if old == new:
            return
        if isinstance(node, ParametersNode):
            names = [p.name for p in node.parameters]
            field_name, outgoing = "parameters", True
        elif node.kind in RENAMABLE_INPUTS:
            field_name, outgoing = RENAMABLE_INPUTS[node.kind], False
            names = [p.name for p in getattr(node, field_name)]
        else:  # pragma: no cover - every kind is covered above
            raise DesignError(f"A {node.kind} node has no renamable ports.")
        if old not in names:
            raise DesignError(f"'{node.title}' has no port '{old}' that can be renamed.")
        taken = {p.name for p in (node.output_ports() if outgoing else node.input_ports())}
        if new in taken:
            raise DesignError(f"'{node.title}' already has a port named '{new}'.")
        items = tuple(
            dataclasses.replace(item, name=new) if item.name == old else item
            for item in getattr(node, field_name)
        )
        if outgoing:
            moved = [e for e in self._outgoing[node_id] if e.source_port == old]
        else:
            moved = [e for e in self._incoming[node_id] if e.target_port == old]
        positions = [(self.disconnect(e), e) for e in moved]
        setattr(node, field_name, items)
        self.node_changed.emit(node, (field_name,))
        for index, edge in reversed(positions):
            if outgoing:
                renamed = dataclasses.replace(edge, source_port=new)
            else:
                renamed = dataclasses.replace(edge, target_port=new)
            self.add_edge(renamed, index, check=False)

    # ------------------------------------------------------------------- edges
    def can_connect(
        self, source: str, source_port: str, target: str, target_port: str
    ) -> tuple[bool, str]:
        """Whether `connect` would accept this edge, and if not, why (for drag feedback).

        Type hints are *not* checked here: a mismatch is reported by
        validation, because the person may be about to change the type.
        """
        reason = self._refusal(Edge(source, source_port, target, target_port))
        return (reason is None, reason[1] if reason else "")

    def connect(self, source: str, source_port: str, target: str, target_port: str) -> Edge:
        """Add an edge after all structural checks; raises `ConnectionRefused`/`CycleError`."""
        edge = Edge(source, source_port, target, target_port)
        self.add_edge(edge)
        return edge

    def add_edge(self, edge: Edge, index: int | None = None, *, check: bool = True) -> int:
        """Insert `edge` at `index` (default: last); returns the index.

        `check=False` skips only the cycle test (for undo, which restores a
        state that was valid, and for loading a hand-edited file whose cycle
        validation should report rather than the loader refuse). Ports and
        the one-edge-per-input rule are always enforced.
        """
        refusal = self._refusal(edge, check_cycle=check)
        if refusal is not None:
            exc_type, reason = refusal
            raise exc_type(reason)
        if index is None or index >= len(self._edges):
            index = len(self._edges)
        index = max(index, 0)
        self._edges.insert(index, edge)
        self._fed_by[(edge.target, edge.target_port)] = edge
        self._outgoing[edge.source].append(edge)
        self._incoming[edge.target].append(edge)
        self.edge_added.emit(edge, index)
        return index

    def disconnect(self, edge: Edge) -> int:
        """Remove an edge; returns the index it had (for undo)."""
        try:
            index = self._edges.index(edge)
        except ValueError:
            raise DesignError("That connection is not in this design.") from None
        del self._edges[index]
        del self._fed_by[(edge.target, edge.target_port)]
        self._outgoing[edge.source].remove(edge)
        self._incoming[edge.target].remove(edge)
        self.edge_removed.emit(edge, index)
        return index

    def _refusal(
        self, edge: Edge, *, check_cycle: bool = True
    ) -> tuple[type[ConnectionRefused], str] | None:
        source = self._nodes.get(edge.source)
        target = self._nodes.get(edge.target)
        if source is None or target is None:
            return ConnectionRefused, "One end of the connection is not in this design."
        if source.output_port(edge.source_port) is None:
            return ConnectionRefused, f"'{source.title}' has no output '{edge.source_port}'."
        if target.input_port(edge.target_port) is None:
            return ConnectionRefused, f"'{target.title}' has no input '{edge.target_port}'."
        existing = self._fed_by.get((edge.target, edge.target_port))
        if existing is not None:
            feeder = self._nodes[existing.source].title
            return ConnectionRefused, (
                f"Input '{edge.target_port}' of '{target.title}' is already fed by "
                f"'{feeder}'; disconnect that first."
            )
        if not check_cycle:
            return None
        if edge.source == edge.target:
            return CycleError, f"'{source.title}' cannot feed itself."
        if reaches(edge.target, edge.source, self._successors):
            return CycleError, (
                f"'{source.title}' already depends on '{target.title}'; "
                "this connection would make a loop."
            )
        return None

    def _successors(self, node_id: str) -> Iterable[str]:
        return (e.target for e in self._outgoing.get(node_id, ()))

    def __repr__(self) -> str:
        return f"<Design {self.name!r} {len(self._nodes)} nodes, {len(self._edges)} edges>"


def _port_of(node_id: str, edge: Edge) -> str:
    return f"'{edge.target_port}'" if edge.target == node_id else f"'{edge.source_port}'"

