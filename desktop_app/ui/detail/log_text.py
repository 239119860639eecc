"""Making log messages safe and readable before they reach a text widget. No Qt.

A flow may log anything: ANSI colours, a NUL, a binary blob decoded as
text, a 1 MB JSON dump on one line. Left as is, control characters garble the
view (U+2029 even splits blocks, breaking the line cap), lone surrogates make
Qt drop the string, and a megabyte-long line freezes layout. So: colours
removed, control characters dropped (tab kept), surrogates replaced, and
each line cut at `MAX_LINE_CHARS` with a note of how much was cut.
"""

from __future__ import annotations

import re
from datetime import datetime

from desktop_app.core.api.models import LogLine

MAX_LINE_CHARS = 10_000

_ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]")
# C0 controls except \t and \n, DEL, C1 controls, BOM, line/paragraph separators.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufeff\u2028\u2029]")
_SURROGATE = re.compile("[\ud800-\udfff]")

LEVEL_WIDTH = 8


def clean(text: str) -> str:
    """Drop colours and control characters; newlines stay (they split lines)."""
    if text.isprintable():  # the common case, checked in C: nothing to do
        return text
    if "\x1b" in text:
        text = _ANSI.sub("", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    return _SURROGATE.sub("\ufffd", text)


def cut(line: str, limit: int = MAX_LINE_CHARS) -> str:
    if len(line) <= limit:
        return line
    return f"{line[:limit]} … ({len(line) - limit:,} more characters)"


_second_cache: dict[int, str] = {}


def timestamp_text(moment: datetime) -> str:
    """Local `HH:MM:SS.mmm`; the seconds part is cached (strftime + tz lookup are slow)."""
    key = int(moment.timestamp())
    seconds = _second_cache.get(key)
    if seconds is None:
        if len(_second_cache) > 4096:
            _second_cache.clear()
        seconds = _second_cache[key] = moment.astimezone().strftime("%H:%M:%S")
    return f"{seconds}.{moment.microsecond // 1000:03d}"


def level_text(level: int) -> str:
    names = {10: "DEBUG", 20: "INFO", 30: "WARNING", 40: "ERROR", 50: "CRITICAL"}
    return names.get(level, f"LEVEL{level}")


def format_line(
    line: LogLine, limit: int = MAX_LINE_CHARS, task: str | None = None
) -> list[str]:
    """One log record → display lines: `12:00:01.234 INFO     name  message`.

    A task's line names the task run that wrote it (`task`, looked up from
    the line's task_run_id) instead of the logger, which for every task is
    the same "prefect.task_runs". Continuation lines of a multi-line message
    (tracebacks) are indented under the message so they read as one record.
    """
    head = f"{timestamp_text(line.timestamp)} {level_text(line.level):<{LEVEL_WIDTH}} "
    if task:
        head += f"{clean(task)[:60]}  "
    elif line.name:
        head += f"{clean(line.name)[:60]}  "
    message = clean(line.message or "")
    parts = message.split("\n")
    if len(parts) > 1 and parts[-1] == "":
        parts.pop()
    first = cut(head + parts[0], limit)
    indent = " " * len(head)
    return [first] + [cut(indent + part, limit) for part in parts[1:]]
