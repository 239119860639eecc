"""Benchmark of the designer model on a generated 300-node design; prints JSON.

Run on demand: `python tests/benchmarks/bench_designer_model.py [--nodes N] [--runs R]`.
Each figure is the median of R runs (default 7), in milliseconds, next to the
budget the editor needs (one keystroke must revalidate a node in <= 20 ms;
code generation of a whole design in <= 100 ms).
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from itertools import count
from pathlib import Path

from desktop_app.designer import generate, load, save, validate, validate_node
from desktop_app.designer.examples import large_design
from desktop_app.designer.syntax import clear_caches

SAMPLES_MS: list[list[float]] = []
"""Every repetition of each figure, in the order measured (the harness reports min/max)."""


def median_ms(function: Callable[[], object], runs: int) -> float:
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        timings.append(time.perf_counter() - start)
    SAMPLES_MS.append([round(t * 1000, 3) for t in timings])
    return round(statistics.median(timings) * 1000, 3)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=300)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)

    design = large_design(args.nodes)
    node_id = list(design.nodes)[len(design) // 2]
    keystrokes = count()

    def cold_validation() -> None:
        clear_caches()  # every body compiled again: a freshly opened design
        validate(design)

    def keystroke() -> None:  # a new body text each time, as when typing
        design.update_node(node_id, body=f"return a + b + {next(keystrokes)}")
        validate_node(design, node_id)

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "large.flowdesk.json"
        figures = {
            "codegen_ms": median_ms(lambda: generate(design), args.runs),
            "validate_full_cold_ms": median_ms(cold_validation, args.runs),
            "validate_full_warm_ms": median_ms(lambda: validate(design), args.runs),
            "validate_node_keystroke_ms": median_ms(keystroke, args.runs),
            "save_load_ms": median_ms(lambda: load(save(design, path)), args.runs),
        }
        file_bytes = path.stat().st_size
    print(json.dumps({
        "benchmark": "designer_model",
        "nodes": len(design),
        "edges": len(design.edges),
        "runs": args.runs,
        "statistic": "median",
        "file_bytes": file_bytes,
        "generated_lines": generate(design).count("\n"),
        "budgets_ms": {"codegen_ms": 100, "validate_node_keystroke_ms": 20},
        **figures,
        "samples_ms": dict(zip(figures, SAMPLES_MS, strict=True)),
        "python": platform.python_version(),
        "machine": platform.machine(),
    }, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
