"""The designer end to end, against a real server and runner.

A person's path: build the pausable-loop design on the canvas (nodes from
the palette, wires dragged port to port, code typed as commands), deploy,
run it with the parameter form, watch the nodes change colour, resume the
approval node from the canvas through its form, and get the summary back.
And the bad-input case: a loop fed a non-list fails the run with a message
naming the node, shown on that node.
"""

from __future__ import annotations

import sys
import uuid
from datetime import datetime, timezone

import pytest
import shiboken6
from PySide6.QtCore import QEvent, QPointF
from PySide6.QtWidgets import QApplication

from desktop_app.core.api.models import RunEvent
from desktop_app.designer import (
    EditCodeCommand,
    InputField,
    Parameter,
    Port,
    SetDesignPropertiesCommand,
    SetFieldsCommand,
    SetInputsCommand,
    SetParametersCommand,
    SetSettingsCommand,
)
from tests.ui import test_forms_support as support
from tests.ui.test_designer_support import drag, mouse, port_view_pos
from tests.ui.test_forms_support import arun, await_until, cleanup_run

qloop = support.qloop
server_client = support.server_client

pytestmark = pytest.mark.integration

SUMMARISE = (
    'note = review["note"] or "no note"\n'
    'if not review["approve"]:\n'
    '    return {"approved": False, "items": len(results), "note": note}\n'
    'size = review["batch_size"]\n'
    "batches = [results[i : i + size] for i in range(0, len(results), size)]\n"
    'print(f"Approved ({note}): {len(results)} items in {len(batches)} batches.")\n'
    "return {\n"
    '    "approved": True,\n'
    '    "items": len(results),\n'
    '    "total": sum(results),\n'
    '    "batch_totals": [sum(batch) for batch in batches],\n'
    '    "note": note,\n'
    "}\n"
)


@pytest.fixture
def designer(qtbot, qloop, server_client):
    from desktop_app.ui.designer import DesignerWidget

    widget = DesignerWidget(lambda: server_client)
    # Not qtbot.addWidget: pytest-qt close()s and deleteLater()s its widgets *before*
    # fixture teardown, and on Windows the event loop `arun` starts below deletes the
    # widget before shutdown() reaches its timers ("QTimer already deleted" under Wine).
    # This fixture shuts the widget down first, then closes and deletes it.
    widget.resize(1500, 900)
    widget.show()
    qtbot.waitExposed(widget)
    widget.notice.clear()
    written = []
    widget.runs.deployer.deployed.connect(
        lambda _d: written.append(widget.runs.deployer.path))
    yield widget
    run_id = widget.runs.monitor.run_id
    arun(qloop, widget.shutdown(), timeout=30)
    widget.close()
    widget.deleteLater()
    if run_id:
        arun(qloop, cleanup_run(server_client, run_id), timeout=30)
    for path in written:  # the runner drops the deployment with its file
        if path is not None and path.exists():
            path.unlink()


def _add(widget, kind: str, x: float, y: float, title: str, **commands) -> str:
    node_id = widget.add_node(kind, QPointF(x, y))
    assert node_id is not None
    design = widget.design
    from desktop_app.designer import RenameNodeCommand

    assert widget.document.push(RenameNodeCommand(design, node_id, title))
    for make in commands.values():
        assert widget.document.push(make(design, node_id))
    return node_id


def _wire(widget, source: str, sport: str, target: str, tport: str) -> None:
    """Drag a wire on the canvas, as a person would."""
    QApplication.processEvents()
    drag(widget, port_view_pos(widget, source, sport, True),
         port_view_pos(widget, target, tport, False))
    ids = {n.title: n.id for n in widget.design}
    assert any(e.source == ids[source] and e.source_port == sport and e.target == ids[target]
               and e.target_port == tport for e in widget.design.edges), widget.status_label.text()


def _build_pausable_loop(widget, name: str) -> dict[str, str]:
    widget.document.push(SetDesignPropertiesCommand(widget.design, name=name))
    ids = {
        "params": _add(
            widget, "parameters", 0, 0, "Parameters",
            p=lambda d, n: SetParametersCommand(d, n, [
                Parameter("items_count", "int", 3), Parameter("seconds_per_item", "float", 0.2)])),
        "make": _add(
            widget, "code", 260, 0, "Make items",
            inputs=lambda d, n: SetInputsCommand(d, n, [Port("items_count", "int")]),
            returns=lambda d, n: SetSettingsCommand(d, n, returns="list"),
            body=lambda d, n: EditCodeCommand(d, n, "return list(range(1, items_count + 1))\n")),
        "loop": _add(
            widget, "loop", 520, 0, "Process items",
            inputs=lambda d, n: SetInputsCommand(d, n, [Port("seconds_per_item", "float")]),
            body=lambda d, n: EditCodeCommand(
                d, n, "import time\n\ntime.sleep(seconds_per_item)\nreturn item * item\n")),
        "review": _add(
            widget, "approval", 780, 0, "Review batch",
            inputs=lambda d, n: SetInputsCommand(d, n, [Port("results", "list")]),
            text=lambda d, n: SetSettingsCommand(
                d, n, description="## Review\n\nThe loop produced: {results}"),
            fields=lambda d, n: SetFieldsCommand(d, n, [
                InputField("approve", "bool", "Approve", default=False),
                InputField("batch_size", "int", "Batch size", default=10, minimum=1,
                           maximum=100),
                InputField("note", "str", "Note", default=""),
            ])),
        "summarise": _add(
            widget, "code", 1040, 0, "Summarise",
            inputs=lambda d, n: SetInputsCommand(d, n, [Port("results", "list"),
                                                      Port("review", "dict")]),
            returns=lambda d, n: SetSettingsCommand(d, n, returns="dict"),
            body=lambda d, n: EditCodeCommand(d, n, SUMMARISE)),
    }
    widget.view.fit_all()
    _wire(widget, "Parameters", "items_count", "Make items", "items_count")
    _wire(widget, "Make items", "result", "Process items", "items")
    _wire(widget, "Parameters", "seconds_per_item", "Process items", "seconds_per_item")
    _wire(widget, "Process items", "results", "Review batch", "results")
    _wire(widget, "Process items", "results", "Summarise", "results")
    _wire(widget, "Review batch", "values", "Summarise", "review")
    return ids


async def _deploy_and_start(qtbot, widget) -> str:
    """Run…: deploys first (waits for the runner), then the parameter form; press Run."""
    widget.run()

    def dialog_open() -> bool:
        dialog = widget.runs.run_dialog
        return dialog is not None and shiboken6.isValid(dialog) and dialog.isVisible()

    await await_until(dialog_open, timeout=60, what="the run dialog after deploying")
    assert widget.runs.deployment is not None
    assert widget.runs.deployment.full_name == widget.runs.deployment_name()
    assert widget.runs.deployed_current
    dialog = widget.runs.run_dialog
    qtbot.mouseClick(dialog.run_button, support_left())
    await await_until(lambda: widget.runs.monitor.run_id is not None, timeout=30,
                      what="run started")
    return widget.runs.monitor.run_id


def support_left():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def _state(widget, node_id: str) -> str | None:
    status = widget.scene.nodes[node_id].status
    return status.state if status else None


@pytest.mark.skipif(
    sys.platform == "win32",
    reason="Wine lane: Wine's substitute fonts are wider than Windows' own, so the loop "
    "node's status line is elided ('Running · 0/3 ite…') and the shown-text checks "
    "cannot hold (the other tests of this file run there)",
)
def test_build_deploy_run_pause_resume_from_the_canvas(qtbot, qloop, server_client, designer):
    widget = designer
    name = f"Designer e2e {uuid.uuid4().hex[:6]}"
    ids = _build_pausable_loop(widget, name)
    assert [p for p in widget.validate_now() if p.is_error] == []

    async def scenario():
        run_id = await _deploy_and_start(qtbot, widget)
        seen: set[tuple[str, str]] = set()
        badges: list[str] = []

        def watch():
            for key, node in ids.items():
                state = _state(widget, node)
                if state:
                    seen.add((key, state))
            loop_item = widget.scene.nodes[ids["loop"]]
            if loop_item.status is not None and loop_item.status.tasks:
                badges.append(loop_item.status_words())
            return _state(widget, ids["review"]) == "PAUSED"

        await await_until(watch, timeout=90, interval=0.05, what="the approval node paused")
        assert ("make", "COMPLETED") in seen and _state(widget, ids["loop"]) == "COMPLETED"
        assert widget.scene.nodes[ids["loop"]].status.completed == 3
        # Progress out of the list's length (3), never out of the items started so far.
        assert badges and all(b.endswith("/3 items") for b in badges), badges
        assert badges[-1] == "Completed · 3/3 items"
        assert _state(widget, ids["summarise"]) is None  # not reached yet
        assert ("loop", "RUNNING") in seen or ("make", "RUNNING") in seen  # colours moved live
        button = widget.scene.nodes[ids["review"]].resume_button
        assert button.isVisible()
        assert widget.run_bar.resume_button.isVisible()
        # Click "Resume…" on the node itself.
        centre = widget.view.mapFromScene(button.sceneBoundingRect().center())
        mouse(widget, QEvent.Type.MouseButtonPress, centre)
        mouse(widget, QEvent.Type.MouseButtonRelease, centre)
        dialog = widget.runs.resume_dialog
        assert dialog is not None
        await await_until(lambda: dialog.form is not None, timeout=30, what="the resume form")
        form = dialog.form
        qtbot.mouseClick(form.editor("approve").box, support_left())
        for field, text in (("batch_size", "2"), ("note", "looks good")):
            editor = form.editor(field).focus_widget()
            editor = getattr(editor, "lineEdit", lambda e=editor: e)()
            editor.setFocus()
            editor.selectAll()
            qtbot.keyClicks(editor, text)
        assert form.values() == {"approve": True, "batch_size": 2, "note": "looks good"}
        qtbot.mouseClick(dialog.resume_button, support_left())

        async def completed():
            run = widget.runs.monitor.run
            return run is not None and run.state.type == "COMPLETED" and _state(
                widget, ids["summarise"]) == "COMPLETED"

        await await_until(completed, timeout=90, interval=0.1, what="the run completed")
        assert _state(widget, ids["review"]) == "COMPLETED"
        result = await server_client.run_result(run_id)
        assert result == {"summarise": {
            "approved": True, "items": 3, "total": 14, "batch_totals": [5, 9],
            "note": "looks good"}}
        logs = widget.runs.show_logs()
        assert logs is not None and logs.isVisible()
        pane = widget.runs.logs_pane()
        assert pane.run_id == run_id
        await await_until(lambda: "Approved (looks good)" in pane.logs.shown_text(),
                          timeout=30, what="the run's logs in the designer")
        # A run event from the window's stream for this run refreshes at once.
        before = widget.runs.monitor.run
        widget.on_run_event(RunEvent(id="e2e", occurred=datetime.now(timezone.utc),
                                     run_id=run_id, state_type="COMPLETED",
                                     state_name="Completed"))
        await await_until(lambda: widget.runs.monitor.run is not before, timeout=10,
                          what="a refresh after the run event")
        await widget.shutdown()  # nothing left in flight when the loop stops

    arun(qloop, scenario(), timeout=240)


def _chinese_number() -> str:
    return "".join("零一二三四五六七八九"[int(d)] for d in str(uuid.uuid4().int)[:6])


TITLES = {
    "english": lambda: (f"Designer bad loop {uuid.uuid4().hex[:6]}", "Parameters",
                        "Make number", "Square each"),
    # No ASCII letter anywhere: Chinese function, task and flow names, an ASCII module file.
    "chinese": lambda: (f"循环出错{_chinese_number()}", "参数", "生成数字", "逐个平方"),
}


@pytest.mark.parametrize("language", TITLES)
def test_a_loop_fed_a_non_list_fails_on_that_node(
    qtbot, qloop, server_client, designer, language
):
    widget = designer
    name, params_title, make_title, loop_title = TITLES[language]()
    widget.document.push(SetDesignPropertiesCommand(widget.design, name=name))
    _add(widget, "parameters", 0, 0, params_title,
         p=lambda d, n: SetParametersCommand(d, n, [Parameter("count", "int", 5)]))
    make = _add(widget, "code", 260, 0, make_title,
                inputs=lambda d, n: SetInputsCommand(d, n, [Port("count", "int")]),
                body=lambda d, n: EditCodeCommand(d, n, "return count * 2\n"))
    loop = _add(widget, "loop", 520, 0, loop_title,
                body=lambda d, n: EditCodeCommand(d, n, "return item * item\n"))
    widget.view.fit_all()
    _wire(widget, params_title, "count", make_title, "count")
    _wire(widget, make_title, "result", loop_title, "items")  # any → list: allowed
    assert [p for p in widget.validate_now() if p.is_error] == []

    async def scenario():
        await _deploy_and_start(qtbot, widget)

        async def failed():
            run = widget.runs.monitor.run
            return run is not None and run.state.is_final and _state(widget, loop) == "FAILED"

        await await_until(failed, timeout=90, interval=0.1, what="the run failed")
        run = widget.runs.monitor.run
        assert run.state.type == "FAILED"
        assert loop_title in (run.state.message or "")
        assert "needs a list" in (run.state.message or "")
        status = widget.scene.nodes[loop].status
        assert loop_title in status.message
        assert _state(widget, make) == "COMPLETED"
        assert "needs a list" in widget.run_bar.label.text()
        await widget.shutdown()

    arun(qloop, scenario(), timeout=200)
