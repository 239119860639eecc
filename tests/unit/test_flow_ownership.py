"""Which file owns which deployment: the pure rules the runner applies."""

from __future__ import annotations

from pathlib import Path

from desktop_app.core.serving.flow_ownership import (
    Clash,
    Shadow,
    entrypoint_file,
    report_from_status,
    resolve,
)

EX = Path("/app/flows/basic_workflow.py")
A = Path("/data/flows/a.py")
B = Path("/data/flows/b.py")


def test_the_first_owner_keeps_a_name_and_the_newcomer_is_refused() -> None:
    first = resolve({B: ["x/local"]}, set(), {})
    assert first.owners == {"x/local": B}
    # a.py sorts first, but b.py owned the name before: b keeps it.
    second = resolve({A: ["x/local"], B: ["x/local"]}, set(), first.owners)
    assert second.owners == {"x/local": B}
    assert second.clashes == [Clash("x/local", str(A), str(B))]
    # Without history the order is stable (sorted paths), never random.
    fresh = resolve({B: ["x/local"], A: ["x/local"]}, set(), {})
    assert fresh.owners == {"x/local": A}
    assert fresh.clashes == [Clash("x/local", str(B), str(A))]


def test_a_users_file_shadows_an_example_and_gives_it_back() -> None:
    claims = {EX: ["basic-workflow/local"], A: ["basic-workflow/local", "mine/local"]}
    shadowed = resolve(claims, {EX}, {"basic-workflow/local": EX})
    assert shadowed.owners == {"basic-workflow/local": A, "mine/local": A}
    assert shadowed.clashes == []
    assert shadowed.shadowed == [Shadow("basic-workflow/local", str(EX), str(A))]
    back = resolve({EX: ["basic-workflow/local"]}, {EX}, shadowed.owners)
    assert back.owners == {"basic-workflow/local": EX}
    assert back.shadowed == []


def test_a_name_no_file_defines_has_no_owner() -> None:
    # (the runner deletes exactly these from the server)
    result = resolve({A: ["renamed/local"]}, set(), {"old/local": A})
    assert result.owners == {"renamed/local": A}


def test_entrypoint_file_keeps_a_windows_drive() -> None:
    assert entrypoint_file("/a/b.py:main") == "/a/b.py"
    assert entrypoint_file("C:\\Users\\me\\f.py:main") == "C:\\Users\\me\\f.py"
    assert entrypoint_file(None) == ""


def test_report_survives_a_damaged_or_older_status() -> None:
    assert not report_from_status({}).has_problems
    older = report_from_status({"errors": {"/x.py": "SyntaxError"}, "deployments": []})
    assert older.load_errors == {"/x.py": "SyntaxError"}
    assert older.owners == {}
    damaged = report_from_status({"clashes": [{"deployment": "x"}], "load_errors": "?"})
    assert damaged.clashes == ()
    full = report_from_status(
        {
            "load_errors": {},
            "clashes": [{"deployment": "x/local", "path": str(B), "owner": str(A)}],
            "deployments": {str(A): ["x/local"]},
        }
    )
    assert full.clashes == (Clash("x/local", str(B), str(A)),)
    assert full.owners == {"x/local": str(A)}
    assert full.has_problems
