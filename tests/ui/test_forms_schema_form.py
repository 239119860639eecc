"""SchemaForm widgets: the right editor per type, typed values, messages in place, nothing lost."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit

import tests.ui.test_forms_support  # noqa: F401 (keeps None alive under PySide6 6.12)
from desktop_app.ui.forms.editors import (
    BoolEditor,
    ChoiceEditor,
    CodeEditor,
    NumberEditor,
    ObjectEditor,
    TextEditor,
)
from desktop_app.ui.forms.schema_form import SchemaForm
from tests.unit.test_schema_form import _load_flow_module, _parameter_schema, _run_input_schema
from tests.unit.test_schema_form import rich as rich_flow


@pytest.fixture(scope="module")
def approval_schema():
    return _run_input_schema(_load_flow_module("approval_workflow").Approval)


@pytest.fixture(scope="module")
def rich_schema():
    return _parameter_schema(rich_flow)


@pytest.fixture
def form_for(qtbot):
    def make(schema, values=None):
        form = SchemaForm(schema, values)
        qtbot.addWidget(form)
        form.show()
        return form

    return make


def _type(qtbot, widget, text: str) -> None:
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    if text:
        qtbot.keyClicks(widget, text)


def test_each_kind_gets_its_editor(form_for, rich_schema):
    form = form_for(rich_schema)
    kinds = {name: type(form.editor(name)) for name in ("a", "b", "c", "d", "e", "g", "h")}
    assert kinds == {
        "a": NumberEditor,
        "b": NumberEditor,
        "c": NumberEditor,
        "d": ChoiceEditor,
        "e": ChoiceEditor,
        "g": CodeEditor,
        "h": CodeEditor,
    }
    assert isinstance(form.editor("flag"), BoolEditor)
    assert isinstance(form.editor("flag").box, QCheckBox)
    assert isinstance(form.editor("i"), ObjectEditor)  # a model → nested form
    assert isinstance(form.editor("j"), TextEditor)  # date-time text with an example
    assert "2026-11-28T14:30:00" in form.editor("j").line.placeholderText()
    combo: QComboBox = form.editor("d").combo
    assert [combo.itemText(i) for i in range(combo.count())] == ["— not set —", "red", "green"]
    assert combo.currentText() == "red"


def test_defaults_become_typed_values(form_for, rich_schema):
    form = form_for(rich_schema)
    values = form.values()
    assert values["b"] == 1.5 and values["c"] is None and values["d"] == "red"
    assert values["g"] == [1, 2] and values["h"] == {} and values["i"] == {"x": 1, "y": None}
    assert values["flag"] is True
    assert "a" not in values  # required, no default, left empty
    assert form.validate() == ["a: A value is required."]
    assert form.error_text("a") == "A value is required."
    assert "*" in form._rows["a"].label.text()  # required marker


def test_values_given_win_over_defaults(form_for, approval_schema):
    form = form_for(approval_schema, {"approved": True, "batch_size": 42, "note": "hi"})
    assert form.values() == {"approved": True, "batch_size": 42, "note": "hi"}
    assert form.validate() == []


def test_out_of_range_typing_is_kept_and_flagged(qtbot, form_for, approval_schema):
    form = form_for(approval_schema)
    box = form.editor("batch_size").box
    _type(qtbot, box.lineEdit(), "500")
    box.clearFocus()  # focus-out must not clamp or revert it
    assert box.lineEdit().text() == "500"
    assert form.values()["batch_size"] == 500
    assert form.validate() == ["Batch size: Must be at most 100."]
    assert form.error_text("batch_size") == "Must be at most 100."
    # Arrows stay inside the schema's bounds.
    box.lineEdit().setText("100")
    box.stepBy(5)
    assert box.lineEdit().text() == "100"
    box.lineEdit().setText("1")
    box.stepBy(-1)
    assert box.lineEdit().text() == "1"


def test_live_messages_only_for_touched_fields(qtbot, form_for, rich_schema):
    form = form_for(rich_schema)
    _type(qtbot, form.editor("c").box.lineEdit(), "7")
    qtbot.waitUntil(lambda: form._live.isActive() is False, timeout=2000)
    assert form.error_text("a") == ""  # untouched required field: no scolding yet
    form.editor("h").area.setPlainText('{"a": 1,')
    qtbot.waitUntil(lambda: form.error_text("h") != "", timeout=2000)
    assert form.error_text("h").startswith("Not valid JSON at line 1, column 9")
    form.editor("h").area.setPlainText('{"a": 1}')
    qtbot.waitUntil(lambda: form.error_text("h") == "", timeout=2000)
    assert form.values()["h"] == {"a": 1}


def test_bad_input_gives_a_message_and_keeps_the_text(qtbot, form_for, rich_schema):
    form = form_for(rich_schema)
    _type(qtbot, form.editor("a").box.lineEdit(), "12")
    form.editor("g").area.setPlainText("1\n2\nthree")
    form.editor("h").area.setPlainText("[1, 2]")  # JSON, but not an object
    form.editor("i").form.editor("x").box.lineEdit().setText("")  # nested, emptied
    problems = form.validate()
    assert "g: Line 3: 'three' is not a whole number." in problems
    assert "h: Must be an object." in problems
    assert form.error_text("g") == "Line 3: 'three' is not a whole number."
    assert form.editor("g").area.toPlainText() == "1\n2\nthree"  # nothing lost
    nested = form.editor("i").form
    assert nested.error_text("x") == "" and form.values()["i"] == {"y": None}
    form.editor("g").area.setPlainText("1\n2\n3")
    form.editor("h").area.setPlainText("{}")
    assert form.validate() == []
    assert form.values()["g"] == [1, 2, 3]


def test_nested_problems_show_under_the_nested_field(qtbot, form_for, rich_schema):
    form = form_for(rich_schema, {"a": 1, "o": {"inner": {"x": 1}, "level": 9}})
    problems = form.validate()
    assert problems == ["o: Must be less than 5."]
    assert form.editor("o").form.error_text("level") == "Must be less than 5."


def test_enum_value_not_listed_is_kept_visible(form_for, rich_schema):
    form = form_for(rich_schema, {"a": 1, "d": "blue"})
    combo = form.editor("d").combo
    assert "blue" in combo.currentText() and "not a listed choice" in combo.currentText()
    assert form.values()["d"] == "blue"
    assert form.validate() == ['d: Must be one of: "red", "green".']


def test_server_error_goes_next_to_its_field(form_for, approval_schema):
    form = form_for(approval_schema)
    reason = "Reason: Validation failed for field 'note'. Failure reason: 'x' is too long"
    assert form.show_server_error(reason) is True
    assert form.error_text("note") == "The server says: 'x' is too long"
    assert "Note" in form.banner.text()
    assert form.show_server_error("Run input schema not found.") is False
    assert form.banner.text() == "Run input schema not found."
    form.clear_server_error()
    assert form.banner.text() == ""


def test_reset_restores_initial_values(qtbot, form_for, approval_schema):
    form = form_for(approval_schema, {"batch_size": 20})
    _type(qtbot, form.editor("batch_size").box.lineEdit(), "77")
    form.editor("note").area.setPlainText("draft")
    form.validate()
    form.reset()
    assert form.values() == {"approved": False, "batch_size": 20, "note": ""}


def test_optional_number_can_be_emptied_and_huge_ints_get_a_text_box(qtbot, form_for):
    schema = {
        "properties": {
            "maybe": {"anyOf": [{"type": "integer"}, {"type": "null"}], "default": 3},
            "big": {"type": "integer", "default": 10**12},
            "ratio": {"type": "number", "default": 0.3, "minimum": 0, "maximum": 1},
        }
    }
    form = form_for(schema)
    _type(qtbot, form.editor("maybe").box.lineEdit(), "")
    form.editor("maybe").box.clearFocus()
    assert form.editor("maybe").box.lineEdit().text() == ""
    assert form.values()["maybe"] is None
    assert isinstance(form.editor("big"), TextEditor)
    assert isinstance(form.editor("big").line, QLineEdit)
    assert form.values()["big"] == 10**12
    assert form.editor("ratio").box.lineEdit().text() == "0.3"  # not 0.300000000000
    _type(qtbot, form.editor("ratio").box.lineEdit(), "1.5")
    assert form.validate() == ["ratio: Must be at most 1."]


def test_long_text_gets_a_multiline_box(form_for, approval_schema):
    form = form_for(approval_schema)
    assert isinstance(form.editor("note").area, QPlainTextEdit)
    form.editor("note").area.setPlainText("x" * 501)
    assert form.validate() == ["Note: Must be at most 500 characters long (now 501)."]
    assert len(form.editor("note").area.toPlainText()) == 501  # not cut


def test_empty_schema_says_so(form_for):
    form = form_for({})
    assert form.values() == {}
    assert form.validate() == []
