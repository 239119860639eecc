"""The inspector and its code editor: typing as undoable commands, indentation,
highlighting, live error markers, the problems list, and bad input (syntax errors,
clashing names) refused at deploy time with the problems listed."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QToolTip

from desktop_app.core.config import paths
from desktop_app.designer import Edge, Port
from desktop_app.ui.designer.code_editor import CodeEditor
from desktop_app.ui.designer.deployer import deployment_name
from tests.ui.test_designer_support import (
    designer,
    load_design,
    node_id,
    small_design,
    undo_texts,
)

__all__ = ["designer"]


def _select(widget, title: str):
    widget.scene.select_nodes([node_id(widget, title)])
    form = widget.inspector.form
    assert form is not None and widget.inspector.node_id == node_id(widget, title)
    return form


def _type_at_end(qtbot, editor: CodeEditor, text: str) -> None:
    """Type `text` at the end, Enter for each newline (QTest cannot click "\n")."""
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    for i, line in enumerate(text.split("\n")):
        if i:
            qtbot.keyClick(editor, Qt.Key.Key_Return)
        if line:
            qtbot.keyClicks(editor, line)


def test_typing_is_one_undo_step_and_ctrl_z_in_the_editor_undoes_it(designer, tmp_path, qtbot):
    load_design(designer, small_design(), tmp_path)
    form = _select(designer, "Double")
    editor = form.code.editor
    _type_at_end(qtbot, editor, "# twice")
    double = node_id(designer, "Double")
    assert designer.design.nodes[double].body == "return n * 2\n# twice"
    assert undo_texts(designer) == ["Edit code of Double"]
    assert designer.title().endswith(" •")
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert designer.design.nodes[double].body == "return n * 2\n"
    assert editor.code() == "return n * 2\n"
    qtbot.keyClick(editor, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert editor.code() == "return n * 2\n# twice"


def test_a_syntax_error_is_marked_at_its_line_after_a_short_pause(designer, tmp_path, qtbot):
    load_design(designer, small_design(), tmp_path)
    form = _select(designer, "Double")
    editor = form.code.editor
    _type_at_end(qtbot, editor, "if n >:\n")
    assert form.code.pending  # debounced: not checked on every keystroke
    qtbot.waitUntil(lambda: bool(editor.markers), timeout=2000)
    marker = editor.markers[0]
    assert marker.line == 2 and marker.is_error
    underlined = [s for s in editor.extraSelections()
                  if s.format.underlineStyle() != s.format.underlineStyle().NoUnderline]
    assert underlined and underlined[0].cursor.block().blockNumber() == 1
    start = underlined[0].cursor.selectionStart()
    assert marker.message in editor.message_at(start)
    assert marker.message in editor.messages_on_line(2)
    assert "Line 2" in form.code.problems_label.text()
    qtbot.waitUntil(lambda: any(p.line == 2 for p in designer.problems_view.problems),
                    timeout=2000)
    item = designer.scene.nodes[node_id(designer, "Double")]
    assert any(p.is_error for p in item.problems)  # the canvas badge
    # Hovering the marked text shows the message.
    at_start = QTextCursor(editor.document())
    at_start.setPosition(start)
    pos = editor.cursorRect(at_start).center() + QPoint(3, 0)
    QApplication.sendEvent(editor.viewport(), QHelpEvent(
        QEvent.Type.ToolTip, pos, editor.viewport().mapToGlobal(pos)))
    assert marker.message in QToolTip.text()
    # Fixing it clears the marker.
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    editor.setPlainText("return n * 2\n")  # programmatic: not an edit
    _type_at_end(qtbot, editor, "")
    editor.code_edited.emit(editor.code())
    qtbot.waitUntil(lambda: not editor.markers, timeout=2000)


def test_tab_enter_and_backspace_handle_indentation(designer, tmp_path, qtbot):
    load_design(designer, small_design(), tmp_path)
    editor = _select(designer, "Double").code.editor
    editor.setFocus()
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    qtbot.keyClicks(editor, "if n:")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert editor.code() == "if n:\n    "
    qtbot.keyClicks(editor, "return 1")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert editor.code().endswith("return 1\n")  # dedented after return
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert editor.code().endswith("\n    ")
    assert editor.hasFocus()  # Tab indents; it does not move the focus away
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    assert editor.code().endswith("return 1\n")
    qtbot.keyClicks(editor, "x = 1")
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert editor.code() == "    if n:\n        return 1\n    x = 1"
    qtbot.keyClick(editor, Qt.Key.Key_Backtab)
    assert editor.code() == "if n:\n    return 1\nx = 1"


def test_python_is_highlighted_including_multiline_strings(qtbot):
    editor = CodeEditor()
    qtbot.addWidget(editor)
    editor.set_code('text = """a\n\nb"""\nreturn text  # done\n')

    def formats(line: int) -> list[tuple[int, int, str]]:
        block = editor.document().findBlockByNumber(line)
        return [(r.start, r.length, r.format.foreground().color().name())
                for r in block.layout().formats()]

    string_colour = formats(0)[-1][2]
    assert formats(1) == []  # an empty line inside the string has nothing to colour
    assert formats(2)[0][2] == string_colour  # `b"""` is still string
    keyword = [f for f in formats(3) if f[0] == 0]
    assert keyword and keyword[0][1] == len("return") and keyword[0][2] != string_colour
    comment = [f for f in formats(3) if f[0] == len("return text  ")]
    assert comment and comment[0][2] not in (string_colour, keyword[0][2])
    # Closing the string early re-colours the following lines.
    editor.set_code('text = """a"""\nb = 1\n')
    assert not [f for f in formats(1) if f[2] == string_colour and f[0] == 0]


def test_clicking_an_available_name_inserts_it(designer, tmp_path, qtbot):
    load_design(designer, small_design(), tmp_path)
    loop = _select(designer, "Each").code
    names = [loop.inputs_list.item(i).text() for i in range(loop.inputs_list.count())]
    assert names == ["item"]
    code = _select(designer, "Double").code
    code.editor.moveCursor(QTextCursor.MoveOperation.End)
    item = code.inputs_list.item(0)
    assert item.text() == "n"
    rect = code.inputs_list.visualItemRect(item)
    qtbot.mouseClick(code.inputs_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert designer.design.nodes[node_id(designer, "Double")].body == "return n * 2\nn"


def test_double_clicking_a_problem_jumps_to_its_line(designer, tmp_path, qtbot):
    design = small_design()
    check = next(n for n in design if n.title == "Check")
    design.update_node(check.id, body="x = 1\ny = (\nreturn x\n")
    load_design(designer, design, tmp_path)
    problems = designer.show_validation()
    problem = next(p for p in problems if p.node_id == check.id and p.field == "body")
    view = designer.problems_view
    row = view.problems.index(problem)
    item = view.topLevelItem(row)
    view.itemActivated.emit(item, 0)
    assert designer.scene.selected_node_ids() == [check.id]
    editor = designer.inspector.form.code.editor
    assert editor.textCursor().blockNumber() + 1 == problem.line
    assert editor.hasFocus() or QApplication.focusWidget() is editor


def test_inspector_edits_go_through_commands_and_follow_undo(designer, tmp_path, qtbot):
    load_design(designer, small_design(), tmp_path)
    inspector = designer.inspector
    _select(designer, "Double")
    inspector.title_edit.setFocus()
    inspector.title_edit.selectAll()
    qtbot.keyClicks(inspector.title_edit, "Twice")
    qtbot.keyClick(inspector.title_edit, Qt.Key.Key_Return)
    double = node_id(designer, "Twice")
    assert undo_texts(designer) == ["Rename Double to Twice"]
    form = inspector.form
    form.retries.setValue(3)
    assert designer.design.nodes[double].retries == 3
    form.timeout.setValue(30)
    assert designer.design.nodes[double].timeout_seconds == 30.0
    designer.document.undo_stack.undo()
    assert form.timeout.value() == 0 and designer.design.nodes[double].timeout_seconds is None
    designer.document.undo_stack.undo()
    assert form.retries.value() == 0
    designer.document.undo_stack.undo()
    assert inspector.title_edit.text() == "Double"


def test_renaming_a_parameter_in_the_table_carries_its_wire(designer, tmp_path, qtbot):
    load_design(designer, small_design(), tmp_path)
    form = _select(designer, "Parameters")
    table = form.table.table
    table.item(0, 0).setText("count")
    params, double = node_id(designer, "Parameters"), node_id(designer, "Double")
    assert Edge(params, "count", double, "n") in designer.design.edges
    assert undo_texts(designer) == ["Rename n to count"]
    table.item(0, 2).setText("7")
    assert designer.design.nodes[params].parameters[0].default == 7
    form.table.add_row()
    assert [p.name for p in designer.design.nodes[params].parameters] == ["count", "value"]
    designer.document.undo_stack.undo()
    designer.document.undo_stack.undo()
    designer.document.undo_stack.undo()
    assert Edge(params, "n", double, "n") in designer.design.edges
    assert form.table.rows()[0]["name"] == "n"


def test_a_refused_rename_puts_the_model_value_back(designer, tmp_path):
    design = small_design()
    double = next(n for n in design if n.title == "Double")
    design.update_node(double.id, inputs=(Port("n", "int"), Port("bonus")))
    load_design(designer, design, tmp_path)
    form = _select(designer, "Double")
    form.inputs.table.item(1, 0).setText("n")  # the name of the other input
    assert [p.name for p in designer.design.nodes[double.id].inputs] == ["n", "bonus"]
    assert form.inputs.rows()[1]["name"] == "bonus"
    assert "already has a port named 'n'" in designer.status_label.text()
    assert undo_texts(designer) == []


def test_approval_fields_and_message_edit_the_model(designer, tmp_path, qtbot):
    load_design(designer, small_design(), tmp_path)
    form = _select(designer, "Ask")
    form.fields.add_row()
    ask = designer.design.nodes[node_id(designer, "Ask")]
    assert [f.name for f in ask.fields] == ["ok", "answer"]
    form.description.setFocus()
    qtbot.keyClicks(form.description, "Hi {value}")
    assert designer.design.nodes[ask.id].description == "Hi {value}"
    assert undo_texts(designer)[-1].startswith("Edit message of Ask")
    assert len(undo_texts(designer)) == 2  # the typing merged into one step


def test_same_names_are_a_problem_shown_on_both_nodes(designer, tmp_path):
    design = small_design()
    check = next(n for n in design if n.title == "Check")
    design.update_node(check.id, title="Double")
    load_design(designer, design, tmp_path)
    clashes = [p for p in designer.problems if p.field == "title" and p.is_error]
    assert len(clashes) == 2
    assert {p.node_id for p in clashes} == {n.id for n in designer.design if n.title == "Double"}
    for problem in clashes:
        assert problem in designer.scene.nodes[problem.node_id].problems
    errors = sum(1 for p in designer.problems if p.is_error)
    assert designer.problem_button.text().startswith(f"Errors: {errors} ·")
    designer.scene.select_nodes([check.id])
    assert "Double" in designer.inspector.problems_label.text()
    assert designer.inspector.problems_label.isVisible()


def test_deploy_is_refused_with_the_problems_listed(designer, tmp_path):
    design = small_design()
    double = next(n for n in design if n.title == "Double")
    design.update_node(double.id, body="return (n *\n")
    design.set_properties(name="Refused design")
    load_design(designer, design, tmp_path)
    target = paths.deployed_designs_dir() / "refused_design.py"
    assert designer.deploy() is None
    assert not target.exists()
    assert designer.notice.kind == "error"
    text = designer.notice.text()
    assert "Deploy refused" in text and "Double: line 1" in text
    assert any(p.node_id == double.id and p.line == 1 for p in designer.problems_view.problems)
    assert deployment_name(designer.design) == "refused-design/local"


def test_run_without_a_server_says_so(designer, tmp_path):
    load_design(designer, small_design(), tmp_path)
    designer.run()
    assert designer.notice.kind == "error"
    assert "Not connected" in designer.notice.text()
    assert QPoint  # keep the import list honest for readers


def test_generated_code_view_is_highlighted_read_only_and_follows_edits(designer, tmp_path,
                                                                        qtbot):
    from desktop_app.designer import RenameNodeCommand, generate

    load_design(designer, small_design(), tmp_path)
    dialog = designer.show_code()
    assert dialog.isVisible() and not dialog.isModal()
    assert dialog.editor.code() == generate(designer.design)
    assert "gestures.py" in dialog.caption.text()
    assert dialog.editor.isReadOnly()
    block = dialog.editor.document().findBlockByNumber(0)
    assert block.layout().formats()  # the comment header is coloured
    designer.document.push(RenameNodeCommand(designer.design, node_id(designer, "Double"),
                                             "Multiply"))
    qtbot.waitUntil(lambda: "def multiply(" in dialog.editor.code(), timeout=3000)
    dialog.editor.setFocus()
    qtbot.keyClicks(dialog.editor, "oops")
    assert "oops" not in dialog.editor.code()
