"""The flow designer's editor (Qt): canvas, inspector with a code editor, deploy and live runs.

`DesignerWidget` is the one entry point (the main window adds it as a tab).
The model it edits lives in `desktop_app.designer` and knows no Qt.
"""

from desktop_app.ui.designer.widget import DesignerWidget

__all__ = ["DesignerWidget"]
