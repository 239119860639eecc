"""Run detail at 1400×900: enough log lines and table rows, by default and after a drag.

A run of the seed `basic-workflow` (three tasks) fills the table and the log.
The splitter's default must show ≥ 12 log lines and ≥ 8 table rows; a split
saved as a 2½-row table is moved back on the next launch. Task log lines say
which task run wrote them.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from desktop_app.ui.runs.view import LOG_LINES, TABLE_ROWS
from tests.ui import test_main_window_support as support
from tests.ui.test_main_window_support import await_until, open_window, run

qloop = support.qloop  # the fixture
pytestmark = pytest.mark.integration


def log_lines_in_view(window) -> int:
    text = window.runs.detail.logs.text
    return text.viewport().height() // text.fontMetrics().lineSpacing()


def table_rows_in_view(window) -> int:
    table = window.runs.table
    return table.viewport().height() // table.verticalHeader().defaultSectionSize()


async def settled(window) -> None:
    """Until the splitter was fitted after the first show (a posted call)."""
    await await_until(lambda: window.runs.split_fitted, 10, what="the first show")


async def shows_enough(window) -> None:
    """≥ LOG_LINES log lines and ≥ TABLE_ROWS rows, once the layout pass ran."""
    await await_until(
        lambda: log_lines_in_view(window) >= LOG_LINES
        and table_rows_in_view(window) >= TABLE_ROWS,
        10,
        what=f"{LOG_LINES} log lines and {TABLE_ROWS} rows "
        f"(now {log_lines_in_view(window)} and {table_rows_in_view(window)})",
    )


def test_default_and_restored_splits_show_logs_and_rows(
    qloop, qtbot, managed_server, tmp_path
) -> None:
    QSettings().remove("runs/splitter")
    QSettings().remove("main_window")

    async def scenario() -> None:
        started_id = ""
        async with open_window(qtbot, manager=managed_server.manager, start=True) as h:
            window = h.window
            window.resize(1400, 900)
            await h.connected_and_loaded()
            started = await support.deployment_runner(h)("basic-workflow")
            await await_until(lambda: h.model.run(started.id), 60, what="the run")
            window.runs.select_run(started.id)
            window.runs.show_detail(started.id)
            await settled(window)
            await shows_enough(window)
            window.grab().save(str(tmp_path / "default.png"))

            # Task lines name their task run, once the run logged them.
            pane = window.runs.detail
            await await_until(
                lambda: h.model.run(started.id).state.type == "COMPLETED", 90, what="completion"
            )

            def task_lines() -> list[str]:
                names = {task.name for task in pane.gantt.tasks}
                return [
                    line
                    for line in pane.logs.shown_text().splitlines()
                    if "Finished in state" in line and any(name in line for name in names)
                ]

            try:
                await await_until(lambda: len(task_lines()) >= 3, 60, what="named task lines")
            except AssertionError:
                raise AssertionError(
                    f"{[t.name for t in pane.gantt.tasks]} {pane.logs.task_names}\n"
                    + pane.logs.shown_text()
                ) from None
            assert not any("prefect.task_runs" in line for line in task_lines())

            # The person drags the divider down to a 2½-row table; the window closes.
            splitter = window.runs.splitter
            total = sum(splitter.sizes())
            table_box = window.runs.table_height_for(2) + 10
            splitter.setSizes([table_box, total - table_box])
            await await_until(lambda: table_rows_in_view(window) < 3, 5, what="the drag")
            window.save_state()  # as closing the window does
            started_id = started.id

        async with open_window(qtbot, manager=managed_server.manager) as h:
            window = h.window
            assert window.runs._split_restored
            window.resize(1400, 900)
            await h.connected_and_loaded()
            window.runs.show_detail(started_id)
            await settled(window)
            await shows_enough(window)
            window.grab().save(str(tmp_path / "restored.png"))

    run(qloop, scenario(), timeout=240)


def test_a_saved_split_that_starves_nothing_is_kept(qloop, qtbot, managed_server) -> None:
    QSettings().remove("runs/splitter")

    async def scenario() -> None:
        async with open_window(qtbot, manager=managed_server.manager, start=False) as h:
            window = h.window
            window.resize(1400, 1000)
            await settled(window)
            runs = window.runs
            total = sum(runs.splitter.sizes())
            spare = total - runs.table_height_for(TABLE_ROWS) - runs.detail_height_for(LOG_LINES)
            assert spare > 40  # room to choose a split other than the default
            table = runs.table_height_for(TABLE_ROWS) + spare - 10
            runs.splitter.setSizes([table, total - table])
            chosen = runs.splitter.sizes()
            window.save_state()

        async with open_window(qtbot, manager=managed_server.manager, start=False) as h:
            window = h.window
            window.resize(1400, 1000)
            await settled(window)
            assert window.runs.splitter.sizes() == chosen

    run(qloop, scenario(), timeout=120)
