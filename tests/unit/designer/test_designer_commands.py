"""Undo commands and the Qt-free command stack."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from desktop_app.designer import (
    AddNodeCommand,
    CodeNode,
    Command,
    ConnectCommand,
    CycleError,
    Design,
    DesignError,
    DisconnectCommand,
    Edge,
    EditCodeCommand,
    EditNodeCommand,
    InputField,
    MacroCommand,
    MoveNodesCommand,
    Parameter,
    RemoveNodeCommand,
    RenameNodeCommand,
    RenamePortCommand,
    SetDesignPropertiesCommand,
    SetFieldsCommand,
    SetInputsCommand,
    SetParametersCommand,
    SetSettingsCommand,
    reconnect_command,
    remove_nodes_command,
)
from desktop_app.designer.fileformat import dumps
from tests.unit.designer.command_stack import CommandStack


class Mirror:
    """A stand-in for the Qt scene: rebuilt from signals only, compared with the model."""

    def __init__(self, design: Design) -> None:
        self.design = design
        self.nodes = [n.id for n in design]
        self.edges = list(design.edges)
        self.positions = {n.id: (n.x, n.y) for n in design}
        design.node_added.connect(self.node_added)
        design.node_removed.connect(self.node_removed)
        design.node_changed.connect(self.node_changed)
        design.edge_added.connect(lambda edge, index: self.edges.insert(index, edge))
        design.edge_removed.connect(self.edge_removed)

    def node_added(self, node, index: int) -> None:
        self.nodes.insert(index, node.id)
        self.positions[node.id] = (node.x, node.y)

    def node_removed(self, node, index: int) -> None:
        assert self.nodes[index] == node.id
        assert not any(node.id in (e.source, e.target) for e in self.edges), "edges go first"
        del self.nodes[index]
        del self.positions[node.id]

    def node_changed(self, node, fields: tuple[str, ...]) -> None:
        if "x" in fields:
            self.positions[node.id] = (node.x, node.y)

    def edge_removed(self, edge: Edge, index: int) -> None:
        assert self.edges[index] == edge
        del self.edges[index]

    def check(self) -> None:
        assert self.nodes == list(self.design.nodes)
        assert self.edges == list(self.design.edges)
        assert self.positions == {n.id: (n.x, n.y) for n in self.design}


def exercise(design: Design, make: Callable[[], Command]) -> None:
    """do → undo → redo → undo: states match exactly and the mirror follows."""
    mirror = Mirror(design)
    before = dumps(design)
    command = make()
    command.do()
    after = dumps(design)
    assert after != before, "the command changed nothing"
    mirror.check()
    command.undo()
    assert dumps(design) == before
    mirror.check()
    command.do()
    assert dumps(design) == after
    mirror.check()
    command.undo()
    assert dumps(design) == before
    mirror.check()


def ids(design: Design) -> list[str]:
    return list(design.nodes)


def test_add_node(all_kinds: Design) -> None:
    exercise(all_kinds, lambda: AddNodeCommand(all_kinds, CodeNode(title="New"), index=2))


def test_remove_node_restores_edges_at_their_indexes(all_kinds: Design) -> None:
    loop_id = ids(all_kinds)[2]  # fed by two edges, feeding one
    exercise(all_kinds, lambda: RemoveNodeCommand(all_kinds, loop_id))


def test_remove_selection_with_edges_between_nodes(all_kinds: Design) -> None:
    exercise(all_kinds, lambda: remove_nodes_command(all_kinds, ids(all_kinds)[1:4]))


def test_move_nodes_with_and_without_old_positions(all_kinds: Design) -> None:
    first, second = ids(all_kinds)[:2]
    exercise(all_kinds, lambda: MoveNodesCommand(all_kinds, {first: (5, 6), second: (7, 8)}))
    all_kinds.move_node(first, 50, 60)  # the scene moved it live during a drag
    command = MoveNodesCommand(all_kinds, {first: (50, 60)}, old={first: (0, 0)})
    command.do()
    command.undo()
    assert (all_kinds.node(first).x, all_kinds.node(first).y) == (0, 0)


def test_connect_and_disconnect(all_kinds: Design) -> None:
    params, make = ids(all_kinds)[:2]
    edge = all_kinds.edge_into(make, "count")
    assert edge is not None
    exercise(all_kinds, lambda: DisconnectCommand(all_kinds, edge))
    all_kinds.disconnect(edge)
    exercise(all_kinds, lambda: ConnectCommand(all_kinds, params, "count", make, "count"))


def test_connect_refuses_a_cycle_and_changes_nothing(all_kinds: Design) -> None:
    make, loop = ids(all_kinds)[1:3]
    all_kinds.update_node(make, inputs=["count", "extra"])
    before = dumps(all_kinds)
    stack = CommandStack()
    with pytest.raises(CycleError):
        stack.push(ConnectCommand(all_kinds, loop, "results", make, "extra"))
    assert dumps(all_kinds) == before and len(stack) == 0


def test_reconnect_replaces_the_feeding_edge(all_kinds: Design) -> None:
    params, make = ids(all_kinds)[:2]
    all_kinds.update_node(params, parameters=[*all_kinds.node(params).parameters,
                                              Parameter("other", "int", 2)])
    exercise(all_kinds, lambda: reconnect_command(all_kinds, params, "other", make, "count"))


@pytest.mark.parametrize("make", [
    lambda d: EditCodeCommand(d, ids(d)[1], "return [1, 2]"),
    lambda d: EditCodeCommand(d, ids(d)[3], "len(values) > 1", field="expression"),
    lambda d: RenameNodeCommand(d, ids(d)[1], "Make more"),
    lambda d: SetSettingsCommand(d, ids(d)[1], retries=3, retry_delay_seconds=2,
                                 timeout_seconds=10),
    lambda d: SetSettingsCommand(d, ids(d)[6], description="New {peak}", timeout_seconds=60),
    lambda d: SetFieldsCommand(d, ids(d)[6], [InputField("ok", "bool", default=True)]),
    lambda d: SetDesignPropertiesCommand(d, name="Renamed", description="New text"),
    lambda d: RenamePortCommand(d, ids(d)[0], "count", "how_many"),
    lambda d: RenamePortCommand(d, ids(d)[2], "factor", "scale"),
])
def test_edit_commands(all_kinds: Design, make: Callable[[Design], Command]) -> None:
    exercise(all_kinds, lambda: make(all_kinds))


def test_changing_ports_drops_their_edges_and_undo_restores_them(all_kinds: Design) -> None:
    params, _, loop = ids(all_kinds)[:3]
    exercise(all_kinds, lambda: SetParametersCommand(all_kinds, params, [
        Parameter("count", "int", 4), Parameter("label", "str", "x")]))  # factor, options go
    exercise(all_kinds, lambda: SetInputsCommand(all_kinds, loop, []))
    command = SetInputsCommand(all_kinds, loop, [])
    command.do()
    assert all_kinds.edge_into(loop, "factor") is None
    assert [p.name for p in all_kinds.node(loop).input_ports()] == ["items"]


def test_failed_edit_restores_dropped_edges(all_kinds: Design) -> None:
    loop = ids(all_kinds)[2]
    before = dumps(all_kinds)
    with pytest.raises(DesignError):
        EditNodeCommand(all_kinds, loop, inputs=[], nonsense=1).do()
    assert dumps(all_kinds) == before


def test_macro_is_all_or_nothing(all_kinds: Design) -> None:
    make = ids(all_kinds)[1]
    before = dumps(all_kinds)
    macro = MacroCommand("Two things", [
        RenameNodeCommand(all_kinds, make, "Renamed"),
        ConnectCommand(all_kinds, make, "result", make, "count"),  # refused
    ])
    with pytest.raises(DesignError):
        macro.do()
    assert dumps(all_kinds) == before
    exercise(all_kinds, lambda: MacroCommand("Both", [
        RenameNodeCommand(all_kinds, make, "Renamed"),
        MoveNodesCommand(all_kinds, {make: (1, 2)})]))


def test_stack_undo_redo_clean_and_texts(all_kinds: Design) -> None:
    stack = CommandStack()
    changes: list[int] = []
    stack.changed.connect(lambda: changes.append(stack.index))
    make = ids(all_kinds)[1]
    original = dumps(all_kinds)
    assert stack.is_clean() and not stack.can_undo()
    stack.push(RenameNodeCommand(all_kinds, make, "First"))
    stack.push(MoveNodesCommand(all_kinds, {make: (9, 9)}))
    assert not stack.is_clean() and stack.undo_text() == "Move First"
    stack.set_clean()
    saved = dumps(all_kinds)
    stack.undo()
    assert stack.redo_text() == "Move First" and not stack.is_clean()
    stack.redo()
    assert stack.is_clean() and dumps(all_kinds) == saved
    stack.undo()
    stack.undo()
    assert dumps(all_kinds) == original and not stack.can_undo()
    stack.push(RenameNodeCommand(all_kinds, make, "Other"))  # drops the redo tail
    assert not stack.can_redo() and len(stack) == 1
    assert not stack.is_clean()  # the saved state is gone for good
    assert changes == [1, 2, 2, 1, 2, 1, 0, 1]
    stack.clear()
    assert stack.is_clean() and len(stack) == 0


def test_typing_merges_into_one_undo_step(all_kinds: Design) -> None:
    stack = CommandStack()
    make = ids(all_kinds)[1]
    original = all_kinds.node(make).body
    for text in ("r", "re", "ret", "return 1"):
        stack.push(EditCodeCommand(all_kinds, make, text))
    assert len(stack) == 1 and all_kinds.node(make).body == "return 1"
    stack.undo()
    assert all_kinds.node(make).body == original
    stack.redo()
    assert all_kinds.node(make).body == "return 1"
    stack.set_clean()
    stack.push(EditCodeCommand(all_kinds, make, "return 12"))  # not merged into the saved state
    assert len(stack) == 2
    stack.push(EditCodeCommand(all_kinds, ids(all_kinds)[2], "return 0"))  # another node
    assert len(stack) == 3


def test_stack_limit_drops_oldest(all_kinds: Design) -> None:
    stack = CommandStack(limit=2)
    make = ids(all_kinds)[1]
    for i in range(4):
        stack.push(MoveNodesCommand(all_kinds, {make: (i, i)}))
    assert len(stack) == 2 and stack.index == 2 and not stack.is_clean()
    stack.undo()
    stack.undo()
    assert (all_kinds.node(make).x, all_kinds.node(make).y) == (1, 1)
