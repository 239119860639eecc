"""The deployments tab against the real server: list, run with parameters,
schedules, and jumping to a deployment's runs."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from desktop_app.ui.deployments.model import DColumn
from tests.ui import test_main_window_support as support
from tests.ui.test_main_window_support import await_until, open_window, run

qloop = support.qloop  # the fixture
SEEDS = {"basic-workflow", "pause-resume-workflow", "approval-workflow"}


def cell(view, deployment_id: str, column: DColumn) -> str:
    model = view.model
    row = next(r for r, d in enumerate(model.deployments()) if d.id == deployment_id)
    return model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)


@pytest.mark.integration
def test_deployments_list_runs_with_parameters_and_show_their_runs(
    qloop, qtbot, managed_server
) -> None:
    async def scenario() -> None:
        async with open_window(qtbot, manager=managed_server.manager) as h:
            await h.connected_and_loaded()
            view = h.window.deployments
            await await_until(lambda: view.loads >= 1, 30, what="deployments")
            by_flow = {d.flow_name: d for d in view.model.deployments()}
            assert set(by_flow) >= SEEDS
            basic = by_flow["basic-workflow"]
            assert cell(view, basic.id, DColumn.SCHEDULE_STATE) == "No schedule"
            assert cell(view, basic.id, DColumn.FLOW) == "basic-workflow"
            assert view.select(basic.id)
            assert view.run_now.isEnabled() and view.run_with.isEnabled()
            assert not view.pause_schedule.isEnabled()
            assert not view.resume_schedule.isEnabled()

            # Run with parameters… opens the form; its Run starts the run.
            view.run_with.trigger()
            dialog = view._dialogs[-1]
            assert dialog.isVisible()  # open(), not exec(): the loop keeps running
            known = h.model.ids()
            dialog.run_button.click()
            new_id = await await_until(
                lambda: next(iter(h.model.ids() - known), None), 30, what="the started run"
            )
            await await_until(
                lambda: h.model.run(new_id).state.type == "COMPLETED", 90, what="completion"
            )
            await await_until(
                lambda: (
                    cell(view, basic.id, DColumn.LAST_RUN).startswith("Completed")
                    and view.model.facts(basic.id).last_run.id == new_id
                ),
                10,
                what="the last-run column",
            )

            # Show runs: the runs tab, filtered to this deployment.
            view.runs_action.trigger()
            assert h.window.tabs.currentWidget() is h.runs
            assert h.runs.filter_bar.criteria.deployment_ids == {basic.id}
            proxy = h.runs.proxy
            shown = {proxy.run_at(r).deployment_id for r in range(proxy.rowCount())}
            assert shown == {basic.id}

    run(qloop, scenario(), timeout=180)


@pytest.mark.integration
def test_schedule_pause_and_resume(qloop, qtbot, managed_server) -> None:
    async def scenario() -> None:
        async with managed_server.client() as client:
            from prefect import flow
            from prefect.client.schemas.actions import DeploymentScheduleCreate
            from prefect.client.schemas.schedules import IntervalSchedule

            @flow(name="flowdesk-schedule-probe")
            def probe() -> None: ...

            flow_id = await client.prefect.create_flow(probe)
            deployment_id = str(
                await client.prefect.create_deployment(
                    flow_id,
                    "monthly",
                    paused=True,
                    schedules=[
                        DeploymentScheduleCreate(
                            schedule=IntervalSchedule(interval=timedelta(days=30))
                        )
                    ],
                )
            )
            try:
                async with open_window(qtbot, manager=managed_server.manager) as h:
                    await h.connected_and_loaded()
                    view = h.window.deployments
                    await await_until(lambda: view.select(deployment_id), 30)
                    assert cell(view, deployment_id, DColumn.SCHEDULE_STATE) == "Paused"
                    assert "every" in cell(view, deployment_id, DColumn.SCHEDULE)
                    assert view.resume_schedule.isEnabled()
                    assert not view.pause_schedule.isEnabled()
                    view.resume_schedule.trigger()
                    await await_until(
                        lambda: cell(view, deployment_id, DColumn.SCHEDULE_STATE) == "Active", 20
                    )
                    assert not (await client.prefect.read_deployment(deployment_id)).paused
                    view.select(deployment_id)
                    await await_until(view.pause_schedule.isEnabled, 5)
                    view.pause_schedule.trigger()
                    await await_until(
                        lambda: cell(view, deployment_id, DColumn.SCHEDULE_STATE) == "Paused", 20
                    )
                    assert (await client.prefect.read_deployment(deployment_id)).paused
                    assert any("paused" in m for m in h.messages)

                    # Schedules… opens the deployment's schedules, in words.
                    assert cell(view, deployment_id, DColumn.SCHEDULE) == "every 30 days (UTC)"
                    view.select(deployment_id)
                    assert view.schedules_action.isEnabled()
                    view.schedules_action.trigger()
                    dialog = view.schedules_dialog
                    await await_until(lambda: dialog.loads >= 1, 20, what="schedules listed")
                    assert dialog.table.item(0, 2).text() == "every 30 days (UTC)"
                    assert "flow file's schedules" in dialog.owner.text()
                    dialog.close()
            finally:
                await client.prefect.delete_deployment(deployment_id)

    run(qloop, scenario(), timeout=120)
