"""Notification decisions: once per pause, bursts summarised, ends after a pause."""

from __future__ import annotations

from datetime import datetime, timezone

from desktop_app.core.api.models import RunEvent
from desktop_app.services.alerts import AlertCoalescer


def ev(run_id: str, state: str, second: int = 0, source: str = "events") -> RunEvent:
    return RunEvent(
        id=f"{run_id}-{state}-{second}-{source}",
        occurred=datetime(2026, 11, 28, 12, 0, second, tzinfo=timezone.utc),
        run_id=run_id,
        state_type=state,
        state_name=state.title(),
        source=source,
    )


def test_single_pause_is_announced_within_a_tenth_of_a_second():
    c = AlertCoalescer()
    c.add(ev("a", "PAUSED"), now=10.0)
    assert c.flush(10.0) == []  # not yet: a burst may follow
    assert c.due_at - 10.0 < 0.1
    alerts = c.flush(c.due_at)
    assert [(a.kind, a.run_ids) for a in alerts] == [("paused", ("a",))]


def test_same_pause_twice_is_not_repeated():
    c = AlertCoalescer()
    c.add(ev("a", "PAUSED"), 0.0)
    c.add(ev("a", "PAUSED", source="poll"), 0.01)  # the poll fallback sees it too
    assert len(c.flush(1.0)) == 1
    c.add(ev("a", "PAUSED"), 2.0)  # replay after reconnect
    assert c.flush(5.0) == []


def test_a_new_pause_of_the_same_run_is_announced():
    c = AlertCoalescer()
    c.add(ev("a", "PAUSED", 0), 0.0)
    c.flush(1.0)
    c.add(ev("a", "RUNNING", 1), 2.0)
    c.add(ev("a", "PAUSED", 2), 3.0)
    assert [a.kind for a in c.flush(5.0)] == ["paused"]


def test_burst_of_fifty_becomes_one_summary():
    c = AlertCoalescer()
    for i in range(50):
        c.add(ev(f"r{i}", "PAUSED"), now=100.0 + i * 0.001)
    alerts = c.flush(101.0)
    assert len(alerts) == 1 and alerts[0].kind == "summary" and alerts[0].count == 50


def test_pauses_right_after_a_notification_are_held_and_summarised():
    c = AlertCoalescer()
    c.add(ev("a", "PAUSED"), 0.0)
    assert len(c.flush(0.1)) == 1
    c.add(ev("b", "PAUSED"), 0.2)
    c.add(ev("c", "PAUSED"), 0.5)
    assert c.flush(0.6) == []  # quiet period
    alerts = c.flush(1.2)
    assert alerts[0].kind == "summary" and set(alerts[0].run_ids) == {"b", "c"}


def test_end_after_pause_is_announced_but_plain_ends_are_not():
    c = AlertCoalescer()
    c.add(ev("plain", "COMPLETED"), 0.0)
    assert c.flush(1.0) == []
    c.add(ev("p", "PAUSED"), 1.0)
    c.flush(2.0)
    c.add(ev("p", "RUNNING"), 3.0)
    c.add(ev("p", "FAILED"), 4.0)
    alerts = c.flush(4.0)
    assert [(a.kind, a.run_ids) for a in alerts] == [("failed", ("p",))]
    c.add(ev("q", "PAUSED"), 5.0)
    c.flush(6.5)
    c.add(ev("q", "COMPLETED"), 7.0)
    assert [a.kind for a in c.flush(7.0)] == ["finished"]
