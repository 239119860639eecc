"""Every CLI verb against the real server, including its error cases."""

from __future__ import annotations

import asyncio
import json

import pytest

from tests.conftest import await_until

pytestmark = pytest.mark.integration


def cli(argv, capsys):
    from desktop_app.cli import main as cli_main

    code = cli_main(argv)
    out = capsys.readouterr()
    return code, out.out, out.err


def _wait(managed_server, run_id, *types, timeout=60):
    async def go():
        async with managed_server.client() as client:

            async def reached():
                run = await client.read_run(run_id)
                return run if run.state.type in types else None

            return await await_until(reached, timeout=timeout)

    return asyncio.run(go())


def test_run_watch_list_show_logs(managed_server, capsys):
    code, out, _ = cli(["run", "basic-workflow", "-p", "count=2", "--watch"], capsys)
    assert code == 0 and "Completed" in out
    code, out, _ = cli(["list", "--state", "completed", "--limit", "50"], capsys)
    assert code == 0 and "basic-workflow" in out and "ID" in out.splitlines()[0]
    code, out, _ = cli(["list", "--json", "--limit", "1"], capsys)
    run_id = json.loads(out)[0]["id"]
    code, out, _ = cli(["show", run_id[:8]], capsys)
    assert code == 0 and run_id in out
    code, out, _ = cli(["logs", run_id[:8]], capsys)
    assert code == 0 and "summary" in out
    code, out, _ = cli(["deployments"], capsys)
    assert code == 0 and "pause-resume-workflow/local" in out


def test_failed_run_exits_non_zero_with_watch(managed_server, capsys):
    code, out, _ = cli(["run", "basic-workflow", "-p", "count=-3", "--watch"], capsys)
    assert code == 1 and "Failed" in out


@pytest.mark.http_expected(404, "/flow_runs/00000000-0000-0000-0000-000000000000")
def test_errors_are_one_clear_line(managed_server, capsys):
    cases = [
        (["resume", "ffffffff"], "No run id starts with 'ffffffff'"),
        (["show", "00000000-0000-0000-0000-000000000000"], "was not found"),
        (["run", "no-such-flow"], "No deployment 'no-such-flow'"),
        (["pause", "zzz"], "No run id starts with"),
    ]
    for argv, message in cases:
        code, _, err = cli(argv, capsys)
        assert code == 1, argv
        assert message in err, (argv, err)
        assert len(err.strip().splitlines()) == 1, err


def _future_runs(managed_server, count: int) -> list[str]:
    """Runs scheduled a year ahead: real rows that no runner picks up."""
    from datetime import datetime, timedelta, timezone

    from prefect.states import Scheduled

    async def go():
        async with managed_server.client() as client:
            deployment = await client.resolve_deployment("basic-workflow/local")
            when = datetime.now(timezone.utc) + timedelta(days=365)
            runs = await asyncio.gather(
                *(
                    client.prefect.create_flow_run_from_deployment(
                        deployment.id, state=Scheduled(scheduled_time=when)
                    )
                    for _ in range(count)
                )
            )
            return [str(r.id) for r in runs]

    return asyncio.run(go())


def test_ambiguous_prefix_is_refused(managed_server, capsys):
    ids = _future_runs(managed_server, 17)  # 17 ids, 16 hex digits: two share a first one
    counts: dict[str, int] = {}
    for run_id in ids:
        counts[run_id[0]] = counts.get(run_id[0], 0) + 1
    shared = next(k for k, v in counts.items() if v > 1)
    code, _, err = cli(["show", shared], capsys)
    assert code == 1 and "type more of it" in err
    for run_id in ids:
        assert cli(["delete", run_id], capsys)[0] == 0


@pytest.mark.http_expected(404, "/flow_runs/")  # `show` after the delete
def test_pause_resume_cancel_retry_delete(managed_server, capsys):
    code, out, _ = cli(
        ["run", "pause-resume-workflow", "-p", "items_count=30", "-p", "pause_after=0",
         "-p", "delay=0.2", "--json"],
        capsys,
    )
    run_id = json.loads(out)["id"]
    code, _, err = cli(["resume", run_id], capsys)
    assert code == 1 and "not paused" in err  # nothing to resume yet
    _wait(managed_server, run_id, "RUNNING")
    code, out, _ = cli(["pause", run_id[:12]], capsys)
    assert code == 0 and "next checkpoint" in out
    _wait(managed_server, run_id, "PAUSED", timeout=30)
    code, out, _ = cli(["resume", run_id, "--input", "{bad"], capsys)
    assert code == 2
    code, out, _ = cli(["delete", run_id], capsys)
    assert code == 1  # paused run: refused without --yes
    code, out, _ = cli(["resume", run_id, "--json"], capsys)
    assert code == 0 and json.loads(out)["state"]["type"] in ("RUNNING", "COMPLETED")
    code, out, err = cli(["cancel", run_id], capsys)
    # The resumed run has ~6 s of work left; under Wine on a loaded machine it can
    # finish before `cancel` gets there, and a finished run is refused with its state.
    assert code == 0 or (code == 1 and "already" in err), err
    _wait(managed_server, run_id, "CANCELLED", "COMPLETED", timeout=60)
    code, out, _ = cli(["retry", run_id], capsys)
    assert code == 0 and "will run again" in out
    _wait(managed_server, run_id, "RUNNING", "COMPLETED", timeout=60)
    code, _, _ = cli(["cancel", run_id], capsys)
    _wait(managed_server, run_id, "CANCELLED", "COMPLETED", timeout=60)
    code, out, _ = cli(["delete", run_id], capsys)
    assert code == 0 and "Deleted" in out
    code, _, err = cli(["show", run_id], capsys)
    assert code == 1 and "not found" in err
    # Every action above is in the audit trail, from the command line.
    entries = _audit(run_id)
    assert [e["action"] for e in entries] == [
        "pause", "resume", "cancel", "retry", "cancel", "delete"
    ]
    assert {e["source"] for e in entries} == {"cli"}


def _audit(run_id: str) -> list[dict]:
    from desktop_app.services import trail

    return trail.read(run_id).entries


def test_resume_with_input_rejected_then_accepted(managed_server, capsys):
    code, out, _ = cli(["run", "approval-workflow", "--json"], capsys)
    run_id = json.loads(out)["id"]
    _wait(managed_server, run_id, "PAUSED")
    code, out, _ = cli(["show", run_id, "--json"], capsys)
    assert json.loads(out)["pause"]["wants_input"] is True
    code, _, err = cli(["resume", run_id, "--input", '{"batch_size": 0}'], capsys)
    assert code == 1 and "rejected" in err and "still paused" in err
    good = '{"approved": true, "batch_size": 3, "note": "cli"}'
    code, _, err = cli(["resume", run_id, "--input", good], capsys)
    assert code == 0, err
    done = _wait(managed_server, run_id, "COMPLETED", "FAILED")
    assert done.state.type == "COMPLETED"
    from desktop_app.services import audit

    entries = audit.read(run_id)
    assert entries[-1]["input"] == json.loads(good) and entries[-1]["source"] == "cli"


def test_suspend_refuses_non_running(managed_server, capsys):
    code, out, _ = cli(["run", "basic-workflow", "-p", "count=1", "--watch", "--json"], capsys)
    run_id = json.loads(out)["id"]
    code, _, err = cli(["suspend", run_id], capsys)
    assert code == 1 and "cannot be suspended" in err
    assert _audit(run_id) == []  # refused: nothing recorded


def test_suspend_is_audited(managed_server, capsys):
    code, out, _ = cli(
        ["run", "pause-resume-workflow", "-p", "items_count=30", "-p", "pause_after=0",
         "-p", "delay=0.2", "--json"],
        capsys,
    )
    run_id = json.loads(out)["id"]
    _wait(managed_server, run_id, "RUNNING")
    code, out, err = cli(["suspend", run_id], capsys)
    assert code == 0, err
    assert "resume restarts it from the top" in out
    _wait(managed_server, run_id, "PAUSED")
    code, _, err = cli(["cancel", run_id], capsys)
    assert code == 0, err
    entries = _audit(run_id)
    assert [(e["action"], e["source"]) for e in entries] == [("suspend", "cli"), ("cancel", "cli")]
    assert all(e["user"] for e in entries)


def test_failed_audit_write_is_a_warning_not_a_failure(managed_server, capsys, session_home):
    """The action happened: exit 0, one warning line naming the file, no traceback."""
    from desktop_app.core.config import paths

    code, out, _ = cli(["run", "basic-workflow", "-p", "count=1", "--watch", "--json"], capsys)
    run_id = json.loads(out)["id"]
    target = paths.audit_log_file()
    moved = target.with_suffix(".saved")
    if target.exists():
        target.rename(moved)
    target.mkdir()  # a folder where the file should be: every write fails
    try:
        code, out, err = cli(["retry", run_id], capsys)
    finally:
        target.rmdir()
        if moved.exists():
            moved.rename(target)
    assert code == 0 and "will run again" in out
    assert "warning" in err and str(target) in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err
    _wait(managed_server, run_id, "COMPLETED", "FAILED", timeout=60)


@pytest.mark.http_expected(404, "/flow_runs/")
def test_logs_of_a_run_that_does_not_exist(managed_server, capsys):
    missing = "12345678-1234-1234-1234-123456789abc"
    for argv in (["logs", missing], ["logs", "-f", missing]):
        code, out, err = cli(argv, capsys)
        assert code == 1, argv
        assert "was not found" in err and out == ""


def _count_runs(managed_server, deployment: str) -> int:
    from desktop_app.core.api.models import RunFilter

    async def go():
        async with managed_server.client() as client:
            dep = await client.resolve_deployment(deployment)
            return await client.count_runs(RunFilter(deployment_ids=[dep.id]))

    return asyncio.run(go())


@pytest.mark.parametrize(
    ("params", "words"),
    [
        (["nosuch=1"], ["'nosuch'", "count", "factor"]),
        (["=5"], ["no parameter name"]),
        (["count"], ["KEY=VALUE"]),
        (["count=many"], ["'count'", "integer"]),
    ],
)
def test_run_checks_parameters_before_starting(managed_server, capsys, params, words):
    before = _count_runs(managed_server, "basic-workflow/local")
    argv = ["run", "basic-workflow"]
    for pair in params:
        argv += ["-p", pair]
    code, out, err = cli(argv, capsys)
    assert code == 2, (argv, out, err)
    assert "Started" not in out and "Traceback" not in err
    for word in words:
        assert word in err, (word, err)
    assert _count_runs(managed_server, "basic-workflow/local") == before  # nothing started

