"""Graph algorithms over node ids and (source, target) pairs.

Kept apart from `Design` so validation, code generation and the connect-time
cycle check share one implementation, and so they can be tested on bare data.
All are iterative: a 300-node chain must not hit Python's recursion limit.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable, Sequence


def successors_map(
    node_ids: Iterable[str], pairs: Iterable[tuple[str, str]]
) -> dict[str, list[str]]:
    """node id → ids it feeds (duplicates kept: two edges between a pair are two edges)."""
    succ: dict[str, list[str]] = {node_id: [] for node_id in node_ids}
    for source, target in pairs:
        if source in succ and target in succ:
            succ[source].append(target)
    return succ


def reaches(start: str, goal: str, successors: Callable[[str], Iterable[str]]) -> bool:
    """Whether `goal` can be reached from `start` following `successors`."""
    if start == goal:
        return True
    seen = {start}
    stack = [start]
    while stack:
        for nxt in successors(stack.pop()):
            if nxt == goal:
                return True
            if nxt not in seen:
                seen.add(nxt)
                stack.append(nxt)
    return False


def topological_order(node_ids: Sequence[str], pairs: Iterable[tuple[str, str]]) -> list[str]:
    """Kahn's algorithm; ties broken by position in `node_ids` (insertion order).

    The stable tie-break keeps generated code in the order people added nodes,
    so a small edit gives a small diff. Nodes on or behind a cycle are left
    out; callers compare lengths to detect that.
    """
    position = {node_id: i for i, node_id in enumerate(node_ids)}
    succ = successors_map(node_ids, pairs)
    indegree = dict.fromkeys(node_ids, 0)
    for targets in succ.values():
        for target in targets:
            indegree[target] += 1
    ready = [position[n] for n in node_ids if indegree[n] == 0]
    heapq.heapify(ready)
    order: list[str] = []
    while ready:
        node_id = node_ids[heapq.heappop(ready)]
        order.append(node_id)
        for target in succ[node_id]:
            indegree[target] -= 1
            if indegree[target] == 0:
                heapq.heappush(ready, position[target])
    return order


def nodes_on_cycles(node_ids: Sequence[str], pairs: Iterable[tuple[str, str]]) -> list[list[str]]:
    """The cycles of the graph as strongly connected components (Tarjan, iterative).

    Only components that really loop are returned (size > 1 or a self edge),
    each in `node_ids` order, so a message can name exactly the nodes that
    form the loop and not everything downstream of it.
    """
    succ = successors_map(node_ids, pairs)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    components: list[list[str]] = []
    order = {n: i for i, n in enumerate(node_ids)}
    counter = 0
    for root in node_ids:
        if root in index:
            continue
        work = [(root, iter(succ[root]))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            advanced = False
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(succ[child])))
                    advanced = True
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            if advanced:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1 or node in succ[node]:
                    components.append(sorted(component, key=order.__getitem__))
    return components
