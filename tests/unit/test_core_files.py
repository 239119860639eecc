"""Pure core pieces: state file, auth file, flow discovery, audit trail, CLI parsing."""

from __future__ import annotations

import json
import os
import stat

import pytest

from desktop_app.core.serving.flow_discovery import flow_files, load_file
from desktop_app.core.supervision.auth import load_or_create_auth_string
from desktop_app.core.supervision.server_state import (
    ServerState,
    read_state,
    remove_state,
    write_state,
)
from desktop_app.services import audit


def test_state_file_round_trip_and_garbage(tmp_path):
    path = tmp_path / "server.json"
    assert read_state(path) is None
    write_state(ServerState(phase="ready", port=4321, daemon_pid=1), path)
    state = read_state(path)
    assert state.phase == "ready" and state.api_url == "http://127.0.0.1:4321/api"
    path.write_text("{not json")
    assert read_state(path) is None  # a torn file is treated as absent, not a crash
    path.write_text(json.dumps({"phase": "ready", "port": 1, "future_field": 3}))
    assert read_state(path).port == 1  # newer writers' extra fields are ignored
    remove_state(path)
    assert not path.exists()


def test_auth_string_is_stable_and_private(tmp_path):
    path = tmp_path / "auth"
    first = load_or_create_auth_string(path)
    assert first.startswith("flowdesk:") and len(first) > 30
    assert load_or_create_auth_string(path) == first
    if os.name != "nt":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_flow_discovery_reports_broken_files_and_keeps_good_ones(tmp_path):
    (tmp_path / "good.py").write_text(
        "from prefect import flow\n\n@flow(name='good-flow')\ndef good():\n    return 1\n"
    )
    (tmp_path / "broken.py").write_text("def oops(:\n")
    (tmp_path / "_private.py").write_text("raise SystemExit('never imported')\n")
    (tmp_path / "exits.py").write_text("import sys\nsys.exit(2)\n")
    files = flow_files([tmp_path])
    assert [p.name for p in files] == ["broken.py", "exits.py", "good.py"]
    loaded = {p.name: load_file(p) for p in files}
    assert [f.name for f in loaded["good.py"].flows] == ["good-flow"]
    assert "SyntaxError" in loaded["broken.py"].error
    assert "SystemExit" in loaded["exits.py"].error


def test_audit_trail_appends_and_survives_a_torn_line(tmp_path):
    path = tmp_path / "audit.jsonl"
    audit.record("resume", "run-1", source="cli", run_input={"ok": True}, path=path)
    with open(path, "a") as handle:
        handle.write('{"torn": ')  # a crash mid-write
    audit.record("pause", "run-2", source="window", path=path)
    entries = audit.read(path=path)
    assert [e["action"] for e in entries] == ["resume", "pause"]
    assert audit.read("run-1", path=path)[0]["input"] == {"ok": True}


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["resume", "abc", "--input", "{bad json"], "--input is not valid JSON"),
        (["resume", "abc", "--input", "[1, 2]"], "--input must be a JSON object"),
        (["run", "x", "--param", "novalue"], "needs KEY=VALUE"),
        (["exec"], "give the command to run"),
    ],
)
def test_cli_bad_arguments_say_what_to_do(argv, message, capsys, monkeypatch, tmp_path):
    """These are refused before any server is contacted (here there is none)."""
    from desktop_app.cli import main as cli_main
    from desktop_app.cli import run_commands

    monkeypatch.setenv("FLOWDESK_HOME", str(tmp_path))
    if argv[0] in ("resume", "run"):
        # Reach the argument check: pretend a server is there, fail loudly if contacted.
        monkeypatch.setattr(
            "desktop_app.cli.connect.current_connection",
            lambda: __import__("desktop_app.core.api.connection").core.api.connection.Connection(
                api_url="http://127.0.0.1:9/api"
            ),
        )
        assert run_commands  # imported for the patch target
    code = cli_main(argv)
    err = capsys.readouterr().err
    assert code != 0
    assert message in err


def test_cli_without_server_says_how_to_start_one(capsys, monkeypatch, tmp_path):
    from desktop_app.cli import main as cli_main

    monkeypatch.setenv("FLOWDESK_HOME", str(tmp_path))
    monkeypatch.delenv("FLOWDESK_API_URL", raising=False)
    assert cli_main(["list"]) == 1
    err = capsys.readouterr().err
    assert "flowdesk server start" in err
    assert cli_main(["server", "status"]) == 3
    assert cli_main(["server", "stop"]) == 0
    assert "No server was running" in capsys.readouterr().out
