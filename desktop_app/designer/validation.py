"""Everything that would stop a design from generating a working flow.

`validate(design)` checks all of it; `validate_node(design, node_id)` checks
what the editor needs after one keystroke in one node: that node's fields
plus the design-wide facts that involve it (name clashes, cycles, branch
conflicts). Both return `Problem`s sorted in node order.

Speed matters (the editor validates while typing): whole-design facts are
linear in nodes + edges, and compiling code bodies is cached by text.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

from desktop_app.designer import nodes
from desktop_app.designer.branches import branch_guards, contradictions
from desktop_app.designer.graph import Design
from desktop_app.designer.names import identifier_problem, slugify
from desktop_app.designer.problems import Problem, error, warning
from desktop_app.designer.symbols import design_symbols, name_clashes
from desktop_app.designer.syntax import body_returns_value, check_body, check_expression
from desktop_app.designer.topology import nodes_on_cycles, topological_order
from desktop_app.i18n import tr_core

RUN_INPUT_RESERVED = frozenset({
    "aload", "arespond", "asave", "asend_to", "construct", "copy", "dict", "from_orm", "json",
    "keyset_from_type", "load", "load_from_flow_run_input", "metadata", "parse_file",
    "parse_obj", "parse_raw", "receive", "respond", "save", "schema", "schema_json", "send_to",
    "subclass_from_base_model_type", "update_forward_refs", "validate", "with_initial_data",
    # Evaluated inside the generated class body, where a field would shadow them:
    "Field", "bool", "int", "float", "str",
})
"""Names an approval field may not take: attributes of prefect's `RunInput`."""

_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


def validate(design: Design) -> list[Problem]:
    """All problems of the design, design-level first, then in node order."""
    problems = _design_problems(design)
    for node in design:
        problems.extend(_node_problems(design, node))
    return _sorted(design, problems)


def validate_node(design: Design, node_id: str) -> list[Problem]:
    """Problems located on one node (what changes when that node is edited)."""
    node = design.node(node_id)
    problems = [p for p in _design_problems(design) if p.node_id == node_id]
    problems.extend(_node_problems(design, node))
    return _sorted(design, problems)


def _sorted(design: Design, problems: list[Problem]) -> list[Problem]:
    position = {node_id: i for i, node_id in enumerate(design.nodes)}

    def key(p: Problem) -> tuple[int, str, int, int]:
        return (position.get(p.node_id, -1) if p.node_id else -1, p.field or "",
                p.line or 0, p.column or 0)

    return sorted(problems, key=key)


# --------------------------------------------------------------- design level
def _design_problems(design: Design) -> list[Problem]:
    problems: list[Problem] = []
    name_problem = _title_problem(design.name, tr_core("design name"))
    if name_problem:
        problems.append(error(None, "name", name_problem))
    symbols = design_symbols(design)
    for owner, message in name_clashes(design, symbols):
        problems.append(error(owner.node_id, owner.field, message))

    parameter_nodes = [n for n in design if isinstance(n, nodes.ParametersNode)]
    for extra in parameter_nodes[1:]:
        problems.append(error(extra.id, None, (
            tr_core("Only one parameters node is allowed; move these parameters to "
                    "'{title}'.").format(title=parameter_nodes[0].title))))

    ids = list(design.nodes)
    pairs = [(e.source, e.target) for e in design.edges]
    cycles = nodes_on_cycles(ids, pairs)
    for component in cycles:
        loop = " → ".join(design.nodes[n].title for n in [*component, component[0]])
        for node_id in component:
            problems.append(error(node_id, None, (
                tr_core("'{title}' is part of a loop ({loop}); remove one of these "
                        "connections.").format(title=design.nodes[node_id].title, loop=loop))))
    if not cycles:
        guards = branch_guards(design, topological_order(ids, pairs))
        for node_id, guard in guards.items():
            for condition_id in contradictions(guard):
                problems.append(error(node_id, None, (
                    tr_core("'{title}' depends on both the true and the false branch of "
                            "'{condition}', so it can never run.").format(
                        title=design.nodes[node_id].title,
                        condition=design.nodes[condition_id].title))))
    return problems


# ----------------------------------------------------------------- node level
def _node_problems(design: Design, node: nodes.Node) -> list[Problem]:
    problems: list[Problem] = []
    if not isinstance(node, nodes.ParametersNode):
        message = _title_problem(node.title, tr_core("title"))
        if message:
            problems.append(error(node.id, "title", message))
    if isinstance(node, nodes.ParametersNode):
        problems += _parameters(node)
    if isinstance(node, nodes.TaskNode):
        problems += _task_settings(node)
        problems += _syntax(node.id, "body", check_body(node.body))
    if isinstance(node, nodes.CodeNode):
        problems += _ports(node, node.inputs, reserved=())
        if node.returns not in nodes.VALUE_TYPES:
            problems.append(error(node.id, "returns", tr_core("Unknown type '{type}'.").format(
                type=node.returns)))
        if design.outgoing(node.id) and node.body.strip() and not body_returns_value(node.body):
            problems.append(warning(node.id, "body", (
                tr_core("The body never returns a value, so the nodes it feeds get None; "
                        "add a `return`."))))
    elif isinstance(node, nodes.LoopNode):
        problems += _ports(node, node.inputs, reserved=(nodes.LoopNode.ITEMS, nodes.LoopNode.ITEM))
    elif isinstance(node, nodes.ConditionNode):
        problems += _ports(node, node.inputs, reserved=("bool",))
        problems += _syntax(node.id, "expression", check_expression(node.expression))
        if not design.outgoing(node.id):
            problems.append(warning(node.id, None, (
                tr_core("Nothing is connected to 'true' or 'false', so this condition decides "
                        "nothing. Drag from its 'true' or 'false' port to the input of the "
                        "node that should run in that case."))))
    elif isinstance(node, nodes.ApprovalNode):
        problems += _ports(node, node.inputs, reserved=())
        problems += _approval(node)
    problems += _connections(design, node)
    return problems


def _title_problem(title: str, what: str) -> str | None:
    if not title.strip():
        return tr_core("The {what} is empty.").format(what=what)
    slug = slugify(title)
    if not slug:
        return tr_core("The {what} '{title}' needs at least one letter or digit.").format(
            what=what, title=title)
    if identifier_problem(slug, any_script=True) is not None:
        return tr_core("The {what} '{title}' becomes the Python name '{slug}', which is a "
                       "keyword or too easily misread; add or change a word.").format(
            what=what, title=title, slug=slug)
    return None


def _syntax(node_id: str, field: str, issues: Iterable) -> list[Problem]:
    problems = []
    for issue in issues:
        make = error if issue.is_error else warning
        problems.append(make(node_id, field, issue.message, issue.line, issue.column))
    return problems


def _names(node_id: str, field: str, names: list[str], what: str,
           reserved: Iterable[str] = ()) -> list[Problem]:
    problems = []
    reserved = tuple(reserved)
    seen: set[str] = set()
    for i, name in enumerate(names):
        where = f"{field}[{i}].name"
        message = identifier_problem(name, what)
        if message is None and name in reserved:
            message = tr_core("The {what} '{name}' is reserved here; choose another name.").format(
                what=what, name=name)
        if message is None and name in seen:
            message = tr_core("The {what} '{name}' is used twice; names must be unique.").format(
                what=what, name=name)
        if message:
            problems.append(error(node_id, where, message))
        seen.add(name)
    return problems


def _ports(
    node: nodes.Node, ports: tuple[nodes.Port, ...], reserved: Iterable[str]
) -> list[Problem]:
    problems = _names(node.id, "inputs", [p.name for p in ports], tr_core("input name"),
                      reserved)
    for i, port in enumerate(ports):
        if port.type not in nodes.VALUE_TYPES:
            problems.append(error(node.id, f"inputs[{i}].type",
                                  tr_core("Unknown type '{type}'.").format(type=port.type)))
    return problems


def _parameters(node: nodes.ParametersNode) -> list[Problem]:
    problems = _names(node.id, "parameters", [p.name for p in node.parameters],
                      tr_core("parameter name"))
    for i, parameter in enumerate(node.parameters):
        if parameter.type not in nodes.PARAMETER_TYPES:
            problems.append(error(node.id, f"parameters[{i}].type", (
                tr_core("Unknown parameter type '{type}'; use one of {types}.").format(
                    type=parameter.type, types=", ".join(nodes.PARAMETER_TYPES)))))
        elif parameter.default is not None and not _json_value_ok(parameter, parameter.default):
            problems.append(error(node.id, f"parameters[{i}].default", (
                tr_core("The default of '{name}' is not a {type}: {value}.").format(
                    name=parameter.name, type=parameter.type, value=repr(parameter.default)))))
    return problems


def _json_value_ok(parameter: object, value: object) -> bool:
    type_name = getattr(parameter, "type", "any")
    if not nodes.value_matches(type_name, value):
        return False
    return not (isinstance(value, float) and not math.isfinite(value))


def _task_settings(node: nodes.TaskNode) -> list[Problem]:
    problems = []
    if not isinstance(node.retries, int) or isinstance(node.retries, bool) or node.retries < 0:
        problems.append(error(node.id, "retries",
                              tr_core("Retries must be a whole number, 0 or more.")))
    if not _number(node.retry_delay_seconds) or node.retry_delay_seconds < 0:
        problems.append(error(node.id, "retry_delay_seconds",
                              tr_core("The retry delay must be 0 seconds or more.")))
    if node.timeout_seconds is not None and (
        not _number(node.timeout_seconds) or node.timeout_seconds <= 0
    ):
        problems.append(error(node.id, "timeout_seconds", (
            tr_core("The timeout must be more than 0 seconds, or empty for none."))))
    return problems


def _number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(
        value)


def _approval(node: nodes.ApprovalNode) -> list[Problem]:
    problems = []
    names = [f.name for f in node.fields]
    problems += _names(node.id, "fields", names, tr_core("field name"),
                       reserved=RUN_INPUT_RESERVED)
    for i, item in enumerate(node.fields):
        if item.name.startswith("_") or item.name.startswith("model_"):
            problems.append(error(node.id, f"fields[{i}].name", (
                tr_core("A field name may not start with '_' or 'model_' ('{name}').").format(
                    name=item.name))))
        problems += _field(node.id, i, item)
    if (not isinstance(node.timeout_seconds, int) or isinstance(node.timeout_seconds, bool)
            or node.timeout_seconds <= 0):
        problems.append(error(node.id, "timeout_seconds",
                              tr_core("The timeout must be a whole number of seconds, more "
                                      "than 0.")))
    inputs = {p.name for p in node.inputs}
    for line_number, line in enumerate(node.description.splitlines(), start=1):
        for match in _PLACEHOLDER.finditer(line):
            if match[1] not in inputs:
                problems.append(warning(node.id, "description", (
                    tr_core("'{placeholder}' is not an input of this node, so it is shown as "
                            "is; add an input of that name.").format(
                        placeholder="{" + match[1] + "}")), line_number, match.start() + 1))
    return problems


def _field(node_id: str, i: int, item: nodes.InputField) -> list[Problem]:
    where = f"fields[{i}]"
    if item.type not in nodes.FIELD_TYPES:
        return [error(node_id, f"{where}.type", (
            tr_core("Unknown field type '{type}'; use one of {types}.").format(
                type=item.type, types=", ".join(nodes.FIELD_TYPES))))]
    problems = []
    numeric = item.type in ("int", "float")
    for bound in ("minimum", "maximum"):
        value = getattr(item, bound)
        if value is None:
            continue
        if not numeric:
            problems.append(error(node_id, f"{where}.{bound}",
                                  tr_core("Only number fields have a minimum or maximum.")))
        elif not _number(value):
            problems.append(error(node_id, f"{where}.{bound}",
                                  tr_core("The minimum must be a number.") if bound == "minimum"
                                  else tr_core("The maximum must be a number.")))
    if (numeric and _number(item.minimum) and _number(item.maximum)
            and item.minimum > item.maximum):  # type: ignore[operator]
        problems.append(error(node_id, f"{where}.maximum",
                              tr_core("The maximum is smaller than the minimum.")))
    if item.default is not None:
        if not _json_value_ok(item, item.default):
            problems.append(error(node_id, f"{where}.default",
                                  tr_core("The default is not a {type}: {value}.").format(
                                      type=item.type, value=repr(item.default))))
        elif numeric and (
            (_number(item.minimum) and item.default < item.minimum)  # type: ignore[operator]
            or (_number(item.maximum) and item.default > item.maximum)  # type: ignore[operator]
        ):
            problems.append(error(node_id, f"{where}.default",
                                  tr_core("The default is outside the minimum/maximum range.")))
        if item.required:
            problems.append(warning(node_id, f"{where}.default", (
                tr_core("A required field has no default: this default is ignored."))))
    return problems


def _connections(design: Design, node: nodes.Node) -> list[Problem]:
    problems = []
    for port in node.input_ports():
        edge = design.edge_into(node.id, port.name)
        if edge is None:
            problems.append(error(node.id, f"inputs.{port.name}", (
                tr_core("Input '{port}' of '{node}' is not connected: drag from an output "
                        "port (right side of a node) onto this input, or remove the "
                        "input.").format(port=port.name, node=node.title))))
            continue
        source = design.nodes[edge.source]
        source_port = source.output_port(edge.source_port)
        if source_port is not None and not nodes.types_compatible(source_port.type, port.type):
            problems.append(error(node.id, f"inputs.{port.name}", (
                tr_core("Input '{port}' expects {type} but '{source}' gives {given} "
                        "('{output}').").format(port=port.name, type=port.type,
                                                source=source.title, given=source_port.type,
                                                output=edge.source_port))))
    return problems
