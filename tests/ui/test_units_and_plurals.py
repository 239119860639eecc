"""Numbers as people read them: round axis ticks, durations and counts in either language."""

from __future__ import annotations

import itertools
import math

import pytest
from PySide6.QtCore import QCoreApplication

from desktop_app import i18n
from desktop_app.ui.runs.formatting import axis_ticks, format_duration


@pytest.fixture
def language(qapp):
    from desktop_app.ui.translations import install_language

    def switch(name: str) -> None:
        install_language(qapp, name)

    yield switch
    install_language(qapp, "en")


@pytest.mark.parametrize("span", [0.4, 3, 12, 59, 70, 95, 150, 400, 1000, 3700, 7300, 90000])
@pytest.mark.parametrize("pixels", [300, 900])
def test_axis_ticks_are_round_steps_in_one_unit(span, pixels):
    ticks = axis_ticks(span, pixels)
    assert ticks[0] == (0.0, ticks[0][1]) and ticks[0][1].startswith("0 ")
    assert ticks[-1][0] <= span + 1e-6
    units = {label.split()[1] for _seconds, label in ticks}
    assert len(units) == 1  # one unit along the axis
    values = [float(label.split()[0]) for _seconds, label in ticks]
    step = values[1] - values[0] if len(values) > 1 else 1.0
    mantissa = step / 10 ** math.floor(math.log10(step))
    assert round(mantissa, 6) in (1.0, 2.0, 5.0)
    for value in values:
        assert len(f"{value:g}") <= 5, value  # never "1.16667"
    gaps = [b[0] - a[0] for a, b in itertools.pairwise(ticks)]
    if gaps:
        assert min(gaps) / span * pixels >= 80 - 1e-6  # labels do not crowd


def test_seventy_seconds_reads_in_seconds():
    labels = [label for _s, label in axis_ticks(70, 600)]
    assert labels == ["0 s", "10 s", "20 s", "30 s", "40 s", "50 s", "60 s", "70 s"]


def test_durations_and_units_follow_the_language(language):
    language("en")
    assert format_duration(64) == "1 min 04 s"
    assert format_duration(3.25) == "3.2 s"
    assert axis_ticks(300, 600)[1][1] == "1 min"
    language("zh_CN")
    assert format_duration(64) == "1 分 04 秒"
    assert format_duration(2 * 3600 + 180) == "2 小时 03 分"
    assert axis_ticks(300, 600)[1][1] == "1 分"
    assert i18n.current_language() == "zh_CN"


def test_counts_use_plurals_in_english_and_one_form_in_chinese(language):
    translate = QCoreApplication.translate
    language("en")
    assert translate("RunsView", "%n run(s)", "", 1) == "1 run"
    assert translate("RunsView", "%n run(s)", "", 3) == "3 runs"
    assert translate("RunsView", "%n run(s)", "", 0) == "0 runs"
    language("zh_CN")
    assert translate("RunsView", "%n run(s)", "", 1) == "1 个运行"
    assert translate("RunsView", "%n run(s)", "", 3) == "3 个运行"


def test_the_tallest_bars_count_keeps_clear_of_the_title(qtbot):
    from desktop_app.ui.dashboard.state_chart import StateBarChart

    chart = StateBarChart()
    qtbot.addWidget(chart)
    chart.resize(chart.sizeHint())
    chart.set_counts({"RUNNING": 9, "COMPLETED": 3})
    title = chart.title_rect()
    for state in ("RUNNING", "COMPLETED"):
        bar, count = chart.bar_and_count_rects(state)
        assert not count.intersects(title), state
        assert count.bottom() <= bar.top()  # above its own bar
    chart.grab()  # paints with the same geometry
