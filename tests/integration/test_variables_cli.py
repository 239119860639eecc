"""`flowdesk variable …` against the real server, read back through Prefect's own CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.integration


def cli(argv, capsys):
    from desktop_app.cli import main as cli_main

    code = cli_main(argv)
    out = capsys.readouterr()
    return code, out.out, out.err


def prefect_cli(managed_server, *argv: str) -> subprocess.CompletedProcess[str]:
    """Prefect's own CLI, pointed at the test server."""
    env = dict(os.environ)
    env["PREFECT_API_URL"] = managed_server.connection.api_url
    env["PREFECT_API_AUTH_STRING"] = managed_server.connection.auth_string or ""
    env["PREFECT_CLI_PROMPT"] = "false"
    env["COLUMNS"] = "200"
    return subprocess.run(
        [sys.executable, "-m", "prefect", *argv],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_set_with_ours_read_with_prefect_and_back(managed_server, capsys):
    value = {"host": "db.local", "ports": [5432, 5433], "ssl": True, "名": "数据"}
    code, out, err = cli(["variable", "set", "vars-db", json.dumps(value), "--tag", "ops"], capsys)
    assert code == 0, err
    assert "vars-db" in out
    done = prefect_cli(managed_server, "variable", "inspect", "vars-db", "--output", "json")
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout)
    assert seen["value"] == value and seen["tags"] == ["ops"]

    # Prefect's CLI writes, ours reads: `get` prints the JSON value for scripts.
    done = prefect_cli(managed_server, "variable", "set", "vars-from-prefect", "[1, 2.5, null]")
    assert done.returncode == 0, done.stderr
    code, out, _ = cli(["variable", "get", "vars-from-prefect"], capsys)
    assert code == 0 and json.loads(out) == [1, 2.5, None]
    code, out, _ = cli(["variable", "ls", "--json"], capsys)
    listed = {v["name"]: v for v in json.loads(out)}
    assert listed["vars-db"]["value"] == value and listed["vars-db"]["tags"] == ["ops"]
    assert listed["vars-from-prefect"]["value"] == [1, 2.5, None]
    code, out, _ = cli(["variable", "ls"], capsys)
    assert code == 0 and "vars-db" in out and "NAME" in out.splitlines()[0]

    # Overwrite keeps the tags unless new ones are given; --text stores text as is.
    code, _, err = cli(["variable", "set", "vars-db", "2"], capsys)
    assert code == 1 and "--overwrite" in err
    code, _, err = cli(
        ["variable", "set", "vars-db", "hello world", "--text", "--overwrite"], capsys
    )
    assert code == 0, err
    done = prefect_cli(managed_server, "variable", "get", "vars-db")
    assert json.loads(done.stdout) == "hello world"

    code, out, _ = cli(["variable", "rm", "vars-db"], capsys)
    assert code == 0
    from desktop_app.services import trail

    mine = [e for e in trail.read().entries if e.get("detail") == "variable 'vars-db'"]
    assert [e["action"] for e in mine][-3:] == ["variable-set", "variable-set", "variable-delete"]
    assert mine[-2]["source"] == "cli" and mine[-2]["input"]["value"] == "hello world"
    done = prefect_cli(managed_server, "variable", "get", "vars-db")
    assert done.returncode != 0 and "not found" in done.stdout + done.stderr
    code, _, _ = cli(["variable", "rm", "vars-from-prefect"], capsys)
    assert code == 0


@pytest.mark.http_expected(404, "/variables/name/")
def test_bad_input_is_refused_before_sending(managed_server, capsys):
    cases = [
        (["variable", "set", "Upper", "1"], 2, "lowercase letters", "'U' at position 1"),
        (["variable", "set", "a b", "1"], 2, "lowercase letters", "A space at position 2"),
        (["variable", "set", "x" * 256, "1"], 2, "at most 255", "256"),
        (["variable", "set", "ok", "hello"], 2, "Not JSON", 'double quotes: "hello"'),
        (["variable", "set", "ok", '{"a": 1,}'], 2, "Not JSON", "line 1, column 9"),
        (["variable", "set", "ok", "NaN"], 2, "NaN is not a JSON number", ""),
        (["variable", "set", "ok", json.dumps("x" * 5000)], 2, "at most 5000", "5002"),
        (["variable", "set", "ok", "1", "--tag", " "], 2, "tag cannot be empty", ""),
        (["variable", "get", "no-such-variable"], 1, "was not found", ""),
        (["variable", "rm", "no-such-variable"], 1, "was not found", ""),
    ]
    for argv, exit_code, first, second in cases:
        code, _, err = cli(argv, capsys)
        assert code == exit_code, (argv, err)
        assert first in err and second in err, (argv, err)
        assert len(err.strip().splitlines()) == 1, err
    code, out, _ = cli(["variable", "ls", "--json"], capsys)
    assert "ok" not in {v["name"] for v in json.loads(out)}  # nothing half-saved
