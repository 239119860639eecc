"""The designer canvas with real mouse and keyboard input: connect, refuse, move, select,
delete, zoom, pan, tidy, copy/paste, palette and quick add."""

from __future__ import annotations

import random

from PySide6.QtCore import QEvent, QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication

from desktop_app.designer import AddNodeCommand, CodeNode, Edge, Port, SetInputsCommand
from desktop_app.ui.designer.kinds import NODE_KIND_MIME
from desktop_app.ui.designer.node_item import GRID, NodeItem
from tests.ui.test_designer_support import (
    LEFT,
    MIDDLE,
    designer,
    drag,
    load_design,
    mouse,
    node_id,
    node_view_pos,
    port_view_pos,
    small_design,
    undo_texts,
    wheel,
)

__all__ = ["designer"]


def _edges(widget) -> set[Edge]:
    return set(widget.design.edges)


def _edge(widget, source: str, sport: str, target: str, tport: str) -> Edge:
    return Edge(node_id(widget, source), sport, node_id(widget, target), tport)


def test_scene_mirrors_the_model_and_follows_undo(designer, tmp_path):
    load_design(designer, small_design(), tmp_path)
    assert set(designer.scene.nodes) == set(designer.design.nodes)
    assert set(designer.scene.edges) == set(designer.design.edges)
    node = CodeNode(title="Extra", x=0, y=500)
    assert designer.document.push(AddNodeCommand(designer.design, node))
    assert node.id in designer.scene.nodes
    assert designer.title().endswith(" •")
    designer.document.undo_stack.undo()
    assert node.id not in designer.scene.nodes
    assert not designer.title().endswith(" •")


def test_dragging_output_to_input_connects_as_one_undo_step(designer, tmp_path):
    load_design(designer, small_design(), tmp_path)
    before = _edges(designer)
    drag(designer, port_view_pos(designer, "Double", "result", True),
         port_view_pos(designer, "Ask", "value", False))
    wanted = _edge(designer, "Double", "result", "Ask", "value")
    assert _edges(designer) == before | {wanted}
    assert wanted in designer.scene.edges
    assert undo_texts(designer) == ["Connect Double → Ask"]
    designer.document.undo_stack.undo()
    assert _edges(designer) == before and wanted not in designer.scene.edges
    designer.document.undo_stack.redo()
    assert wanted in designer.scene.edges


def test_dropping_on_the_node_body_picks_the_first_free_input(designer, tmp_path):
    load_design(designer, small_design(), tmp_path)
    drag(designer, port_view_pos(designer, "Double", "result", True),
         node_view_pos(designer, "Ask", 100, 40))
    assert _edge(designer, "Double", "result", "Ask", "value") in _edges(designer)


def _hover_refusal(widget, start: QPoint, end: QPoint) -> tuple[bool, str]:
    """Drag to `end` and stop there with the button held; return what the scene says."""
    drag(widget, start, end, release=False)
    verdict = widget.scene.last_verdict
    target = widget.scene._wire_target
    assert widget.scene.wiring
    if not verdict[0]:
        assert target is not None and target.highlight == "refused"
        assert widget.scene._wire_item.refused
        assert widget.status_label.text() == verdict[1]
    mouse(widget, QEvent.Type.MouseButtonRelease, end)
    assert not widget.scene.wiring
    return verdict


def test_a_wire_that_would_make_a_loop_is_refused_while_dragging(designer, tmp_path):
    design = small_design()
    double = next(n for n in design if n.title == "Double")
    design.update_node(double.id, inputs=(Port("n", "int"), Port("bonus")))
    load_design(designer, design, tmp_path)
    before = _edges(designer)
    allowed, reason = _hover_refusal(designer, port_view_pos(designer, "Check", "result", True),
                                     port_view_pos(designer, "Double", "bonus", False))
    assert not allowed
    assert "'Check' already depends on 'Double'" in reason and "loop" in reason
    assert _edges(designer) == before
    assert undo_texts(designer) == []


def test_a_wire_onto_a_fed_input_is_refused_with_the_feeder_named(designer, tmp_path):
    load_design(designer, small_design(), tmp_path)
    before = _edges(designer)
    allowed, reason = _hover_refusal(designer, port_view_pos(designer, "Parameters", "n", True),
                                     port_view_pos(designer, "Check", "value", False))
    assert not allowed
    assert "already fed by 'Double'" in reason
    assert _edges(designer) == before


def test_a_wire_between_mismatched_types_is_refused(designer, tmp_path):
    load_design(designer, small_design(), tmp_path)
    before = _edges(designer)
    allowed, reason = _hover_refusal(designer, port_view_pos(designer, "Parameters", "n", True),
                                     port_view_pos(designer, "Each", "items", False))
    assert not allowed
    assert "gives int" in reason and "expects list" in reason
    assert _edges(designer) == before


def test_a_wire_from_a_node_to_itself_is_refused(designer, tmp_path):
    design = small_design()
    check = next(n for n in design if n.title == "Check")
    design.update_node(check.id, inputs=(Port("value", "int"), Port("again")))
    load_design(designer, design, tmp_path)
    allowed, reason = _hover_refusal(designer, port_view_pos(designer, "Check", "result", True),
                                     port_view_pos(designer, "Check", "again", False))
    assert not allowed and "cannot feed itself" in reason


def test_escape_cancels_a_wire(designer, tmp_path, qtbot):
    load_design(designer, small_design(), tmp_path)
    before = _edges(designer)
    drag(designer, port_view_pos(designer, "Double", "result", True),
         port_view_pos(designer, "Ask", "value", False), release=False)
    qtbot.keyClick(designer.view.viewport(), Qt.Key.Key_Escape)
    assert not designer.scene.wiring
    mouse(designer, QEvent.Type.MouseButtonRelease, port_view_pos(designer, "Ask", "value", False))
    assert _edges(designer) == before


def test_pulling_a_wire_off_a_fed_input_moves_it(designer, tmp_path):
    load_design(designer, small_design(), tmp_path)
    old = _edge(designer, "Double", "result", "Check", "value")
    drag(designer, port_view_pos(designer, "Check", "value", False),
         port_view_pos(designer, "Ask", "value", False))
    new = _edge(designer, "Double", "result", "Ask", "value")
    assert old not in _edges(designer) and new in _edges(designer)
    assert undo_texts(designer) == ["Reconnect value"]
    designer.document.undo_stack.undo()
    assert old in _edges(designer) and new not in _edges(designer)
    assert designer.scene.edges[old].isVisible()


def test_pulling_a_wire_off_into_empty_space_disconnects_it(designer, tmp_path):
    load_design(designer, small_design(), tmp_path)
    old = _edge(designer, "Double", "result", "Check", "value")
    empty = node_view_pos(designer, "Check", 100, -150)
    drag(designer, port_view_pos(designer, "Check", "value", False), empty)
    assert old not in _edges(designer)
    assert undo_texts(designer) == ["Disconnect Double → Check"]


def test_a_new_wire_dropped_on_empty_canvas_offers_connected_nodes(designer, tmp_path, qtbot):
    load_design(designer, small_design(), tmp_path)
    count = len(designer.design)
    empty = node_view_pos(designer, "Check", 100, -160)
    drag(designer, port_view_pos(designer, "Check", "result", True), empty)
    popup = designer.quick_add
    assert popup is not None and popup.isVisible()
    assert "parameters" not in popup.kinds()  # it has no input to take the wire
    qtbot.keyClicks(popup.search, "code")
    qtbot.keyClick(popup.search, Qt.Key.Key_Return)
    assert len(designer.design) == count + 1
    new = list(designer.design.nodes)[-1]
    assert Edge(node_id(designer, "Check"), "result", new, "value") in _edges(designer)
    assert len(undo_texts(designer)) == 1
    designer.document.undo_stack.undo()
    assert len(designer.design) == count


def test_dragging_nodes_moves_them_together_snapped_as_one_undo_step(designer, tmp_path):
    load_design(designer, small_design(), tmp_path)
    double, check = node_id(designer, "Double"), node_id(designer, "Check")
    designer.scene.select_nodes([double, check])
    before = {n: (designer.design.nodes[n].x, designer.design.nodes[n].y) for n in (double, check)}
    start = node_view_pos(designer, "Double", 100, 12)
    drag(designer, start, start + QPoint(57, 33), steps=10)
    after = {n: (designer.design.nodes[n].x, designer.design.nodes[n].y) for n in (double, check)}
    for n in (double, check):
        assert after[n] != before[n]
        assert after[n][0] % GRID == 0 and after[n][1] % GRID == 0
        assert designer.scene.nodes[n].pos() == QPointF(*after[n])
    assert after[double][0] - before[double][0] == after[check][0] - before[check][0]
    assert undo_texts(designer) == ["Move 2 nodes"]
    designer.document.undo_stack.undo()
    for n in (double, check):
        assert (designer.design.nodes[n].x, designer.design.nodes[n].y) == before[n]
        assert designer.scene.nodes[n].pos() == QPointF(*before[n])


def test_a_click_without_moving_records_nothing(designer, tmp_path):
    load_design(designer, small_design(), tmp_path)
    point = node_view_pos(designer, "Double", 100, 12)
    mouse(designer, QEvent.Type.MouseButtonPress, point)
    mouse(designer, QEvent.Type.MouseButtonRelease, point)
    assert designer.scene.selected_node_ids() == [node_id(designer, "Double")]
    assert undo_texts(designer) == []


def test_rubber_band_selects_the_nodes_it_touches(designer, tmp_path):
    load_design(designer, small_design(), tmp_path)
    each = designer.scene.nodes[node_id(designer, "Each")]
    ask = designer.scene.nodes[node_id(designer, "Ask")]
    view = designer.view
    top_left = view.mapFromScene(each.sceneBoundingRect().topLeft() - QPointF(30, 30))
    bottom_right = view.mapFromScene(ask.mapToScene(QPointF(60, 20)))
    drag(designer, top_left, bottom_right, steps=8)
    assert set(designer.scene.selected_node_ids()) == {each.node_id, ask.node_id}


def test_delete_key_removes_selection_with_its_wires_in_one_step(designer, tmp_path, qtbot):
    load_design(designer, small_design(), tmp_path)
    edges_before = list(designer.design.edges)
    nodes_before = list(designer.design.nodes)
    double = node_id(designer, "Double")
    designer.scene.select_nodes([double])
    designer.view.setFocus()
    qtbot.keyClick(designer.view, Qt.Key.Key_Delete)
    assert double not in designer.design and double not in designer.scene.nodes
    assert not [e for e in designer.design.edges if double in (e.source, e.target)]
    assert not [e for e in designer.scene.edges if double in (e.source, e.target)]
    assert undo_texts(designer) == ["Delete Double"]
    designer.document.undo_stack.undo()
    assert list(designer.design.nodes) == nodes_before
    assert list(designer.design.edges) == edges_before
    assert set(designer.scene.edges) == set(edges_before)


def test_a_selected_wire_is_deleted_alone(designer, tmp_path):
    load_design(designer, small_design(), tmp_path)
    edge = _edge(designer, "Double", "result", "Check", "value")
    designer.scene.clearSelection()
    designer.scene.edges[edge].setSelected(True)
    designer.delete_selection()
    assert edge not in _edges(designer)
    assert len(designer.design) == 6


def test_wheel_zooms_around_the_pointer(designer, tmp_path):
    load_design(designer, small_design(), tmp_path)
    view = designer.view
    point = node_view_pos(designer, "Double", 10, 10)
    scene_point = view.mapToScene(point)
    wheel(designer, point, 2)
    assert view.zoom() > 1.3
    assert (view.mapToScene(point) - scene_point).manhattanLength() < 2
    for _ in range(40):
        wheel(designer, point, -3)
    assert view.zoom() == 0.1  # clamped


def test_ctrl0_fits_everything_and_ctrl1_is_actual_size(designer, tmp_path, qtbot):
    load_design(designer, small_design(), tmp_path)
    view = designer.view
    view.set_zoom(2.5)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert visible.contains(designer.scene.nodes_bounding_rect())
    assert view.zoom() <= 1.0
    qtbot.keyClick(view, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom() == 1.0
    assert designer.zoom_label.text() == "100 %"


def test_middle_button_and_space_drag_pan(designer, tmp_path, qtbot):
    load_design(designer, small_design(), tmp_path)
    view = designer.view
    centre = view.viewport().rect().center()
    before = view.mapToScene(centre)
    drag(designer, centre, centre + QPoint(120, 40), button=MIDDLE)
    moved = view.mapToScene(centre)
    assert abs((before - moved).x() - 120) < 2 and abs((before - moved).y() - 40) < 2
    assert undo_texts(designer) == []  # panning is not an edit
    view.setFocus()
    qtbot.keyPress(view, Qt.Key.Key_Space)
    drag(designer, centre, centre + QPoint(-60, 0), button=LEFT)
    qtbot.keyRelease(view, Qt.Key.Key_Space)
    assert abs((view.mapToScene(centre) - moved).x() - 60) < 2  # content went left
    assert undo_texts(designer) == [] and designer.scene.selected_node_ids() == []


def test_tidy_up_layers_by_depth_without_overlap_in_one_step(designer, tmp_path):
    design = small_design()
    rng = random.Random(4)
    for node in design:
        design.move_node(node.id, rng.uniform(-800, 800), rng.uniform(-600, 600))
    load_design(designer, design, tmp_path)
    before = {n.id: (n.x, n.y) for n in designer.design}
    assert designer.auto_layout()
    design = designer.design
    for edge in design.edges:
        assert design.nodes[edge.source].x < design.nodes[edge.target].x
    rects = [item.sceneBoundingRect().adjusted(10, 10, -10, -32)
             for item in designer.scene.nodes.values()]
    for i, a in enumerate(rects):
        for b in rects[i + 1:]:
            assert not a.intersects(b)
    assert undo_texts(designer) == ["Tidy up"]
    designer.document.undo_stack.undo()
    assert {n.id: (n.x, n.y) for n in designer.design} == before
    assert not designer.auto_layout() or undo_texts(designer)[-1] == "Tidy up"


def test_copy_paste_gives_fresh_ids_keeps_inner_wires_and_undoes(designer, tmp_path):
    load_design(designer, small_design(), tmp_path)
    double, check = node_id(designer, "Double"), node_id(designer, "Check")
    designer.scene.select_nodes([double, check])
    assert designer.copy()
    new_ids = designer.paste(QPointF(0, 600))
    assert len(new_ids) == 2 and not set(new_ids) & {double, check}
    titles = {designer.design.nodes[n].title for n in new_ids}
    assert titles == {"Double 2", "Check 2"}
    inner = [e for e in designer.design.edges if e.source in new_ids and e.target in new_ids]
    assert len(inner) == 1 and inner[0].source_port == "result"
    assert not [e for e in designer.design.edges
                if e.target in new_ids and e.source not in new_ids]  # outer wire not copied
    assert set(designer.scene.selected_node_ids()) == set(new_ids)
    assert undo_texts(designer) == ["Paste 2 nodes"]
    designer.document.undo_stack.undo()
    assert not set(new_ids) & set(designer.design.nodes)


def test_paste_into_another_design(designer, tmp_path, qtbot):
    from desktop_app.ui.designer import DesignerWidget

    load_design(designer, small_design(), tmp_path)
    designer.scene.select_nodes([node_id(designer, "Double"), node_id(designer, "Check")])
    designer.copy()
    other = DesignerWidget(lambda: None)
    qtbot.addWidget(other)
    other.resize(800, 600)
    other.show()
    pasted = other.paste(QPointF(0, 0))
    assert {other.design.nodes[n].title for n in pasted} == {"Double", "Check"}
    assert len(other.design.edges) == 1
    assert set(pasted).isdisjoint(designer.design.nodes)


def test_paste_of_foreign_text_changes_nothing(designer, tmp_path):
    load_design(designer, small_design(), tmp_path)
    QGuiApplication.clipboard().setText("just some text")
    assert designer.paste() == []
    QGuiApplication.clipboard().setText('{"flowdesk_nodes": 1, "nodes": [{"kind": "nope"}]}')
    assert designer.paste() == []
    assert "damaged" in designer.status_label.text()
    assert undo_texts(designer) == []


def test_ctrl_d_duplicates(designer, tmp_path, qtbot):
    load_design(designer, small_design(), tmp_path)
    designer.scene.select_nodes([node_id(designer, "Ask")])
    designer.view.setFocus()
    qtbot.keyClick(designer.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert "Ask 2" in {n.title for n in designer.design}


def test_palette_double_click_and_drop_add_nodes(designer, tmp_path):
    load_design(designer, small_design(), tmp_path)
    palette = designer.palette
    item = palette.item(2)  # Loop
    palette.itemActivated.emit(item)
    added = list(designer.design.nodes)[-1]
    assert designer.design.nodes[added].kind == "loop"
    assert designer.scene.selected_node_ids() == [added]
    assert designer.inspector.node_id == added
    mime = QMimeData()
    mime.setData(NODE_KIND_MIME, b"condition")
    pos = designer.view.viewport().rect().center()
    enter = QDragEnterEvent(pos, Qt.DropAction.CopyAction, mime, LEFT,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(designer.view.viewport(), enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(pos), Qt.DropAction.CopyAction, mime, LEFT,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(designer.view.viewport(), drop)
    dropped = designer.design.nodes[list(designer.design.nodes)[-1]]
    assert dropped.kind == "condition"
    scene_pos = designer.view.mapToScene(pos)
    assert abs(dropped.x - scene_pos.x()) <= GRID and abs(dropped.y - scene_pos.y()) <= GRID


def test_tab_opens_quick_add_that_searches_by_meaning(designer, tmp_path, qtbot):
    load_design(designer, small_design(), tmp_path)
    designer.view.setFocus()
    qtbot.keyClick(designer.view, Qt.Key.Key_Tab)
    popup = designer.quick_add
    assert popup is not None and popup.isVisible()
    assert designer.view.hasFocus() or popup.search.hasFocus()
    qtbot.keyClicks(popup.search, "human review")
    assert popup.kinds() == ["approval"]
    qtbot.keyClick(popup.search, Qt.Key.Key_Return)
    assert designer.design.nodes[list(designer.design.nodes)[-1]].kind == "approval"
    assert not popup.isVisible()


def test_items_follow_port_changes(designer, tmp_path):
    load_design(designer, small_design(), tmp_path)
    ask = node_id(designer, "Ask")
    item: NodeItem = designer.scene.nodes[ask]
    height = item.height
    designer.document.push(SetInputsCommand(designer.design, ask,
                                            [Port("value"), Port("a"), Port("b")]))
    assert list(item.inputs) == ["value", "a", "b"] and item.height > height
    assert QKeySequence  # imported for keyboard tests' readability


def test_double_click_on_empty_canvas_adds_a_node_there(designer, tmp_path, qtbot):
    load_design(designer, small_design(), tmp_path)
    point = node_view_pos(designer, "Check", 40, -200)
    mouse(designer, QEvent.Type.MouseButtonDblClick, point)
    popup = designer.quick_add
    assert popup is not None and popup.isVisible()
    qtbot.keyClicks(popup.search, "branch")
    assert popup.kinds() == ["condition"]
    qtbot.keyClick(popup.search, Qt.Key.Key_Return)
    node = designer.design.nodes[list(designer.design.nodes)[-1]]
    scene_point = designer.view.mapToScene(point)
    assert node.kind == "condition"
    assert abs(node.x - scene_point.x()) <= GRID and abs(node.y - scene_point.y()) <= GRID


def test_double_click_on_a_node_opens_its_code(designer, tmp_path):
    load_design(designer, small_design(), tmp_path)
    mouse(designer, QEvent.Type.MouseButtonPress, node_view_pos(designer, "Double"))
    mouse(designer, QEvent.Type.MouseButtonRelease, node_view_pos(designer, "Double"))
    mouse(designer, QEvent.Type.MouseButtonDblClick, node_view_pos(designer, "Double"))
    assert designer.inspector.node_id == node_id(designer, "Double")
    assert QApplication.focusWidget() is designer.inspector.form.code.editor
    assert designer.quick_add is None  # a node, not empty canvas
