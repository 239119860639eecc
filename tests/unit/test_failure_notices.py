"""Failures that reach you, the rules without Qt: words, grouping, bursts, once and only once."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

from desktop_app.core.api.models import RunInfo, StateInfo
from desktop_app.services.failures import (
    Failure,
    FailureBatch,
    FailureLedger,
    first_line,
    group,
)

NOW = datetime.now(timezone.utc)
SERVER = "http://127.0.0.1:4200/api"


def failure(
    run_id: str,
    *,
    state: str = "FAILED",
    deployment: str | None = "dep-1",
    ago: float = 60,
    attempt: int = 1,
    flow: str = "etl",
) -> Failure:
    return Failure(
        run_id=run_id,
        state_type=state,
        flow_name=flow,
        run_name=f"run-{run_id}",
        ended=NOW - timedelta(seconds=ago),
        deployment_id=deployment,
        deployment_name="nightly" if deployment else None,
        message="ValueError: bad row 7",
        attempt=attempt,
    )


def test_the_first_line_of_the_state_message_is_what_failed():
    message = "\n  Flow run encountered an exception: ValueError: bad  row 7\nTraceback ...\n"
    assert first_line(message) == "ValueError: bad row 7"  # Prefect's lead-in dropped
    assert first_line("Flow run infrastructure exited with non-zero status code -9.") == (
        "Flow run infrastructure exited with non-zero status code -9."
    )
    assert first_line(None) == "" and first_line("\n \n") == ""
    assert first_line("x" * 500).endswith("…") and len(first_line("x" * 500)) == 160


def test_a_failure_is_read_from_the_run_with_its_attempt():
    run = RunInfo(
        id="r1",
        name="brave-fox",
        flow_id="f",
        flow_name="etl",
        state=StateInfo("CRASHED", "Crashed", NOW, message="Process exited with code -9.\nmore"),
        deployment_id="d1",
        deployment_name="nightly",
        end_time=NOW,
        run_count=2,
    )
    got = Failure.from_run(run)
    assert (got.crashed, got.message, got.key, got.group_label) == (
        True,
        "Process exited with code -9.",
        "r1#2",
        "etl/nightly",
    )
    assert Failure.from_dict(json.loads(json.dumps(got.to_dict()))) == got


def test_failures_group_by_deployment_most_recent_first():
    groups = group(
        [
            failure("a", ago=300),
            failure("b", ago=10),
            failure("c", deployment=None, flow="adhoc", ago=30),
            failure("d", ago=100),
        ]
    )
    assert [(g.label, [f.run_id for f in g.failures]) for g in groups] == [
        ("etl/nightly", ["b", "d", "a"]),
        ("adhoc", ["c"]),
    ]


def test_a_burst_is_one_notice_and_later_ones_wait_for_the_quiet_time():
    batch = FailureBatch()
    for i in range(10):
        batch.add(failure(f"b{i}"), now=0.0 + i * 0.001)
    batch.add(failure("b3"), now=0.02)  # the same run twice (event and catch-up): once
    assert batch.flush(0.03) == []  # still inside the burst window
    (burst,) = batch.flush(0.07)
    assert [f.run_id for f in burst] == [f"b{i}" for i in range(10)]
    batch.add(failure("late"), now=0.5)
    assert batch.due_at == 1.07  # one second after the last notice, not 60 ms
    assert batch.flush(0.6) == []
    assert [[f.run_id for f in b] for b in batch.flush(1.07)] == [["late"]]
    assert batch.due_at is None


def test_the_ledger_reports_each_failure_once_also_after_a_restart(tmp_path):
    path = tmp_path / "failure_notices.json"
    ledger = FailureLedger(path)
    start = ledger.begin(SERVER, NOW)
    assert start == NOW  # the first look: nothing older is news
    # Ended before the first look (the event stream replays such ends): history.
    assert ledger.take(SERVER, [failure("old", ago=30)], announce=["old"]) == []
    fresh = ledger.take(SERVER, [failure("a", ago=-60), failure("b", ago=-30)],
                        announce=["a", "b"])
    assert [f.run_id for f in fresh] == ["a", "b"]
    assert ledger.take(SERVER, [failure("a")], announce=["a"]) == []  # event + poll
    ledger.advance(SERVER, NOW)
    assert ledger.begin(SERVER) == NOW  # never back before the first look
    ledger.advance(SERVER, NOW + timedelta(minutes=10))

    again = FailureLedger(path)  # the app restarted
    assert again.begin(SERVER) == NOW + timedelta(minutes=8)  # a little overlap: deduped
    assert again.take(SERVER, [failure("a"), failure("b")], announce=["a", "b"]) == []
    assert again.unseen(SERVER) == ["a", "b"]
    assert [f.run_id for f in again.recent(SERVER)] == ["a", "b"]
    # A retry of "a" that fails again is a new failure (the next attempt).
    retried = [failure("a", attempt=2, ago=-120)]
    assert [f.key for f in again.take(SERVER, retried, announce=["a"])] == ["a#2"]
    assert [f.run_id for f in again.recent(SERVER)] == ["a", "b"]  # listed once
    # Another server has its own memory.
    assert again.take("http://other/api", [failure("a")], announce=["a"]) != []


def test_quiet_deployments_are_remembered_but_never_announced(tmp_path):
    ledger = FailureLedger(tmp_path / "f.json")
    ledger.begin(SERVER, NOW)
    assert ledger.take(SERVER, [failure("q")], announce=[]) == []
    assert ledger.unseen(SERVER) == [] and ledger.recent(SERVER) == []
    # Turning notices back on does not bring the old failure up.
    assert ledger.take(SERVER, [failure("q")], announce=["q"]) == []


def test_seen_and_dismissed_clear_the_badge_and_the_list(tmp_path):
    ledger = FailureLedger(tmp_path / "f.json")
    ledger.take(SERVER, [failure("a"), failure("b")], announce=["a", "b"])
    assert ledger.mark_seen(SERVER, ["a"]) is True
    assert ledger.unseen(SERVER) == ["b"]
    assert ledger.mark_seen(SERVER, ["a"]) is False  # nothing new: no write
    ledger.mark_seen(SERVER)
    assert FailureLedger(tmp_path / "f.json").unseen(SERVER) == []
    ledger.dismiss(SERVER)
    assert ledger.recent(SERVER) == []
    assert ledger.take(SERVER, [failure("a")], announce=["a"]) == []  # still reported


def test_the_watermark_moves_on_and_old_entries_are_forgotten(tmp_path):
    ledger = FailureLedger(tmp_path / "f.json")
    ledger.begin(SERVER, NOW - timedelta(days=10))
    ledger.take(SERVER, [failure("old", ago=9 * 86400)], announce=["old"])
    ledger.advance(SERVER, NOW)
    assert ledger.begin(SERVER) == NOW - timedelta(minutes=2)
    assert not ledger.known(SERVER, "old#1")  # older than the watermark's week: pruned
    assert ledger.recent(SERVER) == [failure("old", ago=9 * 86400)]  # still unseen: listed
    ledger.mark_seen(SERVER)
    ledger.advance(SERVER, NOW + timedelta(seconds=1))
    assert ledger.recent(SERVER) == []


def test_a_damaged_ledger_starts_over_without_a_flood(tmp_path):
    path = tmp_path / "f.json"
    for content in ("{not json", '{"servers": []}', '{"servers": {"x": {"reported": 5}}}'):
        path.write_text(content)
        ledger = FailureLedger(path)
        assert ledger.problem and ledger.seen_until(SERVER) is None
        assert ledger.begin(SERVER, NOW) == NOW  # no flood of old failures
        assert json.loads(path.read_text())["servers"][SERVER]["seen_until"]
    # One bad entry in the list costs that entry only.
    good = failure("good").to_dict()
    path.write_text(
        json.dumps({"servers": {SERVER: {"recent": [good, {"run_id": 3}], "unseen": ["good", 4]}}})
    )
    ledger = FailureLedger(path)
    assert [f.run_id for f in ledger.recent(SERVER)] == ["good"] and not ledger.problem


def test_an_unwritable_ledger_keeps_working_in_memory(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    ledger = FailureLedger(blocker / "f.json")  # its folder is a file: every save fails
    assert ledger.take(SERVER, [failure("a")], announce=["a"]) != []
    assert ledger.problem and ledger.take(SERVER, [failure("a")], announce=["a"]) == []
