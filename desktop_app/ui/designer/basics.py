"""Learning the designer: the "Designer basics" page and the shipped example designs.

The page is a small non-modal dialog (never `exec()` under qasync) whose text
goes through Qt translation like every other string, so it reads in the UI's
language. The examples live in the bundled, read-only `flows/designs/`; they
are only ever opened as unsaved copies (see `DesignerWidget.open_example`), so
editing one can never change the shipped file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from desktop_app.core.config import paths
from desktop_app.designer.fileformat import FILE_SUFFIX
from desktop_app.ui.retranslating import Retranslating


def examples_folder() -> Path:
    """The shipped example designs (read-only: opened as copies)."""
    return paths.seed_flows_dir() / "designs"


def example_files() -> list[Path]:
    """The example design files, by name; empty if the folder is missing."""
    try:
        return sorted(examples_folder().glob(f"*{FILE_SUFFIX}"))
    except OSError:
        return []


def is_example(path: Path) -> bool:
    """Whether `path` is one of the shipped examples (open a copy instead)."""
    try:
        return Path(path).resolve().parent == examples_folder().resolve()
    except OSError:
        return False


def example_title(path: Path) -> str:
    """"pausable_loop.flowdesk.json" → "Pausable loop" (for menus)."""
    stem = path.name[: -len(FILE_SUFFIX)] if path.name.endswith(FILE_SUFFIX) else path.stem
    words = stem.replace("_", " ").strip()
    return words[:1].upper() + words[1:]


class DesignerBasicsDialog(Retranslating, QDialog):
    """A one-page introduction: add, connect, check, deploy, run, pause and resume."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("designerBasics")
        self.resize(640, 720)
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Designer basics"))
        sections = [
            (self.tr("What the designer makes"),
             self.tr("A design is a Prefect flow drawn as boxes (nodes) joined by wires. "
                     "Each node is a step; a wire hands one step's result to the next. "
                     "Flowdesk turns the drawing into a Python flow module, serves it as a "
                     "deployment and runs it on your local server.")),
            (self.tr("Add nodes"),
             self.tr("Drag a kind from the list on the left onto the canvas, double-click "
                     "an empty spot, or press Tab and type. <b>Parameters</b> are the values "
                     "asked for when a run starts; <b>Code</b> runs Python you write; "
                     "<b>Loop</b> runs its body once per item of a list (you can pause "
                     "between items); <b>Approval</b> waits for a person; <b>Condition</b> "
                     "sends the run down its true or false side.")),
            (self.tr("Connect nodes"),
             self.tr("Every node has input dots on its left edge and output dots on its "
                     "right edge. Drag from an output dot to an input dot of another node: "
                     "a green ring means the types fit, a red one says why not. Drop a wire "
                     "on empty canvas to add a node that fits. An input that is not "
                     "connected is listed as a problem until you connect or remove it.")),
            (self.tr("Edit a node"),
             self.tr("Select a node to edit it on the right: its title, its inputs, its "
                     "code (click an input's name to insert it) and its settings. Ctrl+Z "
                     "undoes any change; Ctrl+L tidies the layout; Ctrl+0 fits the design "
                     "in view.")),
            (self.tr("Check, deploy, run"),
             self.tr("The line at the bottom says whether the design has problems; F7 "
                     "lists them and a double-click goes to each. <b>Deploy</b> saves the "
                     "design, writes its flow and waits until the server serves it. "
                     "<b>Run…</b> deploys if needed and asks for the parameters. While a "
                     "run goes, the nodes take the colour of their state and a loop shows "
                     "how many items are done.")),
            (self.tr("Pause and resume"),
             self.tr("An Approval node pauses the run and shows <b>Resume…</b> on the node: "
                     "fill in its form to continue. A running loop can be paused from the "
                     "Runs tab, the tray or the command line; it stops before its next "
                     "item.")),
            (self.tr("Your files"),
             self.tr("Designs are saved as .flowdesk.json files, by default in your designs "
                     "folder. Unsaved changes are copied aside every few seconds: if "
                     "Flowdesk stops unexpectedly, the next start offers them back. "
                     "Help ▸ Designer examples opens ready-made designs as copies, so the "
                     "examples themselves never change.")),
        ]
        html = "".join(f"<h3>{title}</h3><p>{text}</p>" for title, text in sections)
        self.browser.setHtml(html)


__all__ = [
    "DesignerBasicsDialog",
    "example_files",
    "example_title",
    "examples_folder",
    "is_example",
]
