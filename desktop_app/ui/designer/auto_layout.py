"""Tidy a messy graph: columns by topological depth, rows ordered to uncross wires.

Sugiyama-style, in its simplest useful form: each node goes to the column of
its longest path from a source (so every wire points right), then a few
barycenter sweeps order each column by the average row of its neighbours,
which removes most crossings. Qt-free: positions in, positions out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from desktop_app.designer.topology import topological_order

COLUMN_GAP = 100.0
ROW_GAP = 40.0
GRID = 20.0
SWEEPS = 4


def layered_layout(
    node_ids: Sequence[str],
    pairs: Sequence[tuple[str, str]],
    sizes: Mapping[str, tuple[float, float]],
    origin: tuple[float, float] = (0.0, 0.0),
    current: Mapping[str, tuple[float, float]] | None = None,
) -> dict[str, tuple[float, float]]:
    """node id → (x, y) top-left, snapped to the grid.

    `current` positions (if given) seed the order within a column, so a
    layout of an almost tidy graph keeps what the person arranged.
    """
    ids = list(node_ids)
    if not ids:
        return {}
    known = set(ids)
    edges = [(s, t) for s, t in pairs if s in known and t in known and s != t]
    order = topological_order(ids, edges)
    order += [n for n in ids if n not in set(order)]  # on a cycle: keep them, left
    preds: dict[str, list[str]] = {n: [] for n in ids}
    succs: dict[str, list[str]] = {n: [] for n in ids}
    for source, target in edges:
        preds[target].append(source)
        succs[source].append(target)
    depth: dict[str, int] = {}
    for node_id in order:
        depth[node_id] = max((depth[p] + 1 for p in preds[node_id] if p in depth), default=0)
    columns: list[list[str]] = [[] for _ in range(max(depth.values()) + 1)]
    position = {n: i for i, n in enumerate(ids)}

    def seed(node_id: str) -> tuple[float, int]:
        if current and node_id in current:
            return (current[node_id][1], position[node_id])
        return (float(position[node_id]), position[node_id])

    for node_id in sorted(ids, key=seed):
        columns[depth[node_id]].append(node_id)

    def rows() -> dict[str, float]:
        return {n: float(i) for column in columns for i, n in enumerate(column)}

    for sweep in range(SWEEPS):
        downward = sweep % 2 == 0
        sequence = range(1, len(columns)) if downward else range(len(columns) - 2, -1, -1)
        for index in sequence:
            row = rows()
            neighbours = preds if downward else succs

            def barycenter(node_id: str, row=row, neighbours=neighbours) -> float:
                linked = [row[n] for n in neighbours[node_id]]
                return sum(linked) / len(linked) if linked else row[node_id]

            columns[index].sort(key=barycenter)

    result: dict[str, tuple[float, float]] = {}
    heights = [sum(sizes[n][1] for n in column) + ROW_GAP * (len(column) - 1)
               for column in columns]
    tallest = max(heights)
    x = origin[0]
    for column, height in zip(columns, heights, strict=True):
        width = max(sizes[n][0] for n in column)
        y = origin[1] + (tallest - height) / 2
        for node_id in column:
            result[node_id] = (_snap(x), _snap(y))
            y += sizes[node_id][1] + ROW_GAP
        x += width + COLUMN_GAP
    return result


def _snap(value: float) -> float:
    return round(value / GRID) * GRID
