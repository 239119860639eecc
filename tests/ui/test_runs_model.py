"""The runs table model, tested by calling `data()` like a view would (vorta style)."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import timedelta

import pytest
from PySide6.QtCore import QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QIcon

from desktop_app.constants import PAUSE_REQUEST_TAG
from desktop_app.core.api.models import StateInfo
from desktop_app.ui.runs.columns import Column
from desktop_app.ui.runs.model import RUN_ID_ROLE, RUN_ROLE, RunsTableModel
from tests.unit.test_run_filters import NOW, make_run

D = Qt.ItemDataRole.DisplayRole


@pytest.fixture
def model(qapp) -> RunsTableModel:
    return RunsTableModel(tick_ms=60_000)


class Signals:
    """Records the structural signals a view would react to."""

    def __init__(self, model: RunsTableModel) -> None:
        self.resets = 0
        self.inserted: list[tuple[int, int]] = []
        self.changed: list[tuple[int, int, int, int]] = []
        self.layouts = 0
        model.modelReset.connect(self._reset)
        model.rowsInserted.connect(lambda _p, a, b: self.inserted.append((a, b)))
        model.dataChanged.connect(
            lambda tl, br, _roles=(): self.changed.append(
                (tl.row(), br.row(), tl.column(), br.column())
            )
        )
        model.layoutChanged.connect(self._layout)

    def _reset(self) -> None:
        self.resets += 1

    def _layout(self, *args) -> None:
        self.layouts += 1


def ids(model: RunsTableModel) -> list[str]:
    return [model.index(r, 0).data(RUN_ID_ROLE) for r in range(model.rowCount())]


def test_cells_show_state_name_flow_deployment_duration_tags_parameters(model) -> None:
    run = make_run(
        "r1",
        "COMPLETED",
        name="brave-otter",
        flow="basic-workflow",
        tags=("nightly", "flowdesk"),
        parameters={"count": 5, "label": "x"},
    )
    model.upsert([run])
    cell = lambda column, role=D: model.data(model.index(0, column), role)  # noqa: E731
    assert cell(Column.STATE) == "Completed"
    assert isinstance(cell(Column.STATE, Qt.ItemDataRole.DecorationRole), QIcon)
    assert cell(Column.NAME) == "brave-otter"
    assert "r1" in cell(Column.NAME, Qt.ItemDataRole.ToolTipRole)
    assert cell(Column.FLOW) == "basic-workflow"
    assert cell(Column.DEPLOYMENT) == "flowdesk"
    assert cell(Column.DURATION) == "5.0 s"
    assert cell(Column.TAGS) == "nightly, flowdesk"
    assert cell(Column.PARAMETERS) == 'count=5, label="x"'
    assert cell(Column.STATE, RUN_ROLE) is run
    assert cell(Column.STATE, Qt.ItemDataRole.FontRole) is None


def test_pause_requested_and_paused_rows_stand_out(model) -> None:
    asked = make_run("a", "RUNNING", tags=(PAUSE_REQUEST_TAG,), state_name="Running")
    paused = make_run("b", "PAUSED", state_name="Paused")
    model.upsert([asked, paused])
    row_a, row_b = model.row_of("a"), model.row_of("b")
    assert model.data(model.index(row_a, Column.STATE), D) == "Pause requested"
    assert "next checkpoint" in model.data(
        model.index(row_a, Column.STATE), Qt.ItemDataRole.ToolTipRole
    )
    assert model.data(model.index(row_b, Column.STATE), D) == "Paused"
    for row in (row_a, row_b):
        font = model.data(model.index(row, Column.NAME), Qt.ItemDataRole.FontRole)
        assert isinstance(font, QFont) and font.bold()
        assert model.data(model.index(row, Column.NAME), Qt.ItemDataRole.BackgroundRole) is not None


def test_update_by_id_changes_one_row_without_reset_or_insert(model) -> None:
    model.upsert([make_run(str(i), "RUNNING", started_ago=100 + i) for i in range(50)])
    seen = Signals(model)
    row = model.row_of("7")
    inserted, updated = model.upsert([make_run("7", "COMPLETED", started_ago=107)])
    assert (inserted, updated) == (0, 1)
    assert seen.resets == 0 and seen.inserted == [] and seen.layouts == 0
    assert seen.changed == [(row, row, 0, len(Column) - 1)]
    assert model.rowCount() == 50
    assert model.data(model.index(row, Column.STATE), D) == "Completed"


def test_new_runs_are_inserted_at_their_sorted_place(model) -> None:
    model.upsert([make_run(str(i), started_ago=i * 10.0) for i in (1, 3, 5)])
    assert ids(model) == ["1", "3", "5"]  # newest start first (default sort)
    seen = Signals(model)
    model.upsert([make_run("4", started_ago=40.0), make_run("0", started_ago=0.0)])
    assert ids(model) == ["0", "1", "3", "4", "5"]
    assert seen.resets == 0 and seen.layouts == 0
    assert seen.inserted == [(2, 2), (0, 0)]  # back to front: earlier positions stay valid


def test_duplicates_in_one_batch_and_repeated_loads_never_duplicate_rows(model) -> None:
    runs = [make_run(str(i), started_ago=i) for i in range(30)]
    model.upsert([*runs, replace(runs[3], name="renamed")])
    model.upsert(runs[:10])
    assert model.rowCount() == 30
    assert len(set(ids(model))) == 30


def test_sorting_by_any_column_and_keeping_order_on_insert(model) -> None:
    names = ["delta", "alpha", "echo", "charlie"]
    model.upsert([make_run(n, name=n) for n in names])
    seen = Signals(model)
    model.sort(Column.NAME, Qt.SortOrder.AscendingOrder)
    assert ids(model) == ["alpha", "charlie", "delta", "echo"]
    assert seen.resets == 0 and seen.layouts == 1
    model.upsert([make_run("bravo", name="bravo")])
    assert ids(model) == ["alpha", "bravo", "charlie", "delta", "echo"]
    model.sort(Column.NAME, Qt.SortOrder.DescendingOrder)
    model.upsert([make_run("foxtrot", name="foxtrot")])
    assert ids(model)[:2] == ["foxtrot", "echo"]


def test_a_change_of_sort_position_moves_the_row_and_selection_follows(model) -> None:
    model.sort(Column.STATE, Qt.SortOrder.AscendingOrder)
    model.upsert([make_run("a", "RUNNING"), make_run("b", "COMPLETED"), make_run("c", "FAILED")])
    assert ids(model) == ["a", "b", "c"]
    selected = QPersistentModelIndex(model.index(model.row_of("a"), Column.NAME))
    seen = Signals(model)
    model.upsert([make_run("a", "CRASHED")])
    assert ids(model) == ["b", "c", "a"]
    assert seen.resets == 0 and seen.layouts == 1
    assert selected.row() == 2 and selected.data(RUN_ID_ROLE) == "a"


def test_scattered_inserts_into_a_big_model_keep_everything_sorted(model) -> None:
    rng = random.Random(7)
    model.upsert([make_run(f"a{i}", started_ago=rng.uniform(0, 1e6)) for i in range(2000)])
    model.upsert([make_run(f"b{i}", started_ago=rng.uniform(0, 1e6)) for i in range(300)])
    starts = [model.run_at(r).start_time for r in range(model.rowCount())]
    assert starts == sorted(starts, reverse=True)
    assert model.rowCount() == 2300
    assert all(model.row_of(model.run_at(r).id) == r for r in range(model.rowCount()))


def test_remove_drops_rows_and_keeps_the_index_right(model) -> None:
    model.upsert([make_run(str(i), started_ago=i) for i in range(10)])
    assert model.remove(["3", "4", "8", "missing"]) == 3
    assert ids(model) == ["0", "1", "2", "5", "6", "7", "9"]
    assert all(model.row_of(model.run_at(r).id) == r for r in range(model.rowCount()))


def test_tick_refreshes_only_the_duration_of_running_rows(model) -> None:
    running = [make_run(f"run{i}", "RUNNING", started_ago=10 + i) for i in range(3)]
    done = [make_run(f"done{i}", "COMPLETED", started_ago=100 + i) for i in range(3)]
    model.upsert(running + done)
    assert model.running_ids == {"run0", "run1", "run2"}
    seen = Signals(model)
    model.tick()
    assert seen.changed == [(0, 2, Column.DURATION, Column.DURATION)]
    assert seen.resets == 0 and seen.layouts == 0
    model.upsert(
        [
            replace(
                running[1],
                state=StateInfo(type="COMPLETED", name="Completed"),
                end_time=NOW + timedelta(seconds=1),
            )
        ]
    )
    assert "run1" not in model.running_ids


def test_clear_is_the_only_reset(model) -> None:
    model.upsert([make_run("a")])
    seen = Signals(model)
    model.clear()
    assert seen.resets == 1 and model.rowCount() == 0
