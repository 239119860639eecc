"""The designer and work pools tabs are built on first visit and then live in the window."""

from __future__ import annotations

import pytest

from tests.ui import test_main_window_support as support
from tests.ui.test_main_window_support import await_until, open_window, run

qloop = support.qloop  # the fixture
pytestmark = pytest.mark.integration


def test_lazy_tabs_are_built_once_and_get_run_events(qloop, qtbot, managed_server) -> None:
    async def scenario() -> None:
        async with open_window(qtbot, manager=managed_server.manager) as h:
            await h.connected_and_loaded()
            window = h.window
            assert window.designer is None and window.workpools is None
            window.tabs.setCurrentIndex(window._designer_index)
            designer = window.designer
            assert designer is not None
            assert window.tabs.widget(window._designer_index) is designer
            window.tabs.setCurrentIndex(0)
            window.tabs.setCurrentIndex(window._designer_index)
            assert window.designer is designer  # built once
            window.tabs.setCurrentIndex(window._workpools_index)
            assert window.tabs.widget(window._workpools_index) is window.workpools
            await await_until(lambda: window.workpools.reads > 0, 20, what="work pools read")

    run(qloop, scenario(), timeout=120)
