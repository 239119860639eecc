"""Design files from the editor: save/open, modified title, autosave and recovery,
asking before losing changes — and bad files: corrupt, from a newer Flowdesk, unwritable."""

from __future__ import annotations

import json

from PySide6.QtWidgets import QMessageBox

from desktop_app.designer import CodeNode, load, save
from tests.ui.test_designer_support import designer, load_design, node_id, small_design

__all__ = ["designer"]


def _edit(widget) -> str:
    """One visible edit through the editor; returns the new node's id."""
    return widget.add_node("code")


def test_title_shows_unsaved_changes_and_save_clears_it(designer, tmp_path):
    titles: list[str] = []
    designer.title_changed.connect(titles.append)
    load_design(designer, small_design(), tmp_path, "titled")
    assert designer.title() == "titled.flowdesk.json"
    _edit(designer)
    assert titles[-1] == "titled.flowdesk.json •"
    assert designer.save()
    assert titles[-1] == "titled.flowdesk.json"
    assert len(load(tmp_path / "titled.flowdesk.json")) == 7
    designer.document.undo_stack.undo()
    assert titles[-1] == "titled.flowdesk.json •"  # undo past the save is a change too


def test_save_as_names_the_file_and_reopens_identically(designer, tmp_path, qtbot):
    from desktop_app.ui.designer import DesignerWidget

    load_design(designer, small_design(), tmp_path)
    _edit(designer)
    target = tmp_path / "copy"
    assert designer.save_as(target)
    saved = tmp_path / "copy.flowdesk.json"
    assert designer.document.path == saved and saved.exists()
    other = DesignerWidget(lambda: None)
    qtbot.addWidget(other)
    other.open_design(saved)
    assert list(other.design.nodes) == list(designer.design.nodes)
    assert other.design.edges == designer.design.edges


def test_a_corrupt_file_is_reported_and_left_alone(designer, tmp_path):
    load_design(designer, small_design(), tmp_path)
    before = list(designer.design.nodes)
    bad = tmp_path / "broken.flowdesk.json"
    bad.write_text('{"schema_version": 1, "nodes": [', encoding="utf-8")
    original = bad.read_bytes()
    designer.open_design(bad)
    assert designer.notice.kind == "error"
    assert "broken.flowdesk.json" in designer.notice.text()
    assert "not valid JSON" in designer.notice.text()
    assert "nothing was changed" in designer.notice.text()
    assert list(designer.design.nodes) == before  # the open design is kept
    assert designer.title() == "gestures.flowdesk.json"
    assert bad.read_bytes() == original


def test_a_file_with_a_broken_node_says_where(designer, tmp_path):
    path = tmp_path / "fields.flowdesk.json"
    save(small_design(), path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["nodes"][1]["retries"] = "many"
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    designer.open_design(path)
    assert designer.notice.kind == "error"
    assert "$.nodes[1].retries" in designer.notice.text()


def test_a_design_from_a_newer_flowdesk_is_refused_clearly(designer, tmp_path):
    path = tmp_path / "future.flowdesk.json"
    save(small_design(), path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["schema_version"] = 99
    data["flowdesk_min_version"] = "9.0.0"
    path.write_text(json.dumps(data), encoding="utf-8")
    original = path.read_bytes()
    designer.open_design(path)
    assert designer.notice.kind == "error"
    text = designer.notice.text()
    assert "newer Flowdesk" in text and "9.0.0" in text
    assert path.read_bytes() == original
    assert designer.document.path != path


def test_saving_where_it_cannot_be_written_keeps_everything(designer, tmp_path):
    load_design(designer, small_design(), tmp_path)
    added = _edit(designer)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    assert not designer.save_as(blocker / "design.flowdesk.json")
    assert designer.notice.kind == "error"
    assert "Not saved" in designer.notice.text()
    assert designer.notice.button("Save as…") is not None
    assert added in designer.design  # nothing lost
    assert designer.title().endswith(" •")
    assert designer.document.path == tmp_path / "gestures.flowdesk.json"
    assert blocker.read_text(encoding="utf-8") == "not a folder"
    assert designer.save()  # the original place still works
    assert not designer.title().endswith(" •")


def test_autosave_is_offered_back_when_the_file_is_reopened(designer, tmp_path, qtbot):
    from desktop_app.ui.designer import DesignerWidget

    path = load_design(designer, small_design(), tmp_path)
    added = _edit(designer)
    recovery = designer.autosave()
    assert recovery == designer.document.autosave_target() and recovery.exists()
    assert recovery.parent.name == "recovery"  # in the data folder, never beside the file
    assert not list(tmp_path.glob("*.autosave"))
    assert designer.autosave() == recovery  # still modified: kept
    other = DesignerWidget(lambda: None)
    qtbot.addWidget(other)
    other.open_design(path)
    assert added not in other.design  # the file itself first
    assert other.notice.kind == "warning" and "autosave" in other.notice.text()
    other.notice.button("Restore").click()
    assert added in other.design
    assert other.title() == "gestures.flowdesk.json •"  # restored, not yet saved
    assert other.save()
    assert not recovery.exists()
    assert added in load(path)


def test_discarding_an_offered_autosave_deletes_it(designer, tmp_path, qtbot):
    from desktop_app.ui.designer import DesignerWidget

    path = load_design(designer, small_design(), tmp_path)
    _edit(designer)
    recovery = designer.autosave()
    other = DesignerWidget(lambda: None)
    qtbot.addWidget(other)
    other.open_design(path)
    other.notice.button("Discard it").click()
    assert not recovery.exists()
    assert other.title() == "gestures.flowdesk.json"


def test_an_unsaved_new_design_is_recovered_in_the_next_session(qtbot):
    from desktop_app.ui.designer import DesignerWidget
    from desktop_app.ui.designer.document import orphan_autosaves

    for stale in orphan_autosaves():
        stale.path.unlink()
    first = DesignerWidget(lambda: None)
    qtbot.addWidget(first)
    first.add_node("loop")
    recovery = first.autosave()
    assert recovery is not None and recovery in [r.path for r in orphan_autosaves()]
    second = DesignerWidget(lambda: None)  # the app started again
    qtbot.addWidget(second)
    assert "Unsaved changes" in second.notice.text() and "never saved" in second.notice.text()
    second.notice.button("Restore").click()
    assert [n.kind for n in second.design] == ["loop"]
    assert second.document.path is None and second.title().endswith(" •")
    for stale in orphan_autosaves():
        stale.path.unlink()


def _answer(widget, button: QMessageBox.StandardButton) -> None:
    box = widget._question  # opened with .open(): nothing blocked while it waits
    assert box is not None and box.isVisible()
    box.button(button).click()


def test_maybe_close_asks_without_blocking_then_approves(designer, tmp_path):
    path = load_design(designer, small_design(), tmp_path)
    assert designer.maybe_close()  # nothing unsaved
    added = _edit(designer)
    approved: list[bool] = []
    designer.close_approved.connect(lambda: approved.append(True))
    assert not designer.maybe_close()
    assert designer.document.autosave_target().exists()  # safe while it asks
    _answer(designer, QMessageBox.StandardButton.Cancel)
    assert not approved and added in designer.design
    assert not designer.maybe_close()
    _answer(designer, QMessageBox.StandardButton.Save)
    assert approved == [True]
    assert added in load(path)
    assert designer.maybe_close()


def test_maybe_close_discard_drops_the_changes_and_the_autosave(designer, tmp_path):
    path = load_design(designer, small_design(), tmp_path)
    _edit(designer)
    approved: list[bool] = []
    designer.close_approved.connect(lambda: approved.append(True))
    assert not designer.maybe_close()
    _answer(designer, QMessageBox.StandardButton.Discard)
    assert approved == [True]
    assert not designer.document.autosave_target().exists()
    assert len(load(path)) == 6
    assert designer.maybe_close()


def test_opening_another_file_asks_first(designer, tmp_path):
    load_design(designer, small_design(), tmp_path)
    added = _edit(designer)
    other = tmp_path / "other.flowdesk.json"
    design = small_design()
    design.add_node(CodeNode(title="Only here"))
    save(design, other)
    designer.open_design(other)
    assert added in designer.design  # not yet: a question is open
    _answer(designer, QMessageBox.StandardButton.Discard)
    assert node_id(designer, "Only here")
    assert designer.document.path == other
