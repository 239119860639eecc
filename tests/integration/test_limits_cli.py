"""`flowdesk limits …` against the real server, read back through Prefect's own client."""

from __future__ import annotations

import asyncio
import json
from uuid import uuid4

import pytest

from tests.conftest import wait_until
from tests.integration.test_variables_cli import cli

pytestmark = pytest.mark.integration


def prefect(managed_server, use):
    """Run `use(prefect_client)` with Prefect's own async client on the test server."""

    async def go():
        async with managed_server.client() as client:
            return await use(client.prefect)

    return asyncio.run(go())


def test_limits_round_trip_with_prefect(managed_server, capsys):
    from prefect.client.schemas.actions import GlobalConcurrencyLimitCreate
    from prefect.exceptions import ObjectNotFound

    code, out, err = cli(["limits", "add", "vars-gpu", "2"], capsys)
    assert code == 0 and "vars-gpu" in out, err
    code, _, err = cli(["limits", "add", "--tag", "vars-io", "3"], capsys)
    assert code == 0, err
    seen = prefect(managed_server, lambda p: p.read_global_concurrency_limit_by_name("vars-gpu"))
    assert seen.limit == 2 and seen.active
    tag = prefect(managed_server, lambda p: p.read_concurrency_limit_by_tag("vars-io"))
    assert tag.concurrency_limit == 3

    # Hold slots the way runs do, then our list shows them and refuses a limit below.
    async def hold(p):
        await p.increment_concurrency_slots(["vars-gpu"], 2, "concurrency")
        for _ in range(2):
            await p.increment_v1_concurrency_slots(["vars-io"], uuid4())

    prefect(managed_server, hold)
    code, out, _ = cli(["limits", "ls", "--json"], capsys)
    listed = json.loads(out)
    gpu = next(g for g in listed["global"] if g["name"] == "vars-gpu")
    io = next(t for t in listed["tag"] if t["tag"] == "vars-io")
    assert gpu["active_slots"] == 2 and len(io["active_slots"]) == 2
    assert not any(g["name"].startswith("tag:") for g in listed["global"])
    code, out, _ = cli(["limits", "ls"], capsys)
    assert "2/2" in out and "2/3" in out
    for argv in (["limits", "set", "vars-gpu", "1"], ["limits", "set", "--tag", "vars-io", "1"]):
        code, _, err = cli(argv, capsys)
        assert code == 2 and "2 slot(s) in use" in err and "below" in err, err
    assert (
        prefect(managed_server, lambda p: p.read_global_concurrency_limit_by_name("vars-gpu")).limit
        == 2
    )  # nothing changed

    code, _, err = cli(["limits", "set", "vars-gpu", "5", "--off", "--decay", "0.5"], capsys)
    assert code == 0, err
    seen = prefect(managed_server, lambda p: p.read_global_concurrency_limit_by_name("vars-gpu"))
    assert (seen.limit, seen.active, seen.slot_decay_per_second) == (5, False, 0.5)
    code, _, err = cli(["limits", "set", "--tag", "vars-io", "4"], capsys)
    assert code == 0, err
    assert (
        prefect(
            managed_server, lambda p: p.read_concurrency_limit_by_tag("vars-io")
        ).concurrency_limit
        == 4
    )

    # Reset releases every slot.
    assert cli(["limits", "reset", "vars-gpu"], capsys)[0] == 0
    assert cli(["limits", "reset", "--tag", "vars-io"], capsys)[0] == 0
    seen = prefect(managed_server, lambda p: p.read_global_concurrency_limit_by_name("vars-gpu"))
    assert seen.active_slots == 0
    tag = prefect(managed_server, lambda p: p.read_concurrency_limit_by_tag("vars-io"))
    assert tag.active_slots == []
    # Prefect's own tag reset leaves the count behind the tag at 2 (task runs would still
    # be refused a slot); ours zeroes it too.
    behind = prefect(
        managed_server, lambda p: p.read_global_concurrency_limit_by_name("tag:vars-io")
    )
    assert behind.active_slots == 0

    # Prefect writes, we read.
    prefect(
        managed_server,
        lambda p: p.create_global_concurrency_limit(
            GlobalConcurrencyLimitCreate(name="vars-made-by-prefect", limit=7)
        ),
    )
    code, out, _ = cli(["limits", "ls", "--json"], capsys)
    made = next(g for g in json.loads(out)["global"] if g["name"] == "vars-made-by-prefect")
    assert made["limit"] == 7

    for argv in (
        ["limits", "rm", "vars-gpu"],
        ["limits", "rm", "--tag", "vars-io"],
        ["limits", "rm", "vars-made-by-prefect"],
    ):
        assert cli(argv, capsys)[0] == 0
    with pytest.raises(ObjectNotFound):
        prefect(managed_server, lambda p: p.read_global_concurrency_limit_by_name("vars-gpu"))
    with pytest.raises(ObjectNotFound):
        prefect(managed_server, lambda p: p.read_concurrency_limit_by_tag("vars-io"))


@pytest.mark.http_expected(404, "/v2/concurrency_limits/")
@pytest.mark.http_expected(404, "/concurrency_limits/tag/")
def test_bad_limits_are_refused_in_words(managed_server, capsys):
    assert cli(["limits", "add", "vars-twice", "1"], capsys)[0] == 0
    cases = [
        (["limits", "add", "a/b", "1"], 2, "may not contain / % & > or <", "'/' at position 2"),
        (["limits", "add", "--tag", "x&y", "1"], 2, "may not contain", "'&' at position 2"),
        (["limits", "add", "tag:gpu", "1"], 2, "'tag:' are Prefect's own", ""),
        (["limits", "add", " ", "1"], 2, "needs a name", ""),
        (["limits", "add", "vars-x", "-1"], 2, "below zero", ""),
        (["limits", "add", "vars-x", "two"], 2, "whole number", "'two'"),
        (["limits", "add", "vars-x", "1", "--decay", "-2"], 2, "Slot decay", ""),
        (["limits", "add", "vars-twice", "3"], 1, "already exists", ""),
        (["limits", "set", "vars-twice"], 2, "Nothing to change", ""),
        (["limits", "set", "--tag", "vars-twice"], 2, "number of slots", ""),
        (["limits", "set", "--tag", "vars-none", "1", "--off"], 2, "global limits only", ""),
        (["limits", "set", "vars-none", "1"], 1, "was not found", ""),
        (["limits", "rm", "vars-none"], 1, "was not found", ""),
        (["limits", "reset", "--tag", "vars-none"], 1, "was not found", ""),
    ]
    for argv, exit_code, first, second in cases:
        code, _, err = cli(argv, capsys)
        assert code == exit_code, (argv, err)
        assert first in err and second in err, (argv, err)
        assert len(err.strip().splitlines()) == 1, err
    code, out, _ = cli(["limits", "ls", "--json"], capsys)
    names = {g["name"] for g in json.loads(out)["global"]}
    assert "vars-x" not in names and "a/b" not in names  # nothing half-saved
    assert cli(["limits", "rm", "vars-twice"], capsys)[0] == 0


def test_ls_names_the_runs_held_up(managed_server, capsys, tmp_path):
    from tests.ui import limit_waits_flow

    async def fill(p):
        await p.create_concurrency_limit("vars-cli-slot", 1)
        await p.increment_v1_concurrency_slots(["vars-cli-slot"], uuid4())

    prefect(managed_server, fill)
    proc = limit_waits_flow.start(
        managed_server.connection, tmp_path, "vars-cli-slot", "vars-cli-missing"
    )
    try:

        def held():
            code, out, _ = cli(["limits", "ls", "--json"], capsys)
            assert code == 0
            return [
                w
                for w in json.loads(out)["waiting"]
                if w["waiting_for"] == ["vars-cli-slot"] and w["missing"] == ["vars-cli-missing"]
            ]

        found = wait_until(held, timeout=120, interval=1.0, what="the run held up by vars-cli-slot")
        assert found[0]["flow_name"] == "vars-limit-waits"
        _code, out, _ = cli(["limits", "ls"], capsys)
        assert "HELD UP" in out
        assert "waiting for a slot of vars-cli-slot; limit vars-cli-missing does not exist" in out
        assert cli(["limits", "reset", "--tag", "vars-cli-slot"], capsys)[0] == 0
        assert proc.wait(timeout=120) == 0
        assert not [
            w
            for w in json.loads(cli(["limits", "ls", "--json"], capsys)[1])["waiting"]
            if w["run_id"] == found[0]["run_id"]
        ]
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=30)
        cli(["limits", "rm", "--tag", "vars-cli-slot"], capsys)
