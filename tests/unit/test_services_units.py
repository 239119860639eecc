"""The application layer's pure parts: parameter checks and the audit trail's robustness.

No server, no Qt: the audit file is a real file in a temporary folder, with
the damage a crash, a stray binary write or concurrent writers leave.
"""

from __future__ import annotations

import json
import multiprocessing
import os
from pathlib import Path

import pytest

from desktop_app.core.api.models import DeploymentInfo
from desktop_app.core.api.parameters import BadParameters, check, parse_pairs
from desktop_app.services import trail

SCHEMA = {
    "type": "object",
    "properties": {
        "note": {"type": "string"},
        "count": {"type": "integer", "default": 5},
        "ratio": {"type": "number"},
    },
    "required": ["note"],
}


def deployment(schema=SCHEMA, parameters=None) -> DeploymentInfo:
    return DeploymentInfo(
        "id", "local", "flow-id", "my-flow", parameter_schema=schema, parameters=parameters or {}
    )


# -- parameters ----------------------------------------------------------------------
def test_values_are_json_where_they_parse_and_text_where_the_schema_wants_text():
    given = check(deployment(), parse_pairs(["note=123", "count=4", "ratio=0.5"]))
    assert given == {"note": "123", "count": 4, "ratio": 0.5}


def test_unknown_name_is_refused_with_the_known_ones():
    with pytest.raises(BadParameters) as info:
        check(deployment(), parse_pairs(["note=x", "nosuch=1"]))
    text = str(info.value)
    assert "'nosuch'" in text and "count, note, ratio" in text and "my-flow/local" in text


@pytest.mark.parametrize("pair", ["=5", " =5", "count"])
def test_a_pair_without_a_name_is_refused(pair):
    with pytest.raises(BadParameters, match=r"KEY=VALUE|no parameter name"):
        parse_pairs([pair])


def test_wrong_type_and_missing_required_are_named():
    with pytest.raises(BadParameters) as info:
        check(deployment(), parse_pairs(["count=many"]))
    text = str(info.value)
    assert "'count'" in text and "integer" in text
    assert "'note'" in text and "required" in text


def test_a_default_from_the_deployment_fills_a_required_parameter():
    assert check(deployment(parameters={"note": "kept"}), parse_pairs(["count=2"])) == {"count": 2}


def test_no_schema_means_no_check():
    assert check(deployment(schema={}), parse_pairs(["anything=1"])) == {"anything": 1}


# -- the audit trail ------------------------------------------------------------------
def test_torn_and_binary_lines_are_skipped_and_counted(tmp_path):
    path = tmp_path / "audit.jsonl"
    assert trail.write("resume", "run-1", source="cli", path=path) is None
    with open(path, "ab") as handle:
        handle.write(b'{"action": "pause", "run_id": "run-')  # torn by a crash
    assert trail.write("cancel", "run-1", source="tray", path=path) is None
    with open(path, "ab") as handle:
        handle.write(b"\xff\xfe\x00garbage\x80\n")  # not text at all
        handle.write(b"[1, 2, 3]\n")  # JSON, but not an entry
    assert trail.write("retry", "run-2", source="window", path=path) is None

    result = trail.read(path=path)
    assert [(e["action"], e["run_id"]) for e in result.entries] == [
        ("resume", "run-1"),
        ("cancel", "run-1"),
        ("retry", "run-2"),
    ]
    assert result.skipped == 3
    assert [e["action"] for e in trail.read("run-1", path=path).entries] == ["resume", "cancel"]


def test_a_failed_write_is_a_warning_naming_the_file(tmp_path):
    path = tmp_path / "audit.jsonl"
    path.mkdir()  # a folder where the file should be: the write fails
    warning = trail.write("resume", "run-1", source="cli", path=path)
    assert warning is not None and str(path) in warning and "audit trail" in warning


def _writer(path: str, worker: int, count: int) -> None:
    for index in range(count):
        trail.write(
            "resume",
            f"run-{worker}-{index}",
            source="cli",
            run_input={"note": "x" * (100 + 37 * worker)},
            path=Path(path),
        )


def test_concurrent_writers_leave_whole_lines(tmp_path):
    path = tmp_path / "audit.jsonl"
    workers, count = 4, 200
    context = multiprocessing.get_context("spawn" if os.name == "nt" else "fork")
    processes = [
        context.Process(target=_writer, args=(str(path), w, count)) for w in range(workers)
    ]
    for process in processes:
        process.start()
    for process in processes:
        process.join(60)
        assert process.exitcode == 0
    lines = path.read_bytes().split(b"\n")
    assert lines[-1] == b""  # ends with a newline
    assert all(lines[:-1]), "no blank lines"
    entries = [json.loads(line) for line in lines[:-1]]  # every line is whole JSON
    assert len(entries) == workers * count
    assert trail.read(path=path).skipped == 0
