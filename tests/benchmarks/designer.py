"""`designer`: the node editor and its model on a generated 300-node design (no anchor:
Prefect has no designer). Runs `bench_designer_view` and `bench_designer_model` as
children, each in its own fresh process."""

from __future__ import annotations

from tests.benchmarks.context import Context
from tests.benchmarks.core import Figure, run_json


def run(ctx: Context) -> list[Figure]:
    reps = str(ctx.reps(7, 3))
    view = run_json(
        ["-m", "tests.benchmarks.bench_designer_view", "--runs", reps], ctx.env(), 600
    )["samples_ms"]
    model = run_json(
        ["-m", "tests.benchmarks.bench_designer_model", "--runs", reps], ctx.env(), 600
    )["samples_ms"]
    ours = "Flowdesk designer, 300 nodes"
    return [
        Figure("designer", "ms", view["open_render_ms"], f"{ours}: open + first paint", goal=300),
        Figure("designer_paint", "ms", view["full_view_paint_ms"], f"{ours}: one full frame",
               goal=16),
        Figure("designer_keystroke", "ms", view["keystroke_validate_ms"],
               f"{ours}: keystroke → node re-validated (editor)", goal=20),
        Figure("designer_codegen", "ms", model["codegen_ms"], f"{ours}: generate()", goal=100),
        Figure("designer_validate_cold", "ms", model["validate_full_cold_ms"],
               f"{ours}: full validation, cold", goal=100),
        Figure("designer_keystroke_model", "ms", model["validate_node_keystroke_ms"],
               f"{ours}: validate_node after an edit", goal=20),
    ]
