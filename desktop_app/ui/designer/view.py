"""The canvas view: zoom, pan, fit, rubber-band selection and drops from the palette.

Wheel zooms around the pointer; Ctrl+0 fits the design, Ctrl+1 shows it at
100 %. The middle button, or holding Space, pans. Tab asks for the quick-add
popup (the view swallows Tab instead of moving focus, as node editors do).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QWheelEvent,
)
from PySide6.QtWidgets import QFrame, QGraphicsView, QLabel, QWidget

from desktop_app.ui.designer.kinds import KIND_INFOS, NODE_KIND_MIME
from desktop_app.ui.designer.scene import DesignScene
from desktop_app.ui.retranslating import Retranslating

MIN_ZOOM = 0.1
MAX_ZOOM = 3.0
WHEEL_STEP = 1.15


class EmptyCanvasHint(Retranslating, QLabel):
    """What to do on an empty canvas: how to add nodes and how to connect them.

    A label over the viewport that lets the mouse through, so a double-click
    or a drop "on the hint" still reaches the canvas.
    """

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("emptyCanvasHint")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setStyleSheet("QLabel#emptyCanvasHint { color: palette(window-text); "
                           "background: palette(base); border: 1px solid palette(mid); "
                           "border-radius: 8px; padding: 10px 16px; }")
        self.retranslate()

    def retranslate(self) -> None:
        self.setText(self.tr(
            "<p style='font-size:large'><b>This design is empty.</b></p>"
            "<p><b>Add a node:</b> drag a kind from the list on the left onto the canvas, "
            "double-click the canvas, or press Tab.</p>"
            "<p><b>Connect two nodes:</b> drag from an output dot (right edge of a node) "
            "to an input dot (left edge of another node).</p>"
            "<p>Help ▸ Designer basics explains more; Help ▸ Designer examples opens "
            "ready-made designs.</p>"))


class DesignView(QGraphicsView):
    """Shows a `DesignScene`; navigation only, edits are the scene's."""

    zoom_changed = Signal(float)
    kind_dropped = Signal(str, QPointF)
    """A palette entry (kind name) was dropped at a scene position."""
    quick_add_requested = Signal(QPointF)
    """Tab (at the pointer, or the centre): scene position for the new node."""

    def __init__(self, scene: DesignScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setRenderHints(QPainter.RenderHint.Antialiasing
                            | QPainter.RenderHint.TextAntialiasing)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setOptimizationFlags(QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._pan_from: QPoint | None = None
        self._space_held = False
        self.empty_hint = EmptyCanvasHint(self.viewport())
        self.empty_hint.hide()

    def update_hint(self) -> None:
        """Show the how-to hint while the design has no node."""
        scene = self.scene()
        empty = isinstance(scene, DesignScene) and not scene.nodes
        if empty:
            self._place_hint()
        self.empty_hint.setVisible(empty)

    def _place_hint(self) -> None:
        area = self.viewport().rect()
        width = min(480, max(area.width() - 40, 120))
        self.empty_hint.setFixedWidth(width)
        height = self.empty_hint.heightForWidth(width)
        self.empty_hint.setGeometry((area.width() - width) // 2,
                                    max((area.height() - height) // 2, 0), width, height)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if not self.empty_hint.isHidden():  # shown, even while the window itself is not yet
            self._place_hint()

    # -- zoom --------------------------------------------------------------------------
    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, factor: float, anchor: QPointF | None = None) -> None:
        """Set an absolute zoom (clamped), keeping `anchor` (scene) or the centre in place."""
        factor = max(MIN_ZOOM, min(MAX_ZOOM, factor))
        if anchor is None:
            anchor = self.mapToScene(self.viewport().rect().center())
        before = self.mapFromScene(anchor)
        old_anchor = self.transformationAnchor()
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.resetTransform()
        self.scale(factor, factor)
        self.setTransformationAnchor(old_anchor)
        after = self.mapFromScene(anchor)
        self._scroll(after.x() - before.x(), after.y() - before.y())
        self.zoom_changed.emit(self.zoom())

    def zoom_by(self, factor: float, anchor: QPointF | None = None) -> None:
        self.set_zoom(self.zoom() * factor, anchor)

    def reset_zoom(self) -> None:
        """100 % around the current centre (Ctrl+1)."""
        self.set_zoom(1.0)

    def fit_all(self) -> None:
        """Fit every node in view (Ctrl+0), never zooming in past 100 %."""
        scene = self.scene()
        assert isinstance(scene, DesignScene)
        rect = scene.nodes_bounding_rect()
        if rect.isNull():
            self.set_zoom(1.0)
            self.centerOn(0, 0)
            return
        rect = rect.adjusted(-40, -40, 40, 40)
        self.fit_rect(rect)

    def fit_rect(self, rect: QRectF) -> None:
        viewport = self.viewport().rect()
        if viewport.width() <= 0 or viewport.height() <= 0:
            return
        factor = min(viewport.width() / rect.width(), viewport.height() / rect.height(), 1.0)
        factor = max(MIN_ZOOM, factor)
        self.resetTransform()
        self.scale(factor, factor)
        self.centerOn(rect.center())
        self.zoom_changed.emit(self.zoom())

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120.0
        if steps == 0:
            super().wheelEvent(event)
            return
        anchor = self.mapToScene(event.position().toPoint())
        self.zoom_by(WHEEL_STEP ** steps, anchor)
        event.accept()

    # -- pan ---------------------------------------------------------------------------
    def _start_pan(self, pos: QPoint) -> None:
        self._pan_from = pos
        self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.MiddleButton or (
                self._space_held and event.button() == Qt.MouseButton.LeftButton):
            self._start_pan(event.position().toPoint())
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            pos = event.position().toPoint()
            delta = pos - self._pan_from
            self._pan_from = pos
            self.pan_by(delta.x(), delta.y())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None and event.button() in (
                Qt.MouseButton.MiddleButton, Qt.MouseButton.LeftButton):
            self._pan_from = None
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor if self._space_held
                                      else Qt.CursorShape.ArrowCursor)
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def pan_by(self, dx: float, dy: float) -> None:
        """Move the content by (dx, dy) viewport pixels, as a hand drag would."""
        self._scroll(-dx, -dy)

    def _scroll(self, dx: float, dy: float) -> None:
        # The scene is far larger than the viewport, so the (hidden) scroll bars position it.
        horizontal, vertical = self.horizontalScrollBar(), self.verticalScrollBar()
        horizontal.setValue(horizontal.value() + round(dx))
        vertical.setValue(vertical.value() + round(dy))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._space_key(event, held=True):
            super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if not self._space_key(event, held=False):
            super().keyReleaseEvent(event)

    def _space_key(self, event: QKeyEvent, *, held: bool) -> bool:
        """Space held: the left button pans (open hand); let go: it selects with a band.

        True when the event was Space (not auto-repeat) and so was used here.
        """
        if event.key() != Qt.Key.Key_Space or event.isAutoRepeat():
            return False
        self._space_held = held
        if not held:
            self._pan_from = None
        self.setDragMode(
            QGraphicsView.DragMode.NoDrag if held else QGraphicsView.DragMode.RubberBandDrag
        )
        self.viewport().setCursor(
            Qt.CursorShape.OpenHandCursor if held else Qt.CursorShape.ArrowCursor
        )
        event.accept()
        return True

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and (
                event.key() == Qt.Key.Key_Tab and not event.modifiers()):
            self.quick_add_requested.emit(self.pointer_scene_pos())
            return True
        return super().event(event)

    def pointer_scene_pos(self) -> QPointF:
        """The scene point under the mouse if it is over the view, else the view centre."""
        from PySide6.QtGui import QCursor

        local = self.viewport().mapFromGlobal(QCursor.pos())
        if self.viewport().rect().contains(local):
            return self.mapToScene(local)
        return self.mapToScene(self.viewport().rect().center())

    # -- drops from the palette -----------------------------------------------------------
    def _kind_of(self, event: QDragEnterEvent | QDropEvent) -> str | None:
        data = event.mimeData()
        if not data.hasFormat(NODE_KIND_MIME):
            return None
        kind = bytes(data.data(NODE_KIND_MIME)).decode("utf-8", "replace")
        return kind if kind in KIND_INFOS else None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._kind_of(event):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._kind_of(event):
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        kind = self._kind_of(event)
        if kind is None:
            super().dropEvent(event)
            return
        self.kind_dropped.emit(kind, self.mapToScene(event.position().toPoint()))
        event.acceptProposedAction()
