"""`flowdesk design validate|compile` through argparse, as the main CLI will call them."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from desktop_app.cli.design_commands import register
from desktop_app.designer import CodeNode, Design, save
from desktop_app.designer.codegen import generate


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    parser = argparse.ArgumentParser(prog="flowdesk")
    parser.add_argument("--json", action="store_true")  # the main CLI's global flag
    register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(argv)
    code = args.func(args)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def good(tmp_path: Path, all_kinds: Design) -> Path:
    return save(all_kinds, tmp_path / "good.flowdesk.json")


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    design = Design("Broken")
    design.add_node(CodeNode(title="Add up", body="total = 0\nreturn total +"))
    design.add_node(CodeNode(title="Lonely", inputs=["x"], body="x = 1"))
    return save(design, tmp_path / "broken.flowdesk.json")


def test_validate_clean_file(good: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["design", "validate", str(good)], capsys) == (0, "", "")


def test_validate_reports_each_problem_and_fails(good: Path, broken: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["design", "validate", str(good), str(broken)], capsys)
    assert code == 1 and err == ""
    assert out.splitlines() == [
        f"{broken}:Add up:2:15: error: invalid syntax [body]",
        f"{broken}:Lonely:0:0: error: Input 'x' of 'Lonely' is not connected: drag from an "
        "output port (right side of a node) onto this input, or remove the input. [inputs.x]",
    ]


def test_warnings_alone_do_not_fail(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    design = Design("Warned")
    design.add_node(CodeNode(title="Escape", body='return "\\d"'))
    path = save(design, tmp_path / "w.flowdesk.json")
    code, out, _ = run(["design", "validate", str(path)], capsys)
    assert code == 0 and ":Escape:1:1: warning: invalid escape sequence" in out


def test_validate_json_output(broken: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["--json", "design", "validate", str(broken)], capsys)
    assert code == 1
    (report,) = json.loads(out)
    assert report["file"] == str(broken) and report["error"] is None
    assert [p["field"] for p in report["problems"]] == ["body", "inputs.x"]
    assert report["problems"][0]["line"] == 2


def test_unreadable_file_is_one_line_on_stderr(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.flowdesk.json"
    bad.write_text("{not json", encoding="utf-8")
    code, out, err = run(["design", "validate", str(bad)], capsys)
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and err.startswith("flowdesk design: ") and "line 1" in err


def test_compile_to_stdout_and_to_a_file(good: Path, tmp_path: Path, all_kinds: Design,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["design", "compile", str(good)], capsys)
    assert (code, err) == (0, "") and out == generate(all_kinds)
    target = tmp_path / "out" / "flow.py"
    target.parent.mkdir()
    assert run(["design", "compile", str(good), "-o", str(target)], capsys) == (0, "", "")
    assert target.read_text(encoding="utf-8") == generate(all_kinds)


def test_compile_refuses_errors_and_writes_nothing(broken: Path, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "flow.py"
    code, out, err = run(["design", "compile", str(broken), "-o", str(target)], capsys)
    assert code == 1 and out == "" and not target.exists()
    assert "2 error(s); nothing was written" in err.splitlines()[-1]


def test_compile_write_failure(good: Path, tmp_path: Path,
                               capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    code, _, err = run(["design", "compile", str(good), "-o", str(blocker / "flow.py")], capsys)
    assert code == 1 and err.startswith("flowdesk design: cannot write") and err.count("\n") == 1


def test_design_without_subcommand_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["design"], capsys)
    assert code == 2 and "choose a command" in err
