"""The graph model: nodes, ports, edges, structural rules and change signals."""

from __future__ import annotations

import ast
import itertools
import uuid
from pathlib import Path

import pytest

from desktop_app.designer import (
    ApprovalNode,
    CodeNode,
    ConditionNode,
    ConnectionRefused,
    CycleError,
    Design,
    DesignError,
    Edge,
    LoopNode,
    Parameter,
    ParametersNode,
    Port,
    Signal,
    UnknownNodeError,
)
from desktop_app.designer.names import identifier_problem, slugify


def chain(n: int = 3) -> tuple[Design, list[CodeNode]]:
    design = Design("Chain")
    nodes = [design.add_node(CodeNode(title=f"Step {i}", inputs=["x"], body="return x"))
             for i in range(n)]
    for a, b in itertools.pairwise(nodes):
        design.connect(a.id, "result", b.id, "x")
    return design, nodes


def test_ids_are_uuid4_strings_and_unique() -> None:
    nodes = [CodeNode(title="A") for _ in range(50)]
    assert len({n.id for n in nodes}) == 50
    assert all(uuid.UUID(n.id).version == 4 for n in nodes)
    assert uuid.UUID(Design().id).version == 4


def test_ports_of_each_kind() -> None:
    params = ParametersNode(parameters=[Parameter("n", "int", 1), Parameter("s", "str")])
    assert params.output_ports() == (Port("n", "int"), Port("s", "str"))
    assert params.input_ports() == ()
    code = CodeNode(title="C", inputs=["a", Port("b", "list")], returns="dict")
    assert code.input_ports() == (Port("a"), Port("b", "list"))
    assert code.output_ports() == (Port("result", "dict"),)
    loop = LoopNode(title="L", inputs=["k"])
    assert [p.name for p in loop.input_ports()] == ["items", "k"]
    assert loop.input_port("items") == Port("items", "list")
    assert loop.output_ports() == (Port("results", "list"),)
    approval = ApprovalNode(inputs=["x"])
    assert approval.output_ports() == (Port("values", "dict"),)
    condition = ConditionNode(inputs=[Port("v", "int")])
    assert condition.output_ports() == (Port("true", "int"), Port("false", "int"))


def test_positions_are_floats() -> None:
    node = CodeNode(title="A", x=3, y=4)
    assert (node.x, node.y) == (3.0, 4.0) and isinstance(node.x, float)


def test_add_and_remove_emit_signals_with_indexes() -> None:
    design = Design()
    events: list[tuple] = []
    design.node_added.connect(lambda node, index: events.append(("add", node.title, index)))
    design.node_removed.connect(lambda node, index: events.append(("rm", node.title, index)))
    design.edge_removed.connect(lambda edge, index: events.append(("rm-edge", index)))
    a = design.add_node(CodeNode(title="A"))
    c = design.add_node(CodeNode(title="C", inputs=["x"]))
    b = design.add_node(CodeNode(title="B"), index=1)
    assert [n.title for n in design] == ["A", "B", "C"]
    design.connect(a.id, "result", c.id, "x")
    removed = design.remove_node(a.id)
    assert events == [("add", "A", 0), ("add", "C", 1), ("add", "B", 1),
                      ("rm-edge", 0), ("rm", "A", 0)]
    assert removed.index == 0 and removed.edges == ((0, Edge(a.id, "result", c.id, "x")),)
    design.restore_node(removed)
    assert list(design.nodes) == [a.id, b.id, c.id]
    assert design.edges == (Edge(a.id, "result", c.id, "x"),)


def test_duplicate_node_id_refused() -> None:
    design = Design()
    node = design.add_node(CodeNode(title="A"))
    with pytest.raises(DesignError, match="already"):
        design.add_node(node)


def test_unknown_node_error_is_readable() -> None:
    with pytest.raises(UnknownNodeError, match="No node with id nope"):
        Design().node("nope")


def test_connect_checks_ports_and_single_feed() -> None:
    design, (a, b, c) = chain()
    with pytest.raises(ConnectionRefused, match="no output 'nope'"):
        design.connect(a.id, "nope", c.id, "x")
    with pytest.raises(ConnectionRefused, match="no input 'nope'"):
        design.connect(a.id, "result", c.id, "nope")
    ok, reason = design.can_connect(a.id, "result", c.id, "x")
    assert not ok and "already fed by 'Step 1'" in reason
    assert design.edge_into(c.id, "x") == Edge(b.id, "result", c.id, "x")


def test_cycle_is_refused_with_a_reason_and_nothing_changes() -> None:
    design, (a, _, c) = chain()
    a_with_input = design.add_node(CodeNode(title="Head", inputs=["y"]))
    design.connect(a_with_input.id, "result", a.id, "x")
    before = design.edges
    ok, reason = design.can_connect(c.id, "result", a_with_input.id, "y")
    assert not ok
    assert reason == "'Step 2' already depends on 'Head'; this connection would make a loop."
    with pytest.raises(CycleError) as caught:
        design.connect(c.id, "result", a_with_input.id, "y")
    assert caught.value.reason == reason
    assert isinstance(caught.value, ConnectionRefused)
    assert design.edges == before


def test_self_connection_is_a_cycle() -> None:
    design = Design()
    node = design.add_node(CodeNode(title="A", inputs=["x"]))
    with pytest.raises(CycleError, match="cannot feed itself"):
        design.connect(node.id, "result", node.id, "x")


def test_can_connect_allows_type_mismatch_for_validation_to_report() -> None:
    design = Design()
    params = design.add_node(ParametersNode(parameters=[Parameter("n", "int", 1)]))
    loop = design.add_node(LoopNode(title="L"))
    assert design.can_connect(params.id, "n", loop.id, "items") == (True, "")


def test_update_node_emits_and_refuses_orphaning_edges() -> None:
    design, (a, b, _) = chain()
    changes: list[tuple] = []
    design.node_changed.connect(lambda node, fields: changes.append((node.title, fields)))
    old = design.update_node(b.id, body="return x + 1", retries=2)
    assert old == {"body": "return x", "retries": 0}
    assert changes == [("Step 1", ("body", "retries"))]
    with pytest.raises(DesignError, match="still connected"):
        design.update_node(b.id, inputs=["y"])
    assert b.inputs == (Port("x"),)
    assert design.edges_lost_by(b.id, inputs=["y"]) == [Edge(a.id, "result", b.id, "x")]
    with pytest.raises(DesignError, match="no field"):
        design.update_node(b.id, nonsense=1)


def test_move_node_reports_x_and_y() -> None:
    design = Design()
    node = design.add_node(CodeNode(title="A"))
    seen = []
    design.node_changed.connect(lambda n, fields: seen.append(fields))
    assert design.move_node(node.id, 10, 20.5) == (0.0, 0.0)
    assert (node.x, node.y) == (10.0, 20.5) and seen == [("x", "y")]


def test_rename_port_carries_edges_for_parameters_and_inputs() -> None:
    design = Design()
    params = design.add_node(ParametersNode(parameters=[Parameter("n", "int", 1)]))
    code = design.add_node(CodeNode(title="C", inputs=["a", "b"]))
    design.connect(params.id, "n", code.id, "b")
    design.rename_port(params.id, "n", "count")
    assert params.parameters[0].name == "count"
    assert design.edges == (Edge(params.id, "count", code.id, "b"),)
    design.rename_port(code.id, "b", "total")
    assert [p.name for p in code.inputs] == ["a", "total"]
    assert design.edges == (Edge(params.id, "count", code.id, "total"),)
    with pytest.raises(DesignError, match="already has a port"):
        design.rename_port(code.id, "a", "total")
    with pytest.raises(DesignError, match="no port 'items'"):
        design.rename_port(design.add_node(LoopNode(title="L")).id, "items", "things")


def test_design_properties_signal() -> None:
    design = Design("A")
    seen = []
    design.design_changed.connect(seen.append)
    assert design.set_properties(name="B") == {"name": "A"}
    assert design.name == "B" and seen == [("name",)]
    with pytest.raises(DesignError):
        design.set_properties(colour="red")


def test_unique_title() -> None:
    design = Design()
    design.add_node(CodeNode(title="Code"))
    design.add_node(CodeNode(title="Code 2"))
    assert design.unique_title("Code") == "Code 3"
    assert design.unique_title("Loop") == "Loop"


def test_nodes_view_is_live_and_read_only() -> None:
    design = Design()
    view = design.nodes
    node = design.add_node(CodeNode(title="A"))
    first = design.add_node(CodeNode(title="B"), index=0)
    assert list(view) == [first.id, node.id]
    with pytest.raises(TypeError):
        view["x"] = node  # type: ignore[index]


def test_signal_connect_disconnect_and_copy_on_emit() -> None:
    signal = Signal("s")
    seen = []

    def first(value: int) -> None:
        seen.append(("first", value))
        signal.disconnect(first)

    signal.connect(first)
    signal.connect(lambda value: seen.append(("second", value)))
    signal.emit(1)
    signal.emit(2)
    assert seen == [("first", 1), ("second", 1), ("second", 2)]
    signal.disconnect(first)  # twice is harmless
    assert len(signal) == 1


@pytest.mark.parametrize(("title", "slug"), [
    ("Load CSV (v2)", "load_csv_v2"), ("  spaced  out ", "spaced_out"), ("2nd pass", "n_2nd_pass"),
    ("Ünïcode", "n_code"), ("!!!", ""),
    ("x" * 50, "x" * 32),
])
def test_slugify(title: str, slug: str) -> None:
    assert slugify(title) == slug
    if slug:
        assert slug.isidentifier()


def test_identifier_problem_messages() -> None:
    assert identifier_problem("count") is None
    assert "keyword" in (identifier_problem("class") or "")
    assert "not a valid Python name" in (identifier_problem("2x") or "")
    assert "longer than 32" in (identifier_problem("a" * 33) or "")
    assert "misread" in (identifier_problem("l") or "")


def test_designer_package_imports_no_qt_core_or_prefect() -> None:
    """Static check of the import-linter contract, plus: the model does not need Prefect."""
    package = Path(__file__).resolve().parents[3] / "desktop_app" / "designer"
    forbidden = ("PySide6", "qasync", "desktop_app.ui", "desktop_app.core", "prefect")
    for path in package.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                if name == "desktop_app.core.config.atomic":
                    continue  # the one atomic writer: a stdlib-only leaf, no Prefect, no Qt
                assert not name.startswith(forbidden), f"{path.name} imports {name}"
