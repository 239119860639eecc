"""Schedules checked and explained locally: what is refused before any request, the
words shown in the editor (English and Chinese) and the next times."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from desktop_app import i18n
from desktop_app.core.api.errors import ScheduleRejected
from desktop_app.core.api.schedule_models import ScheduleSpec
from desktop_app.core.serving import schedule_marks
from desktop_app.services import schedules
from desktop_app.services.schedule_text import checked, local_timezone, next_times, parse_interval
from desktop_app.services.schedule_words import describe, describe_cron


@pytest.mark.parametrize(
    ("spec", "words"),
    [
        (ScheduleSpec("cron", "61 9 * * *"), "not a cron expression"),
        (ScheduleSpec("cron", "0 9 * *"), "not a cron expression"),
        (ScheduleSpec("cron", "H 9 * * *"), "not a cron expression"),
        (ScheduleSpec("cron", "0 9 * * R"), "not supported by Prefect"),
        (ScheduleSpec("rrule", "FREQ=SOMETIMES"), "not a valid RRule"),
        (ScheduleSpec("rrule", "RRULE:FREQ=DAILY;" + "BYHOUR=1;" * 900), "at most 6500"),
        (ScheduleSpec("cron", "0 9 * * *", "Mars/Olympus_Mons"), "not a time zone"),
        (ScheduleSpec("interval", "0"), "at least one second"),
        (ScheduleSpec("interval", "-5"), "not an interval"),
        (ScheduleSpec("interval", "ten minutes"), "not an interval"),
        (ScheduleSpec("cron", "   "), "empty"),
    ],
)
def test_bad_schedules_are_refused_in_words(spec: ScheduleSpec, words: str) -> None:
    with pytest.raises(ScheduleRejected, match=words) as caught:
        checked(spec)
    assert "\n" not in str(caught.value) or spec.kind == "rrule"


def test_good_schedules_come_back_canonical() -> None:
    assert checked(ScheduleSpec("interval", "1h30m")).value == "5400"
    assert checked(ScheduleSpec("cron", " 0  9 * * 1-5 ", " Asia/Shanghai ")) == ScheduleSpec(
        "cron", "0 9 * * 1-5", "Asia/Shanghai"
    )
    assert checked(ScheduleSpec("rrule", "FREQ=WEEKLY;BYDAY=MO", "")).timezone is None


@pytest.mark.parametrize(
    ("text", "seconds"), [("90", 90), ("15m", 900), ("1h30m", 5400), ("2d", 172800), ("1w", 604800)]
)
def test_intervals_take_units(text: str, seconds: int) -> None:
    assert parse_interval(text) == seconds


def test_local_timezone_is_a_real_iana_zone() -> None:
    import zoneinfo

    zoneinfo.ZoneInfo(local_timezone())


@pytest.mark.parametrize(
    ("expr", "words"),
    [
        ("0 9 * * 1-5", "every weekday at 09:00"),
        ("*/15 * * * *", "every 15 minutes"),
        ("30 * * * *", "every hour at minute 30"),
        ("0 0 1 * *", "on day 1 of every month at 00:00"),
        ("0 8 * * mon,wed,fri", "every Monday, Wednesday, Friday at 08:00"),
        ("0 9 * * 6,0", "every Saturday and Sunday at 09:00"),
        ("@daily", "every day at 00:00"),
        ("5 4 * 1 *", "custom cron schedule"),
    ],
)
def test_cron_in_words(expr: str, words: str) -> None:
    assert describe_cron(expr) == words


def test_words_follow_the_language() -> None:
    spec = ScheduleSpec("cron", "0 9 * * 1-5", "Asia/Shanghai")
    try:
        i18n.set_language("zh_CN")
        chinese = describe(spec)
        interval = describe(ScheduleSpec("interval", "7200"))
    finally:
        i18n.set_language("en")
    assert chinese == "每个工作日 09:00（Asia/Shanghai）"
    assert interval == "每 2 小时"
    assert describe(spec) == "every weekday at 09:00 (Asia/Shanghai)"


def test_next_times_are_in_the_schedules_zone() -> None:
    after = datetime(2026, 12, 4, 12, 0, tzinfo=timezone.utc)  # a Friday
    times = next_times(ScheduleSpec("cron", "0 9 * * 1-5", "Asia/Shanghai"), 5, after)
    assert [t.strftime("%a %H:%M") for t in times] == ["Mon 09:00"] * 1 + [
        "Tue 09:00",
        "Wed 09:00",
        "Thu 09:00",
        "Fri 09:00",
    ]
    assert str(times[0].tzinfo) == "Asia/Shanghai"
    interval = next_times(ScheduleSpec("interval", "3600"), 3, after)
    assert [t.hour for t in interval] == [13, 14, 15]
    weekly = next_times(
        ScheduleSpec("rrule", "FREQ=WEEKLY;BYDAY=MO;BYHOUR=9;BYMINUTE=0", "Europe/Berlin"), 2, after
    )
    assert [t.strftime("%Y-%m-%d %H:%M:%S") for t in weekly] == [
        "2026-12-07 09:00:00",
        "2026-12-14 09:00:00",
    ]


def test_schedules_are_named_by_number_or_id_prefix() -> None:
    from desktop_app.core.api.errors import AmbiguousId, NotFound
    from desktop_app.core.api.schedule_models import ScheduleEntry

    spec = ScheduleSpec("interval", "60")
    entries = [ScheduleEntry("abc123", "d", spec), ScheduleEntry("abd456", "d", spec)]
    assert schedules.resolve(entries, "2").id == "abd456"
    assert schedules.resolve(entries, "ABC").id == "abc123"
    with pytest.raises(NotFound, match="no schedule number 3"):
        schedules.resolve(entries, "3")
    with pytest.raises(AmbiguousId, match="matches 2"):
        schedules.resolve(entries, "ab")
    with pytest.raises(NotFound, match="starting with 'zz'"):
        schedules.resolve(entries, "zz")


def test_edited_marks_survive_and_a_damaged_file_means_none(tmp_path) -> None:
    marks = tmp_path / "marks.json"
    assert not schedule_marks.edited_here("f/local", marks)
    schedule_marks.mark_edited("f/local", marks)
    assert schedule_marks.edited_here("f/local", marks)
    marks.write_text("{not json", encoding="utf-8")
    assert schedule_marks.edited_deployments(marks) == {}


def test_an_interval_read_from_the_server_counts_from_its_anchor() -> None:
    anchor = datetime(2026, 12, 1, 0, 10, tzinfo=timezone.utc)
    after = datetime(2026, 12, 4, 12, 0, tzinfo=timezone.utc)
    spec = ScheduleSpec("interval", "3600", "UTC", anchor)
    assert [t.strftime("%H:%M") for t in next_times(spec, 3, after)] == ["12:10", "13:10", "14:10"]
    assert spec == ScheduleSpec("interval", "3600", "UTC")  # the anchor is not what it means
