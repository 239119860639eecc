"""Everything the window derives from all runs, in one cooperative pass.

The chip counts, the flow and deployment choices, the dashboard's 24 h
counts and each deployment's next/last run all need a scan of every row. At
10,000 runs four separate scans on the GUI loop cost 50-300 ms per change
burst; here one scan walks the rows in slices and yields to the loop between
slices, so no single step holds the window for more than a few milliseconds.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from desktop_app.ui.runs.filters import RowFacts, RunCriteria

SLICE = 500


@dataclass
class Summary:
    chip_counts: Counter[str] = field(default_factory=Counter)
    """Per chip, over every filter but the chips (the filter bar)."""
    day_counts: Counter[str] = field(default_factory=Counter)
    """Per chip, runs of the last 24 h (the dashboard)."""
    flows: set[str] = field(default_factory=set)
    deployments: dict[str, RowFacts] = field(default_factory=dict)
    """Deployment id → one of its runs (for its label)."""
    next_runs: dict[str, RowFacts] = field(default_factory=dict)
    last_runs: dict[str, RowFacts] = field(default_factory=dict)
    rows: int = 0


def add_rows(
    summary: Summary,
    rows: Iterable[RowFacts],
    criteria: RunCriteria,
    since: float | None,
    day: float,
) -> None:
    """Fold `rows` into `summary` (one slice of the scan)."""
    match = criteria.matches_ignoring_states
    chip_counts, day_counts = summary.chip_counts, summary.day_counts
    flows, deployments = summary.flows, summary.deployments
    next_runs, last_runs = summary.next_runs, summary.last_runs
    for facts in rows:
        summary.rows += 1
        if match(facts, since):
            chip_counts[facts.chip] += 1
        reference = facts.reference
        if reference is not None and reference >= day:
            day_counts[facts.chip] += 1
        if facts.flow_name:
            flows.add(facts.flow_name)
        dep = facts.deployment_id
        if not dep:
            continue
        deployments.setdefault(dep, facts)
        if facts.state_type == "SCHEDULED":
            if facts.expected is not None:
                best = next_runs.get(dep)
                if best is None or facts.expected < best.expected:  # type: ignore[operator]
                    next_runs[dep] = facts
        elif reference is not None:
            best = last_runs.get(dep)
            if best is None or reference > best.reference:  # type: ignore[operator]
                last_runs[dep] = facts


def summarize(
    rows: Iterable[RowFacts], criteria: RunCriteria, now: datetime | None = None
) -> Summary:
    """The whole scan at once (tests, small tables)."""
    now = now or datetime.now(timezone.utc)
    summary = Summary()
    since = criteria.since(now)
    add_rows(
        summary,
        rows,
        criteria,
        since.timestamp() if since else None,
        (now - timedelta(days=1)).timestamp(),
    )
    return summary


async def summarize_cooperatively(
    rows: list[RowFacts], criteria: RunCriteria, now: datetime | None = None
) -> Summary:
    """`summarize`, yielding to the loop every `SLICE` rows."""
    now = now or datetime.now(timezone.utc)
    summary = Summary()
    since = criteria.since(now)
    since_ts = since.timestamp() if since else None
    day = (now - timedelta(days=1)).timestamp()
    for start in range(0, len(rows), SLICE):
        add_rows(summary, rows[start : start + SLICE], criteria, since_ts, day)
        await asyncio.sleep(0)
    return summary
