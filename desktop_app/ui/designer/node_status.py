"""Which state each node of a design is in during a run, from the run and its task runs.

Pure data in, pure data out (no Qt, no I/O), so every rule is unit-tested on
hand-made runs. The facts available: the flow run's state, and the task runs,
each tagged with its node id by code generation. Parameters and approval
nodes have no task runs, loops have one per item, so their state is inferred:

- the generated flow runs its nodes one after another, so a node whose
  successors have started is finished;
- an approval pauses with its node id as the pause key; the key is read from
  the state when it carries it, else from the input keyset of a pause with a
  form (`paused-<node id>-…`); a pause without either is placed on an
  approval whose inputs are all complete, or on a loop at its checkpoint;
- a loop whose items all completed but whose successors have not started is
  between items: running, or paused at its checkpoint if the run is paused;
- a failed run whose failing node left no failed task (a loop fed a non-list
  fails in the flow itself) is blamed on the first node that could have run
  next, with the run's message.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.core.api.models import RunInfo, TaskRunInfo
from desktop_app.designer import ApprovalNode, Design, LoopNode, ParametersNode
from desktop_app.designer.codegen import ITEMS_TAG_PREFIX
from desktop_app.designer.topology import topological_order

SKIPPED = "SKIPPED"
"""Pseudo state: the run finished without reaching this node (a branch not taken)."""

_ACTIVE = frozenset({"RUNNING", "PENDING", "SCHEDULED", "CANCELLING"})
_FAILED = frozenset({"FAILED", "CRASHED"})


@dataclass(frozen=True)
class NodeStatus:
    """One node's state in one run (`state` is a Prefect state type or `SKIPPED`)."""

    state: str
    completed: int = 0
    """Task runs of this node that completed (loop items done)."""
    tasks: int = 0
    """Task runs of this node seen so far."""
    total: int | None = None
    """A loop's list length (from its item tasks' tag), None when unknown."""
    message: str = ""
    paused_here: bool = False
    """The run waits at this node (an approval's form, or a loop's checkpoint)."""


def paused_node_id(design: Design, run: RunInfo) -> str | None:
    """The approval node a paused run waits at, when its pause key says so.

    The key itself is read when the state carries it (`pause_key`, not yet in
    `StateInfo`); otherwise from the input keyset, which only a pause with a
    form has.
    """
    if not run.state.is_paused:
        return None
    key = getattr(run.state, "pause_key", None)
    if key and key in design and design.nodes[key].kind == ApprovalNode.kind:
        return key
    if not run.state.run_input_keyset:
        return None
    keys = " ".join(run.state.run_input_keyset.values())
    for node in design:
        if isinstance(node, ApprovalNode) and node.id in keys:
            return node.id
    return None


def node_statuses(design: Design, run: RunInfo,
                  task_runs: list[TaskRunInfo]) -> dict[str, NodeStatus]:
    """node id → status, for every node the run has reached or settled."""
    by_node: dict[str, list[TaskRunInfo]] = {}
    for task in task_runs:
        node_id = task.node_id
        if node_id is not None and node_id in design:
            by_node.setdefault(node_id, []).append(task)
    ids = list(design.nodes)
    order = topological_order(ids, [(e.source, e.target) for e in design.edges])
    order += [n for n in ids if n not in set(order)]  # a cycle: show what we can
    run_state = run.state.type
    final = run.state.is_final
    started = run_state not in ("SCHEDULED", "PENDING")
    waiting_at = paused_node_id(design, run)

    # reached[n]: n or anything downstream of it has begun (then n itself is done).
    reached: dict[str, bool] = {}
    for node_id in reversed(order):
        reached[node_id] = node_id in by_node or node_id == waiting_at or any(
            reached.get(e.target, False) for e in design.outgoing(node_id))
    latest_start = max((t.start_time for t in task_runs if t.start_time), default=None)

    statuses: dict[str, NodeStatus] = {}
    for node_id in order:
        node = design.nodes[node_id]
        upstream_done = all(
            statuses.get(e.source, NodeStatus("")).state == "COMPLETED"
            for e in design.incoming(node_id))
        later_started = any(reached.get(e.target, False) for e in design.outgoing(node_id))
        tasks = by_node.get(node_id, [])
        if isinstance(node, ParametersNode):
            if started:
                statuses[node_id] = NodeStatus("COMPLETED")
            continue
        if tasks:
            statuses[node_id] = _from_tasks(node, tasks, run, final, later_started,
                                            waiting_at, latest_start)
            continue
        if node_id == waiting_at:
            statuses[node_id] = NodeStatus("PAUSED", paused_here=True)
        elif later_started:
            statuses[node_id] = NodeStatus("COMPLETED")
        elif not upstream_done:
            if final:
                statuses[node_id] = NodeStatus(SKIPPED)
        elif run_state == "COMPLETED":
            # All inputs done, run complete, nothing ran: an empty loop, an approval
            # at the end, or a branch not taken (a condition's other side).
            statuses[node_id] = NodeStatus("COMPLETED" if _ran_without_tasks(design, node_id)
                                           else SKIPPED)
        elif run_state in _FAILED or run_state == "CANCELLED":
            statuses[node_id] = NodeStatus(SKIPPED)
        elif run.state.is_paused and isinstance(node, ApprovalNode) and waiting_at is None:
            statuses[node_id] = NodeStatus("PAUSED", paused_here=True)
        elif started:
            statuses[node_id] = NodeStatus("PENDING")
    if run_state in _FAILED and not any(s.state in _FAILED for s in statuses.values()):
        _blame(design, order, statuses, run)
    return statuses


def _from_tasks(node, tasks: list[TaskRunInfo], run: RunInfo, final: bool,
                later_started: bool, waiting_at: str | None, latest_start) -> NodeStatus:
    states = [t.state.type for t in tasks]
    completed = states.count("COMPLETED")
    failed = [t for t in tasks if t.state.type in _FAILED]
    count = {"completed": completed, "tasks": len(tasks), "total": _items_total(tasks)}
    if failed:
        return NodeStatus("FAILED", message=failed[-1].state.message or "", **count)
    if any(s in _ACTIVE for s in states):
        return NodeStatus("RUNNING", **count)
    if any(s == "PAUSED" for s in states):
        return NodeStatus("PAUSED", paused_here=True, **count)
    if completed < len(tasks):  # cancelled tasks
        return NodeStatus("CANCELLED", **count)
    if isinstance(node, LoopNode) and not final and not later_started and waiting_at is None:
        last_end = max((t.end_time for t in tasks if t.end_time), default=None)
        someone_after = latest_start is not None and last_end is not None and (
            latest_start > last_end and all(t.start_time != latest_start for t in tasks))
        if not someone_after:
            if run.state.is_paused:  # stopped at the loop's checkpoint
                return NodeStatus("PAUSED", paused_here=True, **count)
            return NodeStatus("RUNNING", **count)
    return NodeStatus("COMPLETED", **count)


def _items_total(tasks: list[TaskRunInfo]) -> int | None:
    """The list length a loop's item tasks carry (`flowdesk.items:<n>`), if they do."""
    for task in tasks:
        for tag in task.tags:
            if tag.startswith(ITEMS_TAG_PREFIX):
                try:
                    return int(tag[len(ITEMS_TAG_PREFIX):])
                except ValueError:
                    return None
    return None


def _ran_without_tasks(design: Design, node_id: str) -> bool:
    """Whether a node can legitimately finish with no task run (approval, empty loop)."""
    node = design.nodes[node_id]
    return isinstance(node, (ApprovalNode, LoopNode))


def _blame(design: Design, order: list[str], statuses: dict[str, NodeStatus],
           run: RunInfo) -> None:
    """A failed run with no failed node: mark the first node that was due to run."""
    message = run.state.message or ""
    for node_id in order:
        status = statuses.get(node_id)
        if status is not None and status.state in ("COMPLETED",):
            continue
        upstream_done = all(statuses.get(e.source, NodeStatus("")).state == "COMPLETED"
                            for e in design.incoming(node_id))
        if upstream_done and not isinstance(design.nodes[node_id], ParametersNode):
            statuses[node_id] = NodeStatus("FAILED", message=message)
            return
