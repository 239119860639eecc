"""The checks done before a variable or a limit is sent: Prefect 3.9's own rules, in words."""

from __future__ import annotations

import pytest

from desktop_app.core.api.limits import missing_names
from desktop_app.core.api.limits_models import GlobalLimitInfo, LimitNotice, TagLimitInfo
from desktop_app.services import limits, variables
from desktop_app.services.variables import BadInput


@pytest.mark.parametrize("name", ["a", "db-url", "my_var", "x9", "a" * 255, "-_-"])
def test_names_prefect_takes_pass(name):
    assert variables.check_name(name) == name


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("", "needs a name"),
        ("Db", "'D' at position 1"),
        ("db url", "A space at position 3"),
        ("db.url", "'.' at position 3"),
        ("数据", "'数' at position 1"),
        ("tab\there", "U+0009 at position 4"),
        ("a" * 256, "at most 255 characters; this one has 256"),
    ],
)
def test_names_prefect_refuses_say_the_rule(name, words):
    with pytest.raises(BadInput) as refused:
        variables.check_name(name)
    assert words in str(refused.value)


def test_our_name_rule_is_prefects():
    """Whatever our check passes, Prefect's VariableName passes, and the reverse."""
    from prefect.client.schemas.actions import VariableCreate

    for name in ["ok", "Ok", "a b", "a-b_c", "é", "a.b", "a" * 255, "a" * 256]:
        try:
            variables.check_name(name)
            ours = True
        except BadInput:
            ours = False
        try:
            VariableCreate(name=name, value=1)
            theirs = True
        except ValueError:
            theirs = False
        assert ours == theirs, name


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ('"hi"', "hi"),
        ("42", 42),
        ("2.5", 2.5),
        ("true", True),
        ("null", None),
        ("[1, 2]", [1, 2]),
        ('{"a": {"b": [1]}}', {"a": {"b": [1]}}),
        (' "中文" ', "中文"),
    ],
)
def test_json_values_parse(text, value):
    assert variables.parse_value(text) == value


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("hello", 'Text must be in double quotes: "hello"'),
        ("'single'", "line 1, column 1"),
        ('{"a": 1,}', "line 1, column 9"),
        ("[1, 2", "line 1, column 6"),
        ('{\n  "a": tru\n}', "line 2, column 8"),
        ("NaN", "NaN is not a JSON number"),
        ("-Infinity", "-Infinity is not a JSON number"),
        ("", "A value is needed"),
        ("   ", "A value is needed"),
    ],
)
def test_not_json_says_where_it_broke(text, words):
    with pytest.raises(BadInput) as refused:
        variables.parse_value(text)
    assert words in str(refused.value)


def test_value_size_is_prefects_limit():
    assert variables.check_value("x" * 4998) == "x" * 4998  # 5000 with its quotes
    with pytest.raises(BadInput, match="at most 5000"):
        variables.check_value("x" * 4999)
    with pytest.raises(BadInput, match="at most 5000"):
        variables.check_value("数" * 1700)  # counted in bytes, as Prefect's orjson does


def test_tags_are_cleaned_and_blank_refused():
    assert variables.check_tags([" a", "b", "a"]) == ["a", "b"]
    with pytest.raises(BadInput, match="tag cannot be empty"):
        variables.check_tags(["a", "  "])


def test_limit_names_and_numbers():
    assert limits.check_name("gpu:default") == "gpu:default"
    for bad, words in [
        ("", "needs a name"),
        ("a/b", "'/' at position 2"),
        ("50%", "'%' at position 3"),
        ("tag:x", "'tag:'"),
        ("deployment:1", "'deployment:'"),
    ]:
        with pytest.raises(BadInput, match=None) as refused:
            limits.check_name(bad)
        assert words in str(refused.value)
    assert limits.parse_limit(" 3 ") == 3 and limits.parse_limit(0) == 0
    for bad, words in [("-1", "below zero"), ("1.5", "whole number"), ("x", "'x'")]:
        with pytest.raises(BadInput) as refused:
            limits.parse_limit(bad)
        assert words in str(refused.value)
    assert limits.parse_decay("0.5") == 0.5
    for bad in ["-1", "nan", "inf", "fast"]:
        with pytest.raises(BadInput, match="Slot decay"):
            limits.parse_decay(bad)


def test_a_limit_below_its_slots_in_use_is_refused():
    limits.check_not_below("gpu", 2, 2)
    with pytest.raises(BadInput, match="'gpu' has 3 slot\\(s\\) in use; a limit of 2"):
        limits.check_not_below("gpu", 2, 3)


def test_missing_limit_line_is_read():
    line = "Concurrency limits ['gpu:default', 'db'] do not exist - skipping acquisition."
    assert missing_names(line) == ["gpu:default", "db"]
    assert missing_names("Concurrency limits [oops do not exist") == []
    assert missing_names("Finished in state Completed()") == []


def test_limit_models():
    assert GlobalLimitInfo("g", 1, 1).full and not GlobalLimitInfo("g", 1, 1, active=False).full
    assert GlobalLimitInfo("deployment:abc", 1, 0).kind == "deployment"
    assert TagLimitInfo("t", 2, ("a", "b")).full and TagLimitInfo("t", 2, ("a",)).used == 1
    assert not LimitNotice() and LimitNotice(missing=("x",))
