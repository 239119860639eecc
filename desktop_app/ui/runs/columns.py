"""The runs table's columns: their order, titles and sort keys."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desktop_app.core.models import STATE_TYPES, RunInfo
from desktop_app.ui.runs.filters import reference_time
from desktop_app.ui.runs.formatting import parameters_summary


class Column(IntEnum):
    STATE = 0
    NAME = 1
    FLOW = 2
    DEPLOYMENT = 3
    START = 4
    DURATION = 5
    TAGS = 6
    PARAMETERS = 7


_TITLES = {
    Column.STATE: QT_TRANSLATE_NOOP("RunsTable", "State"),
    Column.NAME: QT_TRANSLATE_NOOP("RunsTable", "Run"),
    Column.FLOW: QT_TRANSLATE_NOOP("RunsTable", "Flow"),
    Column.DEPLOYMENT: QT_TRANSLATE_NOOP("RunsTable", "Deployment"),
    Column.START: QT_TRANSLATE_NOOP("RunsTable", "Start"),
    Column.DURATION: QT_TRANSLATE_NOOP("RunsTable", "Duration"),
    Column.TAGS: QT_TRANSLATE_NOOP("RunsTable", "Tags"),
    Column.PARAMETERS: QT_TRANSLATE_NOOP("RunsTable", "Parameters"),
}

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


def title(column: Column) -> str:
    return QCoreApplication.translate("RunsTable", _TITLES[column])


_STATE_ORDER = {state: index for index, state in enumerate(STATE_TYPES)}


def _timestamp(value: datetime | None) -> float:
    # .timestamp(), not `value - epoch`: Prefect's pendulum subtraction is ~100x slower.
    return value.timestamp() if value is not None else float("-inf")


SortKey = tuple[Any, ...]

# Each key ends with the run id so equal values keep a stable, total order.
_KEYS: dict[Column, Callable[[RunInfo], Any]] = {
    Column.STATE: lambda r: (_STATE_ORDER.get(r.state.type, 99), r.display_state),
    Column.NAME: lambda r: r.name.casefold(),
    Column.FLOW: lambda r: r.flow_name.casefold(),
    Column.DEPLOYMENT: lambda r: (r.deployment_name or "").casefold(),
    Column.START: lambda r: _timestamp(reference_time(r)),
    Column.DURATION: lambda r: (r.duration() or 0.0) if r.start_time is not None else -1.0,
    Column.TAGS: lambda r: ",".join(r.user_tags).casefold(),
    Column.PARAMETERS: lambda r: parameters_summary(r.parameters),
}


def sort_key(column: Column, run: RunInfo) -> SortKey:
    return (_KEYS[column](run), run.id)
