"""Writing Python source text that reads well and passes ruff.

People put anything in titles and descriptions: quotes, braces, backslashes,
very long sentences. These helpers turn such text into literals, comments and
docstrings that are always valid Python and stay within 100 columns, and lay
out calls the way a person would (one line if it fits, else one argument per
line). Kept separate from `codegen`, which decides *what* to write.
"""

from __future__ import annotations

import io
import re
import tokenize
import unicodedata
from dataclasses import dataclass, field
from typing import Any

WIDTH = 100
"""Ruff's line length in this project (and the limit generated modules respect)."""

_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(char: str) -> str:
    if char in _ESCAPES:
        return _ESCAPES[char]
    if char.isprintable():
        return char
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def py_str(text: str) -> str:
    """A double-quoted Python literal for `text` (readable: printable characters kept)."""
    return '"' + "".join(_escape(c) for c in text) + '"'


def width(text: str) -> int:
    """Columns `text` takes in an editor, as ruff counts them (wide CJK = 2, combining = 0)."""
    if text.isascii():
        return len(text)
    total = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        total += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return total


def py_value(value: Any) -> str:
    """A one-line Python expression for a JSON value (None, numbers, text, lists, dicts)."""
    if isinstance(value, str):
        return py_str(value)
    if isinstance(value, list):
        return "[" + ", ".join(py_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{py_str(str(k))}: {py_value(v)}" for k, v in value.items()) + "}"
    return repr(value)


def render_value(value: Any, indent: int, prefix: str = "", suffix: str = "") -> list[str]:
    """Lines of `prefix + value + suffix`, one element per line where it does not fit."""
    pad = " " * indent
    one_line = pad + prefix + py_value(value) + suffix
    if width(one_line) <= WIDTH:
        return [one_line]
    if isinstance(value, str):
        return render(Text(value), indent, prefix, suffix)
    if isinstance(value, list):
        lines = [pad + prefix + "["]
        for item in value:
            lines += render_value(item, indent + 4, suffix=",")
        return [*lines, pad + "]" + suffix]
    if isinstance(value, dict):
        lines = [pad + prefix + "{"]
        for key, item in value.items():
            lines += render_value(item, indent + 4, f"{py_str(str(key))}: ", ",")
        return [*lines, pad + "}" + suffix]
    return [one_line]


def _chunks(text: str, size: int) -> list[str]:
    """Split text into pieces whose literals are at most ~`size` columns wide.

    Pieces end after a newline, or after a space when one is near; widths
    count escapes (`\\x12`) and wide characters, as the literal will show them.
    """
    pieces: list[str] = []
    for line in text.splitlines(keepends=True):
        piece, used, last_space = "", 0, -1
        for char in line:
            cost = width(_escape(char))
            if used + cost > size and piece:
                cut = last_space + 1 if last_space >= 0 else len(piece)
                pieces.append(piece[:cut])
                piece = piece[cut:]
                used = width("".join(_escape(c) for c in piece))
                last_space = -1
                if used + cost > size and piece:
                    # What followed the space is itself too long with this char: cut here.
                    pieces.append(piece)
                    piece, used = "", 0
            piece += char
            used += cost
            if char == " ":
                last_space = len(piece) - 1
        if piece:
            pieces.append(piece)
    return pieces or [""]


@dataclass(frozen=True)
class Text:
    """A text value: one literal if it fits, else adjacent literals in parentheses."""

    value: str


@dataclass(frozen=True)
class Kw:
    """A keyword argument `name=value`."""

    name: str
    value: Expr


@dataclass
class Call:
    """A call `func(args)`; `after` is appended to the closing parenthesis (`.model_dump()`)."""

    func: str
    args: list[Expr] = field(default_factory=list)
    after: str = ""


Expr = str | Text | Kw | Call
"""A plain code string (never split), a text value, a keyword argument or a call."""


def flat(expr: Expr) -> str:
    """The one-line form of an expression."""
    if isinstance(expr, str):
        return expr
    if isinstance(expr, Text):
        return py_str(expr.value)
    if isinstance(expr, Kw):
        return f"{expr.name}={flat(expr.value)}"
    return f"{expr.func}({', '.join(flat(a) for a in expr.args)}){expr.after}"


def render(expr: Expr, indent: int, prefix: str = "", suffix: str = "") -> list[str]:
    """Lines of `prefix + expr + suffix` at `indent` spaces, split to fit `WIDTH`."""
    if isinstance(expr, Kw):  # `name=` leads its value's first line, fitting or not
        return render(expr.value, indent, f"{prefix}{expr.name}=", suffix)
    pad = " " * indent
    one_line = pad + prefix + flat(expr) + suffix
    if width(one_line) <= WIDTH:
        return [one_line]
    if isinstance(expr, Text):
        # Each piece goes on its own line: indent + 4 spaces + 2 quotes around it.
        pieces = _chunks(expr.value, max(WIDTH - indent - 6, 20))
        return [pad + prefix + "(", *(pad + "    " + py_str(p) for p in pieces), pad + ")" + suffix]
    if isinstance(expr, Call):
        lines = [pad + prefix + expr.func + "("]
        for arg in expr.args:
            lines += render(arg, indent + 4, suffix=",")
        lines.append(pad + ")" + expr.after + suffix)
        return lines
    return [one_line]


_UNIT = re.compile(r"\\(?:x[0-9a-f]{2}|u[0-9a-f]{4}|U[0-9a-f]{8}|.)|.", re.DOTALL)
"""One character, or one backslash escape (never split across lines)."""


def _wrap(paragraph: str, size: int) -> list[str]:
    """Greedy word wrap measured in editor columns; over-long words are cut."""
    lines: list[str] = []
    line = ""
    for word in paragraph.split(" "):
        candidate = f"{line} {word}" if line else word
        if width(candidate) <= size:
            line = candidate
            continue
        if line:
            lines.append(line)
        line = ""
        for unit in _UNIT.findall(word):  # a word wider than a line: cut it, not an escape
            if line and width(line + unit) > size:
                lines.append(line)
                line = ""
            line += unit
    lines.append(line)
    return [item.rstrip() for item in lines]


def _printable(text: str) -> str:
    """Control characters shown as escapes: in a comment they would break the source."""
    return "".join(c if c.isprintable() else _escape(c) for c in text)


def comment(text: str, indent: int = 0) -> list[str]:
    """`# ...` lines holding `text`, wrapped to fit."""
    pad = " " * indent
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        lines += [(pad + "# " + line).rstrip()
                  for line in _wrap(_printable(paragraph), WIDTH - indent - 2)]
    return lines


def docstring(text: str, indent: int) -> list[str]:
    """A triple-quoted docstring holding `text` (escaped, wrapped to fit)."""
    pad = " " * indent
    safe = "\n".join(_printable(line.replace("\\", "\\\\"))
                     for line in text.strip().splitlines())
    safe = safe.replace('"""', '\\"\\"\\"')
    if safe.endswith('"'):
        safe = safe[:-1] + '\\"'
    body = [line for paragraph in safe.split("\n")
            for line in _wrap(paragraph, WIDTH - indent - 3)] or [""]
    if len(body) == 1 and width(pad + body[0]) + 6 <= WIDTH:
        return [f'{pad}"""{body[0]}"""']
    return [f'{pad}"""{body[0]}', *((pad + line).rstrip() for line in body[1:]), f'{pad}"""']


def indent_body(body: str, indent: str = "    ") -> list[str]:
    """The body's lines indented by `indent`, except inside multi-line strings.

    Indenting a line that continues a triple-quoted string would change the
    string's value, so those lines are kept exactly as typed. Blank lines stay
    empty (no trailing whitespace for ruff to flag).
    """
    lines = body.splitlines()
    keep = _string_continuation_lines(body) if ('"""' in body or "'''" in body
                                                or "\\\n" in body) else set()
    return [
        line if (n in keep or not line.strip()) else indent + line
        for n, line in enumerate(lines, start=1)
    ]


def _string_continuation_lines(body: str) -> set[int]:
    """1-based numbers of lines that start inside a multi-line token (a string)."""
    inside: set[int] = set()
    try:
        for token in tokenize.generate_tokens(io.StringIO(body).readline):
            start, end = token.start[0], token.end[0]
            if end > start and token.type not in (tokenize.NEWLINE, tokenize.NL):
                inside.update(range(start + 1, end + 1))
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return set()
    return inside
