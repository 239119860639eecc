"""Compile-checking code bodies and expressions, mapped back to what the person typed.

A body is compiled wrapped in a function, exactly as code generation will
emit it (so `return` is legal and `await` is not), then every position is
shifted back by the wrapper's header line and indentation. Results are cached
by text: validating a 300-node design on every keystroke recompiles only the
body that changed.
"""

from __future__ import annotations

import ast
import re
import warnings
from functools import lru_cache
from typing import NamedTuple

INDENT = "    "
_BODY_HEADER = "def __flowdesk_body__():\n"
_ON_LINE = re.compile(r"\bon line (\d+)")

MAX_BODY_LINE = 100 - len(INDENT)
"""Longest body line that still fits ruff's limit once indented into the module."""


class SyntaxIssue(NamedTuple):
    """A compile error or warning, 1-based line/column in the typed text.

    A plain named tuple: results are cached per text, so they must not change."""

    line: int
    column: int
    message: str
    is_error: bool = True


def wrap_body(body: str) -> str:
    """The body as the function the generated module will contain (validation's view)."""
    return _BODY_HEADER + "".join(INDENT + line for line in body.splitlines(keepends=True))


def _compile(source: str, mode: str, line_shift: int, column_shift: int,
             typed_lines: int) -> tuple[SyntaxIssue, ...]:
    def place(line: int | None, column: int | None) -> tuple[int, int]:
        typed_line = min(max((line or 1) - line_shift, 1), max(typed_lines, 1))
        return typed_line, max((column or 1) - column_shift, 1)

    def shift_message(message: str) -> str:
        # "expected an indented block after 'if' statement on line 3" names a wrapped line.
        return _ON_LINE.sub(lambda m: f"on line {max(int(m[1]) - line_shift, 1)}", message)

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            compile(source, "<flowdesk>", mode, dont_inherit=True)
        except SyntaxError as exc:
            line, column = place(exc.lineno, exc.offset)
            return (SyntaxIssue(line, column, shift_message(exc.msg)),)
        except ValueError as exc:  # e.g. "source code string cannot contain null bytes"
            return (SyntaxIssue(1, 1, str(exc)),)
    issues = []
    for item in caught:
        # Invalid escapes are a DeprecationWarning before Python 3.12, a SyntaxWarning after.
        if issubclass(item.category, (SyntaxWarning, DeprecationWarning)):
            line, _ = place(item.lineno, None)
            issues.append(SyntaxIssue(line, 1, str(item.message), is_error=False))
    return tuple(issues)


@lru_cache(maxsize=4096)
def check_body(body: str) -> tuple[SyntaxIssue, ...]:
    """Compile errors/warnings of a task body, plus over-long lines as warnings."""
    if not body.strip():
        return ()
    lines = body.splitlines()
    issues = list(_compile(wrap_body(body), "exec", 1, len(INDENT), len(lines)))
    for number, text in enumerate(lines, start=1):
        if len(text) > MAX_BODY_LINE:
            issues.append(SyntaxIssue(
                number, MAX_BODY_LINE + 1,
                f"Line is {len(text)} characters; keep it within {MAX_BODY_LINE} so the "
                "generated module passes ruff.",
                is_error=False,
            ))
    return tuple(issues)


@lru_cache(maxsize=4096)
def check_expression(expression: str) -> tuple[SyntaxIssue, ...]:
    """Compile errors of a condition expression (wrapped in parentheses, as generated)."""
    if not expression.strip():
        return (SyntaxIssue(1, 1, "The condition needs an expression, e.g. `value > 10`."),)
    lines = expression.splitlines() or [""]
    return _compile("(\n" + expression + "\n)", "eval", 1, 0, len(lines))


@lru_cache(maxsize=4096)
def body_returns_value(body: str) -> bool:
    """Whether the body has a `return <value>` of its own (not in a nested def/lambda).

    Used to warn when a node's result feeds others but the body returns
    nothing, a common slip when code is moved from a script into a node.
    """
    try:
        tree = ast.parse(wrap_body(body))
    except (SyntaxError, ValueError):
        return True  # the syntax error is reported instead
    function = tree.body[0]
    assert isinstance(function, ast.FunctionDef)
    stack: list[ast.AST] = list(function.body)
    while stack:
        item = stack.pop()
        if isinstance(item, ast.Return) and item.value is not None:
            return True
        if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            continue
        stack.extend(ast.iter_child_nodes(item))
    return False


def clear_caches() -> None:
    """Forget cached results (benchmarks measure cold validation with this)."""
    check_body.cache_clear()
    check_expression.cache_clear()
    body_returns_value.cache_clear()
