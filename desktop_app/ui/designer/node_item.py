"""A node on the canvas: header with kind glyph and title, labelled ports, badges.

It mirrors one model node and never writes to it: the scene calls `sync`
after the model changed, and turns a finished drag into one undo command.
Painting is cheap on purpose (a 300-node design must paint in one frame):
texts are laid out once in `sync` into `QStaticText`, shapes are cached, and
far-out zoom levels draw a plain tile with no text at all.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontInfo,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QStaticText,
)
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsItem,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from desktop_app.designer import LoopNode, Node, Problem
from desktop_app.ui.designer.colors import canvas_colors, status_color
from desktop_app.ui.designer.kind_icons import paint_glyph
from desktop_app.ui.designer.kinds import kind_info
from desktop_app.ui.designer.node_status import SKIPPED, NodeStatus
from desktop_app.ui.designer.port_item import HIT_RADIUS, PortItem
from desktop_app.ui.style import state_name

if TYPE_CHECKING:
    from desktop_app.ui.designer.edge_item import EdgeItem

WIDTH = 200.0
HEADER = 30.0
ROW = 22.0
PAD = 8.0
GRID = 20.0
SIMPLE_LOD = 0.4
READABLE_PX = 8.0
"""Port labels and titles never look smaller than this on screen (when zoomed out to fit,
they are drawn larger in scene units instead), down to the simplified drawing."""
MAX_TEXT_GROWTH = 1.6
"""…but never so large that a label outgrows its row (ROW)."""
"""Below this zoom, nodes are drawn as plain tiles (text would be unreadable anyway)."""


def snap(value: float) -> float:
    return round(value / GRID) * GRID



class ResumeButtonItem(QGraphicsItem):
    """"Resume…" under a paused approval node: the person acts where they look."""

    WIDTH = 96.0
    HEIGHT = 24.0

    def __init__(self, parent: NodeItem) -> None:
        super().__init__(parent)
        self.node_item = parent
        self._text = QStaticText(QCoreApplication.translate("DesignerCanvas", "Resume…"))
        self._text.setTextFormat(Qt.TextFormat.PlainText)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(QCoreApplication.translate(
            "DesignerCanvas", "This run waits at this node: open its form and resume it"))
        self.setAcceptedMouseButtons(Qt.MouseButton.LeftButton)
        self.hide()

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, self.WIDTH, self.HEIGHT)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        color = status_color("PAUSED")
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawRoundedRect(self.boundingRect(), 6, 6)
        painter.setPen(QColor("#ffffff"))
        size = self._text.size()
        painter.drawStaticText(QPointF((self.WIDTH - size.width()) / 2,
                                       (self.HEIGHT - size.height()) / 2), self._text)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        event.accept()

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self.boundingRect().contains(event.pos()):
            self.node_item.request_resume()
        event.accept()


class NodeItem(QGraphicsItem):
    """The canvas face of one model node."""

    def __init__(self, node: Node, on_resume=None) -> None:
        super().__init__()
        self.node_id = node.id
        self.kind = node.kind
        self.edges: list[EdgeItem] = []
        self.inputs: dict[str, PortItem] = {}
        self.outputs: dict[str, PortItem] = {}
        self.status: NodeStatus | None = None
        self.problems: list[Problem] = []
        self.syncing = False
        """True while the scene moves the item to follow the model (no snapping then)."""
        self._on_resume = on_resume
        self._height = HEADER
        self._title = QStaticText()
        self._title_font = QFont()
        self._small_font = QFont()
        self._labels: list[tuple[QPointF, QStaticText]] = []
        self._grown: dict[float, tuple[QStaticText, list[tuple[QPointF, QStaticText]]]] = {}
        self._node_ports: tuple[tuple, tuple] = ((), ())
        self._title_text = ""
        self._status_text = QStaticText()
        self._body = QPainterPath()
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsMovable
                      | QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
                      | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setAcceptHoverEvents(True)
        self.setZValue(1)  # above wires (which keep the default z: fewer calls per wire)
        self.resume_button: ResumeButtonItem | None = None
        """Made the first time the run waits here (few nodes ever need one)."""
        self.sync(node)
        self.set_pos_from_model(node.x, node.y)

    # -- following the model ---------------------------------------------------------
    def sync(self, node: Node) -> None:
        """Rebuild texts and ports after the node's fields changed."""
        font = QApplication.font()
        bold = QFont(font)
        bold.setBold(True)
        self.kind = node.kind
        self._title = _static(node.title, bold, WIDTH - 48)
        self._title_font = bold
        inputs = node.input_ports()
        outputs = node.output_ports()
        rows = max(len(inputs), len(outputs), 1)
        self.prepareGeometryChange()
        self._height = HEADER + rows * ROW + PAD
        self._body = QPainterPath()
        self._body.addRoundedRect(QRectF(0, 0, WIDTH, self._height), 8, 8)
        small = QFont(font)
        small.setPointSizeF(max(7.0, font.pointSizeF() * 0.9))
        self._small_font = small
        self._rebuild_ports(self.inputs, inputs, False)
        self._rebuild_ports(self.outputs, outputs, True)
        self._node_ports = (tuple(p.name for p in inputs), tuple(p.name for p in outputs))
        self._title_text = node.title
        self._labels = self._layout_labels(small)
        self._grown.clear()
        if self.resume_button is not None:
            self.resume_button.setPos((WIDTH - ResumeButtonItem.WIDTH) / 2, self._height + 22)
        self.update()

    def _layout_labels(self, small: QFont) -> list[tuple[QPointF, QStaticText]]:
        labels = []
        inputs, outputs = self._node_ports
        half = WIDTH / 2 - 16
        whole = WIDTH - 40  # a row with a port on one side only may use the whole width
        for i, name in enumerate(inputs):
            text = _static(name, small, half if i < len(outputs) else whole)
            y = self.port_y(i) - text.size().height() / 2
            labels.append((QPointF(12, y), text))
        for i, name in enumerate(outputs):
            text = _static(name, small, half if i < len(inputs) else whole)
            y = self.port_y(i) - text.size().height() / 2
            labels.append((QPointF(WIDTH - 12 - text.size().width(), y), text))
        return labels

    def text_growth(self, zoom: float) -> float:
        """How much larger than normal the texts are drawn at `zoom` (1.0: not at all)."""
        pixels = QFontInfo(self._small_font).pixelSize()
        growth = min(MAX_TEXT_GROWTH, READABLE_PX / max(zoom * pixels, 1e-6))
        return max(1.0, round(growth + 0.049, 1))  # rounded up: a few sizes, laid out once

    def label_pixels_on_screen(self, zoom: float) -> float:
        """The port labels' font size in screen pixels at `zoom` (readability checks)."""
        return QFontInfo(self._small_font).pixelSize() * self.text_growth(zoom) * zoom

    def _texts_at(self, lod: float) -> tuple[QStaticText, list[tuple[QPointF, QStaticText]],
                                             QFont, QFont]:
        """Title and port labels for this zoom: grown so they read as ≥ READABLE_PX."""
        growth = self.text_growth(lod)
        if growth <= 1.0:
            return self._title, self._labels, self._title_font, self._small_font
        cached = self._grown.get(growth)
        small = QFont(self._small_font)
        small.setPointSizeF(self._small_font.pointSizeF() * growth)
        bold = QFont(self._title_font)
        bold.setPointSizeF(self._title_font.pointSizeF() * growth)
        if cached is None:
            cached = (_static(self._title_text, bold, WIDTH - 48), self._layout_labels(small))
            self._grown[growth] = cached
        return cached[0], cached[1], bold, small

    def _rebuild_ports(self, items: dict[str, PortItem], ports, is_output: bool) -> None:
        wanted = [(p.name, p.type) for p in ports]
        current = [(name, item.type) for name, item in items.items()]
        if wanted == current:
            return
        connected = {name for name, item in items.items() if item.connected}
        items.clear()
        for i, port in enumerate(ports):
            item = PortItem(self, port, is_output, QPointF(WIDTH if is_output else 0.0,
                                                           self.port_y(i)))
            item.connected = port.name in connected
            items[port.name] = item

    def port_near(self, scene_pos: QPointF, radius: float = HIT_RADIUS) -> PortItem | None:
        """The port whose disc is within `radius` (scene units) of `scene_pos`."""
        local = self.mapFromScene(scene_pos)
        best, best_distance = None, radius * radius
        for port in (*self.inputs.values(), *self.outputs.values()):
            delta = port.pos() - local
            distance = delta.x() * delta.x() + delta.y() * delta.y()
            if distance <= best_distance:
                best, best_distance = port, distance
        return best

    def set_pos_from_model(self, x: float, y: float) -> None:
        self.syncing = True
        try:
            self.setPos(x, y)
        finally:
            self.syncing = False

    @staticmethod
    def port_y(index: int) -> float:
        return HEADER + PAD / 2 + ROW * index + ROW / 2

    def port_scene_pos(self, name: str, is_output: bool) -> QPointF:
        """Where an edge attaches; the node's side midpoint if the port is gone."""
        item = (self.outputs if is_output else self.inputs).get(name)
        if item is None:
            return self.mapToScene(QPointF(WIDTH if is_output else 0.0, HEADER / 2))
        return self.mapToScene(item.pos())

    @property
    def height(self) -> float:
        return self._height

    def size(self) -> tuple[float, float]:
        return WIDTH, self._height

    # -- run status and problems ---------------------------------------------------
    def status_words(self) -> str:
        """The run-status line under the title ("Running · 2/4 items"), as shown."""
        return self._status_text.text()

    def set_status(self, status: NodeStatus | None) -> None:
        if status == self.status:
            return
        self.status = status
        if status is None:
            self._status_text = QStaticText()
        else:
            if status.state == SKIPPED:
                words = QCoreApplication.translate("DesignerCanvas", "Skipped")
            else:
                words = state_name(status.state.title())
            if status.total is not None:  # a loop: progress out of the list's length
                words = QCoreApplication.translate(
                    "DesignerCanvas", "{state} · {done}/{total} items").format(
                    state=words, done=status.completed, total=status.total)
            elif status.tasks > 1 or (status.tasks and self.kind == LoopNode.kind):
                words = QCoreApplication.translate(
                    "DesignerCanvas", "{state} · {done}/{seen} items").format(
                    state=words, done=status.completed, seen=status.tasks)
            self._status_text = _static(words, self._small_font, WIDTH)
        waiting = status is not None and status.paused_here and self.kind == "approval"
        if waiting and self.resume_button is None:
            self.resume_button = ResumeButtonItem(self)
            self.resume_button.setPos((WIDTH - ResumeButtonItem.WIDTH) / 2, self._height + 22)
        if self.resume_button is not None:
            self.resume_button.setVisible(waiting)
        self.prepareGeometryChange()
        self.update()

    def set_problems(self, problems: list[Problem]) -> None:
        if problems == self.problems:
            return
        self.problems = problems
        self.update()

    def request_resume(self) -> None:
        if self._on_resume is not None:
            self._on_resume(self.node_id)

    def problem_tooltip(self) -> str:
        return "\n".join(p.message for p in self.problems)

    # -- Qt --------------------------------------------------------------------------
    def boundingRect(self) -> QRectF:
        return QRectF(-10, -10, WIDTH + 20, self._height + 32)

    def shape(self) -> QPainterPath:
        return self._body

    def itemChange(self, change, value):
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionChange and not self.syncing:
            return QPointF(snap(value.x()), snap(value.y()))
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged:
            for edge in self.edges:
                edge.update_path()
        return super().itemChange(change, value)

    def hoverMoveEvent(self, event) -> None:
        # The problem badge explains itself on hover; ports say what they are.
        port = self.port_near(event.scenePos())
        self.setCursor(Qt.CursorShape.CrossCursor if port is not None
                       else Qt.CursorShape.ArrowCursor)
        if port is not None:
            self.setToolTip(port_tooltip(port))
        elif self.problems and QRectF(-10, -10, 22, 22).contains(event.pos()):
            self.setToolTip(self.problem_tooltip())
        elif self.status is not None and self.status.message and QRectF(
                WIDTH - 30, 0, 30, HEADER).contains(event.pos()):
            self.setToolTip(self.status.message)
        else:
            self.setToolTip(kind_info(self.kind).title())
        super().hoverMoveEvent(event)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        colors = canvas_colors()
        kind_color = kind_info(self.kind).qcolor()
        selected = self.isSelected()
        state_col = status_color(self.status.state) if self.status is not None else None
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        border = QPen(colors.selection if selected else (state_col or colors.node_border),
                      3 if selected or state_col is not None else 1)
        if lod < SIMPLE_LOD:
            painter.setPen(border)
            painter.setBrush(state_col or kind_color)
            painter.drawRect(QRectF(0, 0, WIDTH, self._height))
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(border)
        painter.setBrush(colors.node_body)
        painter.drawPath(self._body)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(kind_color)
        painter.drawPath(_header_path())
        paint_glyph(painter, self.kind, QRectF(8, (HEADER - 16) / 2, 16, 16), QColor("#ffffff"))
        title, labels, title_font, label_font = self._texts_at(lod)
        painter.setPen(QColor("#ffffff"))
        painter.setFont(title_font)
        painter.drawStaticText(QPointF(30, (HEADER - title.size().height()) / 2), title)
        painter.setPen(colors.node_text)
        painter.setFont(label_font)
        for point, text in labels:
            painter.drawStaticText(point, text)
        for port in (*self.inputs.values(), *self.outputs.values()):
            port.draw(painter)
        if state_col is not None:
            self._paint_status(painter, state_col)
        if self.problems:
            self._paint_problem_badge(painter, colors)

    def _paint_status(self, painter: QPainter, color: QColor) -> None:
        assert self.status is not None
        painter.setPen(QPen(QColor("#ffffff"), 2))
        painter.setBrush(color)
        painter.drawEllipse(QPointF(WIDTH - 14, HEADER / 2), 6.5, 6.5)
        size = self._status_text.size()
        pill = QRectF(WIDTH - size.width() - 16, self._height - 2, size.width() + 12,
                      size.height() + 4)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawRoundedRect(pill, pill.height() / 2, pill.height() / 2)
        painter.setPen(QColor("#ffffff"))
        painter.drawStaticText(pill.topLeft() + QPointF(6, 2), self._status_text)

    def _paint_problem_badge(self, painter: QPainter, colors) -> None:
        error = any(p.is_error for p in self.problems)
        painter.setPen(QPen(QColor("#ffffff"), 1.5))
        painter.setBrush(QBrush(colors.error if error else colors.warning))
        painter.drawEllipse(QPointF(1, 1), 8, 8)
        painter.setPen(QPen(QColor("#ffffff"), 2))
        painter.drawLine(QPointF(1, -3), QPointF(1, 2))
        painter.drawPoint(QPointF(1, 5))


def port_tooltip(port: PortItem) -> str:
    """What a port is and how to connect it (shown on hover)."""
    tr = QCoreApplication.translate
    if port.is_output:
        text = tr("DesignerCanvas", "Output '{name}' ({type}): drag it to an input (a dot on "
                                    "the left edge of another node) to connect.")
    else:
        text = tr("DesignerCanvas", "Input '{name}' ({type}): drag it to an output (a dot on "
                                    "the right edge of another node) to connect.")
    return text.format(name=port.name, type=port.type)


@lru_cache(maxsize=1)
def _header_path() -> QPainterPath:
    """The coloured title band: rounded at the top only (shared by all nodes)."""
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.WindingFill)
    path.addRoundedRect(QRectF(0.5, 0.5, WIDTH - 1, HEADER), 7.5, 7.5)
    path.addRect(QRectF(0.5, HEADER - 8, WIDTH - 1, 8))
    return path.simplified()


_STATIC_CACHE: dict[tuple[str, str, float], QStaticText] = {}


def _static(text: str, font: QFont, max_width: float) -> QStaticText:
    """`text` elided to `max_width`, laid out once; shared between items (port names repeat)."""
    key = (text, font.key(), max_width)
    static = _STATIC_CACHE.get(key)
    if static is None:
        if len(_STATIC_CACHE) > 4096:
            _STATIC_CACHE.clear()
        elided = QFontMetricsF(font).elidedText(text, Qt.TextElideMode.ElideRight, max_width)
        static = QStaticText(elided)
        static.setTextFormat(Qt.TextFormat.PlainText)
        static.prepare(font=font)
        _STATIC_CACHE[key] = static
    return static
