"""Validation: each kind of mistake is found and located where the person can fix it."""

from __future__ import annotations

import time

import pytest

from desktop_app.designer import (
    ApprovalNode,
    CodeNode,
    ConditionNode,
    Design,
    Edge,
    InputField,
    LoopNode,
    Parameter,
    ParametersNode,
    Port,
    Problem,
    Severity,
    validate,
    validate_node,
)
from desktop_app.designer.examples import EXAMPLES, large_design
from desktop_app.designer.syntax import clear_caches
from tests.timings import record


def errors_of(problems: list[Problem], node_id: str | None = None) -> list[Problem]:
    return [p for p in problems if p.is_error and (node_id is None or p.node_id == node_id)]


def one_node(node: CodeNode | LoopNode | ConditionNode | ApprovalNode) -> Design:
    design = Design("One")
    design.add_node(node)
    return design


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_examples_are_clean(name: str) -> None:
    assert validate(EXAMPLES[name]()) == []


def test_all_kinds_design_is_clean(all_kinds: Design) -> None:
    assert validate(all_kinds) == []


def test_syntax_error_points_at_the_typed_line_and_column() -> None:
    body = "total = 0\nfor x in range(3):\n    total += x +\nreturn total"
    node = CodeNode(title="Add up", body=body)
    problems = validate(one_node(node))
    assert problems == [Problem(node.id, "body", 3, 17, "invalid syntax", Severity.ERROR)]


def test_unclosed_bracket_and_indentation_errors() -> None:
    node = CodeNode(title="A", body="x = [1,\n     2\nreturn x")
    (problem,) = errors_of(validate(one_node(node)))
    assert (problem.line, problem.column) == (1, 5)
    assert "never closed" in problem.message or "was not closed" in problem.message
    node = CodeNode(title="B", body="if True:\nreturn 1")
    (problem,) = errors_of(validate(one_node(node)))
    assert problem.line == 2
    assert "after 'if' statement on line 1" in problem.message  # renumbered to the body


def test_body_compiles_as_a_function_body() -> None:
    assert validate(one_node(CodeNode(title="A", body="return 1"))) == []
    (problem,) = errors_of(validate(one_node(CodeNode(title="A", body="await thing()"))))
    assert "outside async function" in problem.message and problem.line == 1


def test_condition_expression_errors() -> None:
    node = ConditionNode(title="C", inputs=[], expression="value >> >")
    problems = errors_of(validate(one_node(node)))
    assert [p.field for p in problems] == ["expression"]
    assert errors_of(validate(one_node(ConditionNode(title="C", inputs=[], expression=" "))))


def test_warning_for_invalid_escape_and_long_lines() -> None:
    node = CodeNode(title="A", body='x = "\\d"\nreturn "' + "y" * 100 + '"')
    problems = validate(one_node(node))
    assert all(not p.is_error for p in problems)
    assert {p.line for p in problems} == {1, 2}


def test_duplicate_titles_are_reported_on_both_nodes() -> None:
    design = Design("D")
    a = design.add_node(CodeNode(title="Load data"))
    b = design.add_node(CodeNode(title="load-data!"))
    problems = errors_of(validate(design))
    assert {p.node_id for p in problems} == {a.id, b.id}
    assert all("'load_data'" in p.message and p.field == "title" for p in problems)
    assert len(problems) == 2


@pytest.mark.parametrize(("title", "fragment"), [
    ("", "empty"), ("***", "at least one letter"), ("class", "keyword"),
    ("List", "builtin"), ("flow", "already uses"),
])
def test_bad_titles(title: str, fragment: str) -> None:
    node = CodeNode(title=title)
    problems = errors_of(validate(one_node(node)))
    assert problems and fragment in problems[0].message
    assert problems[0].field == "title" and problems[0].node_id == node.id


def test_bad_parameter_names_and_defaults() -> None:
    params = ParametersNode(parameters=[
        Parameter("count", "int", 1), Parameter("count", "int", 2), Parameter("for", "str"),
        Parameter("2x", "str"), Parameter("n", "int", "five"), Parameter("f", "float", 1),
        Parameter("t", "tuple", None),
    ])
    problems = errors_of(validate(one_node(params)))  # type: ignore[arg-type]
    by_field = {p.field: p.message for p in problems}
    assert "used twice" in by_field["parameters[1].name"]
    assert "keyword" in by_field["parameters[2].name"]
    assert "not a valid Python name" in by_field["parameters[3].name"]
    assert "not a int" in by_field["parameters[4].default"]
    assert "parameters[5].default" not in by_field  # an int is a fine float
    assert "Unknown parameter type" in by_field["parameters[6].type"]


def test_bad_port_names() -> None:
    node = LoopNode(title="Loop", inputs=["item", "ok", "ok", "not valid"])
    problems = errors_of(validate(one_node(node)))
    messages = {p.field: p.message for p in problems if p.field and p.field.endswith(".name")}
    assert "reserved" in messages["inputs[0].name"]
    assert "used twice" in messages["inputs[2].name"]
    assert "not a valid Python name" in messages["inputs[3].name"]


def test_bad_approval_fields() -> None:
    node = ApprovalNode(title="Ask", fields=[
        InputField("metadata", "str"), InputField("_x", "str"), InputField("n", "int", default=0,
                                                                           minimum=1),
        InputField("m", "int", minimum=5, maximum=1), InputField("s", "str", minimum=1),
        InputField("b", "bool", default="yes"), InputField("k", "list"),
    ], timeout_seconds=0)
    problems = errors_of(validate(one_node(node)))
    by_field = {p.field: p.message for p in problems}
    assert "reserved" in by_field["fields[0].name"]
    assert "'_'" in by_field["fields[1].name"]
    assert "outside" in by_field["fields[2].default"]
    assert "smaller than the minimum" in by_field["fields[3].maximum"]
    assert "Only number fields" in by_field["fields[4].minimum"]
    assert "not a bool" in by_field["fields[5].default"]
    assert "Unknown field type" in by_field["fields[6].type"]
    assert "timeout" in by_field["timeout_seconds"]


def test_placeholder_without_input_is_a_warning() -> None:
    node = ApprovalNode(title="Ask", inputs=[], description="Hello\nsee {missing} {not a name}")
    problems = validate(one_node(node))
    assert [(p.severity, p.field, p.line, p.column) for p in problems] == [
        (Severity.WARNING, "description", 2, 5)]


def test_missing_input_is_reported_per_port() -> None:
    node = CodeNode(title="A", inputs=["a", "b"])
    problems = errors_of(validate(one_node(node)))
    assert [p.field for p in problems] == ["inputs.a", "inputs.b"]
    assert "Input 'a' of 'A' is not connected" in problems[0].message


def test_loop_items_fed_an_int_is_a_type_error() -> None:
    design = Design("D")
    params = design.add_node(ParametersNode(parameters=[Parameter("n", "int", 3)]))
    loop = design.add_node(LoopNode(title="Loop"))
    design.connect(params.id, "n", loop.id, "items")
    (problem,) = errors_of(validate(design))
    assert problem.node_id == loop.id and problem.field == "inputs.items"
    assert problem.message == "Input 'items' expects list but 'Parameters' gives int ('n')."


def test_int_feeds_float_and_any_feeds_anything() -> None:
    design = Design("D")
    params = design.add_node(ParametersNode(parameters=[Parameter("n", "int", 3)]))
    code = design.add_node(CodeNode(title="C", inputs=[Port("x", "float")], body="return [x]"))
    loop = design.add_node(LoopNode(title="Loop"))
    design.connect(params.id, "n", code.id, "x")
    design.connect(code.id, "result", loop.id, "items")
    assert validate(design) == []


def test_cycle_from_a_hand_edited_file_is_reported_on_its_nodes_only() -> None:
    design = Design("D")
    a, b, c = (design.add_node(CodeNode(title=t, inputs=["x"], body="return x"))
               for t in "ABC")
    tail = design.add_node(CodeNode(title="Tail", inputs=["x"], body="return x"))
    design.add_edge(Edge(a.id, "result", b.id, "x"))
    design.add_edge(Edge(b.id, "result", a.id, "x"), check=False)
    design.add_edge(Edge(b.id, "result", c.id, "x"))
    design.add_edge(Edge(c.id, "result", tail.id, "x"))
    problems = errors_of(validate(design))
    assert {p.node_id for p in problems} == {a.id, b.id}  # not c: it is only downstream
    assert all("(A → B → A)" in p.message for p in problems)


def test_node_needing_both_branches_can_never_run() -> None:
    design = Design("D")
    params = design.add_node(ParametersNode(parameters=[Parameter("v", "int", 1)]))
    check = design.add_node(ConditionNode(title="Check"))
    both = design.add_node(CodeNode(title="Both", inputs=["a", "b"], body="return a"))
    design.connect(params.id, "v", check.id, "value")
    design.connect(check.id, "true", both.id, "a")
    design.connect(check.id, "false", both.id, "b")
    (problem,) = errors_of(validate(design))
    assert problem.node_id == both.id and "can never run" in problem.message


def test_parameter_hiding_a_task_function() -> None:
    design = Design("D")
    params = design.add_node(ParametersNode(parameters=[Parameter("prepare", "int", 1)]))
    code = design.add_node(CodeNode(title="Prepare", inputs=["n"], body="return n"))
    design.connect(params.id, "prepare", code.id, "n")
    problems = errors_of(validate(design))
    assert [(p.node_id, p.field) for p in problems] == [(params.id, "parameters[0].name")]
    assert "would hide the task function of 'Prepare'" in problems[0].message


def test_second_parameters_node_and_bad_design_name() -> None:
    design = Design("if")
    design.add_node(ParametersNode())
    extra = design.add_node(ParametersNode(title="More"))
    problems = errors_of(validate(design))
    assert [(p.node_id, p.field) for p in problems] == [(None, "name"), (extra.id, None)]


def test_task_settings() -> None:
    node = CodeNode(title="A", retries=-1, retry_delay_seconds=-2, timeout_seconds=0)
    fields = {p.field for p in errors_of(validate(one_node(node)))}
    assert fields == {"retries", "retry_delay_seconds", "timeout_seconds"}


def test_body_without_return_feeding_others_warns() -> None:
    design = Design("D")
    a = design.add_node(CodeNode(title="A", body="x = 1"))
    b = design.add_node(CodeNode(title="B", inputs=["x"], body="return x"))
    design.connect(a.id, "result", b.id, "x")
    (problem,) = validate(design)
    assert problem.severity is Severity.WARNING and problem.node_id == a.id


def test_validate_node_matches_the_full_validation_for_that_node() -> None:
    design = large_design(120)
    nodes = list(design)
    design.update_node(nodes[10].id, body="return (")
    design.update_node(nodes[20].id, title=nodes[30].title)
    full = validate(design)
    for node in nodes:
        assert validate_node(design, node.id) == [p for p in full if p.node_id == node.id]


def _best_of(function, runs: int = 5) -> float:
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        timings.append(time.perf_counter() - start)
    return min(timings)


def test_300_nodes_validate_clean_cold_and_per_keystroke() -> None:
    """The timings go to the harness (`python -m tests.benchmarks suite`); here: the results."""
    design = large_design(300)
    node_id = list(design.nodes)[150]
    clear_caches()
    record("designer_validate_300", _best_of(lambda: validate(design)), budget=0.1)
    assert errors_of(validate(design)) == []
    counter = iter(range(1000))
    problems: list = []

    def keystroke() -> None:  # a new body each time: nothing cached for that node
        design.update_node(node_id, body=f"return a + b + {next(counter)}")
        problems.append(validate_node(design, node_id))

    record("designer_keystroke_300", _best_of(keystroke), budget=0.020)
    assert len(problems) == 5 and all(errors_of(p) == [] for p in problems)
    design.update_node(node_id, body="return (")  # a typo: this node, and only it, flagged
    assert {p.node_id for p in errors_of(validate_node(design, node_id))} == {node_id}
