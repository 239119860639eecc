"""Node colours during a run, from the run and its task runs (pure data: no Qt, no server)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone

from desktop_app.constants import NODE_TAG_PREFIX
from desktop_app.core.api.models import RunInfo, StateInfo, TaskRunInfo
from desktop_app.designer import CodeNode, ConditionNode, Design, Port
from desktop_app.designer.examples import pausable_loop
from desktop_app.ui.designer.node_status import SKIPPED, node_statuses, paused_node_id

T0 = datetime(2025, 1, 1, tzinfo=timezone.utc)


@dataclass
class Example:
    """The pausable-loop example and its node ids by role."""

    design: Design
    params: str
    make: str
    loop: str
    review: str
    summarise: str


@dataclass(frozen=True)
class KeyedState(StateInfo):
    """A state that carries Prefect's pause key (proposed for `StateInfo`)."""

    pause_key: str | None = None


def example() -> Example:
    design = pausable_loop()
    ids = {n.title: n.id for n in design}
    return Example(design, ids["Parameters"], ids["Make items"], ids["Process items"],
                   ids["Review batch"], ids["Summarise"])


def run(state: str, keyset: dict | None = None, message: str = "") -> RunInfo:
    return RunInfo(id="r", name="happy-run", flow_id="f", flow_name="pausable-loop",
                   state=StateInfo(state, state.title(), message=message,
                                   run_input_keyset=keyset))


def task(node: str, state: str, second: int, message: str = "") -> TaskRunInfo:
    start = T0 + timedelta(seconds=second)
    end = start + timedelta(seconds=1) if state in ("COMPLETED", "FAILED") else None
    return TaskRunInfo(id=f"t{second}", name="t", task_key="k",
                       state=StateInfo(state, state.title(), message=message),
                       start_time=start, end_time=end, tags=(NODE_TAG_PREFIX + node,))


def states(result: dict) -> dict:
    return {k: v.state for k, v in result.items()}


def test_nothing_is_coloured_before_the_run_starts():
    assert node_statuses(example().design, run("SCHEDULED"), []) == {}


def test_running_loop_shows_progress():
    ex = example()
    tasks = [task(ex.make, "COMPLETED", 0), task(ex.loop, "COMPLETED", 2),
             task(ex.loop, "RUNNING", 4)]
    result = node_statuses(ex.design, run("RUNNING"), tasks)
    assert states(result) == {ex.params: "COMPLETED", ex.make: "COMPLETED", ex.loop: "RUNNING"}
    assert (result[ex.loop].completed, result[ex.loop].tasks) == (1, 2)


def test_loop_progress_is_out_of_the_lists_length_when_its_tasks_say_it():
    from desktop_app.designer.codegen import ITEMS_TAG_PREFIX

    ex = example()
    tagged = [replace(task(ex.loop, state, second), tags=(NODE_TAG_PREFIX + ex.loop,
                                                            ITEMS_TAG_PREFIX + "4"))
              for state, second in (("COMPLETED", 2), ("RUNNING", 4))]
    result = node_statuses(ex.design, run("RUNNING"), [task(ex.make, "COMPLETED", 0), *tagged])
    loop = result[ex.loop]
    assert (loop.completed, loop.tasks, loop.total) == (1, 2, 4)  # "1/4 items", not "1/2"
    old = node_statuses(ex.design, run("RUNNING"), [task(ex.loop, "RUNNING", 4)])
    assert old[ex.loop].total is None  # a flow generated before the tag: old wording


def test_a_loop_between_items_is_still_running_and_paused_at_its_checkpoint():
    ex = example()
    tasks = [task(ex.make, "COMPLETED", 0), task(ex.loop, "COMPLETED", 2)]
    assert node_statuses(ex.design, run("RUNNING"), tasks)[ex.loop].state == "RUNNING"
    paused = node_statuses(ex.design, run("PAUSED"), tasks)  # a pause request honoured
    assert paused[ex.loop].state == "PAUSED" and paused[ex.loop].paused_here
    assert ex.review not in paused


def test_an_approval_pause_is_placed_on_its_node_by_the_input_keyset():
    ex = example()
    keyset = {"description": f"paused-{ex.review}-description",
              "response": f"paused-{ex.review}-response", "schema": f"paused-{ex.review}-schema"}
    paused_run = run("PAUSED", keyset=keyset)
    assert paused_node_id(ex.design, paused_run) == ex.review
    tasks = [task(ex.make, "COMPLETED", 0)] + [task(ex.loop, "COMPLETED", 2 + i)
                                               for i in range(3)]
    result = node_statuses(ex.design, paused_run, tasks)
    assert states(result) == {ex.params: "COMPLETED", ex.make: "COMPLETED",
                              ex.loop: "COMPLETED", ex.review: "PAUSED"}
    assert result[ex.review].paused_here and result[ex.loop].completed == 3


def test_an_approval_without_a_form_is_found_by_its_pause_key():
    ex = example()
    ex.design.update_node(ex.review, fields=())  # no RunInput: no keyset names the node
    tasks = [task(ex.make, "COMPLETED", 0), task(ex.loop, "COMPLETED", 2)]
    unkeyed = node_statuses(ex.design, run("PAUSED"), tasks)
    # Without the key the pause cannot be told from the loop's checkpoint.
    assert [n for n, s in unkeyed.items() if s.paused_here] == [ex.loop]
    keyed_run = replace(run("PAUSED"), state=KeyedState("PAUSED", "Paused",
                                                        pause_key=ex.review))
    keyed = node_statuses(ex.design, keyed_run, tasks)
    assert [n for n, s in keyed.items() if s.paused_here] == [ex.review]
    assert keyed[ex.loop].state == "COMPLETED"


def test_a_checkpoint_pause_key_is_not_an_approval():
    state = KeyedState("PAUSED", "Paused", pause_key="3")
    assert paused_node_id(example().design, replace(run("PAUSED"), state=state)) is None


def test_a_completed_run_completes_everything_it_reached():
    ex = example()
    tasks = [task(ex.make, "COMPLETED", 0), task(ex.loop, "COMPLETED", 2),
             task(ex.summarise, "COMPLETED", 9)]
    result = node_statuses(ex.design, run("COMPLETED"), tasks)
    assert set(states(result).values()) == {"COMPLETED"} and len(result) == 5


def test_a_failed_task_fails_its_node_and_skips_what_follows():
    ex = example()
    tasks = [task(ex.make, "FAILED", 0, message="ValueError: no")]
    result = node_statuses(ex.design, run("FAILED", message="boom"), tasks)
    assert result[ex.make].state == "FAILED" and result[ex.make].message == "ValueError: no"
    assert result[ex.loop].state == SKIPPED and result[ex.summarise].state == SKIPPED


def test_a_failure_in_the_flow_itself_is_blamed_on_the_node_due_next():
    ex = example()
    message = "TypeError: Loop node 'Process items' needs a list on its 'items' input, got int"
    result = node_statuses(ex.design, run("FAILED", message=message),
                           [task(ex.make, "COMPLETED", 0)])
    assert result[ex.loop].state == "FAILED" and result[ex.loop].message == message
    assert result[ex.make].state == "COMPLETED"
    assert result[ex.review].state == SKIPPED


def test_a_branch_not_taken_is_skipped():
    design = Design("Branches")
    check = design.add_node(ConditionNode(title="Check", inputs=[Port("value")]))
    yes = design.add_node(CodeNode(title="Yes", inputs=[Port("value")]))
    no = design.add_node(CodeNode(title="No", inputs=[Port("value")]))
    design.connect(check.id, "true", yes.id, "value")
    design.connect(check.id, "false", no.id, "value")
    tasks = [task(check.id, "COMPLETED", 0), task(yes.id, "COMPLETED", 1)]
    result = node_statuses(design, run("COMPLETED"), tasks)
    assert states(result) == {check.id: "COMPLETED", yes.id: "COMPLETED", no.id: SKIPPED}


def test_tasks_of_unknown_nodes_are_ignored():
    ex = example()
    stray = TaskRunInfo(id="x", name="x", task_key="k", state=StateInfo("FAILED", "Failed"),
                        tags=(NODE_TAG_PREFIX + "not-a-node",))
    result = node_statuses(ex.design, run("RUNNING"), [stray, task(ex.make, "RUNNING", 0)])
    assert states(result) == {ex.params: "COMPLETED", ex.make: "RUNNING"}
