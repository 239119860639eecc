"""Undoable edits of a design, as plain objects with `do()` and `undo()`.

Every change the editor makes goes through one of these, so undo/redo is
exact and the model stays the single source of truth (commands touch only the
`Design`; the scene follows its signals). They know nothing of any stack: the
Qt adapter in `desktop_app.ui` wraps each in a `QUndoCommand` (`redo` → `do`,
`mergeWith` → `merge_with`); the tests run them through a Qt-free stack of
the same semantics (tests/unit/designer/command_stack.py).

Each command records what it needs for `undo` when it is first *done*, not
when it is built, so it can be created ahead of time and stays correct after
any number of undo/redo rounds.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from typing import Any

from desktop_app.designer.graph import Design, Edge, RemovedNode
from desktop_app.designer.nodes import InputField, Node, Parameter, Port
from desktop_app.i18n import tr_core


class Command:
    """Base class: `text` is what an Undo menu shows ("Undo Move 3 nodes")."""

    text: str = ""

    def do(self) -> None:
        raise NotImplementedError

    def undo(self) -> None:
        raise NotImplementedError

    def merge_key(self) -> Hashable | None:
        """Commands with the same non-None key may merge (typing into one code editor)."""
        return None

    def merge_with(self, other: Command) -> bool:
        """Absorb `other` (already done) into this one; True if merged."""
        return False

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.text!r}>"


class AddNodeCommand(Command):
    def __init__(self, design: Design, node: Node, index: int | None = None) -> None:
        self.design, self.node, self.index = design, node, index
        self.text = tr_core("Add {node}").format(node=node.title)

    def do(self) -> None:
        self.design.add_node(self.node, self.index)

    def undo(self) -> None:
        self.design.remove_node(self.node.id)


class RemoveNodeCommand(Command):
    """Remove a node with its edges; undo puts all back at their old indexes."""

    def __init__(self, design: Design, node_id: str) -> None:
        self.design, self.node_id = design, node_id
        self.text = tr_core("Delete {node}").format(node=design.node(node_id).title)
        self._removed: RemovedNode | None = None

    def do(self) -> None:
        self._removed = self.design.remove_node(self.node_id)

    def undo(self) -> None:
        assert self._removed is not None, "undo before do"
        self.design.restore_node(self._removed)


class MoveNodesCommand(Command):
    """Move nodes to new positions (one command for a whole drag).

    The scene usually moves items live while dragging and pushes this on
    release; pass the positions from before the drag as `old`, since the
    model may already hold the new ones.
    """

    def __init__(self, design: Design, new: Mapping[str, tuple[float, float]],
                 old: Mapping[str, tuple[float, float]] | None = None) -> None:
        self.design = design
        self.new = dict(new)
        self.old = dict(old) if old is not None else None
        count = len(self.new)
        self.text = tr_core("Move {count} nodes").format(count=count) if count != 1 else (
            tr_core("Move {node}").format(node=design.node(next(iter(self.new))).title))

    def do(self) -> None:
        if self.old is None:
            self.old = {n: (self.design.node(n).x, self.design.node(n).y) for n in self.new}
        for node_id, (x, y) in self.new.items():
            self.design.move_node(node_id, x, y)

    def undo(self) -> None:
        assert self.old is not None, "undo before do"
        for node_id, (x, y) in self.old.items():
            self.design.move_node(node_id, x, y)


class ConnectCommand(Command):
    """Add an edge; raises `ConnectionRefused`/`CycleError` from `do` if not allowed."""

    def __init__(self, design: Design, source: str, source_port: str, target: str,
                 target_port: str) -> None:
        self.design = design
        self.edge = Edge(source, source_port, target, target_port)
        self.text = tr_core("Connect {source} → {target}").format(
            source=design.node(source).title, target=design.node(target).title)

    def do(self) -> None:
        self.design.add_edge(self.edge)

    def undo(self) -> None:
        self.design.disconnect(self.edge)


class DisconnectCommand(Command):
    def __init__(self, design: Design, edge: Edge) -> None:
        self.design, self.edge = design, edge
        self.text = tr_core("Disconnect {source} → {target}").format(
            source=design.node(edge.source).title, target=design.node(edge.target).title)
        self._index: int | None = None

    def do(self) -> None:
        self._index = self.design.disconnect(self.edge)

    def undo(self) -> None:
        self.design.add_edge(self.edge, self._index, check=False)


class EditNodeCommand(Command):
    """Set any fields of a node; edges on ports that vanish are removed and restored.

    The generic command behind the named ones below. With `mergeable=True`,
    consecutive edits of the same fields of the same node merge into one
    undo step (typing in the code editor).
    """

    def __init__(self, design: Design, node_id: str, text: str | None = None, *,
                 mergeable: bool = False, **changes: Any) -> None:
        self.design, self.node_id, self.changes = design, node_id, changes
        self.mergeable = mergeable
        self.text = text or tr_core("Edit {node}").format(node=design.node(node_id).title)
        self._old: dict[str, Any] | None = None
        self._dropped: list[tuple[int, Edge]] = []

    def do(self) -> None:
        lost = self.design.edges_lost_by(self.node_id, **self.changes)
        self._dropped = [(self.design.disconnect(edge), edge) for edge in lost]
        try:
            old = self.design.update_node(self.node_id, **self.changes)
        except Exception:
            self._restore_edges()
            raise
        if self._old is None:
            self._old = old

    def undo(self) -> None:
        assert self._old is not None, "undo before do"
        self.design.update_node(self.node_id, **self._old)
        self._restore_edges()

    def _restore_edges(self) -> None:
        for index, edge in reversed(self._dropped):
            self.design.add_edge(edge, index, check=False)
        self._dropped = []

    def merge_key(self) -> Hashable | None:
        if not self.mergeable:
            return None
        return (id(self.design), self.node_id, type(self).__name__, frozenset(self.changes))

    def merge_with(self, other: Command) -> bool:
        if (not isinstance(other, EditNodeCommand) or other.merge_key() != self.merge_key()
                or self.merge_key() is None or self._dropped or other._dropped):
            return False
        self.changes = dict(other.changes)
        return True


class EditCodeCommand(EditNodeCommand):
    """Replace a code/loop body (or a condition's expression); typing merges."""

    def __init__(self, design: Design, node_id: str, code: str, field: str = "body") -> None:
        super().__init__(design, node_id, f"Edit code of {design.node(node_id).title}",
                         mergeable=True, **{field: code})


class RenameNodeCommand(EditNodeCommand):
    def __init__(self, design: Design, node_id: str, title: str) -> None:
        old = design.node(node_id).title
        text = tr_core("Rename {old} to {new}").format(old=old, new=title)
        super().__init__(design, node_id, text, title=title)


class SetParametersCommand(EditNodeCommand):
    """Replace a parameters node's parameter list (edges of removed ones go too)."""

    def __init__(self, design: Design, node_id: str, parameters: Iterable[Parameter]) -> None:
        super().__init__(design, node_id, "Change parameters", parameters=tuple(parameters))


class SetInputsCommand(EditNodeCommand):
    """Replace a node's named input ports (edges of removed ports go too)."""

    def __init__(self, design: Design, node_id: str, inputs: Iterable[Port | str]) -> None:
        super().__init__(design, node_id, f"Change inputs of {design.node(node_id).title}",
                         inputs=tuple(inputs))


class SetFieldsCommand(EditNodeCommand):
    """Replace an approval node's input fields."""

    def __init__(self, design: Design, node_id: str, fields: Iterable[InputField]) -> None:
        super().__init__(design, node_id, f"Change fields of {design.node(node_id).title}",
                         fields=tuple(fields))


class SetSettingsCommand(EditNodeCommand):
    """Change settings (retries, retry delay, timeouts, description, return type...)."""

    def __init__(self, design: Design, node_id: str, **settings: Any) -> None:
        super().__init__(design, node_id, f"Change settings of {design.node(node_id).title}",
                         **settings)


class RenamePortCommand(Command):
    """Rename a parameter or named input; its edges follow the new name."""

    def __init__(self, design: Design, node_id: str, old: str, new: str) -> None:
        self.design, self.node_id, self.old, self.new = design, node_id, old, new
        self.text = tr_core("Rename {old} to {new}").format(old=old, new=new)

    def do(self) -> None:
        self.design.rename_port(self.node_id, self.old, self.new)

    def undo(self) -> None:
        self.design.rename_port(self.node_id, self.new, self.old)


class SetDesignPropertiesCommand(Command):
    """Change the design's name and/or description."""

    def __init__(self, design: Design, *, name: str | None = None,
                 description: str | None = None) -> None:
        self.design = design
        self.changes = {k: v for k, v in (("name", name), ("description", description))
                        if v is not None}
        self.text = (tr_core("Rename design") if "name" in self.changes
                     else tr_core("Edit description"))
        self._old: dict[str, str] | None = None

    def do(self) -> None:
        old = self.design.set_properties(**self.changes)
        if self._old is None:
            self._old = old

    def undo(self) -> None:
        assert self._old is not None, "undo before do"
        self.design.set_properties(**self._old)


class MacroCommand(Command):
    """Several commands as one undo step; all or nothing.

    If a child fails in `do`, the children already done are undone before
    the error propagates, so the design is left as it was.
    """

    def __init__(self, text: str, commands: Sequence[Command]) -> None:
        self.text = text
        self.commands = list(commands)

    def do(self) -> None:
        done: list[Command] = []
        try:
            for command in self.commands:
                command.do()
                done.append(command)
        except Exception:
            for command in reversed(done):
                command.undo()
            raise

    def undo(self) -> None:
        for command in reversed(self.commands):
            command.undo()


def remove_nodes_command(design: Design, node_ids: Iterable[str]) -> MacroCommand:
    """Delete a selection: one undo step, edges between the nodes restored too."""
    ids = list(node_ids)
    commands = [RemoveNodeCommand(design, node_id) for node_id in ids]
    text = commands[0].text if len(commands) == 1 else tr_core("Delete {count} nodes").format(
        count=len(commands))
    return MacroCommand(text, commands)


def reconnect_command(design: Design, source: str, source_port: str, target: str,
                      target_port: str) -> Command:
    """Connect, first replacing whatever fed that input (drop onto a used port)."""
    existing = design.edge_into(target, target_port)
    connect = ConnectCommand(design, source, source_port, target, target_port)
    if existing is None:
        return connect
    return MacroCommand(connect.text, [DisconnectCommand(design, existing), connect])
