"""Generated flows really run: in-process (fast, always) and on Prefect (opt-in).

The fast tests import the generated module (so every `@task`/`@flow`
decorator and the RunInput class are built by real Prefect and pydantic) and
then call the flow function with each task swapped for its plain function.
That runs exactly the generated code, without the ~20 s a Prefect server
takes to start. `FLOWDESK_PREFECT_TESTS=1` adds one run on a real (temporary)
Prefect server.
"""

from __future__ import annotations

import os
from typing import Any

import pytest

from desktop_app.designer import (
    CodeNode,
    Design,
    LoopNode,
    generate,
)
from desktop_app.designer.examples import basic_pipeline, pausable_loop


def test_basic_pipeline_runs_and_validates(flow_module) -> None:
    module = flow_module(generate(basic_pipeline()))
    flow = module.__flowdesk_flow__
    assert flow.name == "basic-pipeline"
    assert flow.description == basic_pipeline().description
    assert flow.fn() == {"validate": {"records": 5, "total": 30}}
    assert flow.fn(count=3) == {"validate": {"records": 3, "total": 12}}
    with pytest.raises(ValueError, match="No records to validate: run the flow with count 1"):
        flow.fn(count=0)


def test_pausable_loop_checkpoints_every_item_and_uses_the_answer(flow_module) -> None:
    module = flow_module(generate(pausable_loop()))
    labels: list[str] = []
    asked: list[dict[str, Any]] = []
    module.checkpoint = lambda label=None: labels.append(label) or False

    def pause_here(description: str, *, wait_for_input, timeout: int, key: str):
        asked.append({"description": description, "timeout": timeout, "key": key,
                      "schema": wait_for_input.model_json_schema()})
        return wait_for_input(approve=True, batch_size=2, note="ok")

    module.pause_here = pause_here
    result = module.__flowdesk_flow__.fn(items_count=5, seconds_per_item=0)
    assert labels == [f"Process items, item {i} of 5" for i in range(1, 6)]
    (ask,) = asked
    assert "The loop produced: [1, 4, 9, 16, 25]" in ask["description"]
    assert ask["timeout"] == 3600 and ask["key"] == list(pausable_loop().nodes)[3]
    size = ask["schema"]["properties"]["batch_size"]
    assert (size["minimum"], size["maximum"], size["default"], size["title"]) == (
        1, 100, 10, "Batch size")
    assert result == {"summarise": {"approved": True, "items": 5, "total": 55,
                                    "batch_totals": [5, 25, 25], "note": "ok"}}


def test_approval_input_class_enforces_bounds(flow_module) -> None:
    import pydantic

    module = flow_module(generate(pausable_loop()))
    with pytest.raises(pydantic.ValidationError):
        module.ReviewBatchInput(approve=True, batch_size=500, note="")


def test_loop_fed_a_non_list_fails_naming_the_node(flow_module) -> None:
    design = Design("Bad loop")
    make = design.add_node(CodeNode(title="Make number", body="return 42"))
    loop = design.add_node(LoopNode(title="Square each", body="return item * item"))
    design.connect(make.id, "result", loop.id, "items")
    module = flow_module(generate(design))
    with pytest.raises(TypeError) as caught:
        module.__flowdesk_flow__.fn()
    assert str(caught.value) == (
        "Loop node 'Square each' needs a list on its 'items' input, got int: 42")


def test_condition_runs_one_branch_only(flow_module, all_kinds: Design) -> None:
    module = flow_module(generate(all_kinds))
    module.checkpoint = lambda label=None: False
    module.pause_here = lambda description, **kw: kw["wait_for_input"](approve=True, size=3)
    assert module.__flowdesk_flow__.fn(count=4, factor=1.0) == {
        "ask": {"approve": True, "size": 3}}  # sum 6 > 5: the big branch and the approval
    assert module.__flowdesk_flow__.fn(count=2, factor=1.0) == {"small": 0}


@pytest.mark.skipif(os.environ.get("FLOWDESK_PREFECT_TESTS") != "1",
                    reason="set FLOWDESK_PREFECT_TESTS=1 to run on a real Prefect server (~20 s)")
def test_on_a_real_prefect_server(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import TaskRunFilter, TaskRunFilterTags
    from prefect.testing.utilities import prefect_test_harness

    from desktop_app.designer.codegen import node_tag

    design = basic_pipeline()
    bad = Design("Bad loop on Prefect")
    make = bad.add_node(CodeNode(title="Make number", body="return 42"))
    loop = bad.add_node(LoopNode(title="Square each", body="return item * item"))
    bad.connect(make.id, "result", loop.id, "items")
    namespace: dict[str, Any] = {}
    exec(compile(generate(design), "basic", "exec"), namespace)
    bad_namespace: dict[str, Any] = {}
    exec(compile(generate(bad), "bad", "exec"), bad_namespace)
    with prefect_test_harness():
        assert namespace["basic_pipeline"](count=2) == {"validate": {"records": 2, "total": 6}}
        state = bad_namespace["bad_loop_on_prefect"](return_state=True)
        assert state.is_failed()
        assert "Loop node 'Square each' needs a list" in state.message
        validate_id = list(design.nodes)[3]
        with get_client(sync_client=True) as client:
            runs = client.read_task_runs(task_run_filter=TaskRunFilter(
                tags=TaskRunFilterTags(all_=[node_tag(validate_id)])))
        assert [run.name for run in runs] == ["Validate"]
