"""Keyboard, remembered layout and the dashboard strip of the real window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_app.ui.runs.columns import Column
from tests.ui import test_main_window_support as support
from tests.ui.test_main_window_support import await_until, open_window, run

qloop = support.qloop  # the fixture
pytestmark = pytest.mark.integration


async def some_run(h):
    if h.model.rowCount() == 0:
        client = h.client()
        deployment = await client.resolve_deployment("basic-workflow")
        await client.run_deployment(deployment.id, {})
    await await_until(lambda: h.model.rowCount() > 0, 60, what="a run")
    return h.model.run_at(0)


def test_keyboard_shortcuts_reach_their_actions(qloop, qtbot, managed_server) -> None:
    async def scenario() -> None:
        async with open_window(qtbot, manager=managed_server.manager) as h:
            await h.connected_and_loaded()
            first = await some_run(h)
            window = h.window
            window.activateWindow()
            await await_until(lambda: QApplication.activeWindow() is window, 5)
            a = h.runs.actions_
            assert a.pause.shortcut() == QKeySequence("Ctrl+P")
            assert a.resume.shortcut() == QKeySequence("Ctrl+R")
            assert a.delete.shortcut() == QKeySequence(QKeySequence.StandardKey.Delete)

            QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
            await await_until(h.runs.filter_bar.search.hasFocus, 2, what="Ctrl+F")

            loads = h.runs.loader.loads
            QTest.keyClick(window, Qt.Key.Key_F5)
            await await_until(lambda: h.runs.loader.loads > loads, 30, what="F5 reload")

            assert h.runs.select_run(first.id)
            h.runs.table.setFocus()
            QTest.keyClick(h.runs.table, Qt.Key.Key_Return)
            await await_until(lambda: h.runs.detail.run_id == first.id, 5, what="Enter")

            await await_until(a.delete.isEnabled, 5)
            QTest.keyClick(h.runs.table, Qt.Key.Key_Delete)
            boxes = [d for d in a.open_dialogs if isinstance(d, QMessageBox)]
            assert boxes and "Delete 1 run" in boxes[-1].text()
            support.click_confirm(h, "Cancel")
            assert h.model.row_of(first.id) is not None

    run(qloop, scenario(), timeout=150)


def test_window_geometry_and_table_layout_are_remembered(qloop, qtbot, managed_server) -> None:
    async def scenario() -> None:
        async with open_window(qtbot, manager=managed_server.manager, start=False) as h:
            h.window.move(37, 23)
            h.runs.table.setColumnWidth(Column.FLOW, 321)
            h.runs.table.sortByColumn(Column.NAME, Qt.SortOrder.AscendingOrder)
            h.window.close()
        settings = QSettings()
        assert settings.value("runs/header") is not None
        async with open_window(qtbot, manager=managed_server.manager, start=False) as again:
            assert again.runs.table.columnWidth(Column.FLOW) == 321
            header = again.runs.table.horizontalHeader()
            assert header.sortIndicatorSection() == Column.NAME
            assert again.model.sort_column == Column.NAME
            # (The offscreen screen is smaller than the window's minimum size, so
            # the vertical position is what shows the geometry was restored.)
            assert again.window.y() == 23
            again.runs.table.sortByColumn(Column.START, Qt.SortOrder.DescendingOrder)
            again.window.close()

    run(qloop, scenario(), timeout=60)


def test_dashboard_counts_filter_on_click_and_show_the_server_cost(
    qloop, qtbot, managed_server
) -> None:
    async def scenario() -> None:
        async with open_window(qtbot, manager=managed_server.manager) as h:
            await h.connected_and_loaded()
            await some_run(h)
            chart = h.runs.dashboard.chart
            await await_until(lambda: sum(chart.counts.values()) > 0, 5, what="bar counts")
            chip = max(chart.counts, key=chart.counts.get)
            centre = chart.bar_rect(chip).center()
            QTest.mouseClick(chart, Qt.MouseButton.LeftButton, pos=QPoint(int(centre.x()), 40))
            criteria = h.runs.filter_bar.criteria
            assert criteria.chips == {chip} and criteria.time_range == "day"
            await await_until(lambda: h.runs.proxy.rowCount() == chart.counts[chip], 5)
            labels = h.runs.dashboard.labels
            await await_until(lambda: "MiB" in labels["server"].text(), 10, what="a sample")
            assert "CPU" in labels["server"].text()
            assert "MiB" in labels["database"].text() or "KiB" in labels["database"].text()
            # Hidden (in the tray), the strip reads nothing; back on screen it does again.
            dashboard = h.runs.dashboard
            assert dashboard.sampling
            h.window.hide()
            await await_until(lambda: not dashboard.sampling, 5, what="sampling stopped")
            dashboard.last_sample = None
            h.window.show()
            await await_until(lambda: dashboard.sampling, 5, what="sampling again")
            await await_until(lambda: dashboard.last_sample is not None, 10, what="fresh sample")

    run(qloop, scenario(), timeout=120)
