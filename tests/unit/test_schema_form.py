"""The schema-to-form engine over the schemas Prefect really emits (no server, no Qt)."""

from __future__ import annotations

import datetime
import importlib.util
import json
from enum import Enum
from pathlib import Path
from typing import Literal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, Field

from desktop_app.core.api.schema_checks import server_checks
from desktop_app.ui.forms import form_checks as fc
from desktop_app.ui.forms import form_model as fm
from desktop_app.ui.forms import form_text as ft
from desktop_app.ui.forms.form_model import MISSING, ParseError


def check(values, schema):
    """Validate as the form does: against the schema Prefect's server preprocessing makes."""
    return fc.validate(values, server_checks(schema))

FLOWS = Path(__file__).resolve().parents[2] / "flows"


def _load_flow_module(name: str):
    spec = importlib.util.spec_from_file_location(f"seed_{name}", FLOWS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _parameter_schema(fn) -> dict:
    from prefect.utilities.callables import parameter_schema

    return parameter_schema(fn).model_dump_for_openapi()


def _run_input_schema(model) -> dict:
    """The schema exactly as `RunInput.save` stores it for the form."""
    from prefect._internal.pydantic.v2_schema import create_v2_schema

    return json.loads(json.dumps(create_v2_schema(model.__name__, model_base=model)))


@pytest.fixture(scope="module")
def approval_schema() -> dict:
    return _run_input_schema(_load_flow_module("approval_workflow").Approval)


class Color(str, Enum):
    red = "red"
    green = "green"


class Inner(BaseModel):
    x: int = 1
    y: str | None = None


class Outer(BaseModel):
    inner: Inner
    level: int = Field(2, ge=0, lt=5)


def rich(
    a: int,
    b: float = 1.5,
    c: int | None = None,
    d: Color = Color.red,
    e: Literal["x", "y"] = "x",
    g: list[int] = [1, 2],  # noqa: B006 (a schema default, never mutated)
    h: dict[str, int] = {},  # noqa: B006
    i: Inner = Inner(),
    j: datetime.datetime | None = None,
    k: list[Inner] | None = None,
    u: int | str = 3,
    o: Outer | None = None,
    flag: bool = True,
):
    """Every kind of parameter a flow author writes."""


@pytest.fixture(scope="module")
def rich_schema() -> dict:
    return _parameter_schema(rich)


# -- fields ----------------------------------------------------------------------


def test_approval_run_input_fields(approval_schema):
    fields = fm.form_fields(approval_schema)
    assert [f.name for f in fields] == ["approved", "batch_size", "note"]
    approved, batch, note = fields
    assert (approved.kind, approved.title, approved.default) == ("bool", "Approve", False)
    assert approved.description == "Ship this batch?"
    assert (batch.kind, batch.lower, batch.upper, batch.default) == ("int", 1, 100, 10)
    assert (note.kind, note.max_length, note.default) == ("string", 500, "")
    assert not any(f.required for f in fields)


def test_seed_flow_parameters_in_signature_order():
    basic = fm.form_fields(_parameter_schema(_load_flow_module("basic_workflow").basic_workflow))
    assert [(f.name, f.kind, f.default) for f in basic] == [
        ("count", "int", 5),
        ("factor", "int", 2),
    ]
    loop = _load_flow_module("pause_resume_workflow").pause_resume_workflow
    fields = fm.form_fields(_parameter_schema(loop))
    assert [(f.name, f.kind) for f in fields] == [
        ("items_count", "int"),
        ("pause_after", "int"),
        ("delay", "number"),
    ]
    approval = _load_flow_module("approval_workflow").approval_workflow
    (dataset,) = fm.form_fields(_parameter_schema(approval))
    assert (dataset.kind, dataset.default) == ("string", "orders-2026-11")


def test_position_beats_declaration_order():
    schema = {
        "type": "object",
        "properties": {
            "z": {"type": "string", "position": 1},
            "a": {"type": "string", "position": 0},
            "free": {"type": "string"},
        },
    }
    assert [f.name for f in fm.form_fields(schema)] == ["a", "z", "free"]


def test_rich_parameter_kinds(rich_schema):
    fields = {f.name: f for f in fm.form_fields(rich_schema)}
    assert list(fields) == ["a", "b", "c", "d", "e", "g", "h", "i", "j", "k", "u", "o", "flag"]
    assert fields["a"].required and not fields["a"].has_default
    assert fields["b"].kind == "number" and fields["b"].default == 1.5
    assert fields["c"].kind == "int" and fields["c"].nullable  # Optional via anyOf null
    assert fields["d"].kind == "enum" and fields["d"].choices == ("red", "green")  # $ref enum
    assert fields["d"].default == "red" and fields["d"].title == "d"  # sibling keys win
    assert fields["e"].kind == "enum" and fields["e"].choices == ("x", "y")  # Literal
    assert fields["g"].kind == "array" and fields["g"].item_kind == "int"
    assert fields["h"].kind == "json"  # a free-form mapping
    assert fields["i"].kind == "object"  # $ref to a model → nested form
    assert [(f.name, f.kind, f.nullable) for f in fields["i"].fields] == [
        ("x", "int", False),
        ("y", "string", True),
    ]
    assert fields["j"].kind == "string" and fields["j"].format == "date-time"
    assert fields["j"].nullable
    assert fields["k"].kind == "json"  # a list of models: JSON editor
    assert fields["u"].kind == "json"  # int | str cannot be one widget
    outer = fields["o"]
    assert outer.kind == "object" and outer.nullable  # Optional[$ref model]
    inner, level = outer.fields
    assert inner.kind == "object" and inner.required  # nested $ref inside $ref
    assert (level.lower, level.upper) == (0, 4)  # lt=5 on an int → at most 4
    assert fields["flag"].kind == "bool" and fields["flag"].default is True


def test_defs_all_of_and_cycles():
    schema = {
        "type": "object",
        "$defs": {
            "Node": {
                "type": "object",
                "properties": {"child": {"$ref": "#/$defs/Node"}, "v": {"type": "integer"}},
            },
            "Size": {"type": "integer", "minimum": 1, "maximum": 9},
        },
        "properties": {
            "node": {"$ref": "#/$defs/Node"},
            "size": {"allOf": [{"$ref": "#/$defs/Size"}], "default": 3, "title": "Size"},
            "broken": {"$ref": "#/$defs/Missing"},
            "either": {"type": ["integer", "null"], "maximum": 5},
            "const": {"const": "fixed"},
        },
    }
    fields = {f.name: f for f in fm.form_fields(schema)}
    node = fields["node"]
    assert node.kind == "object"
    assert {f.name: f.kind for f in node.fields} == {"child": "object", "v": "int"}
    depth, spec = 0, node
    while spec.kind == "object":  # a recursive model: forms nest a few levels, then JSON
        spec, depth = spec.fields[0], depth + 1
    assert spec.kind == "json" and depth == fm.MAX_NESTING
    assert (fields["size"].kind, fields["size"].upper, fields["size"].default) == ("int", 9, 3)
    assert fields["broken"].kind == "json"
    assert fields["either"].kind == "int" and fields["either"].nullable
    assert fields["const"].kind == "enum" and fields["const"].choices == ("fixed",)


def test_empty_and_odd_schemas():
    assert fm.form_fields({}) == []
    assert fm.form_fields(None) == []
    assert fm.form_fields({"type": "object"}) == []
    odd = fm.form_fields({"properties": {"x": "not a schema", "y": {}}})
    assert [(f.name, f.kind) for f in odd] == [("x", "json"), ("y", "json")]


def test_exclusive_bounds_for_numbers_and_ints():
    schema = {
        "properties": {
            "n": {"type": "number", "exclusiveMinimum": 0, "exclusiveMaximum": 1},
            "i": {"type": "integer", "exclusiveMinimum": 0, "maximum": 10.5},
        }
    }
    n, i = fm.form_fields(schema)
    assert (n.lower, n.upper) == (0, 1)
    assert (i.lower, i.upper) == (1, 10)


def test_initial_values_prefer_given_over_default(approval_schema):
    batch = fm.form_fields(approval_schema)[1]
    assert batch.initial(None) == 10
    assert batch.initial({"batch_size": 42}) == 42
    required = fm.form_fields({"properties": {"a": {"type": "integer"}}, "required": ["a"]})[0]
    assert required.initial({}) is MISSING


# -- parsing ---------------------------------------------------------------------


def _spec(schema: dict, name: str = "v", required: bool = False) -> fm.FieldSpec:
    return fm.field_spec(name, schema, {"properties": {name: schema}}, required=required)


@pytest.mark.parametrize(
    ("text", "value"),
    [("42", 42), (" -7 ", -7), ("1_000", 1000), ("1,000", 1000), ("3.0", 3), ("+5", 5)],
)
def test_parse_int_accepts(text, value):
    assert ft.parse_text(_spec({"type": "integer"}), text) == value


@pytest.mark.parametrize("text", ["abc", "1.5", "1e3", "nan", "inf", "--1"])
def test_parse_int_refuses_with_message(text):
    with pytest.raises(ParseError) as info:
        ft.parse_text(_spec({"type": "integer"}), text)
    assert info.value.problem.code == "not_int"
    assert "is not a whole number" in info.value.problem.message
    assert info.value.problem.path == ("v",)


def test_parse_numbers_json_lists_and_booleans():
    assert ft.parse_text(_spec({"type": "number"}), "0.25") == 0.25
    assert ft.parse_text(_spec({"type": "number"}), "1e-3") == 0.001
    with pytest.raises(ParseError) as info:
        ft.parse_text(_spec({"type": "number"}), "1,5")
    assert info.value.problem.code == "not_number"
    assert ft.parse_text(_spec({"type": "object"}), '{"a": [1, 2]}') == {"a": [1, 2]}
    with pytest.raises(ParseError) as info:
        ft.parse_text(_spec({"type": "object"}), '{"a": 1,\n "b"}')
    assert info.value.problem.code == "json"
    assert info.value.problem.params["line"] == 2
    ints = _spec({"type": "array", "items": {"type": "integer"}})
    assert ft.parse_text(ints, "1\n\n 2 \n3") == [1, 2, 3]
    with pytest.raises(ParseError) as info:
        ft.parse_text(ints, "1\n2\nthree")
    assert info.value.problem.code == "line" and info.value.problem.params["line"] == 3
    words = _spec({"type": "array", "items": {"type": "string"}})
    assert ft.parse_text(words, " a b \nc") == [" a b ", "c"]  # strings kept as typed
    assert ft.parse_text(_spec({"type": "boolean", "default": None}), "yes") is True


def test_empty_text_means_null_missing_or_required():
    optional = _spec({"anyOf": [{"type": "integer"}, {"type": "null"}], "default": None})
    assert ft.parse_text(optional, "  ") is None
    assert ft.parse_text(_spec({"type": "integer", "default": 3}), "") is MISSING
    with pytest.raises(ParseError) as info:
        ft.parse_text(_spec({"type": "integer"}, required=True), "")
    assert info.value.problem.code == "required"
    # A string with a default may be emptied on purpose (Approval.note).
    assert ft.parse_text(_spec({"type": "string", "default": "x"}), "") == ""
    with pytest.raises(ParseError):
        ft.parse_text(_spec({"type": "string"}, required=True), "")


def test_format_round_trips():
    assert ft.format_number(0.3) == "0.3" and ft.format_number(10) == "10"
    assert ft.format_number(None) == ""
    assert ft.format_lines([1, True, "a"]) == "1\ntrue\na"
    assert json.loads(ft.format_json({"a": "é"})) == {"a": "é"}


# -- validation ------------------------------------------------------------------


def test_valid_approval_input_has_no_problems(approval_schema):
    assert check({"approved": True, "batch_size": 10, "note": "ok"}, approval_schema) == []
    assert check({}, approval_schema) == []  # all optional with defaults


def test_invalid_approval_input_gives_one_message_per_field(approval_schema):
    problems = check(
        {"approved": "yes", "batch_size": 500, "note": "x" * 501, "extra": 1}, approval_schema
    )
    by_field = {p.field: p for p in problems}
    assert set(by_field) == {"approved", "batch_size", "note", "extra"}
    assert by_field["batch_size"].code == "maximum"
    assert by_field["batch_size"].message == "Must be at most 100."
    assert by_field["approved"].message == "Must be true or false."
    assert by_field["note"].message == "Must be at most 500 characters long (now 501)."
    assert by_field["extra"].code == "unknown"  # additionalProperties: false
    assert check({"batch_size": 0}, approval_schema)[0].message == "Must be at least 1."


def test_rich_validation_messages(rich_schema):
    problems = check(
        {"b": "q", "c": "z", "d": "blue", "g": [1, "a"], "i": {"x": "no"}, "o": {"level": 5}},
        rich_schema,
    )
    got = {p.path: (p.code, p.message) for p in problems}
    assert got[("a",)] == ("required", "A value is required.")
    assert got[("b",)] == ("type", "Must be a number.")
    assert got[("c",)] == ("type", "Must be a whole number.")  # not "not valid under anyOf"
    assert got[("d",)][0] == "enum" and '"red", "green"' in got[("d",)][1]
    assert got[("g", 1)] == ("type", "Must be a whole number.")
    assert got[("i", "x")] == ("type", "Must be a whole number.")
    assert got[("o", "inner")][0] == "required"
    assert got[("o", "level")] == ("exclusiveMaximum", "Must be less than 5.")
    assert problems[0].field == "a"  # sorted by field


def test_string_rules_pattern_and_length():
    schema = {
        "properties": {"code": {"type": "string", "pattern": "^[A-Z]{3}$", "minLength": 3}},
        "required": ["code"],
    }
    (problem,) = check({"code": "ab"}, schema)
    assert problem.code in ("pattern", "minLength")
    codes = {p.code for p in check({"code": "abcd"}, schema)}
    assert codes == {"pattern"}
    assert check({"code": "ABC"}, schema) == []


def test_server_preprocessing_lets_optional_without_default_be_null():
    schema = {"properties": {"maybe": {"type": "integer"}}}
    assert check({"maybe": None}, schema) == []  # as the server: not required, no default
    assert check({"maybe": "x"}, schema)[0].code == "type"


def test_server_reason_names_the_field():
    reason = (
        "Reason: Validation failed for field 'batch_size'. "
        "Failure reason: 500 is greater than the maximum of 100"
    )
    assert fc.server_reason_field(reason) == (
        ("batch_size",),
        "500 is greater than the maximum of 100",
    )
    assert fc.server_reason_field("Validation failed for field 'i.x'. Failure reason: bad")[0] == (
        "i",
        "x",
    )
    assert fc.server_reason_field("Validation failed for field 'g[1]'. Failure reason: x")[0] == (
        "g",
        1,
    )
    assert fc.server_reason_field("Run input schema not found.") is None


def test_without_missing_drops_only_missing():
    assert ft.without_missing({"a": MISSING, "b": None, "c": 0}) == {"b": None, "c": 0}


# -- same verdict as the server ----------------------------------------------------

_json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-1000, 1000)
    | st.floats(-1e3, 1e3)
    | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=4), children, max_size=3)
    ),
    max_leaves=6,
)


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    values=st.fixed_dictionaries(
        {},
        optional={
            "approved": _json_values,
            "batch_size": st.integers(-5, 200) | _json_values,
            "note": st.text(max_size=600) | _json_values,
        },
    )
)
def test_agrees_with_prefects_server_validation_for_approval(approval_schema, values):
    from prefect.utilities.schema_tools import validate as prefect_validate

    ours = check(values, approval_schema) == []
    theirs = prefect_validate(values, approval_schema) == []
    assert ours == theirs, values


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    values=st.fixed_dictionaries(
        {"a": st.integers(-5, 5) | _json_values},
        optional={
            "c": st.integers() | _json_values,
            "d": st.sampled_from(["red", "green", "blue"]) | _json_values,
            "g": st.lists(st.integers(), max_size=3) | _json_values,
            "i": st.fixed_dictionaries({}, optional={"x": _json_values, "y": _json_values}),
            "o": _json_values,
        },
    )
)
def test_agrees_with_prefects_server_validation_for_parameters(rich_schema, values):
    from prefect.utilities.schema_tools import validate as prefect_validate

    ours = check(values, rich_schema) == []
    theirs = prefect_validate(values, rich_schema) == []
    assert ours == theirs, values


def test_optional_field_with_default_refuses_null_as_the_server_does():
    schema = {"properties": {"size": {"type": "integer", "default": 5}}}
    assert check({"size": None}, schema)[0].code == "type"
    assert check({"size": 3}, schema) == []


def test_block_reference_is_accepted_as_the_server_accepts_it():
    """A block-typed parameter also takes `{"$ref": <block document id>}` (Prefect's own rule)."""
    from prefect.utilities.schema_tools import validate as prefect_validate

    schema = {
        "properties": {"creds": {"$ref": "#/definitions/Secret"}},
        "required": ["creds"],
        "definitions": {
            "Secret": {
                "title": "Secret",
                "type": "object",
                "block_type_slug": "secret",
                "properties": {"value": {"type": "string"}},
                "required": ["value"],
            }
        },
    }
    ref = {"creds": {"$ref": "00000000-0000-0000-0000-000000000001"}}
    assert check(ref, schema) == []
    assert prefect_validate(ref, schema) == []
    assert check({"creds": {"value": "x"}}, schema) == []
    assert check({"creds": 5}, schema) != []
