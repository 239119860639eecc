"""The runs table's columns: their order, titles, texts, tooltips and sort keys."""

from __future__ import annotations

from datetime import datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desktop_app.core.api.models import STATE_TYPES, RunInfo
from desktop_app.core.api.release_note import paused_at, release_line
from desktop_app.ui.runs.filters import reference_time
from desktop_app.ui.runs.formatting import (
    format_duration,
    format_full_time,
    format_time,
    parameters_summary,
    parameters_tooltip,
)
from desktop_app.ui.style import PAUSE_REQUESTED, state_icon, state_name
from desktop_app.ui.table_model import ALIGN_RIGHT, TableColumn


class Column(IntEnum):
    STATE = 0
    NAME = 1
    FLOW = 2
    DEPLOYMENT = 3
    START = 4
    DURATION = 5
    TAGS = 6
    PARAMETERS = 7


DEFAULT_WIDTHS = {
    Column.STATE: 150,
    Column.NAME: 190,
    Column.FLOW: 170,
    Column.DEPLOYMENT: 110,
    Column.START: 120,
    Column.DURATION: 95,
    Column.TAGS: 110,
    Column.PARAMETERS: 260,
}


_STATE_ORDER = {state: index for index, state in enumerate(STATE_TYPES)}


def _timestamp(value: datetime | None) -> float:
    # .timestamp(), not `value - epoch`: Prefect's pendulum subtraction is ~100x slower.
    return value.timestamp() if value is not None else float("-inf")


SortKey = tuple[Any, ...]


def icon_state(run: RunInfo) -> str:
    """The state type whose icon/colour a run shows (a pause request has its own)."""
    if run.pause_requested and run.state.type == "RUNNING":
        return PAUSE_REQUESTED
    return run.state.type


def _tr(text: str) -> str:
    return QCoreApplication.translate("RunsTable", text)


def _state_tooltip(run: RunInfo) -> str:
    text = state_name(run.display_state)
    if run.pause_requested:
        text += "\n" + _tr("Pause requested: the run pauses at its next checkpoint.")
    if run.pause_released:  # its own note, not the English state message
        text += "\n" + release_line(run)
    elif run.state.message:
        text += "\n" + run.state.message[:500]
    since = paused_at(run)
    if since:
        text += "\n" + _tr("since {time}").format(time=format_full_time(since))
    return text


def _start(run: RunInfo) -> str:
    if run.start_time is not None:
        return format_time(run.start_time)
    return format_time(run.expected_start_time)


def _start_tooltip(run: RunInfo) -> str | None:
    if run.start_time is not None:
        return _tr("Started {time}").format(time=format_full_time(run.start_time))
    if run.expected_start_time is not None:
        return _tr("Expected to start {time}").format(
            time=format_full_time(run.expected_start_time)
        )
    return None


# Each sort key ends with the run id (`sort_key`) so equal values keep a stable, total order.
COLUMNS = (
    TableColumn(
        QT_TRANSLATE_NOOP("RunsTable", "State"), lambda r: state_name(r.display_state),
        tooltip=_state_tooltip, decoration=lambda r: state_icon(icon_state(r)),
        sort=lambda r: (_STATE_ORDER.get(r.state.type, 99), r.display_state),
    ),
    TableColumn(QT_TRANSLATE_NOOP("RunsTable", "Run"), lambda r: r.name,
                tooltip=lambda r: f"{r.name}\n{r.id}", sort=lambda r: r.name.casefold()),
    TableColumn(QT_TRANSLATE_NOOP("RunsTable", "Flow"), lambda r: r.flow_name,
                sort=lambda r: r.flow_name.casefold()),
    TableColumn(QT_TRANSLATE_NOOP("RunsTable", "Deployment"),
                lambda r: r.deployment_name or "—",
                sort=lambda r: (r.deployment_name or "").casefold()),
    TableColumn(QT_TRANSLATE_NOOP("RunsTable", "Start"), _start, tooltip=_start_tooltip,
                sort=lambda r: _timestamp(reference_time(r))),
    TableColumn(
        QT_TRANSLATE_NOOP("RunsTable", "Duration"), lambda r: format_duration(r.duration()),
        alignment=ALIGN_RIGHT,
        sort=lambda r: (r.duration() or 0.0) if r.start_time is not None else -1.0,
    ),
    TableColumn(QT_TRANSLATE_NOOP("RunsTable", "Tags"), lambda r: ", ".join(r.user_tags),
                sort=lambda r: ",".join(r.user_tags).casefold()),
    TableColumn(QT_TRANSLATE_NOOP("RunsTable", "Parameters"),
                lambda r: parameters_summary(r.parameters),
                tooltip=lambda r: parameters_tooltip(r.parameters) or None,
                sort=lambda r: parameters_summary(r.parameters)),
)


def sort_key(column: Column, run: RunInfo) -> SortKey:
    return (COLUMNS[column].sort(run), run.id)
