"""The one door to Prefect's web UI: the window's menu, a run's action and the tray use it.

For the managed local server the browser arrives logged in (`core.ui_login`);
the one-time page is deleted a few seconds later, and any left at quit.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, QUrl
from PySide6.QtGui import QDesktopServices

from desktop_app.core.api.connection import Connection
from desktop_app.core.supervision import ui_login


def open_web_ui(connection: Connection | None, run_id: str | None = None) -> bool:
    """Open the UI (or one run in it) in the browser; False if there is no server."""
    if connection is None:
        return False
    target = connection.run_url(run_id) if run_id else connection.ui_url
    url = ui_login.login_url(connection, target)
    if url != target:
        delay_ms = int(ui_login.LIFETIME_SECONDS * 1000)
        QTimer.singleShot(
            delay_ms, lambda: ui_login.remove_login_pages(older_than=ui_login.LIFETIME_SECONDS)
        )
    return QDesktopServices.openUrl(QUrl(url))
