"""The log view under a flood, hostile text, following and filtering; the tail's cursor."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

import pytest

import tests.ui.test_forms_support  # noqa: F401 (keeps None alive under PySide6 6.12)
from desktop_app.core.api.log_tail import LogCursor
from desktop_app.core.api.models import LogLine
from desktop_app.ui.async_tools import LoopStallMeter
from desktop_app.ui.detail import log_text
from desktop_app.ui.detail.log_view import DOCUMENT_MAX_LINES, LogView
from tests.timings import record

T0 = datetime(2026, 11, 28, 12, 0, tzinfo=timezone.utc)
GARBAGE = bytes(range(256)).decode("latin-1") + "\ud800 \u2029 \x1b[31mred\x1b[0m \x00end"
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def line(i: int, message: str, level: int = 20, at: datetime | None = None) -> LogLine:
    return LogLine(
        id=f"id-{i}",
        timestamp=at or T0 + timedelta(milliseconds=i),
        level=level,
        message=message,
        name="prefect.flow_runs",
    )


@pytest.fixture
def view(qtbot):
    widget = LogView()
    widget.resize(900, 500)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_flood_of_20000_lines_with_garbage_keeps_the_loop_responsive(qtbot, view):
    records = []
    for i in range(20_000):
        message = f"line {i} " + "x" * (i % 80)
        if i % 997 == 0:
            message = GARBAGE
        if i % 500 == 1:
            message += "\nTraceback (most recent call last):\n  File 'x'\nValueError: boom"
        records.append(line(i, message, level=40 if i % 50 == 0 else 20))
    records[5000] = line(5000, "y" * 1_000_000)  # one 1 MB line
    meter = LoopStallMeter(10)
    meter.start()
    view.append_lines(records)  # all at once: the worst case
    qtbot.waitUntil(lambda: view.pending == 0, timeout=30_000)
    qtbot.wait(50)
    record("log_flood_max_loop_gap", meter.stop(), budget=0.100)
    document = view.text.document()
    assert document.blockCount() <= DOCUMENT_MAX_LINES  # capped
    text = view.shown_text()
    assert not CONTROL.search(text)  # no control characters, no lone surrogates
    assert "red" in text and "\x1b" not in text  # colours stripped, words kept
    longest = max(len(block) for block in text.split("\n"))
    assert longest <= log_text.MAX_LINE_CHARS + 40
    assert "line 19999" in text.split("\n")[-1]  # followed to the end


def test_the_megabyte_line_is_cut_with_a_note(view, qtbot):
    view.append_lines([line(1, "z" * 1_000_000)])
    qtbot.waitUntil(lambda: view.pending == 0, timeout=5000)
    shown = view.shown_text()
    assert shown.endswith("… (990,000 more characters)") or "more characters)" in shown
    prefix_len = len(shown.split("z", 1)[0])
    assert len(shown) < log_text.MAX_LINE_CHARS + prefix_len + 40


def test_clean_and_cut_are_safe_on_hostile_text():
    cleaned = log_text.clean(GARBAGE)
    assert not CONTROL.search(cleaned)
    assert "\t" in log_text.clean("a\tb")  # tabs stay
    assert log_text.clean("a\r\nb\rc") == "a\nb\nc"
    assert log_text.clean("\x1b[1;31mERR\x1b[0m") == "ERR"
    assert log_text.cut("abc", 2) == "ab … (1 more characters)"
    formatted = log_text.format_line(line(1, "first\nsecond\n"))
    assert len(formatted) == 2 and formatted[1].strip() == "second"
    assert formatted[0].split()[1] == "INFO"


def test_follow_stops_when_scrolled_up_and_resumes_at_bottom(qtbot, view):
    view.append_lines([line(i, f"row {i}") for i in range(400)])
    qtbot.waitUntil(lambda: view.pending == 0, timeout=5000)
    bar = view.text.verticalScrollBar()
    assert view.following and bar.value() == bar.maximum()
    bar.setValue(10)  # the person scrolls up to read
    assert not view.following and not view.follow_box.isChecked()
    view.append_lines([line(400 + i, f"later {i}") for i in range(100)])
    qtbot.waitUntil(lambda: view.pending == 0, timeout=5000)
    assert bar.value() == 10  # not yanked to the end
    bar.setValue(bar.maximum())  # back at the bottom: follow again
    assert view.following and view.follow_box.isChecked()
    view.append_lines([line(600, "newest")])
    qtbot.waitUntil(lambda: view.pending == 0, timeout=5000)
    assert bar.value() == bar.maximum()


def test_level_filter_search_and_only_matching(qtbot, view):
    view.append_lines(
        [
            line(1, "debug detail", 10),
            line(2, "normal info", 20),
            line(3, "careful now", 30),
            line(4, "it broke\nTraceback (most recent call last):\nKeyError: 'k'", 40),
        ]
    )
    qtbot.waitUntil(lambda: view.pending == 0, timeout=5000)
    assert "debug detail" in view.shown_text()
    view.set_min_level(30)
    assert "normal info" not in view.shown_text() and "careful now" in view.shown_text()
    assert "KeyError" in view.shown_text()  # continuation lines follow their record
    view.set_min_level(0)
    view.set_search("keyerror")
    qtbot.waitUntil(lambda: view.match_count_visible() == 1, timeout=2000)
    view.only_matching.setChecked(True)
    shown = view.shown_text().split("\n")
    assert len(shown) == 3 and "it broke" in shown[0]  # the whole record, not one line
    view.only_matching.setChecked(False)
    assert "debug detail" in view.shown_text()
    assert view.find_next()


def test_copy_and_save(qtbot, view, tmp_path):
    from PySide6.QtGui import QGuiApplication

    view.append_lines([line(i, f"entry {i}") for i in range(5)])
    qtbot.waitUntil(lambda: view.pending == 0, timeout=5000)
    view.copy()
    assert QGuiApplication.clipboard().text().count("entry") == 5
    target = tmp_path / "run.log"
    assert view.save_memory(str(target)) == 5
    assert target.read_text(encoding="utf-8").count("\n") == 5
    assert "Saved 5 lines" in view.status.text()
    assert view.save_memory(str(tmp_path / "missing" / "x.log")) == 0
    assert "Could not save" in view.status.text()


def test_cursor_hands_out_each_line_once_even_with_equal_timestamps():
    cursor = LogCursor(window=6)
    same = T0
    first = [line(1, "a", at=same), line(2, "b", at=same)]
    assert [x.id for x in cursor.fresh(first)] == ["id-1", "id-2"]
    # `after` is inclusive: the server returns the equal-timestamp lines again.
    again = [*first, line(3, "c", at=same), line(4, "d", at=same + timedelta(seconds=1))]
    assert [x.id for x in cursor.fresh(again)] == ["id-3", "id-4"]
    assert cursor.after == same + timedelta(seconds=1)
    assert cursor.fresh(again) == []


def test_cursor_catches_late_lines_and_forgets_old_ids():
    cursor = LogCursor(window=6)
    cursor.fresh([line(i, f"n{i}", at=T0 + timedelta(seconds=i)) for i in range(10)])
    assert cursor.sweep_from == T0 + timedelta(seconds=3)
    # Another process's batch, stamped 2 s before the newest line, arrives now.
    late = line(100, "late", at=T0 + timedelta(seconds=7, milliseconds=500))
    assert cursor.fresh([late]) == [late]
    assert cursor.fresh([late]) == []  # once only
    too_old = line(101, "ancient", at=T0)
    assert cursor.fresh([too_old]) == []  # outside the window: cannot be told apart
    cursor.fresh([line(200, "much later", at=T0 + timedelta(seconds=60))])
    assert len(cursor) == 1  # ids behind the window are forgotten: memory stays flat


def test_late_lines_are_put_in_time_order_when_asked(qtbot, view):
    view.append_lines([line(2, "second"), line(3, "third\n  detail")])
    view.append_lines([line(1, "first (late)")])
    view.request_sort()
    qtbot.waitUntil(lambda: view.pending == 0 and view.out_of_order == 0, timeout=5000)
    shown = view.shown_text().split("\n")
    assert [x.split("  ")[-1].strip() for x in shown] == [
        "first (late)",
        "second",
        "third",
        "detail",
    ]
