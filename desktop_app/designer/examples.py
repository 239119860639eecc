"""The example designs shipped in `flows/designs/`, built with the model API.

Building them in code (rather than hand-writing JSON) guarantees they are
valid files of the current schema; node ids are derived from fixed names
(UUID5), so regenerating gives byte-identical files and clean diffs.
A test checks the files on disk match; after a schema change, run
`python -m desktop_app.designer.examples` to rewrite them.
"""

from __future__ import annotations

import sys
import uuid
from collections.abc import Callable
from pathlib import Path

from desktop_app.designer import nodes
from desktop_app.designer.fileformat import FILE_SUFFIX, save
from desktop_app.designer.graph import Design

_NAMESPACE = uuid.UUID("5b1f7d0e-8c1a-4d5e-9a37-0f6c2b9e4a10")


# The longer node bodies, written as a person types them in the code editor.
_VALIDATE_BODY = '''\
if not records:
    raise ValueError("No records to validate: run the flow with count 1 or more.")
bad = [r for r in records if not isinstance(r.get("value"), int) or r["value"] < 0]
if bad:
    raise ValueError(
        f"{len(bad)} record(s) have a missing or negative value, e.g. {bad[0]}"
    )
total = sum(r["value"] for r in records)
print(f"{len(records)} records are valid; total value {total}")
return {"records": len(records), "total": total}
'''

_SUMMARISE_BODY = '''\
note = review["note"] or "no note"
if not review["approve"]:
    print(f"Not approved ({note}); nothing summarised.")
    return {"approved": False, "items": len(results), "note": note}
size = review["batch_size"]
batches = [results[i : i + size] for i in range(0, len(results), size)]
print(f"Approved ({note}): {len(results)} items in {len(batches)} batches.")
return {
    "approved": True,
    "items": len(results),
    "total": sum(results),
    "batch_totals": [sum(batch) for batch in batches],
    "note": note,
}
'''


def _id(design: str, key: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, f"{design}/{key}"))


def _start(name: str, description: str, *parameters: nodes.Parameter) -> tuple[Design, nodes.Node]:
    """A design with ids stable across rebuilds, and its parameters node at the origin."""
    design = Design(name, description, id=_id(name, "design"))
    params = design.add_node(nodes.ParametersNode(
        id=_id(name, "parameters"), x=0, y=0, parameters=list(parameters)))
    return design, params


def basic_pipeline() -> Design:
    """parameters → prepare → process → validate: the seed ETL as a design."""
    name = "Basic pipeline"
    design, params = _start(name, (
        "Builds `count` records, doubles their values and checks the result. "
        "Run it with count 0 to see a validation failure."),
        nodes.Parameter("count", "int", 5))
    prepare = design.add_node(nodes.CodeNode(
        id=_id(name, "prepare"), title="Prepare", x=260, y=0,
        inputs=[nodes.Port("count", "int")], returns="list",
        body=(
            "if count < 0:\n"
            '    raise ValueError(f"count must be 0 or more, got {count}")\n'
            'return [{"id": i, "value": i} for i in range(1, count + 1)]\n'
        )))
    process = design.add_node(nodes.CodeNode(
        id=_id(name, "process"), title="Process", x=520, y=0,
        inputs=[nodes.Port("records", "list")], returns="list", retries=2, retry_delay_seconds=1,
        body='return [{**record, "value": record["value"] * 2} for record in records]\n'))
    check = design.add_node(nodes.CodeNode(
        id=_id(name, "validate"), title="Validate", x=780, y=0,
        inputs=[nodes.Port("records", "list")], returns="dict",
        body=_VALIDATE_BODY))
    design.connect(params.id, "count", prepare.id, "count")
    design.connect(prepare.id, "result", process.id, "records")
    design.connect(process.id, "result", check.id, "records")
    return design


def pausable_loop() -> Design:
    """A loop that can be paused between items, then an approval with typed input."""
    name = "Pausable loop"
    design, params = _start(name, (
        "Processes a list item by item (pause it from the app between any two items), "
        "then waits for a person to approve the results before summarising them."),
        nodes.Parameter("items_count", "int", 10),
        nodes.Parameter("seconds_per_item", "float", 0.5))
    make = design.add_node(nodes.CodeNode(
        id=_id(name, "make"), title="Make items", x=260, y=0,
        inputs=[nodes.Port("items_count", "int")], returns="list",
        body="return list(range(1, items_count + 1))\n"))
    loop = design.add_node(nodes.LoopNode(
        id=_id(name, "loop"), title="Process items", x=520, y=0,
        inputs=[nodes.Port("seconds_per_item", "float")],
        body="import time\n\ntime.sleep(seconds_per_item)\nreturn item * item\n"))
    review = design.add_node(nodes.ApprovalNode(
        id=_id(name, "review"), title="Review batch", x=780, y=0,
        inputs=[nodes.Port("results", "list")],
        description=(
            "## Review the batch\n\n"
            "The loop produced: {results}\n\n"
            "Approve to summarise them in batches of the size you choose."),
        fields=[
            nodes.InputField("approve", "bool", "Approve", default=False),
            nodes.InputField("batch_size", "int", "Batch size", default=10, minimum=1, maximum=100),
            nodes.InputField("note", "str", "Note", default=""),
        ],
        timeout_seconds=3600))
    summarise = design.add_node(nodes.CodeNode(
        id=_id(name, "summarise"), title="Summarise", x=1040, y=0,
        inputs=[nodes.Port("results", "list"), nodes.Port("review", "dict")], returns="dict",
        body=_SUMMARISE_BODY))
    design.connect(params.id, "items_count", make.id, "items_count")
    design.connect(make.id, "result", loop.id, "items")
    design.connect(params.id, "seconds_per_item", loop.id, "seconds_per_item")
    design.connect(loop.id, "results", review.id, "results")
    design.connect(loop.id, "results", summarise.id, "results")
    design.connect(review.id, "values", summarise.id, "review")
    return design


def large_design(node_count: int = 300, seed: int = 0) -> Design:
    """A valid synthetic design of `node_count` nodes, for benchmarks and scale tests.

    Mostly code nodes fed by random earlier outputs, with a loop, a
    condition (both branches used) and an approval every few dozen nodes, so
    every code path of validation and generation is exercised at scale.
    """
    import random

    rng = random.Random(seed)
    name = f"Large design {node_count}"
    design, params = _start(name, "Synthetic design for benchmarks.",
                            *(nodes.Parameter(f"p{i}", "int", i) for i in range(5)))
    outputs: list[tuple[str, str]] = [(params.id, f"p{i}") for i in range(5)]
    lists: list[tuple[str, str]] = []
    body = (
        "total = 0\n"
        "for value in (a, b):\n"
        "    if isinstance(value, (int, float)):\n"
        "        total += value\n"
        "return total\n"
    )
    while len(design) < node_count:
        i = len(design)
        x, y = float(i % 20) * 240, float(i // 20) * 160
        if i % 25 == 0 and lists:
            node: nodes.Node = nodes.LoopNode(id=_id(name, f"n{i}"), title=f"Loop {i}", x=x, y=y,
                                  inputs=[nodes.Port("factor")], body="return item * factor\n")
            design.add_node(node)
            design.connect(*rng.choice(lists), node.id, "items")
            design.connect(*rng.choice(outputs), node.id, "factor")
            outputs.append((node.id, "results"))
        elif i % 40 == 0 and i + 3 <= node_count:
            node = nodes.ConditionNode(id=_id(name, f"n{i}"), title=f"Check {i}", x=x, y=y,
                                 inputs=[nodes.Port("value")], expression="bool(value)")
            design.add_node(node)
            design.connect(*rng.choice(outputs), node.id, "value")
            for branch in ("true", "false"):
                leaf = nodes.CodeNode(id=_id(name, f"n{i}{branch}"), title=f"On {branch} {i}",
                                x=x, y=y + 80, inputs=[nodes.Port("value")], body="return value\n")
                design.add_node(leaf)
                design.connect(node.id, branch, leaf.id, "value")
        elif i % 60 == 0:
            node = nodes.ApprovalNode(id=_id(name, f"n{i}"), title=f"Approve {i}", x=x, y=y,
                                inputs=[nodes.Port("value")], description="Value is {value}.",
                                fields=[nodes.InputField("ok", "bool", default=True)])
            design.add_node(node)
            design.connect(*rng.choice(outputs), node.id, "value")
            outputs.append((node.id, "values"))
        elif i % 7 == 0:
            node = nodes.CodeNode(id=_id(name, f"n{i}"), title=f"Make list {i}", x=x, y=y,
                            inputs=[nodes.Port("count")], returns="list",
                            body="return list(range(int(count) % 5))\n")
            design.add_node(node)
            design.connect(*rng.choice(outputs), node.id, "count")
            lists.append((node.id, "result"))
        else:
            node = nodes.CodeNode(id=_id(name, f"n{i}"), title=f"Step {i}", x=x, y=y,
                            inputs=[nodes.Port("a"), nodes.Port("b")], body=body)
            design.add_node(node)
            design.connect(*rng.choice(outputs), node.id, "a")
            design.connect(*rng.choice(outputs), node.id, "b")
            outputs.append((node.id, "result"))
    return design


EXAMPLES: dict[str, Callable[[], Design]] = {
    "basic_pipeline": basic_pipeline,
    "pausable_loop": pausable_loop,
}
"""File stem → builder of each shipped example."""


def write_examples(folder: Path) -> list[Path]:
    """(Re)write every example as `<stem>.flowdesk.json` in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    return [save(build(), folder / f"{stem}{FILE_SUFFIX}") for stem, build in EXAMPLES.items()]


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0]) if args else Path(__file__).resolve().parents[2] / "flows" / "designs"
    for path in write_examples(folder):
        print(path)
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
