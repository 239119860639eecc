"""What the runs table shows: the filter criteria and how a run is matched.

Plain data and functions, no Qt: the proxy model calls `RunCriteria.matches`
for each row, the filter bar counts runs per state with `count_states`, and
both are unit-tested without a window.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone
from typing import NamedTuple

from desktop_app.core.api.models import RunInfo

# The filter chips, in the order shown; each covers one or more state types.
CHIP_STATES: dict[str, frozenset[str]] = {
    "RUNNING": frozenset({"RUNNING"}),
    "PAUSED": frozenset({"PAUSED"}),
    "SCHEDULED": frozenset({"SCHEDULED"}),
    "PENDING": frozenset({"PENDING"}),
    "COMPLETED": frozenset({"COMPLETED"}),
    "FAILED": frozenset({"FAILED"}),
    "CANCELLED": frozenset({"CANCELLED", "CANCELLING"}),
    "CRASHED": frozenset({"CRASHED"}),
}

TIME_RANGES: dict[str, timedelta | None] = {
    "hour": timedelta(hours=1),
    "day": timedelta(days=1),
    "week": timedelta(days=7),
    "all": None,
}


def reference_time(run: RunInfo) -> datetime | None:
    """When a run happened for time filters: its start, else when it is expected to start.

    Upcoming scheduled runs therefore count as recent: "last hour" shows what
    ran in the last hour *and* what is about to run.
    """
    return run.start_time or run.expected_start_time or run.created


_CHIP_OF = {state: chip for chip, states in CHIP_STATES.items() for state in states}


def _ts(value: datetime | None) -> float | None:
    return value.timestamp() if value is not None else None


class RowFacts(NamedTuple):
    """What filters and summaries need from a run, computed once per change.

    Counting 10,000 runs by state through `RunInfo` (Prefect's pendulum dates,
    property calls) took 100-300 ms per summary here; over these plain floats
    and strings it takes a few milliseconds.
    """

    id: str
    chip: str
    state_type: str
    reference: float | None
    expected: float | None
    flow_name: str
    deployment_id: str | None
    haystack: str
    run: RunInfo


def row_facts(run: RunInfo) -> RowFacts:
    return RowFacts(
        id=run.id,
        chip=_CHIP_OF.get(run.state.type, run.state.type),
        state_type=run.state.type,
        reference=_ts(reference_time(run)),
        expected=_ts(run.expected_start_time),
        flow_name=run.flow_name,
        deployment_id=run.deployment_id,
        haystack=search_text(run),
        run=run,
    )


@dataclass(frozen=True)
class RunCriteria:
    """The table's filter. Empty sets mean "any"."""

    chips: frozenset[str] = frozenset()
    text: str = ""
    flow_names: frozenset[str] = frozenset()
    deployment_ids: frozenset[str] = frozenset()
    time_range: str = "all"
    _needle: str = field(default="", init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.time_range not in TIME_RANGES:
            raise ValueError(
                f"Unknown time range '{self.time_range}': use one of {', '.join(TIME_RANGES)}."
            )
        object.__setattr__(self, "_needle", self.text.strip().casefold())

    @property
    def state_types(self) -> frozenset[str]:
        return frozenset().union(*(CHIP_STATES.get(c, frozenset({c})) for c in self.chips))

    def with_(self, **changes: object) -> RunCriteria:
        return replace(self, **changes)  # type: ignore[arg-type]

    def since(self, now: datetime | None = None) -> datetime | None:
        span = TIME_RANGES[self.time_range]
        if span is None:
            return None
        return (now or datetime.now(timezone.utc)) - span

    def matches(self, run: RunInfo | RowFacts, since: datetime | None = None) -> bool:
        """True if `run` passes every criterion; `since` = `self.since()` computed once."""
        facts = run if isinstance(run, RowFacts) else row_facts(run)
        return self.matches_facts(facts, _ts(since))

    def matches_facts(self, facts: RowFacts, since: float | None) -> bool:
        return self.matches_ignoring_states(facts, since) and (
            not self.chips or facts.state_type in self.state_types
        )

    def matches_ignoring_states(self, facts: RowFacts, since: float | None) -> bool:
        """Every criterion but the state chips: what the chip counts are taken over."""
        if self.flow_names and facts.flow_name not in self.flow_names:
            return False
        if self.deployment_ids and facts.deployment_id not in self.deployment_ids:
            return False
        if since is not None and (facts.reference is None or facts.reference < since):
            return False
        return not self._needle or self._needle in facts.haystack

    @property
    def is_empty(self) -> bool:
        return (
            not self.chips
            and not self._needle
            and not self.flow_names
            and not self.deployment_ids
            and self.time_range == "all"
        )


def search_text(run: RunInfo) -> str:
    """What the search box looks in: name, flow, deployment, id, tags, state."""
    return " ".join(
        (
            run.name,
            run.flow_name,
            run.deployment_name or "",
            run.id,
            " ".join(run.user_tags),
            run.display_state,
        )
    ).casefold()


def count_states(
    rows: Iterable[RowFacts], criteria: RunCriteria, now: datetime | None = None
) -> Counter[str]:
    """Runs per chip among those matching every criterion except the chips themselves."""
    since = _ts(criteria.since(now))
    match = criteria.matches_ignoring_states
    return Counter(f.chip for f in rows if match(f, since))


def counts_since(rows: Iterable[RowFacts], since: datetime) -> Counter[str]:
    """Runs per chip whose reference time is at or after `since` (the dashboard's 24 h)."""
    limit = since.timestamp()
    return Counter(f.chip for f in rows if f.reference is not None and f.reference >= limit)
