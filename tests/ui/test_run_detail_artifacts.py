"""Run detail on a real run of a real flow: the Artifacts tab and one task run in depth."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtTest import QTest

from tests.ui import test_forms_support as support
from tests.ui.artifact_support import Probe
from tests.ui.test_forms_support import arun, await_until, wait_state

qloop = support.qloop
server_client = support.server_client

pytestmark = pytest.mark.integration

SHOTS = os.environ.get("FLOWDESK_SHOTS")  # a folder: keep the pictures for the docs


@pytest.fixture(scope="module")
def finished_probe(managed_server, tmp_path_factory):
    """One probe run that went to its end (for the tests that read a finished run)."""
    probe = Probe(managed_server, tmp_path_factory.mktemp("probe"), open_all=True)
    try:
        yield probe.finish()
    finally:
        probe.stop()


def _pane(qtbot, client):
    from desktop_app.ui.detail.run_detail import RunDetailPane

    pane = RunDetailPane(lambda: client)
    pane.resize(1100, 760)
    qtbot.addWidget(pane)
    pane.show()
    return pane


def _click_text(browser, text: str) -> None:
    """Click the middle of `text` in a QTextBrowser, as a person would."""
    cursor = browser.document().find(text)
    assert not cursor.isNull(), f"{text!r} is not in the document"
    browser.setTextCursor(cursor)
    browser.ensureCursorVisible()
    rect = browser.cursorRect(cursor)
    point = QPoint(rect.left() - 10, rect.center().y())
    QTest.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=point)


def test_artifacts_tab_shows_each_kind_and_the_progress_bar_moves_while_the_run_goes(
    qtbot, qloop, server_client, managed_server, tmp_path
):
    client = server_client
    probe = Probe(managed_server, tmp_path)
    pane = _pane(qtbot, client)
    view = pane.artifacts
    opened: list[str] = []
    view.open_url = lambda url: opened.append(url.toString()) or True

    async def scenario():
        run_id = probe.run_id()
        pane.show_run(run_id)
        pane.tabs.setCurrentWidget(view)
        await await_until(lambda: view.select_key("probe-progress"), timeout=60, what="progress")
        assert view.stack.currentWidget() is view.progress_page
        assert view.bar.value() == 0
        probe.open("step1")
        # The run is held at its next gate: the bar must move while it is Running.
        await await_until(lambda: view.bar.value() == 500, timeout=60, what="50 %")
        assert (await client.read_run(run_id)).state.type == "RUNNING"
        assert view.bar.text() == "50%"
        probe.open("step2")
        await wait_state(client, run_id, "COMPLETED")
        await await_until(lambda: view.bar.value() == 1000, timeout=30, what="100 %")
        await await_until(
            lambda: any(a.key == "probe-task-report" for a in view.artifacts), timeout=30
        )

    try:
        arun(qloop, scenario())
        keys = [a.key for a in view.artifacts]
        assert set(keys) >= {
            "probe-progress",
            "probe-summary",
            "probe-rows",
            "probe-columns",
            "probe-link",
            "probe-task-report",
        }

        assert view.select_key("probe-rows")
        assert view.stack.currentWidget() is view.table
        model = view.table_model
        assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(2)] == [
            "city",
            "temp",
        ]
        assert (model.rowCount(), model.data(model.index(1, 0), 0)) == (2, "Lima")

        assert view.select_key("probe-columns")
        assert view.table_model.rowCount() == 3
        assert view.table_model.data(view.table_model.index(2, 1), 0) == "6"

        # A task's artifact says which task made it.
        row = keys.index("probe-task-report")
        assert "task report-" in view.list.item(row).text()

        # Links: the web one opens in the browser, file: and javascript: do not, in words.
        assert view.select_key("probe-summary")
        assert view.stack.currentWidget() is view.browser
        _click_text(view.browser, "a local file")
        assert "file: link" in view.banner.text() and opened == []
        view.browser.moveCursor(view.browser.textCursor().MoveOperation.Start)
        pane.grab().save(str(Path(SHOTS or tmp_path) / "artifacts-tab.png"))
        _click_text(view.browser, "a script")
        assert "javascript: link" in view.banner.text() and opened == []
        _click_text(view.browser, "Prefect's docs")
        assert opened == ["https://docs.prefect.io/v3/concepts/artifacts"]

        assert view.select_key("probe-link")
        _click_text(view.browser, "the report")
        assert opened[-1] == "https://example.com/report"
    finally:
        pane.shutdown()
        probe.stop()


def test_bad_artifact_data_is_said_in_words(qtbot, qloop, server_client, finished_probe):
    from prefect.client.schemas.actions import ArtifactCreate

    client = server_client
    huge = "# Huge\n\n" + ("a line of a very long report\n" * 60_000)

    async def add_bad_ones():
        for key, kind, data in (
            ("bad-table", "table", "{this is not json"),
            ("bad-columns", "table", '{"a": [1, 2], "b": 3}'),
            ("bad-progress", "progress", "most of it"),
            ("huge-markdown", "markdown", huge),
        ):
            # Straight to the API, not `create_artifact`: that also emits an event
            # through Prefect's process-wide events worker, which reads the ambient
            # settings (no server URL in tests), not this client's, and so started
            # a temporary Prefect server to send it to.
            artifact = ArtifactCreate(key=key, type=kind, data=data, flow_run_id=finished_probe)
            await client.prefect.request(
                "POST", "/artifacts/", json=artifact.model_dump(mode="json", exclude_unset=True)
            )

    arun(qloop, add_bad_ones())
    pane = _pane(qtbot, client)
    view = pane.artifacts

    async def scenario():
        pane.show_run(finished_probe)
        pane.tabs.setCurrentWidget(view)
        await await_until(lambda: view.select_key("huge-markdown"), timeout=30)

    try:
        arun(qloop, scenario())
        assert "1,740,008 characters" in view.banner.text()
        assert view.browser.toPlainText().startswith("Huge")
        assert view.select_key("bad-table")
        assert view.stack.currentWidget() is view.raw
        assert "cannot be shown" in view.banner.text()
        assert "not valid JSON" in view.banner.text()
        assert view.raw.toPlainText() == "{this is not json"
        assert view.select_key("bad-columns")
        assert "column 'b' is not a list" in view.banner.text()
        assert view.select_key("bad-progress")
        assert "not a number" in view.banner.text()
        # The good ones still show after the bad ones.
        assert view.select_key("probe-rows") and view.stack.currentWidget() is view.table
        assert view.banner.text() == ""
        view.follow_link(QUrl("example.com/no-scheme"))
        assert "not a full web address" in view.banner.text()
    finally:
        pane.shutdown()


def test_a_clicked_task_run_shows_its_retries_states_inputs_result_and_logs(
    qtbot, qloop, server_client, finished_probe, tmp_path
):
    from desktop_app.ui.detail.task_gantt import AXIS_HEIGHT, ROW_HEIGHT

    client = server_client
    pane = _pane(qtbot, client)
    detail = pane.task_detail

    async def scenario():
        pane.show_run(finished_probe)
        pane.tabs.setCurrentIndex(1)
        try:
            await await_until(lambda: len(pane.gantt.tasks) == 2, timeout=60, what="two tasks")
        except AssertionError:
            tasks = await client.task_runs(finished_probe)
            raise AssertionError(
                f"banner {pane.banner.text()!r}, shown {pane.gantt.tasks}, server {tasks}"
            ) from None
        row = next(i for i, t in enumerate(pane.gantt.tasks) if t.name.startswith("flaky"))
        QTest.mouseClick(
            pane.gantt,
            Qt.MouseButton.LeftButton,
            pos=QPoint(40, AXIS_HEIGHT + row * ROW_HEIGHT + ROW_HEIGHT // 2),
        )
        assert pane.gantt.selected_id == pane.gantt.tasks[row].id
        await await_until(lambda: "Result:" in detail.content(), timeout=30, what="flaky result")
        await await_until(lambda: "flaky doubled 3" in detail.logs.shown_text(), timeout=30)

    try:
        arun(qloop, scenario())
        assert detail.isVisible()
        text = detail.content()
        assert "Ran 2 times (1 retried)." in text
        assert "Retries allowed: 2, waiting 0.0 s, 1.0 s." in text
        assert detail.result_text.toPlainText() == "6"
        names = detail.states.state_names()
        assert names[-1] == "Completed" and "Retrying" in names
        assert "first try fails on purpose" in detail.logs.shown_text()
        assert "reporting" not in detail.logs.shown_text()  # only this task's lines
        detail.tabs.setCurrentIndex(0)
        pane.grab().save(str(Path(SHOTS or tmp_path) / "task-run-detail.png"))

        # The downstream task: its input is the upstream result; its own result was not kept.
        report = next(t for t in pane.gantt.tasks if t.name.startswith("report"))
        flaky = next(t for t in pane.gantt.tasks if t.name.startswith("flaky"))
        pane.show_task(report.id)
        arun(qloop, await_until(lambda: "Not persisted" in detail.content(), timeout=30))
        text = detail.content()
        assert f"y: the result of task {flaky.name}" in text
        assert "Ran once. No retries allowed." in text
        assert pane.gantt.selected_id == report.id
        detail.close_button.click()
        assert detail.isHidden() and pane.gantt.selected_id is None
    finally:
        pane.shutdown()
