"""A designer you can learn: the empty-canvas hint, port tooltips, examples opened as
copies, the basics page, where Open starts, the tab title, Deploy saving first, and
port labels readable at the fitted zoom of the examples."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QApplication

from desktop_app.core.config import paths
from desktop_app.designer import load
from desktop_app.ui.designer.basics import example_files, examples_folder
from tests.ui import test_main_window_support as support
from tests.ui.test_designer_close import NOWHERE, _answer
from tests.ui.test_designer_support import designer, load_design, small_design
from tests.ui.test_main_window_support import open_window, run

__all__ = ["designer"]
qloop = support.qloop

@pytest.fixture(autouse=True)
def _next_window_opens_on_runs():
    """These windows end on the Designer tab, which the next window would restore."""
    yield
    from PySide6.QtCore import QSettings

    QSettings().setValue("main_window/tab", 0)



def test_an_empty_canvas_says_how_to_add_and_connect(designer):
    designer.new_design()
    QApplication.processEvents()
    hint = designer.view.empty_hint
    assert hint.isVisible()
    assert "Add a node" in hint.text() and "Connect two nodes" in hint.text()
    designer.add_node("code")
    assert not hint.isVisible()
    designer.document.undo_stack.undo()
    assert hint.isVisible()


def test_ports_say_how_to_connect(designer, tmp_path):
    from desktop_app.ui.designer.node_item import port_tooltip

    load_design(designer, small_design(), tmp_path)
    item = next(i for i in designer.scene.nodes.values() if i.inputs and i.outputs)
    assert "drag it to an input" in port_tooltip(next(iter(item.outputs.values())))
    assert "drag it to an output" in port_tooltip(next(iter(item.inputs.values())))


def test_examples_open_as_copies_and_never_change(designer):
    files = example_files()
    assert len(files) >= 2
    for example in files:
        before = example.read_bytes()
        designer.open_example(example)
        assert designer.document.path is None  # a copy: Save asks where (your folder)
        assert designer.design.name.endswith("(copy)")
        assert designer.title() == designer.design.name + " •"  # its name, not "Untitled"
        assert "copy" in designer.notice.text()
        designer.add_node("code")
        assert designer.save_as(designer.document.suggested_path())
        assert designer.document.path.parent == paths.designs_dir()
        assert example.read_bytes() == before
        designer.document.path.unlink()
    # Picking an example in Open… gives a copy too.
    designer.open_design(files[0])
    assert designer.document.path is None and designer.document.modified


def test_open_starts_in_your_designs_with_the_examples_one_click_away(designer):
    designer.open_dialog()
    dialog = designer._file_dialog
    assert dialog.directory().absolutePath() == str(paths.designs_dir())
    sidebar = [url.toLocalFile() for url in dialog.sidebarUrls()]
    assert str(examples_folder()) in sidebar
    dialog.reject()


def test_designer_basics_page_explains_connecting(designer):
    page = designer.show_basics()
    assert page.isVisible() and page.windowTitle() == "Designer basics"
    text = page.browser.toPlainText()
    assert "Connect nodes" in text and "output dot" in text and "Resume" in text
    page.close()


def test_deploy_saves_first(designer, tmp_path):
    path = load_design(designer, small_design(), tmp_path)
    added = designer.add_node("code")  # unconnected input: deploy is refused, yet saved
    assert designer.deploy() is None
    assert added in load(path) and not designer.document.modified
    assert "Deploy refused" in designer.notice.text()


def test_a_new_design_deploys_to_its_own_file_named_after_it(designer):
    designer.new_design()
    designer.design.name = "Learned design"
    target = paths.designs_dir() / "learned_design.flowdesk.json"
    target.unlink(missing_ok=True)
    designer.add_node("code")
    designer.deploy()
    try:
        assert designer.document.path == target and target.exists()
    finally:
        target.unlink(missing_ok=True)


@pytest.mark.parametrize("example", [p.name for p in example_files()])
def test_port_labels_stay_readable_at_the_fitted_zoom(qtbot, example):
    from desktop_app.ui.designer import DesignerWidget

    widget = DesignerWidget(lambda: None)
    qtbot.addWidget(widget)
    widget.resize(1280, 740)  # the Designer tab in the window's first-start size
    widget.show()
    qtbot.waitExposed(widget)
    widget.open_design(examples_folder() / example)
    QApplication.processEvents()
    widget.view.fit_all()
    zoom = widget.view.zoom()
    assert zoom < 1.0  # fitting had to zoom out: the floor is what is tested
    for item in widget.scene.nodes.values():
        assert item.label_pixels_on_screen(zoom) >= 7.95, (example, zoom)


def test_the_tab_keeps_the_word_designer_and_help_has_examples(qloop, qtbot, tmp_path):
    async def scenario() -> None:
        async with open_window(qtbot, connection=NOWHERE, start=False) as h:
            window = h.window
            window._fill_examples_menu()
            actions = window.examples_menu.actions()
            assert [a.text() for a in actions] == ["Basic pipeline", "Pausable loop"]
            actions[1].trigger()
            designer = window.designer
            assert window.tabs.currentWidget() is designer
            assert designer.design.name == "Pausable loop (copy)"
            tab = window.tabs.tabText(window._designer_index)
            assert tab == "Designer •"
            assert designer.title_label.text() == "Pausable loop (copy) •"
            window.basics_action.trigger()
            assert designer.basics_dialog.isVisible()
            designer.basics_dialog.close()
            designer.document.discard_changes()
            assert window.tabs.tabText(window._designer_index) == "Designer"

    run(qloop, scenario())


def test_quit_prompt_is_translated(qloop, qtbot, monkeypatch):
    """The close question in Chinese: its words and its buttons."""
    from desktop_app.ui.translations import install_language

    app = QApplication.instance()

    async def scenario() -> None:
        async with open_window(qtbot, connection=NOWHERE, start=False) as h:
            window = h.window
            window.tabs.setCurrentIndex(window._designer_index)
            designer = window.designer
            designer.add_node("code")
            install_language(app, "zh_CN")
            try:
                window.confirm_designer_close(lambda: None)
                box = designer._question
                texts = [b.text() for b in box.buttons()] + [box.text(), box.informativeText()]
                name = designer.document.display_name()  # data, not UI words
                words = [re.sub(r"\(&\w\)", "", t.replace(name, "")) for t in texts]
                assert not [w for w in words if re.search("[A-Za-z]", w)], texts
            finally:
                install_language(app, "en")
            _answer(designer, box.StandardButton.Discard)

    run(qloop, scenario())


def test_designer_words_follow_the_chinese_ui(designer):
    """Problem texts, new node names and undo texts: no English left in the Chinese UI."""
    from desktop_app.designer import MoveNodesCommand
    from desktop_app.ui.translations import install_language

    app = QApplication.instance()
    designer.new_design()
    install_language(app, "zh_CN")
    try:
        node_id = designer.add_node("code")
        node = designer.design.nodes[node_id]
        assert node.title == "步骤"
        stack = designer.document.undo_stack
        assert stack.undoText() == "添加 步骤"
        designer.document.push(MoveNodesCommand(designer.design, {node_id: (40, 40)}))
        assert stack.undoText() == "移动 步骤"
        problems = designer.validate_now()
        unconnected = [p.message for p in problems if p.field == "inputs.value"]
        assert unconnected and "没有连接" in unconnected[0]
        assert not re.search("[A-Za-z]{3,}", unconnected[0].replace("value", "")), unconnected
    finally:
        install_language(app, "en")
    designer.validate_now()  # and back: the language follows the UI
    assert any("is not connected" in p.message for p in designer.problems)
