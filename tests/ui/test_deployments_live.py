"""The deployments tab follows the runner at once: events, and a read when it opens.

A new flow file written into the user's flows folder is registered by the
session's real runner; Prefect then emits `prefect.deployment.created`, and the
tab reads its deployments again. The 30 s safety-net timer is stopped in these
tests, so only the event (or opening the tab) can bring the row.
"""

from __future__ import annotations

import uuid

import pytest

from desktop_app.core.config import paths
from tests.ui import test_main_window_support as support
from tests.ui.test_main_window_support import await_until, open_window, run

qloop = support.qloop  # the fixture
pytestmark = pytest.mark.integration

FLOW = '''
from prefect import flow


@flow(name="{name}")
def {function}() -> int:
    return 1
'''


def write_flow(name: str):
    function = name.replace("-", "_")
    path = paths.user_flows_dir() / f"{function}.py"
    path.write_text(FLOW.format(name=name, function=function), encoding="utf-8")
    return path


def flow_names(view) -> set[str]:
    return {d.flow_name for d in view.model.deployments()}


def test_a_new_flow_file_shows_from_the_event_stream(qloop, qtbot, managed_server) -> None:
    name = f"live-{uuid.uuid4().hex[:8]}"

    async def scenario() -> None:
        async with open_window(qtbot, manager=managed_server.manager) as h:
            await h.connected_and_loaded()
            await h.live()
            view = h.window.deployments
            await await_until(lambda: view.loads >= 1, 30, what="deployments")
            # The window restores the last tab (another test may have left Deployments).
            h.window.tabs.setCurrentWidget(h.window.runs)
            view._reload_timer.stop()  # no timer: only events may bring the row
            assert not view.isVisible()  # the Runs tab is shown
            loads = view.loads
            path = write_flow(name)
            try:
                await await_until(lambda: name in flow_names(view), 60, what="the new row")
                assert view.loads > loads
                assert not view._reload_timer.isActive()
            finally:
                path.unlink()
            # Deleting the file removes the deployment: the row goes the same way.
            await await_until(lambda: name not in flow_names(view), 60, what="the row gone")

    run(qloop, scenario(), timeout=180)


def test_opening_the_tab_reads_the_deployments_again(qloop, qtbot, managed_server) -> None:
    name = f"shown-{uuid.uuid4().hex[:8]}"

    async def scenario() -> None:
        async with open_window(qtbot, manager=managed_server.manager) as h:
            await h.connected_and_loaded()
            window = h.window
            view = window.deployments
            await await_until(lambda: view.loads >= 1, 30, what="deployments")
            window.tabs.setCurrentWidget(window.runs)  # not the restored last tab
            view._reload_timer.stop()
            window.runs.loader.deployment_event.disconnect(view.on_deployment_event)
            client = h.client()

            async def registered() -> bool:
                return name in {d.flow_name for d in await client.list_deployments()}

            async def gone() -> bool:
                return not await registered()

            path = write_flow(name)
            try:
                await await_until(registered, 60, what="the runner registering it")
                assert name not in flow_names(view)  # nothing told the tab yet
                window.tabs.setCurrentWidget(view)
                await await_until(lambda: name in flow_names(view), 10, what="the row")
            finally:
                path.unlink()
            await await_until(gone, 60, what="the deployment removed")

    run(qloop, scenario(), timeout=180)
