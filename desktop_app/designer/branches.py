"""Which condition outcomes each node depends on.

A node downstream of a condition's `true` output runs only when that
condition held, and so does everything downstream of it. We record, per node,
the set of (condition id, outcome) pairs it needs: code generation nests the
node's call in matching `if`/`else` blocks, and validation reports a node
that needs both outcomes of one condition (it could never run).
"""

from __future__ import annotations

from collections.abc import Sequence

from desktop_app.designer.graph import Design
from desktop_app.designer.nodes import ConditionNode

Guard = tuple[tuple[str, bool], ...]
"""(condition node id, required outcome) pairs, outermost condition first."""


def branch_guards(design: Design, order: Sequence[str]) -> dict[str, Guard]:
    """Guard of every node in `order` (a topological order of the design)."""
    position = {node_id: i for i, node_id in enumerate(order)}
    guards: dict[str, Guard] = {}
    for node_id in order:
        needs: set[tuple[str, bool]] = set()
        for edge in design.incoming(node_id):
            needs.update(guards.get(edge.source, ()))
            if isinstance(design.nodes[edge.source], ConditionNode):
                needs.add((edge.source, edge.source_port == ConditionNode.TRUE))
        guards[node_id] = tuple(
            sorted(needs, key=lambda need: (position.get(need[0], -1), not need[1]))
        )
    return guards


def contradictions(guard: Guard) -> list[str]:
    """Conditions whose true *and* false outcome the guard requires."""
    outcomes: dict[str, set[bool]] = {}
    for condition_id, outcome in guard:
        outcomes.setdefault(condition_id, set()).add(outcome)
    return [condition_id for condition_id, seen in outcomes.items() if len(seen) == 2]
