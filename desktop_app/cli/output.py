"""Human output of the CLI: aligned tables with state symbols; JSON for scripts."""

from __future__ import annotations

import argparse
import dataclasses
import json
import re
import sys
from datetime import datetime, timezone
from typing import Any

from desktop_app.i18n import _

SYMBOLS = {
    "SCHEDULED": ("◷", "o"),
    "PENDING": ("◌", "."),
    "RUNNING": ("▶", ">"),
    "PAUSED": ("⏸", "="),
    "CANCELLING": ("⊘", "x"),
    "COMPLETED": ("✔", "+"),
    "FAILED": ("✖", "!"),
    "CANCELLED": ("⊘", "x"),
    "CRASHED": ("✖", "!"),
}


def _unicode_ok(stream: Any = None) -> bool:
    encoding = getattr(stream or sys.stdout, "encoding", None) or "ascii"
    try:
        "⏸✔✖▶◷⊘◌".encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def state_symbol(state_type: str) -> str:
    fancy, plain = SYMBOLS.get(state_type, ("?", "?"))
    return fancy if _unicode_ok() else plain


def when(value: datetime | None) -> str:
    if value is None:
        return "-"
    return value.astimezone().strftime("%Y-%m-%d %H:%M:%S")


def seconds(value: float | None) -> str:
    if value is None:
        return "-"
    value = round(value)
    hours, rest = divmod(value, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}h{minutes:02d}m"
    if minutes:
        return f"{minutes}m{secs:02d}s"
    return f"{secs}s"


def table(headers: list[str], rows: list[list[str]]) -> str:
    rows = [[printable(cell) for cell in row] for row in rows]
    widths = [len(h) for h in headers]
    for row in rows:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], len(cell))
    lines = ["  ".join(h.ljust(widths[i]) for i, h in enumerate(headers)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    for row in rows:
        lines.append("  ".join(c.ljust(widths[i]) for i, c in enumerate(row)).rstrip())
    return "\n".join(lines)


def _default(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.astimezone(timezone.utc).isoformat()
    if dataclasses.is_dataclass(value):
        return dataclasses.asdict(value)  # type: ignore[arg-type]
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    return str(value)


def to_json(value: Any) -> str:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        value = _with_properties(value)
    elif isinstance(value, list):
        value = [_with_properties(v) if dataclasses.is_dataclass(v) else v for v in value]
    return json.dumps(value, default=_default, indent=2, ensure_ascii=False)


def _with_properties(obj: Any) -> Any:
    data = dataclasses.asdict(obj)
    for name in ("display_state", "pause_requested", "pause_released", "full_name", "wants_input"):
        if hasattr(type(obj), name):
            data[name] = getattr(obj, name)
    return data


# C0 and C1 controls, DEL, and the invisible/bidirectional marks that make a line
# display other than it reads (Trojan Source): never raw on a terminal.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]")
_UNPRINTABLE_KEEP_NEWLINE = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]"
)


def _escape(match: re.Match[str]) -> str:
    code = ord(match[0])
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str, *, keep_newlines: bool = False) -> str:
    """`text` safe to print: control characters shown as \\xNN escapes, not obeyed.

    Anything read from a file or a server (a node title, a run name) may carry
    ESC sequences that would retitle, clear or rewrite the user's terminal.
    """
    pattern = _UNPRINTABLE_KEEP_NEWLINE if keep_newlines else _UNPRINTABLE
    return pattern.sub(_escape, text)


def usage(parser: argparse.ArgumentParser) -> int:
    """A command group called without a verb: its help, and the usage-error code."""
    parser.print_help()
    return 2


def error(message: str) -> None:
    print(f"flowdesk: {printable(message, keep_newlines=True)}", file=sys.stderr)


def warning(message: str) -> None:
    """Something went wrong around a command that itself succeeded (exit code stays 0)."""
    text = printable(message, keep_newlines=True)
    print(_("flowdesk: warning: {message}").format(message=text), file=sys.stderr)
