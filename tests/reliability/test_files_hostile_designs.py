"""`flowdesk design validate/compile` on hostile files: clear errors, limits that name
themselves, and nothing from a file reaching the terminal raw."""

from __future__ import annotations

import argparse
import io
import json
import tracemalloc

import pytest

from desktop_app.cli.design_commands import compile_command, validate_command
from desktop_app.designer import examples, fileformat


def _base() -> dict:
    return json.loads(fileformat.dumps(examples.basic_pipeline()))


def _write(tmp_path, name, data) -> str:
    path = tmp_path / f"{name}.flowdesk.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def _run(command, **kwargs):
    out, err = io.StringIO(), io.StringIO()
    code = command(argparse.Namespace(**kwargs), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def _nested_default(tmp_path, depth):
    data = _base()
    data["nodes"][0]["parameters"][0].update(type="list", default="NESTED")
    text = json.dumps(data).replace('"NESTED"', "[" * depth + "]" * depth)
    return _write(tmp_path, f"nested{depth}", text)


@pytest.mark.parametrize("command", ["validate", "compile"])
def test_deeply_nested_default_is_refused_by_name(tmp_path, command):
    path = _nested_default(tmp_path, 100_000)  # RecursionError before
    if command == "validate":
        code, _out, err = _run(validate_command, files=[path])
    else:
        code, _out, err = _run(compile_command, file=path, output=None)
    assert code == 1
    assert "nested more than 64 levels deep (the limit)" in err
    assert len(err.strip().splitlines()) == 1


def test_nesting_within_the_limit_still_loads(tmp_path):
    path = _nested_default(tmp_path, 20)
    design = fileformat.load(path)
    assert design.name == "Basic pipeline"


def test_huge_integer_is_refused_by_name(tmp_path):
    text = json.dumps(_base()).replace('"default": 5', '"default": ' + "9" * 5001)
    path = _write(tmp_path, "bigint", text)  # ValueError traceback before
    code, _out, err = _run(validate_command, files=[path])
    assert code == 1 and "more than 4300 digits (the limit)" in err


def test_huge_code_body_is_refused_quickly_and_cheaply(tmp_path):
    """6 MB of code took 17 s and 2.2 GB (133 s, 2.6 GB on a loaded machine) before."""
    data = _base()
    data["nodes"][1]["body"] = "x = 1\n" * (6 * 1024 * 1024 // 6)
    path = _write(tmp_path, "big", data)
    tracemalloc.start()
    try:
        code, _out, err = _run(validate_command, files=[path])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert code == 1 and "at most 4 MB (the limit)" in err
    assert peak < 8 * 1024 * 1024  # refused from its size: the file is never read


def test_code_body_over_its_own_limit(tmp_path):
    data = _base()
    data["nodes"][1]["body"] = "x = 1\n" * 20_000  # 120,000 characters, a 0.1 MB file
    path = _write(tmp_path, "body", data)
    code, _out, err = _run(validate_command, files=[path])
    assert code == 1
    assert "node 'Prepare'" in err and "the limit is 100,000 per node" in err


def test_control_characters_from_the_file_are_escaped(tmp_path):
    data = _base()
    data["nodes"][1]["title"] = "Pre\x00pare\x1b[2J\x1b]0;pwned\x07\u202e"
    data["nodes"][1]["body"] = "return (\n"
    path = _write(tmp_path, "evil\x1b[31m", data)
    code, out, err = _run(validate_command, files=[path])
    assert code == 1
    for text in (out, err):
        assert not any(ord(c) < 32 and c != "\n" for c in text)
        assert "\u202e" not in text and "\x7f" not in text
    assert "Pre\\x00pare\\x1b[2J\\x1b]0;pwned\\x07\\u202e" in out
    assert "evil\\x1b[31m" in out


def test_printable_keeps_ordinary_text():
    from desktop_app.cli.output import printable, table

    assert printable("Prüfung 审批 ✔ tab\there") == "Prüfung 审批 ✔ tab\\x09here"
    assert printable("a\nb", keep_newlines=True) == "a\nb"
    assert "\x1b" not in table(["NAME"], [["run\x1b[2J"]])
