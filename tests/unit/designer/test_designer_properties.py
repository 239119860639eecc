"""Property tests: random valid DAG designs generate code that compiles, files round-trip,
and any sequence of commands undoes back to where it started."""

from __future__ import annotations

import ast

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from desktop_app.designer import (
    ApprovalNode,
    CodeNode,
    ConditionNode,
    Design,
    InputField,
    LoopNode,
    Parameter,
    ParametersNode,
    Port,
    generate,
    node_tag,
    validate,
)
from desktop_app.designer.commands import (
    AddNodeCommand,
    EditCodeCommand,
    MoveNodesCommand,
    RemoveNodeCommand,
    RenameNodeCommand,
    reconnect_command,
)
from desktop_app.designer.fileformat import dumps, loads
from desktop_app.designer.names import slugify
from desktop_app.designer.pysource import width
from desktop_app.designer.topology import topological_order
from tests.unit.designer.command_stack import CommandStack

SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

free_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=24)
VALUES = {
    "str": free_text, "int": st.integers(-10**6, 10**6),
    "float": st.floats(allow_nan=False, allow_infinity=False, width=32),
    "bool": st.booleans(), "list": st.lists(st.integers(0, 9), max_size=30),
    "dict": st.dictionaries(st.text("abc", max_size=5), st.integers(), max_size=4),
}
BODIES = [
    "return {args}",
    "values = [{args}]\nreturn values",
    'text = """multi\n  line {{x}}"""\nreturn (text, {args})',
    "if True:\n    return {args}\nreturn None",
]


@st.composite
def dag_designs(draw: st.DrawFn) -> Design:
    """A random acyclic design using every node kind, built only through the model API."""
    design = Design("Design " + draw(free_text), draw(free_text))
    outputs: list[tuple[str, str, str]] = []  # (node id, port, type)
    guards: dict[str, frozenset[tuple[str, bool]]] = {}
    types = draw(st.lists(st.sampled_from(sorted(VALUES)), max_size=4))
    if types or draw(st.booleans()):
        params = design.add_node(ParametersNode(parameters=[
            Parameter(f"p{i}", kind, draw(st.none() | VALUES[kind]))
            for i, kind in enumerate(types)]))
        outputs += [(params.id, f"p{i}", kind) for i, kind in enumerate(types)]
        guards[params.id] = frozenset()
    for i in range(draw(st.integers(1, 10))):
        kind = draw(st.sampled_from(["code", "code", "loop", "condition", "approval"]))
        title = f"N{i} {draw(free_text)}"
        guard: set[tuple[str, bool]] = set()

        def pick(wanted: str = "any", guard: set = guard) -> tuple[str, str] | None:
            usable = []
            for node_id, port, type_name in outputs:
                extra = guards[node_id] | (
                    {(node_id, port == "true")} if port in ("true", "false") else set())
                if any((c, not o) in guard | extra for c, o in guard | extra):
                    continue
                if wanted == "any" or type_name in ("any", wanted):
                    usable.append((node_id, port, extra))
            if not usable:
                return None
            node_id, port, extra = draw(st.sampled_from(usable))
            guard.update(extra)
            return node_id, port

        feeds: dict[str, tuple[str, str]] = {}
        names = [f"in_{j}" for j in range(draw(st.integers(0, 3)))]
        for name in names:
            source = pick()
            if source is None:
                break
            feeds[name] = source
        names = list(feeds)
        args = ", ".join(names) or "None"
        if kind == "loop":
            items = pick("list")
            if items is None:
                kind = "code"
            else:
                feeds["items"] = items
        if kind == "code":
            node = CodeNode(title=title, inputs=names,
                            body=draw(st.sampled_from(BODIES)).format(args=args))
        elif kind == "loop":
            node = LoopNode(title=title, inputs=names, body=f"return (item, {args})",
                            retries=draw(st.integers(0, 2)))
        elif kind == "condition":
            node = ConditionNode(title=title, inputs=[Port(n) for n in names],
                                 expression=f"bool([{args}])")
        else:
            node = ApprovalNode(
                title=title, inputs=names, description=draw(free_text) + "".join(
                    f" {{{n}}}" for n in names),
                fields=[InputField(f"f{j}", t, draw(free_text), default=draw(VALUES[t]))
                        for j, t in enumerate(draw(st.lists(
                            st.sampled_from(["bool", "int", "float", "str"]), max_size=3)))])
        design.add_node(node)
        guards[node.id] = frozenset(guard)
        for port, (source, source_port) in feeds.items():
            design.connect(source, source_port, node.id, port)
        for port in node.output_ports():
            outputs.append((node.id, port.name, port.type))
    return design


@SETTINGS
@given(dag_designs())
def test_random_valid_dags_generate_code_that_compiles(design: Design) -> None:
    errors = [p for p in validate(design) if p.is_error]
    assume(not errors)
    source = generate(design)
    tree = ast.parse(source)
    compile(tree, "generated", "exec")
    too_long = [line for line in source.splitlines() if width(line) > 100]
    assert too_long == []
    for node in design:
        if isinstance(node, (CodeNode, LoopNode, ConditionNode)):
            assert source.count(f'tags=["{node_tag(node.id)}"]') == 1
        if isinstance(node, ApprovalNode):
            assert source.count(f'key="{node.id}"') == 1


@SETTINGS
@given(dag_designs())
def test_random_designs_round_trip_byte_for_byte(design: Design) -> None:
    text = dumps(design)
    again = loads(text)
    assert dumps(again) == text
    assert validate(again) == validate(design)


@SETTINGS
@given(dag_designs(), st.data())
def test_any_command_sequence_undoes_to_the_start(design: Design, data: st.DataObject) -> None:
    original = dumps(design)
    stack = CommandStack()
    for step in range(data.draw(st.integers(1, 12))):
        node_ids = list(design.nodes)
        action = data.draw(st.sampled_from(["add", "remove", "move", "rename", "code",
                                            "connect"]))
        if action == "add" or not node_ids:
            stack.push(AddNodeCommand(design, CodeNode(title=f"Added {step}", inputs=["x"]),
                                      index=data.draw(st.integers(0, len(node_ids)))))
            continue
        node_id = data.draw(st.sampled_from(node_ids))
        if action == "remove":
            stack.push(RemoveNodeCommand(design, node_id))
        elif action == "move":
            stack.push(MoveNodesCommand(design, {node_id: (step * 10.0, -step * 1.5)}))
        elif action == "rename":
            stack.push(RenameNodeCommand(design, node_id, f"Renamed {step}"))
        elif action == "code" and isinstance(design.node(node_id), CodeNode):
            stack.push(EditCodeCommand(design, node_id, f"return {step}"))
        elif action == "connect":
            target = design.node(node_id)
            source_id = data.draw(st.sampled_from(node_ids))
            ports = target.input_ports()
            outs = design.node(source_id).output_ports()
            if ports and outs:
                port = data.draw(st.sampled_from(ports)).name
                out = data.draw(st.sampled_from(outs)).name
                ok, _ = design.can_connect(source_id, out, node_id, port)
                if ok or design.edge_into(node_id, port) is not None:
                    try:
                        stack.push(reconnect_command(design, source_id, out, node_id, port))
                    except Exception:  # a refused reconnect must leave no trace
                        pass
    while stack.can_undo():
        stack.undo()
    assert dumps(design) == original


# ------------------------------------------------- generated code vs the graph
def _function(params: list[str], body: str):
    """The body as a function, built from its AST: exact, and independent of codegen."""
    statements = ast.parse(body).body or [ast.Pass()]
    function = ast.parse(f"def f({', '.join(params)}): pass").body[0]
    assert isinstance(function, ast.FunctionDef)
    function.body = statements
    namespace: dict = {}
    exec(compile(ast.fix_missing_locations(ast.Module([function], [])), "body", "exec"),
         namespace)
    return namespace["f"]


def reference_run(design: Design, arguments: dict) -> tuple[str, object]:
    """Evaluate the graph directly, without code generation: what the flow must return."""
    ids = list(design.nodes)
    order = topological_order(ids, [(e.source, e.target) for e in design.edges])
    values: dict[tuple[str, str], object] = {}
    outcome: dict[str, bool] = {}
    outputs: dict[str, object] = {}
    ran: set[str] = set()
    for node_id in order:
        node = design.nodes[node_id]
        if isinstance(node, ParametersNode):
            for parameter in node.parameters:
                values[(node_id, parameter.name)] = arguments[parameter.name]
            ran.add(node_id)
            continue
        incoming = design.incoming(node_id)
        if not all(e.source in ran and (e.source not in outcome or outcome[e.source] == (
                e.source_port == "true")) for e in incoming):
            continue  # on a branch not taken
        args = {e.target_port: values[(e.source, e.source_port)] for e in incoming}
        if isinstance(node, CodeNode):
            result = _function(list(args), node.body)(**args)
        elif isinstance(node, LoopNode):
            items = args.pop("items")
            if not isinstance(items, list):
                return ("error", "TypeError")
            body = _function(["item", *args], node.body)
            result = [body(item, **args) for item in items]
        elif isinstance(node, ConditionNode):
            result = bool(eval(node.expression, {}, dict(args)))
            outcome[node_id] = result
            carried = args[node.inputs[0].name] if node.inputs else None
            values[(node_id, "true")] = values[(node_id, "false")] = carried
        else:
            assert isinstance(node, ApprovalNode)
            result = {f.name: f.default for f in node.fields}
        for port in node.output_ports():
            values.setdefault((node_id, port.name), result)
        ran.add(node_id)
        if not design.outgoing(node_id):
            outputs[slugify(node.title)] = result
    return ("ok", outputs)


def generated_run(design: Design, arguments: dict) -> tuple[str, object]:
    from prefect import Flow, Task

    namespace: dict = {"__name__": "flowdesk_generated_property"}
    exec(compile(generate(design), "generated", "exec"), namespace)
    for name, value in list(namespace.items()):
        if isinstance(value, Task):
            namespace[name] = value.fn
    namespace["checkpoint"] = lambda label=None: False

    def pause_here(description, *, wait_for_input=None, timeout, key):
        if wait_for_input is None:
            return None
        defaults = {n: f.default for n, f in wait_for_input.model_fields.items()}
        return wait_for_input(**defaults)

    namespace["pause_here"] = pause_here
    flow = next(v for v in namespace.values() if isinstance(v, Flow))
    try:
        return ("ok", flow.fn(**arguments))
    except TypeError as exc:
        assert "needs a list on its 'items' input" in str(exc), exc
        return ("error", "TypeError")


@SETTINGS
@given(dag_designs(), st.data())
def test_generated_flow_computes_what_the_graph_says(design: Design,
                                                     data: st.DataObject) -> None:
    assume(not [p for p in validate(design) if p.is_error])
    params = design.parameters_node()
    arguments = {p.name: data.draw(VALUES[p.type]) if p.default is None else p.default
                 for p in (params.parameters if params else ())}
    assert generated_run(design, arguments) == reference_run(design, arguments)
