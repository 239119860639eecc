"""A read-only, highlighted view of the module the design generates.

Non-modal, so it can stay open beside the canvas; it regenerates when the
design changes (debounced), because seeing the code follow the edit is how a
person learns what the designer writes for them.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop_app.designer import CycleError, generate
from desktop_app.designer.codegen import module_filename
from desktop_app.ui.designer.code_editor import CodeEditor
from desktop_app.ui.designer.document import DesignDocument
from desktop_app.ui.timers import make_timer

REFRESH_MS = 400


class GeneratedCodeDialog(QDialog):
    """Shows `generate(design)`; follows the document while open."""

    def __init__(self, document: DesignDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.setModal(False)
        self.setWindowTitle(self.tr("Generated code"))
        self.resize(760, 640)
        layout = QVBoxLayout(self)
        self.caption = QLabel(self)
        self.caption.setWordWrap(True)
        layout.addWidget(self.caption)
        self.editor = CodeEditor(self, read_only=True)
        layout.addWidget(self.editor, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = buttons.addButton(self.tr("Copy"),
                                             QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self._copy)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
        self._timer = make_timer(self, REFRESH_MS, self.refresh, single_shot=True)
        document.undo_stack.indexChanged.connect(lambda _i: self._timer.start())
        document.design_replaced.connect(lambda _d: self._timer.start())
        self.refresh()

    def refresh(self) -> None:
        design = self.document.design
        try:
            code = generate(design)
        except CycleError as exc:
            self.caption.setText(self.tr("No code: {error}").format(error=str(exc)))
            self.editor.set_code("")
            return
        self.caption.setText(self.tr(
            "{file} — what Deploy writes. Read-only: edit the design, not this text.").format(
                file=module_filename(design)))
        self.editor.set_code(code)

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.editor.code())
