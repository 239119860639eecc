"""Artifact data → what the views show: every table shape, progress, links, bad data in words."""

from __future__ import annotations

import json

import pytest

from desktop_app.core.api.artifact_models import ArtifactInfo
from desktop_app.services.artifacts import (
    MAX_MARKDOWN_CHARS,
    BadTable,
    is_result_record,
    link_refusal,
    one_line,
    parse_table,
    shown,
)


def art(kind: str, data, description=None, key="k") -> ArtifactInfo:
    return ArtifactInfo(id="1", key=key, type=kind, data=data, description=description)


def test_table_as_list_of_dicts_takes_every_key_in_order():
    table = parse_table(json.dumps([{"a": 1, "b": None}, {"b": 2, "c": {"x": 1}}]))
    assert table.columns == ("a", "b", "c")
    assert table.rows == (("1", "", ""), ("", "2", '{"x": 1}'))


def test_table_as_dict_of_columns_pads_short_columns():
    table = parse_table({"a": [1, 2, 3], "b": ["x"]})
    assert table.columns == ("a", "b")
    assert table.rows == (("1", "x"), ("2", ""), ("3", ""))
    assert table.total_rows == 3


def test_table_as_list_of_lists_numbers_its_columns():
    table = parse_table([[1, 2], [3]])
    assert table.columns == ("1", "2")
    assert table.rows == (("1", "2"), ("3", ""))


def test_a_long_table_is_cut_and_says_so():
    view = shown(art("table", json.dumps([{"n": i} for i in range(12_000)])))
    assert view.kind == "table" and view.table is not None
    assert len(view.table.rows) == 10_000 and view.table.cut
    assert "10000" in view.note and "12000" in view.note


@pytest.mark.parametrize(
    ("data", "words"),
    [
        ("{not json", "not valid JSON"),
        (json.dumps({"a": [1], "b": 5}), "column 'b' is not a list"),
        (json.dumps([{"a": 1}, 7]), "mixes dict, int"),
        (json.dumps(42), "a int; a table is a list of rows"),
    ],
)
def test_malformed_table_data_is_a_problem_in_words_with_the_raw_data(data, words):
    with pytest.raises(BadTable, match=words):
        parse_table(data)
    view = shown(art("table", data))
    assert view.kind == "problem" and words in view.problem
    assert view.raw.startswith(data[:5])


def test_progress_is_a_percentage_clamped_with_a_note_and_junk_is_a_problem():
    assert shown(art("progress", 42.5)).progress == 42.5
    over = shown(art("progress", 130))
    assert over.progress == 100 and "130" in over.note
    for junk in ("lots", None, True, float("nan")):
        view = shown(art("progress", junk))
        assert view.kind == "problem" and "not a number" in view.problem


def test_huge_markdown_is_cut_and_says_how_much_there_was():
    view = shown(art("markdown", "# big\n" + "x" * 5_000_000))
    assert len(view.markdown) == MAX_MARKDOWN_CHARS
    assert "5,000,006" in view.note


def test_link_artifacts_are_markdown_and_only_web_and_mail_links_open():
    assert shown(art("markdown", "[docs](https://example.com)")).kind == "markdown"
    assert link_refusal("https://example.com/a?b=1") is None
    assert link_refusal("mailto:someone@example.com") is None
    for url, words in (
        ("file:///etc/passwd", "is a file: link"),
        ("javascript:alert(1)", "is a javascript: link"),
        ("example.com/page", "not a full web address"),
    ):
        refusal = link_refusal(url)
        assert refusal is not None and words in refusal


def test_one_line_prefers_the_description_then_the_data():
    assert one_line(art("markdown", "# Title\nbody", description="Made by x")) == "Made by x"
    assert one_line(art("markdown", "\n# Title\nbody")) == "Title"
    assert one_line(art("table", [{"a": 1}, {"a": 2}])) == "2 rows × 1 columns"
    assert one_line(art("progress", 50)) == "50%"
    assert one_line(art("markdown", "[the report](https://example.com/r)")) == "the report"
    assert one_line(art("markdown", "y" * 100), width=10) == "y" * 9 + "…"


def test_unknown_kinds_show_their_data_as_json():
    view = shown(art("result", {"storage_key": "/tmp/x"}))
    assert view.kind == "markdown" and '"storage_key": "/tmp/x"' in view.markdown


def test_prefects_result_records_are_not_listed_as_artifacts():
    record = {"storage_key": "/x", "serializer": {"type": "pickle"}, "expiration": None}
    assert is_result_record(art("", record))
    assert not is_result_record(art("table", record))
    assert not is_result_record(art("", {"storage_key": "/x"}))
