"""Server not reachable: the tables stay (greyed), a banner says why, actions are
disabled with the reason, and everything comes back on reconnect without duplicates.

A real TCP proxy sits between the window and the session's real server; stopping
the proxy is the outage.
"""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from desktop_app.core.api.connection import Connection
from tests.ui import test_main_window_support as support
from tests.ui.test_main_window_support import TcpProxy, await_until, open_window, run

qloop = support.qloop  # the fixture
pytestmark = pytest.mark.integration


async def ensure_some_run(h) -> None:
    """The session's server may be fresh: have one run to show."""
    if h.model.rowCount() == 0:
        client = h.client()
        deployment = await client.resolve_deployment("basic-workflow")
        await client.run_deployment(deployment.id, {})
    await await_until(lambda: h.model.rowCount() > 0, 30, what="some rows")


def test_outage_greys_the_tables_disables_actions_and_reconnects_without_duplicates(
    qloop, qtbot, managed_server
) -> None:
    target = urlparse(managed_server.connection.api_url)
    proxy = TcpProxy(target.hostname, target.port)

    async def scenario() -> None:
        await proxy.start()
        connection = Connection(
            api_url=f"http://127.0.0.1:{proxy.port}/api",
            auth_string=managed_server.connection.auth_string,
            kind="remote",
            managed=False,
        )
        try:
            async with open_window(qtbot, connection=connection, poll_interval=0.3) as h:
                await h.connected_and_loaded()
                await ensure_some_run(h)
                assert not h.window.banner.isVisible()
                rows_before = h.model.rowCount()
                ids_before = h.model.ids()
                h.runs.select_run(h.model.run_at(0).id)

                await proxy.stop()
                await await_until(lambda: h.context.get_client() is None, 15, what="outage")
                await await_until(h.window.banner.isVisible, 5, what="the banner")
                assert "Not connected" in h.window.banner.text.text()
                assert not h.window.banner.restart_button.isVisible()  # not our server
                # The rows stay, readable but marked stale.
                assert h.model.rowCount() == rows_before
                assert "out of date" in h.runs.table.toolTip()
                for action in h.runs.actions_.all:
                    if action.property("network"):
                        assert not action.isEnabled(), action.text()
                        assert "Not connected" in action.toolTip(), action.toolTip()
                assert h.runs.actions_.copy_id.isEnabled()  # needs no server
                assert not h.window.deployments.run_now.isEnabled()
                assert not h.runs.refresh_action.isEnabled()

                loads = h.runs.loader.loads
                await proxy.start()  # same port
                await await_until(lambda: h.context.get_client() is not None, 20)
                await await_until(lambda: h.runs.loader.loads > loads, 60, what="reload")
                assert not h.window.banner.isVisible()
                assert h.runs.table.toolTip() == ""
                assert h.model.ids() >= ids_before
                assert h.model.rowCount() == len(h.model.ids())  # no duplicate rows
                assert h.runs.refresh_action.isEnabled()
        finally:
            await proxy.stop()

    run(qloop, scenario(), timeout=180)


def test_a_server_that_never_answers_shows_why_and_keeps_the_window_usable(
    qloop, qtbot, managed_server
) -> None:
    from desktop_app.core.supervision.ports import free_port

    nowhere = Connection(api_url=f"http://127.0.0.1:{free_port()}/api", kind="remote")

    async def scenario() -> None:
        async with open_window(qtbot, connection=nowhere, poll_interval=0.3) as h:
            await await_until(h.window.banner.isVisible, 15, what="the banner")
            await await_until(lambda: h.context.view.phase == "unreachable", 15)
            assert h.context.get_client() is None
            assert "Not connected" in h.window.banner.text.text()
            assert not h.runs.actions_.pause.isEnabled()
            assert "not answering" in h.window.server_status.button.text()
            # The window still works: filters can be typed.
            h.runs.filter_bar.search.setText("anything")
            await await_until(lambda: h.runs.filter_bar.criteria.text == "anything", 2)

    run(qloop, scenario(), timeout=60)


def test_a_remote_profile_while_connecting_says_where_not_local_start(qloop, qtbot) -> None:
    """Seen on screen: a remote profile's banner spoke of starting the local server."""
    url = "http://team-server.invalid:4200/api"

    async def scenario() -> str:
        connection = Connection(url, kind="remote", managed=False)
        async with open_window(qtbot, connection=connection, start=False) as h:
            return h.window.banner.text.text()

    text = run(qloop, scenario(), timeout=30)
    assert text == f"Connecting to the Prefect server at {url}…"
    assert "local" not in text
