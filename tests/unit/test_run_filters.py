"""The runs table's filter criteria and the proxy that applies them."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from desktop_app.constants import PAUSE_REQUEST_TAG
from desktop_app.core.api.models import RunInfo, StateInfo
from desktop_app.ui.runs.filters import (
    RunCriteria,
    count_states,
    counts_since,
    reference_time,
    row_facts,
)

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=timezone.utc)


def make_run(
    run_id: str,
    state: str = "COMPLETED",
    *,
    name: str = "",
    flow: str = "basic-workflow",
    deployment: tuple[str, str] | None = ("dep-1", "flowdesk"),
    started_ago: float | None = 60.0,
    expected_in: float | None = None,
    tags: tuple[str, ...] = (),
    parameters: dict | None = None,
    state_name: str = "",
) -> RunInfo:
    start = NOW - timedelta(seconds=started_ago) if started_ago is not None else None
    expected = NOW + timedelta(seconds=expected_in) if expected_in is not None else start
    return RunInfo(
        id=run_id,
        name=name or f"run-{run_id}",
        flow_id=f"flow-{flow}",
        flow_name=flow,
        state=StateInfo(type=state, name=state_name or state.title(), timestamp=start),
        deployment_id=deployment[0] if deployment else None,
        deployment_name=deployment[1] if deployment else None,
        tags=tags,
        parameters=parameters or {},
        expected_start_time=expected,
        start_time=start,
        end_time=start + timedelta(seconds=5) if start and state == "COMPLETED" else None,
    )


def test_empty_criteria_match_everything() -> None:
    criteria = RunCriteria()
    assert criteria.is_empty
    assert criteria.matches(make_run("a"), criteria.since(NOW))


def test_state_chips_select_state_types_and_cancelled_covers_cancelling() -> None:
    criteria = RunCriteria(chips=frozenset({"PAUSED", "CANCELLED"}))
    assert criteria.matches(make_run("a", "PAUSED"))
    assert criteria.matches(make_run("b", "CANCELLING"))
    assert criteria.matches(make_run("c", "CANCELLED"))
    assert not criteria.matches(make_run("d", "RUNNING"))
    assert not criteria.matches(make_run("e", "COMPLETED"))


def test_text_search_is_case_insensitive_over_name_flow_deployment_id_tags() -> None:
    run = make_run(
        "0b5e-77", name="Nightly-Import", flow="etl", deployment=("d9", "prod"), tags=("Team-A",)
    )
    for needle in ("nightly", "ETL", "prod", "0B5E", "team-a", "  import "):
        assert RunCriteria(text=needle).matches(run), needle
    assert not RunCriteria(text="absent").matches(run)


def test_text_search_ignores_internal_flowdesk_tags_but_sees_pause_requested() -> None:
    run = make_run("x", "RUNNING", tags=(PAUSE_REQUEST_TAG,))
    assert not RunCriteria(text="flowdesk.pause").matches(run)
    assert RunCriteria(text="pause requested").matches(run)


def test_flow_and_deployment_filters() -> None:
    a = make_run("a", flow="etl", deployment=("d1", "one"))
    b = make_run("b", flow="report", deployment=("d2", "two"))
    c = make_run("c", flow="etl", deployment=None)
    by_flow = RunCriteria(flow_names=frozenset({"etl"}))
    assert [r.id for r in (a, b, c) if by_flow.matches(r)] == ["a", "c"]
    by_dep = RunCriteria(deployment_ids=frozenset({"d2"}))
    assert [r.id for r in (a, b, c) if by_dep.matches(r)] == ["b"]


@pytest.mark.parametrize(
    ("time_range", "expected"),
    [
        ("hour", {"recent", "upcoming"}),
        ("day", {"recent", "today", "upcoming"}),
        ("week", {"recent", "today", "days", "upcoming"}),
        ("all", {"recent", "today", "days", "old", "upcoming"}),
    ],
)
def test_time_ranges_use_start_or_expected_start(time_range: str, expected: set[str]) -> None:
    runs = [
        make_run("recent", started_ago=600),
        make_run("today", started_ago=5 * 3600),
        make_run("days", started_ago=3 * 86400),
        make_run("old", started_ago=30 * 86400),
        make_run("upcoming", "SCHEDULED", started_ago=None, expected_in=3600),
    ]
    criteria = RunCriteria(time_range=time_range)
    since = criteria.since(NOW)
    assert {r.id for r in runs if criteria.matches(r, since)} == expected


def test_unknown_time_range_is_refused_with_the_choices() -> None:
    with pytest.raises(ValueError, match=r"Unknown time range 'month'.*hour, day, week, all"):
        RunCriteria(time_range="month")


def test_run_without_any_time_is_outside_every_time_range() -> None:
    run = make_run("t", "PENDING", started_ago=None)
    assert reference_time(run) is None
    assert not RunCriteria(time_range="week").matches(run, NOW - timedelta(days=7))
    assert RunCriteria().matches(run)


def test_chip_counts_ignore_the_chips_but_apply_other_filters() -> None:
    runs = [
        make_run("1", "RUNNING", flow="etl"),
        make_run("2", "PAUSED", flow="etl"),
        make_run("3", "PAUSED", flow="report"),
        make_run("4", "CANCELLING", flow="etl"),
        make_run("5", "COMPLETED", flow="etl", started_ago=10 * 86400),
    ]
    criteria = RunCriteria(chips=frozenset({"RUNNING"}), flow_names=frozenset({"etl"}))
    counts = count_states([row_facts(r) for r in runs], criteria, NOW)
    assert counts == {"RUNNING": 1, "PAUSED": 1, "CANCELLED": 1, "COMPLETED": 1}
    day = count_states([row_facts(r) for r in runs], criteria.with_(time_range="day"), NOW)
    assert "COMPLETED" not in day


def test_counts_since_is_the_dashboard_window() -> None:
    runs = [
        make_run("1", "FAILED", started_ago=3600),
        make_run("2", "FAILED", started_ago=2 * 86400),
        make_run("3", "SCHEDULED", started_ago=None, expected_in=60),
    ]
    assert counts_since([row_facts(r) for r in runs], NOW - timedelta(days=1)) == {
        "FAILED": 1,
        "SCHEDULED": 1,
    }


def test_one_summary_pass_counts_and_finds_next_and_last_runs_per_deployment() -> None:
    import asyncio

    from desktop_app.ui.runs.summary import summarize, summarize_cooperatively

    runs = [
        make_run("old", "COMPLETED", deployment=("d1", "x"), started_ago=3600),
        make_run("new", "FAILED", deployment=("d1", "x"), started_ago=60),
        make_run("soon", "SCHEDULED", deployment=("d1", "x"), started_ago=None, expected_in=600),
        make_run("later", "SCHEDULED", deployment=("d1", "x"), started_ago=None, expected_in=9e3),
        make_run("week", "COMPLETED", flow="etl", deployment=None, started_ago=3 * 86400),
    ]
    rows = [row_facts(r) for r in runs]
    criteria = RunCriteria(flow_names=frozenset({"basic-workflow"}))
    summary = summarize(rows, criteria, NOW)
    assert summary.chip_counts == {"COMPLETED": 1, "FAILED": 1, "SCHEDULED": 2}
    assert summary.day_counts == {"COMPLETED": 1, "FAILED": 1, "SCHEDULED": 2}
    assert summary.flows == {"basic-workflow", "etl"}
    assert set(summary.deployments) == {"d1"}
    assert summary.last_runs["d1"].id == "new"
    assert summary.next_runs["d1"].id == "soon"
    same = asyncio.run(summarize_cooperatively(rows, criteria, NOW))
    assert (same.chip_counts, same.last_runs, same.next_runs) == (
        summary.chip_counts,
        summary.last_runs,
        summary.next_runs,
    )


def test_proxy_applies_criteria_and_forwards_sorting_to_the_source(qapp) -> None:
    from PySide6.QtCore import Qt

    from desktop_app.ui.runs.columns import Column
    from desktop_app.ui.runs.model import RunsTableModel
    from desktop_app.ui.runs.proxy import RunsFilterProxy

    model = RunsTableModel()
    model.upsert(
        [
            make_run("a", "RUNNING", name="alpha", flow="etl"),
            make_run("b", "PAUSED", name="bravo", flow="report"),
            make_run("c", "FAILED", name="charlie", flow="etl"),
        ]
    )
    proxy = RunsFilterProxy()
    proxy.setSourceModel(model)
    assert proxy.rowCount() == 3
    proxy.set_criteria(RunCriteria(flow_names=frozenset({"etl"})))
    assert {proxy.run_at(r).id for r in range(proxy.rowCount())} == {"a", "c"}
    proxy.set_criteria(RunCriteria(chips=frozenset({"PAUSED"})))
    assert [proxy.run_at(r).id for r in range(proxy.rowCount())] == ["b"]
    proxy.set_criteria(RunCriteria(text="CHAR"))
    assert [proxy.run_at(r).id for r in range(proxy.rowCount())] == ["c"]
    proxy.set_criteria(RunCriteria())
    proxy.sort(Column.NAME, Qt.SortOrder.DescendingOrder)
    assert [proxy.run_at(r).id for r in range(proxy.rowCount())] == ["c", "b", "a"]
    assert model.sort_column == Column.NAME and model.descending
    # A change that makes a run match appears without a reset of the proxy either.
    resets: list[int] = []
    proxy.modelReset.connect(lambda: resets.append(1))
    proxy.set_criteria(RunCriteria(chips=frozenset({"COMPLETED"})))
    assert proxy.rowCount() == 0
    model.upsert([make_run("a", "COMPLETED", name="alpha", flow="etl")])
    assert [proxy.run_at(r).id for r in range(proxy.rowCount())] == ["a"]
    assert resets == []
