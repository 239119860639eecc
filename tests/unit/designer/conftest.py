"""Fixtures for the designer model tests: sample designs, ruff, running generated flows.

Nothing here needs a Prefect server or Qt. Generated flows are executed
in-process by swapping each `@task` for its plain function and calling the
flow's `.fn`, which runs exactly the generated code (the real-server run is
in test_designer_execute.py, opt-in, because a Prefect server takes ~20 s).
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import uuid
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

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
)

PROJECT_ROOT = Path(__file__).resolve().parents[3]
PYPROJECT = PROJECT_ROOT / "pyproject.toml"


def build_all_kinds() -> Design:
    """One node of every kind, wired: params → make → loop → condition → (big | small) → ask."""
    design = Design("All kinds", "Every node kind once.")
    params = design.add_node(ParametersNode(parameters=[
        Parameter("count", "int", 4), Parameter("factor", "float", 1.5),
        Parameter("label", "str", "run"), Parameter("options", "dict", {"a": [1, 2]})]))
    make = design.add_node(CodeNode(title="Make", inputs=[Port("count", "int")], returns="list",
                                    body="return list(range(count))"))
    loop = design.add_node(LoopNode(title="Scale", inputs=[Port("factor", "float")],
                                    body="return item * factor"))
    check = design.add_node(ConditionNode(title="Is big", inputs=[Port("values", "list")],
                                          expression="sum(values) > 5"))
    big = design.add_node(CodeNode(title="Big", inputs=["values"], body="return max(values)"))
    small = design.add_node(CodeNode(title="Small", inputs=["values"], body="return 0"))
    ask = design.add_node(ApprovalNode(
        title="Ask", inputs=["peak", "label"], description="Peak {peak} for {label}. Go?",
        fields=[InputField("approve", "bool", "Approve", default=False),
                InputField("size", "int", "Size", default=10, minimum=1, maximum=100)]))
    design.connect(params.id, "count", make.id, "count")
    design.connect(make.id, "result", loop.id, "items")
    design.connect(params.id, "factor", loop.id, "factor")
    design.connect(loop.id, "results", check.id, "values")
    design.connect(check.id, "true", big.id, "values")
    design.connect(check.id, "false", small.id, "values")
    design.connect(big.id, "result", ask.id, "peak")
    design.connect(params.id, "label", ask.id, "label")
    return design


@pytest.fixture
def all_kinds() -> Design:
    return build_all_kinds()


def _ruff() -> str:
    found = shutil.which("ruff")
    if found is None:  # pragma: no cover - ruff is a test dependency
        pytest.skip("ruff is not installed")
    return found


def ruff_check(path: Path) -> str:
    """Run ruff twice (project config; and isolated, same rules) and return problems, or ''.

    Two runs because a generated module lands outside the project, where
    `desktop_app` counts as third-party for import sorting.
    """
    runs = [
        [_ruff(), "check", "--no-cache", "--config", str(PYPROJECT), str(path)],
        [_ruff(), "check", "--no-cache", "--isolated", "--line-length", "100",
         "--select", "E,F,W,I,B,UP,SIM,RUF",
         # As the project ignores them: Chinese text is full of full-width punctuation.
         "--ignore", "RUF001,RUF002,RUF003", "--target-version", "py310", str(path)],
    ]
    problems = []
    for command in runs:
        done = subprocess.run(command, capture_output=True, text=True, cwd=path.parent)
        if done.returncode != 0:
            problems.append(done.stdout + done.stderr)
    return "\n".join(problems)


@pytest.fixture
def ruff() -> Callable[[Path], str]:
    return ruff_check


def import_generated(source: str, folder: Path) -> ModuleType:
    """Import generated source as a fresh module, with tasks replaced by their functions.

    `module.__flowdesk_flow__` is the flow object; call its `.fn(...)` to run
    the generated flow body without the Prefect engine.
    """
    name = f"flowdesk_generated_{uuid.uuid4().hex}"
    path = folder / f"{name}.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    finally:
        sys.modules.pop(name, None)
    from prefect import Flow, Task

    for attribute, value in list(vars(module).items()):
        if isinstance(value, Task):
            setattr(module, attribute, value.fn)
    module.__flowdesk_flow__ = next(v for v in vars(module).values() if isinstance(v, Flow))
    return module


@pytest.fixture
def flow_module(tmp_path: Path) -> Callable[[str], ModuleType]:
    return lambda source: import_generated(source, tmp_path)
