"""Human output of the CLI: aligned tables with state symbols; JSON for scripts."""

from __future__ import annotations

import dataclasses
import json
import sys
from datetime import datetime, timezone
from typing import Any

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
    for name in ("display_state", "pause_requested", "full_name", "wants_input"):
        if hasattr(type(obj), name):
            data[name] = getattr(obj, name)
    return data


def error(message: str) -> None:
    print(f"flowdesk: {message}", file=sys.stderr)
