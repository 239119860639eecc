"""The window says the database is damaged and repairs it from the banner."""

from __future__ import annotations

import asyncio

import pytest

from tests.reliability.conftest import damage, wait_for_deployments
from tests.ui import test_main_window_support as support
from tests.ui.test_main_window_support import await_until, open_window, run

qloop = support.qloop  # the fixture
pytestmark = [pytest.mark.integration, pytest.mark.reliability]


def test_banner_offers_repair_and_restore_reconnects(qloop, qtbot, private_server, tmp_path):
    from desktop_app.core.supervision import database
    from desktop_app.ui import db_repair

    asyncio.run(private_server.manager.stop())
    if not database.backups():
        pytest.skip("no backup yet")  # the package's earlier tests leave several
    db = database.database_file()
    damage(db)

    async def scenario() -> None:
        async with open_window(qtbot, manager=private_server.manager, poll_interval=0.3) as h:
            banner = h.window.banner
            try:
                await await_until(banner.repair_button.isVisible, 60, what="the repair button")
            except AssertionError:
                raise AssertionError(f"{h.context.view} / {banner.text.text()}") from None
            assert str(db) in banner.text.text()
            assert not banner.restart_button.isVisible()  # a restart would fail the same way
            h.window.grab().save(str(tmp_path / "repair-banner.png"))
            # The dialog's "Restore newest backup" choice:
            await db_repair._repair(h.window, h.context, restore=True)
            await await_until(
                lambda: h.context.get_client() is not None, 120, what="connected again"
            )
            assert not banner.isVisible()

    run(qloop, scenario(), timeout=240)
    assert list(db.parent.glob("prefect.db.damaged-*"))
    private_server.start()  # the window owned the server it reconnected to: back for others
    asyncio.run(wait_for_deployments(private_server))
