"""Fixtures and input helpers for the designer UI tests (no tests here).

Mouse gestures are sent as real `QMouseEvent`s to the view's viewport, with
explicit button state, so the scene sees exactly what a person's drag
produces (press → moves with the button held → release).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QApplication

from desktop_app.designer import (
    ApprovalNode,
    CodeNode,
    ConditionNode,
    Design,
    InputField,
    LoopNode,
    Parameter,
    ParametersNode,
    Port,
)

LEFT = Qt.MouseButton.LeftButton
MIDDLE = Qt.MouseButton.MiddleButton
NO_BUTTON = Qt.MouseButton.NoButton


@pytest.fixture
def designer(qtbot, tmp_path):
    """A shown DesignerWidget with no server (get_client → None)."""
    from desktop_app.ui.designer import DesignerWidget

    widget = DesignerWidget(lambda: None)
    qtbot.addWidget(widget)
    widget.resize(1300, 820)
    widget.show()
    qtbot.waitExposed(widget)
    widget.notice.clear()  # an orphan-autosave offer from another test is not ours
    return widget


def small_design() -> Design:
    """parameters → double → check, plus a loose loop: enough for gestures."""
    design = Design("Gestures")
    params = design.add_node(ParametersNode(x=0, y=0, parameters=[Parameter("n", "int", 3)]))
    double = design.add_node(CodeNode(title="Double", x=300, y=0, inputs=[Port("n", "int")],
                                      returns="int", body="return n * 2\n"))
    check = design.add_node(CodeNode(title="Check", x=600, y=0, inputs=[Port("value", "int")],
                                     returns="bool", body="return value > 2\n"))
    design.add_node(LoopNode(title="Each", x=300, y=240, body="return item\n"))
    design.add_node(ApprovalNode(title="Ask", x=600, y=240, inputs=[Port("value")],
                                 fields=[InputField("ok", "bool", default=True)]))
    design.add_node(ConditionNode(title="Big", x=900, y=240))
    design.connect(params.id, "n", double.id, "n")
    design.connect(double.id, "result", check.id, "value")
    return design


def load_design(widget, design: Design, tmp_path: Path, name: str = "gestures") -> Path:
    from desktop_app.designer import save

    path = tmp_path / f"{name}.flowdesk.json"
    save(design, path)
    widget.open_design(path)
    QApplication.processEvents()  # the fit-to-view queued by opening runs first
    widget.view.set_zoom(1.0)
    widget.view.centerOn(widget.scene.nodes_bounding_rect().center())
    QApplication.processEvents()
    return path


def node_id(widget, title: str) -> str:
    return next(n.id for n in widget.design if n.title == title)


def port_view_pos(widget, node: str, port: str, output: bool) -> QPoint:
    item = widget.scene.nodes[node_id(widget, node)]
    scene_pos = item.port_scene_pos(port, output)
    return widget.view.mapFromScene(scene_pos)


def node_view_pos(widget, node: str, dx: float = 60, dy: float = 12) -> QPoint:
    item = widget.scene.nodes[node_id(widget, node)]
    return widget.view.mapFromScene(item.mapToScene(QPointF(dx, dy)))


def mouse(widget, kind: QEvent.Type, pos: QPoint, button=LEFT, buttons=None,
          modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    viewport = widget.view.viewport()
    if buttons is None:
        buttons = NO_BUTTON if kind == QEvent.Type.MouseButtonRelease else button
    if kind == QEvent.Type.MouseMove:
        button = NO_BUTTON
    local = QPointF(pos)
    event = QMouseEvent(kind, local, QPointF(viewport.mapToGlobal(pos)), button, buttons,
                        modifiers)
    QApplication.sendEvent(viewport, event)


def drag(widget, start: QPoint, end: QPoint, button=LEFT, steps: int = 6,
         release: bool = True, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """Press at `start`, move in steps to `end` with the button held, release."""
    mouse(widget, QEvent.Type.MouseButtonPress, start, button, modifiers=modifiers)
    for i in range(1, steps + 1):
        point = start + (end - start) * (i / steps)
        mouse(widget, QEvent.Type.MouseMove, point, button, buttons=button, modifiers=modifiers)
    if release:
        mouse(widget, QEvent.Type.MouseButtonRelease, end, button, modifiers=modifiers)


def wheel(widget, pos: QPoint, steps: int) -> None:
    viewport = widget.view.viewport()
    event = QWheelEvent(QPointF(pos), QPointF(viewport.mapToGlobal(pos)), QPoint(0, 0),
                        QPoint(0, 120 * steps), NO_BUTTON, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(viewport, event)


def undo_texts(widget) -> list[str]:
    stack = widget.document.undo_stack
    return [stack.text(i) for i in range(stack.count())]
