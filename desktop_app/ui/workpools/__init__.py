"""Work pools: where runs execute (name, type, status, workers, queue)."""

from desktop_app.ui.workpools.view import WorkPoolsView

__all__ = ["WorkPoolsView"]
