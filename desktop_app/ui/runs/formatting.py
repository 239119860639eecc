"""Turning run fields into short cell text. Pure functions, no Qt: unit-tested alone."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any


def format_duration(seconds: float | None) -> str:
    """`0.4 s`, `12 s`, `3 min 05 s`, `2 h 03 min`, `3 d 04 h`; empty for never started."""
    if seconds is None:
        return ""
    if seconds < 10:
        return f"{seconds:.1f} s"
    total = int(seconds)
    if total < 60:
        return f"{total} s"
    minutes, secs = divmod(total, 60)
    if minutes < 60:
        return f"{minutes} min {secs:02d} s"
    hours, minutes = divmod(minutes, 60)
    if hours < 24:
        return f"{hours} h {minutes:02d} min"
    days, hours = divmod(hours, 24)
    return f"{days} d {hours:02d} h"


def format_time(value: datetime | None, now: datetime | None = None) -> str:
    """Local time; the date only when it is not today."""
    if value is None:
        return ""
    local = value.astimezone()
    today = (now or datetime.now(timezone.utc)).astimezone().date()
    if local.date() == today:
        return local.strftime("%H:%M:%S")
    if local.year == today.year:
        return local.strftime("%m-%d %H:%M")
    return local.strftime("%Y-%m-%d %H:%M")


def format_full_time(value: datetime | None) -> str:
    if value is None:
        return ""
    return value.astimezone().strftime("%Y-%m-%d %H:%M:%S %Z")


def _short_value(value: Any, limit: int = 24) -> str:
    if isinstance(value, str):
        text = json.dumps(value, ensure_ascii=False)
    else:
        try:
            text = json.dumps(value, ensure_ascii=False, default=str, separators=(",", ":"))
        except (TypeError, ValueError):
            text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def parameters_summary(parameters: dict[str, Any], limit: int = 80) -> str:
    """`items_count=10, delay=0.3` cut to `limit` characters."""
    parts = [f"{key}={_short_value(value)}" for key, value in parameters.items()]
    text = ", ".join(parts)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def parameters_tooltip(parameters: dict[str, Any]) -> str:
    if not parameters:
        return ""
    return json.dumps(parameters, ensure_ascii=False, indent=2, default=str)[:2000]


def format_bytes(count: float | None) -> str:
    if count is None:
        return "–"
    for unit in ("B", "KiB", "MiB", "GiB"):
        if count < 1024 or unit == "GiB":
            return f"{count:.0f} {unit}" if unit in ("B", "KiB") else f"{count:.1f} {unit}"
        count /= 1024
    return f"{count:.1f} GiB"
