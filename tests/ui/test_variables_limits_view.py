"""The "Variables & limits" tab against the real server: list, create, edit, refuse, delete."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from tests.ui import test_forms_support as support
from tests.ui.test_forms_support import arun, await_until

qloop = support.qloop
server_client = support.server_client

pytestmark = pytest.mark.integration


def _save(dialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Save)


def test_variables_create_edit_refuse_delete(qtbot, qloop, server_client):
    from desktop_app.ui.async_tools import TaskKeeper
    from desktop_app.ui.variables.models import V_NAME, V_TAGS, V_VALUE
    from desktop_app.ui.variables.variables_view import VariablesView

    client = server_client
    view = VariablesView(lambda: client, TaskKeeper())
    qtbot.addWidget(view)
    view.confirm = lambda *_a: True

    async def scenario():
        view.show()
        await await_until(lambda: view.reads >= 1, timeout=20)
        dialog = view.new_variable()
        assert not _save(dialog).isEnabled() and dialog.problem.text() == ""

        # Every bad input says the rule, and Save stays off.
        dialog.name.setText("Bad Name")
        dialog.value.setPlainText("1")
        assert "lowercase letters" in dialog.problem.text()
        assert "'B' at position 1" in dialog.problem.text()
        assert not _save(dialog).isEnabled()
        dialog.name.setText("ui-settings")
        dialog.value.setPlainText('{"retries": 3, "mode": fast}')
        assert "column 24" in dialog.problem.text() and 'quotes: "fast"' in dialog.problem.text()
        assert not _save(dialog).isEnabled()
        dialog.value.setPlainText('{"retries": 3, "mode": "fast"}')
        dialog.tags.setText("ops, ui, ")  # a trailing comma is typing, not a tag
        assert dialog.problem.text() == "" and _save(dialog).isEnabled()
        _save(dialog).click()
        await await_until(lambda: view.model.row_of("ui-settings") is not None, timeout=20)
        row = view.model.row_of("ui-settings")
        cell = lambda column: view.model.index(row, column).data()  # noqa: E731
        assert cell(V_NAME) == "ui-settings"
        assert cell(V_VALUE) == '{"retries": 3, "mode": "fast"}' and cell(V_TAGS) == "ops, ui"
        assert "Created variable ui-settings." in view.status.text()
        seen = await client.prefect.read_variable_by_name("ui-settings")
        assert seen.value == {"retries": 3, "mode": "fast"} and seen.tags == ["ops", "ui"]

        # A name that exists already: the server's refusal keeps the dialog and its text.
        dialog = view.new_variable()
        dialog.name.setText("ui-settings")
        dialog.value.setPlainText("1")
        _save(dialog).click()
        await await_until(lambda: "already exists" in dialog.problem.text(), timeout=20)
        assert dialog.isVisible() and dialog.value.toPlainText() == "1"
        dialog.reject()

        # Edit: the name is fixed, the value and tags change.
        view.table.selectRow(view.model.row_of("ui-settings"))
        view.edit_selected()
        dialog = view.dialog
        assert dialog.name.isReadOnly() and '"retries": 3' in dialog.value.toPlainText()
        dialog.value.setPlainText('"plain text"')
        dialog.tags.setText("")
        _save(dialog).click()
        await await_until(
            lambda: (
                view.model.index(view.model.row_of("ui-settings"), V_VALUE).data() == '"plain text"'
            ),
            timeout=20,
        )
        seen = await client.prefect.read_variable_by_name("ui-settings")
        assert seen.value == "plain text" and seen.tags == []

        view.table.selectRow(view.model.row_of("ui-settings"))
        view.delete_selected()
        await await_until(lambda: view.model.row_of("ui-settings") is None, timeout=20)
        assert await client.prefect.read_variable_by_name("ui-settings") is None
        assert "Deleted variable ui-settings." in view.status.text()

    arun(qloop, scenario())


def test_limits_listed_with_slots_edit_refused_below_reset_delete(qtbot, qloop, server_client):
    from uuid import uuid4

    from desktop_app.ui.async_tools import TaskKeeper
    from desktop_app.ui.variables.limits_view import LimitsView
    from desktop_app.ui.variables.models import L_ACTIVE, L_KIND, L_USED

    client = server_client
    view = LimitsView(lambda: client, TaskKeeper())
    qtbot.addWidget(view)
    view.confirm = lambda *_a: True

    async def scenario():
        view.show()
        await await_until(lambda: view.reads >= 1, timeout=20)
        dialog = view.new_limit()
        dialog.name.setText("ui/gpu")
        assert "'/' at position 3" in dialog.problem.text() and not _save(dialog).isEnabled()
        dialog.name.setText("ui-gpu")
        dialog.slots.setValue(2)
        _save(dialog).click()
        await await_until(lambda: view.model.row_of("ui-gpu") is not None, timeout=20)
        dialog = view.new_limit("ui-io", "tag")
        assert dialog.is_tag and dialog.name.text() == "ui-io"
        dialog.slots.setValue(1)
        _save(dialog).click()
        await await_until(lambda: view.model.row_of("ui-io", "tag") is not None, timeout=20)

        await client.prefect.increment_concurrency_slots(["ui-gpu"], 2, "concurrency")
        await client.prefect.increment_v1_concurrency_slots(["ui-io"], uuid4())
        view.refresh()
        await await_until(
            lambda: view.model.index(view.model.row_of("ui-gpu"), L_USED).data() == "2 of 2",
            timeout=20,
        )
        row = view.model.row_of("ui-io", "tag")
        assert view.model.index(row, L_USED).data() == "1 of 1"
        assert view.model.index(row, L_KIND).data() == "Tag"
        assert "with every slot taken" in view.status.text()

        # Below the slots in use: refused in words, nothing changed, dialog keeps the value.
        view.table.selectRow(view.model.row_of("ui-gpu"))
        view.edit_selected()
        dialog = view.dialog
        dialog.slots.setValue(1)
        _save(dialog).click()
        await await_until(lambda: "2 slot(s) in use" in dialog.problem.text(), timeout=20)
        assert dialog.isVisible() and dialog.slots.value() == 1
        assert (await client.read_global_limit("ui-gpu")).limit == 2
        dialog.slots.setValue(4)
        dialog.active.setChecked(False)
        _save(dialog).click()
        await await_until(
            lambda: view.model.index(view.model.row_of("ui-gpu"), L_ACTIVE).data() == "no",
            timeout=20,
        )
        assert (await client.read_global_limit("ui-gpu")).limit == 4

        for name, kind in (("ui-gpu", None), ("ui-io", "tag")):
            view.table.selectRow(view.model.row_of(name, kind))
            assert view.reset_button.isEnabled()
            view.reset_selected()
            await await_until(
                lambda n=name, k=kind: (
                    view.model.index(view.model.row_of(n, k), L_USED).data().startswith("0 of")
                ),
                timeout=20,
            )
        assert (await client.read_tag_limit("ui-io")).used == 0
        for name, kind in (("ui-gpu", None), ("ui-io", "tag")):
            view.table.selectRow(view.model.row_of(name, kind))
            view.delete_selected()
            await await_until(lambda n=name, k=kind: view.model.row_of(n, k) is None, timeout=20)
        assert not [g for g in await client.global_limits() if g.name == "ui-gpu"]

    arun(qloop, scenario())


def test_tab_says_why_when_not_connected(qtbot):
    from desktop_app.ui.variables import VariablesLimitsTab

    tab = VariablesLimitsTab(lambda: None)
    qtbot.addWidget(tab)
    tab.variables.refresh()
    tab.limits.refresh()
    assert "Not connected" in tab.variables.status.text()
    assert "Not connected" in tab.limits.status.text()


def _side_by_side(first, second):
    """One picture: `first` on the left, `second` (a dialog) on its right."""
    from PySide6.QtGui import QColor, QPainter, QPixmap

    second.layout().activate()  # the refusal's words just changed: lay them out first
    second.adjustSize()
    a, b = first.grab(), second.grab()
    out = QPixmap(a.width() + b.width() + 24, max(a.height(), b.height()) + 16)
    out.fill(QColor("#d0d4da"))
    painter = QPainter(out)
    painter.drawPixmap(8, 8, a)
    painter.drawPixmap(a.width() + 16, 8, b)
    painter.end()
    return out


def test_pictures_of_the_tab(qtbot, qloop, server_client, tmp_path):
    """Realistic content, checked; `FLOWDESK_SHOTS=DIR` also saves docs' pictures there."""
    import os
    from pathlib import Path

    from desktop_app.ui.async_tools import TaskKeeper
    from desktop_app.ui.variables import VariablesLimitsTab

    client = server_client
    shots = Path(os.environ.get("FLOWDESK_SHOTS") or tmp_path)
    tab = VariablesLimitsTab(lambda: client, TaskKeeper())
    tab.resize(900, 640)
    qtbot.addWidget(tab)
    made = {
        "warehouse-dsn": ("postgresql://etl@db.local:5432/warehouse", ["etl"]),
        "retry-policy": ({"retries": 3, "delay_seconds": [10, 60, 300]}, ["ops"]),
        "report-recipients": (["ana@example.com", "li.wei@example.com"], []),
        "dry-run": (False, ["ops"]),
    }

    async def scenario():
        for name, (value, tags) in made.items():
            await client.create_variable(name, value, tags)
        await client.create_global_limit("gpu:default", 2)
        await client.create_global_limit("external-api", 10, slot_decay_per_second=1.5)
        await client.set_tag_limit("database", 3)
        await client.prefect.increment_concurrency_slots(["gpu:default"], 2, "concurrency")
        await client.prefect.increment_concurrency_slots(["external-api"], 4, "concurrency")
        try:
            tab.show()
            await await_until(
                lambda: (
                    tab.variables.model.rowCount() >= 4
                    and tab.limits.model.row_of("gpu:default") is not None
                ),
                timeout=30,
            )
            tab.grab().save(str(shots / "tab.png"))
            dialog = tab.variables.new_variable()
            dialog.name.setText("batch-size")
            dialog.value.setPlainText('{"rows": 5000, "mode": fast}')
            assert "quotes" in dialog.problem.text()
            _side_by_side(tab.variables, dialog).save(str(shots / "variables.png"))
            dialog.reject()

            tab.limits.table.selectRow(tab.limits.model.row_of("gpu:default"))
            tab.limits.edit_selected()
            dialog = tab.limits.dialog
            dialog.slots.setValue(1)
            _save(dialog).click()
            await await_until(lambda: "in use" in dialog.problem.text(), timeout=20)
            _side_by_side(tab.limits, dialog).save(str(shots / "limits.png"))
            dialog.reject()
            assert (shots / "variables.png").stat().st_size > 0
        finally:
            for name in made:
                await client.delete_variable(name)
            await client.delete_global_limit("gpu:default")
            await client.delete_global_limit("external-api")
            await client.delete_tag_limit("database")

    arun(qloop, scenario())


def test_a_run_held_by_its_deployment_limit_says_so_in_its_row(qtbot, qloop, server_client):
    """Prefect puts such a run in Scheduled/AwaitingConcurrencySlot; the row reads it."""
    from datetime import datetime, timedelta, timezone

    from prefect.states import Scheduled

    from desktop_app.ui.async_tools import TaskKeeper
    from desktop_app.ui.runs.columns import Column
    from desktop_app.ui.runs.limit_watch import LimitWatch
    from desktop_app.ui.runs.model import RunsTableModel

    client = server_client
    model = RunsTableModel()
    watch = LimitWatch(model, lambda: client, TaskKeeper(), interval_ms=100)

    async def scenario():
        deployment = await client.resolve_deployment("basic-workflow/local")
        later = datetime.now(timezone.utc) + timedelta(days=365)
        raw = await client.prefect.create_flow_run_from_deployment(
            deployment.id, state=Scheduled(scheduled_time=later)
        )
        try:
            await client.prefect.set_flow_run_state(
                raw.id, Scheduled(name="AwaitingConcurrencySlot", scheduled_time=later), force=True
            )
            run = await client.read_run(str(raw.id))
            model.upsert([run])
            await await_until(lambda: run.id in model.limit_notes, timeout=20)
            cell = model.index(model.row_of(run.id), Column.STATE).data()
            assert "waiting for a slot of its deployment's limit" in cell
            # The slot came: the run moves on, the note goes.
            await client.prefect.set_flow_run_state(raw.id, Scheduled(scheduled_time=later))
            model.upsert([await client.read_run(str(raw.id))])
            await await_until(lambda: run.id not in model.limit_notes, timeout=20)
            assert watch.rounds >= 1
        finally:
            await client.prefect.delete_flow_run(raw.id)

    arun(qloop, scenario())


def test_notice_words():
    from desktop_app.core.api.limits_models import LimitNotice
    from desktop_app.ui.limit_notice import detail_text, kind_of, notice_text

    both = LimitNotice(waiting_for=("gpu",), missing=("gpu:default",), task_runs=("train-1",))
    assert notice_text(both) == ("waiting for a slot of gpu; limit gpu:default does not exist")
    assert "Waiting: train-1." in detail_text(both)
    assert notice_text(LimitNotice(deployment=True)) == (
        "waiting for a slot of its deployment's limit"
    )
    assert notice_text(LimitNotice()) == "" and detail_text(LimitNotice()) == ""
    assert kind_of("tag:gpu") == ("gpu", "tag") and kind_of("gpu:default") == (
        "gpu:default",
        "global",
    )


def test_limit_rows_name_deployment_limits_by_their_deployment():
    from desktop_app.core.api.limits_models import GlobalLimitInfo, TagLimitInfo
    from desktop_app.ui.variables.models import L_NAME, LimitsModel, limit_rows

    rows = limit_rows(
        [GlobalLimitInfo("deployment:abc", 1, 1), GlobalLimitInfo("gpu", 2, 0)],
        [TagLimitInfo("db", 3, ("t1",))],
        {"abc": "etl/nightly"},
    )
    model = LimitsModel()
    model.set_items(rows)
    shown = [model.index(r, L_NAME).data() for r in range(model.rowCount())]
    assert shown == ["etl/nightly", "gpu", "db"]
    assert model.index(0, L_NAME).data(3) == "deployment:abc"  # its tooltip: the real name
    assert rows[0].full and not rows[1].full and rows[2].used == 1
