"""The work pools view against the real local server."""

from __future__ import annotations

import uuid

import pytest

from tests.ui import test_forms_support as support
from tests.ui.test_forms_support import arun, await_until

qloop = support.qloop
server_client = support.server_client

pytestmark = pytest.mark.integration


def test_work_pools_are_listed_refreshed_and_stop_reading_when_hidden(qtbot, qloop, server_client):
    from prefect.client.schemas.actions import WorkPoolCreate, WorkPoolUpdate

    from desktop_app.ui.async_tools import TaskKeeper
    from desktop_app.ui.workpools import WorkPoolsView
    from desktop_app.ui.workpools.model import NAME, PAUSED, QUEUE, STATUS, TYPE, WORKERS

    client = server_client
    name = f"tray-test-pool-{uuid.uuid4().hex[:6]}"
    view = WorkPoolsView(lambda: client, TaskKeeper(), refresh_ms=200)
    qtbot.addWidget(view)

    async def scenario():
        await client.prefect.create_work_pool(WorkPoolCreate(name=name, type="process"))
        try:
            view.show()  # showing reads at once and starts the timer
            await await_until(lambda: view.model.row_of(name) is not None, timeout=20)
            row = view.model.row_of(name)
            cell = lambda column: view.model.index(row, column).data()  # noqa: E731
            assert (cell(NAME), cell(TYPE), cell(PAUSED)) == (name, "process", "no")
            assert cell(STATUS) == "Not ready"  # no worker polls it
            assert cell(WORKERS) == "no workers" and cell(QUEUE) == 0
            assert "work pool(s), read at" in view.status.text()

            await client.prefect.update_work_pool(name, WorkPoolUpdate(is_paused=True))
            await await_until(
                lambda: view.model.index(view.model.row_of(name), PAUSED).data() == "yes",
                timeout=10,
                what="the timer's refresh",
            )
            view.hide()
            assert not view.timer.isActive()
            reads = view.reads
            view.refresh()  # on demand still works while hidden
            await await_until(lambda: view.reads == reads + 1, timeout=10)
        finally:
            await client.prefect.delete_work_pool(name)

    arun(qloop, scenario())


def test_work_pools_view_says_why_when_not_connected(qtbot):
    from desktop_app.ui.workpools import WorkPoolsView

    view = WorkPoolsView(lambda: None)
    qtbot.addWidget(view)
    view.refresh()
    assert view.status.text() == "Could not read the work pools: Not connected to a Prefect server."
    assert view.model.rowCount() == 0
