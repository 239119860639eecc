"""Every Python name the generated module will define, decided in one place.

Code generation uses these names; validation checks them for clashes (two
nodes slugging to the same function, a parameter hiding a task, ...). Having
one source means a design that validates cleanly always generates a module
whose names do not collide.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from desktop_app.designer.graph import Design
from desktop_app.designer.names import BUILTIN_NAMES, pascal_case, slugify
from desktop_app.designer.nodes import (
    ApprovalNode,
    CodeNode,
    ConditionNode,
    LoopNode,
    Parameter,
    ParametersNode,
)
from desktop_app.i18n import tr_core

IMPORTED_NAMES = ("flow", "task", "checkpoint", "pause_here", "RunInput", "Field", "re")
HELPER_NAMES = ("DESIGN_ID", "_fill", "_tags")
OUTPUTS_NAME = "outputs"
"""Flow-local dict collecting the values of nodes nothing else consumes."""

INLINE_DEFAULT_LIMIT = 40
"""A parameter default longer than this (as Python text) becomes a module constant."""


@dataclass(frozen=True)
class Owner:
    """Who wants a generated name: a node field, or the design itself (node_id None)."""

    node_id: str | None
    field: str | None
    role: str


@dataclass
class Symbols:
    """Names of one design's generated module."""

    module_name: str
    flow_function: str
    flow_name: str
    function: dict[str, str] = field(default_factory=dict)
    """node id → task function (code node, loop per-item body, condition test)."""
    loop_helper: dict[str, str] = field(default_factory=dict)
    input_class: dict[str, str] = field(default_factory=dict)
    description_constant: dict[str, str] = field(default_factory=dict)
    output: dict[str, str] = field(default_factory=dict)
    """node id → flow-local variable holding the node's output."""
    parameter_default: dict[str, str] = field(default_factory=dict)
    """parameter name → module constant holding its default (long or mutable ones)."""
    module_owners: dict[str, list[Owner]] = field(default_factory=lambda: defaultdict(list))
    local_owners: dict[str, list[Owner]] = field(default_factory=lambda: defaultdict(list))


def default_needs_constant(parameter: Parameter) -> bool:
    """Lists and dicts (mutable) and long values get a named module constant."""
    if parameter.default is None:
        return False
    return isinstance(parameter.default, (list, dict)) or (
        len(repr(parameter.default)) > INLINE_DEFAULT_LIMIT
    )


def _digest(text: str) -> str:
    import hashlib

    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


def design_symbols(design: Design) -> Symbols:
    """Compute every generated name of `design` (does not check for clashes)."""
    function = slugify(design.name)
    # The module's file name stays ASCII whatever the title: it travels through
    # archives, entrypoints and file systems that may not all be UTF-8.
    module_name = function if function.isascii() else "design_" + _digest(function)
    symbols = Symbols(
        module_name=module_name or "design",
        flow_function=function,
        flow_name=function.replace("_", "-"),
    )
    module, local = symbols.module_owners, symbols.local_owners
    for name in IMPORTED_NAMES + HELPER_NAMES:
        module[name].append(Owner(None, None, "Flowdesk's generated code"))
    local[OUTPUTS_NAME].append(Owner(None, None, "Flowdesk's generated code"))
    module[function].append(Owner(None, "name", "the flow function"))
    for node in design:
        slug = slugify(node.title)
        if isinstance(node, ParametersNode):
            for i, parameter in enumerate(node.parameters):
                where = f"parameters[{i}].name"
                local[parameter.name].append(Owner(node.id, where, "flow parameter"))
                if default_needs_constant(parameter):
                    constant = f"{parameter.name.upper()}_DEFAULT"
                    symbols.parameter_default[parameter.name] = constant
                    module[constant].append(Owner(node.id, where, "parameter default"))
            continue
        title = Owner(node.id, "title", "")
        if isinstance(node, (CodeNode, LoopNode, ConditionNode)):
            symbols.function[node.id] = slug
            module[slug].append(_role(title, "task function"))
        if isinstance(node, CodeNode):
            symbols.output[node.id] = f"{slug}_result"
        elif isinstance(node, LoopNode):
            symbols.loop_helper[node.id] = f"_loop_{slug}"
            module[f"_loop_{slug}"].append(_role(title, "loop helper"))
            symbols.output[node.id] = f"{slug}_results"
        elif isinstance(node, ConditionNode):
            symbols.output[node.id] = f"{slug}_passed"
        elif isinstance(node, ApprovalNode):
            symbols.output[node.id] = f"{slug}_values"
            if node.fields:
                name = pascal_case(slug) + "Input"
                symbols.input_class[node.id] = name
                module[name].append(_role(title, "input class"))
            if node.description:
                name = f"{slug.upper()}_DESCRIPTION"
                symbols.description_constant[node.id] = name
                module[name].append(_role(title, "description constant"))
        if node.id in symbols.output:
            local[symbols.output[node.id]].append(_role(title, "output variable"))
    return symbols


def _role(owner: Owner, role: str) -> Owner:
    return Owner(owner.node_id, owner.field, role)


def _role_words(role: str) -> str:
    """A role in the current language (roles are kept in English in `Owner`)."""
    words = {
        "Flowdesk's generated code": tr_core("Flowdesk's generated code"),
        "the flow function": tr_core("the flow function"),
        "flow parameter": tr_core("flow parameter"),
        "parameter default": tr_core("parameter default"),
        "task function": tr_core("task function"),
        "loop helper": tr_core("loop helper"),
        "input class": tr_core("input class"),
        "description constant": tr_core("description constant"),
        "output variable": tr_core("output variable"),
    }
    return words.get(role, role)


def _describe(owner: Owner, design: Design) -> str:
    if owner.node_id is None:
        return tr_core("the design name") if owner.field == "name" else _role_words(owner.role)
    node = design.nodes.get(owner.node_id)
    if node is None:
        return tr_core("the {role} of a node").format(role=_role_words(owner.role))
    return tr_core("the {role} of '{title}'").format(role=_role_words(owner.role),
                                                     title=node.title)


def name_clashes(design: Design, symbols: Symbols) -> list[tuple[Owner, str]]:
    """(owner to blame, message) for every generated name that would collide.

    A clash is reported on each owner that a person can change (nodes and the
    design), never on Flowdesk's own reserved names; and only once per owner:
    two equal titles also give equal variable names, but the fix is the same.
    """
    reported: set[tuple[str | None, str | None]] = set()
    unique = []
    for owner, message in _all_clashes(design, symbols):
        if (owner.node_id, owner.field) not in reported:
            reported.add((owner.node_id, owner.field))
            unique.append((owner, message))
    return unique


def _all_clashes(design: Design, symbols: Symbols) -> list[tuple[Owner, str]]:
    found: list[tuple[Owner, str]] = []
    for name, owners in symbols.module_owners.items():
        if not name:  # an empty slug is reported as a bad title instead
            continue
        if name in BUILTIN_NAMES and any(o.field is not None for o in owners):
            for owner in owners:
                found.append((owner, tr_core("'{name}' would hide Python's builtin '{name}'; "
                                             "choose another title.").format(name=name)))
        if len(owners) > 1:
            found += _clash(name, owners, design)
    for name, owners in symbols.local_owners.items():
        if not name:
            continue
        if len(owners) > 1:
            found += _clash(name, owners, design)
        hidden = symbols.module_owners.get(name)
        if hidden:
            for owner in owners:
                if owner.field is None:
                    continue
                found.append((owner, tr_core(
                    "'{name}' ({owner}) would hide {hidden} in the generated flow; rename one "
                    "of them.").format(name=name, owner=_describe(owner, design),
                                       hidden=_describe(hidden[0], design))))
    return found


def _clash(name: str, owners: list[Owner], design: Design) -> list[tuple[Owner, str]]:
    result = []
    for owner in owners:
        if owner.field is None:
            continue
        others = [o for o in owners if o is not owner]
        if owner.field == "title" and all(o.field == "title" for o in others):
            titles = tr_core(" and ").join(
                f"'{design.nodes[o.node_id].title}'" for o in (owner, *others) if o.node_id)
            result.append((owner, tr_core("The titles {titles} both become the Python name "
                                          "'{name}'; make them differ.").format(
                titles=titles, name=name)))
            continue
        if any(o.field is None for o in others):
            result.append((owner, tr_core("'{name}' ({owner}) is a name the generated module "
                                          "already uses; choose another.").format(
                name=name, owner=_describe(owner, design))))
            continue
        listed = ", ".join(_describe(o, design) for o in others)
        result.append((owner, tr_core("'{name}' ({owner}) is also {others}; names in the "
                                      "generated module must be unique.").format(
            name=name, owner=_describe(owner, design), others=listed)))
    return result
