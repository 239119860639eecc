"""Turning run fields into short cell text. Pure functions, no Qt: unit-tested alone.

Units follow the window's language through `i18n.translate` (the catalogue
the window's translator reads; `install_language` sets its language too).
"""

from __future__ import annotations

import json
import math
from datetime import datetime, timezone
from typing import Any

from desktop_app.i18n import translate


def format_duration(seconds: float | None) -> str:
    """`0.4 s`, `12 s`, `3 min 05 s`, `2 h 03 min`, `3 d 04 h`; empty for never started."""
    if seconds is None:
        return ""
    if seconds < 10:
        return translate("Units", "{seconds} s").format(seconds=f"{seconds:.1f}")
    total = int(seconds)
    if total < 60:
        return translate("Units", "{seconds} s").format(seconds=total)
    minutes, secs = divmod(total, 60)
    if minutes < 60:
        return translate("Units", "{minutes} min {seconds} s").format(
            minutes=minutes, seconds=f"{secs:02d}"
        )
    hours, minutes = divmod(minutes, 60)
    if hours < 24:
        return translate("Units", "{hours} h {minutes} min").format(
            hours=hours, minutes=f"{minutes:02d}"
        )
    days, hours = divmod(hours, 24)
    return translate("Units", "{days} d {hours} h").format(days=days, hours=f"{hours:02d}")


def axis_ticks(span: float, pixels: float, min_gap: float = 80.0) -> list[tuple[float, str]]:
    """(seconds, label) of a time axis: 1/2/5×10^n steps in one sensible unit.

    The unit follows the span (seconds up to 2 min, minutes up to 2 h, then
    hours), so labels read "0 s … 70 s" or "0 min … 5 min", never "1.16667 min".
    """
    if span <= 0 or pixels <= 0:
        return [(0.0, axis_label(0, "s"))]
    unit, size = ("s", 1.0) if span <= 120 else ("min", 60.0) if span <= 7200 else ("h", 3600.0)
    wanted = span * min_gap / pixels / size
    exponent = math.floor(math.log10(wanted)) if wanted > 0 else 0
    step = next(
        m * 10.0**e
        for e in (exponent, exponent + 1)
        for m in (1, 2, 5)
        if m * 10.0**e >= wanted * (1 - 1e-9)
    )
    ticks = []
    for index in range(int(span / size / step + 1e-9) + 1):
        value = round(index * step, 6)
        ticks.append((value * size, axis_label(value, unit)))
    return ticks


def axis_label(value: float, unit: str) -> str:
    texts = {
        "s": translate("Units", "{value} s"),
        "min": translate("Units", "{value} min"),
        "h": translate("Units", "{value} h"),
    }
    return texts[unit].format(value=f"{value:g}")


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
