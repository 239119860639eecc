"""`flowdesk schedule …` against the real server, read back by Prefect's own CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.integration

DEPLOYMENT = "approval-workflow/local"


def cli(argv, capsys):
    from desktop_app.cli import main as cli_main

    code = cli_main(argv)
    out = capsys.readouterr()
    return code, out.out, out.err


def prefect_inspect(managed_server, tmp_path) -> dict:
    """`prefect deployment inspect NAME -o json`, Prefect's own view of the deployment."""
    env = {
        **os.environ,
        "PREFECT_API_URL": managed_server.connection.api_url,
        "PREFECT_API_AUTH_STRING": managed_server.connection.auth_string,
        "PREFECT_HOME": str(tmp_path / "prefect-home"),
    }
    done = subprocess.run(
        [sys.executable, "-m", "prefect", "deployment", "inspect", DEPLOYMENT, "-o", "json"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_schedule_verbs_agree_with_prefect(managed_server, capsys, tmp_path) -> None:
    code, out, err = cli(
        ["schedule", "add", DEPLOYMENT, "--cron", "0 9 * * 1-5", "--timezone", "Europe/Berlin"],
        capsys,
    )
    assert code == 0, err
    assert "every weekday at 09:00 (Europe/Berlin)" in out
    code, out, err = cli(["schedule", "add", DEPLOYMENT, "--interval", "2h", "--paused"], capsys)
    assert code == 0, err

    code, out, err = cli(["schedule", "ls", DEPLOYMENT, "--json"], capsys)
    assert code == 0, err
    listed = json.loads(out)
    assert listed["edited_here"] is True
    cron, interval = listed["schedules"][-2:]
    assert (cron["kind"], cron["value"], cron["timezone"]) == (
        "cron",
        "0 9 * * 1-5",
        "Europe/Berlin",
    )
    assert len(cron["next"]) == 5 and interval["active"] is False and interval["value"] == "7200"

    seen = {s["id"]: s for s in prefect_inspect(managed_server, tmp_path)["schedules"]}
    assert seen[cron["id"]]["schedule"]["cron"] == "0 9 * * 1-5"
    assert seen[cron["id"]]["schedule"]["timezone"] == "Europe/Berlin"
    assert seen[interval["id"]]["active"] is False
    assert seen[interval["id"]]["schedule"]["interval"] == 7200.0

    # Named by number (from ls) or by id prefix.
    number = str(listed["schedules"].index(interval) + 1)
    code, out, err = cli(["schedule", "resume", DEPLOYMENT, number], capsys)
    assert code == 0 and "Resumed" in out, err
    code, out, err = cli(["schedule", "pause", DEPLOYMENT, cron["id"][:8]], capsys)
    assert code == 0, err
    code, out, err = cli(
        ["schedule", "edit", DEPLOYMENT, cron["id"][:8], "--rrule", "FREQ=DAILY;BYHOUR=7"], capsys
    )
    assert code == 0, err
    seen = {s["id"]: s for s in prefect_inspect(managed_server, tmp_path)["schedules"]}
    assert seen[interval["id"]]["active"] is True
    assert seen[cron["id"]]["active"] is False
    assert "FREQ=DAILY;BYHOUR=7" in seen[cron["id"]]["schedule"]["rrule"]

    code, out, _ = cli(["schedule", "ls", DEPLOYMENT], capsys)
    assert code == 0 and "Edited in Flowdesk" in out and "every 2 hours" in out
    for item in (cron, interval):
        code, out, err = cli(["schedule", "rm", DEPLOYMENT, item["id"][:10]], capsys)
        assert code == 0, err
    remaining = {s["id"] for s in prefect_inspect(managed_server, tmp_path)["schedules"]}
    assert not remaining & {cron["id"], interval["id"]}


def test_schedule_errors_are_one_line(managed_server, capsys) -> None:
    code, before, err = cli(["schedule", "ls", DEPLOYMENT, "--json"], capsys)
    assert code == 0, err
    cases = [
        (["schedule", "add", DEPLOYMENT, "--cron", "0 9 * *"], "not a cron expression"),
        (["schedule", "add", DEPLOYMENT, "--interval", "0"], "at least one second"),
        (["schedule", "add", DEPLOYMENT, "--interval", "-60"], "not an interval"),
        (["schedule", "add", DEPLOYMENT, "--rrule", "FREQ=SOMETIMES"], "not a valid RRule"),
        (
            ["schedule", "add", DEPLOYMENT, "--cron", "0 9 * * *", "--timezone", "Mars/Base"],
            "not a time zone",
        ),
        (["schedule", "rm", DEPLOYMENT, "99"], "no schedule number 99"),
        (["schedule", "pause", DEPLOYMENT, "zzzz"], "starting with 'zzzz'"),
        (["schedule", "ls", "no-such-flow"], "No deployment 'no-such-flow'"),
    ]
    for argv, words in cases:
        code, _out, err = cli(argv, capsys)
        assert code == 1, argv
        assert words in err and err.count("\n") == 1 and "Traceback" not in err, (argv, err)
    _, after, _ = cli(["schedule", "ls", DEPLOYMENT, "--json"], capsys)
    assert json.loads(after)["schedules"] == json.loads(before)["schedules"]
    with pytest.raises(SystemExit) as usage:
        cli(["schedule", "add", DEPLOYMENT, "--cron", "* * * * *", "--interval", "60"], capsys)
    assert usage.value.code == 2
