"""The window's way back from a damaged database: restore the newest backup or start fresh.

The same two choices as `flowdesk server repair`, behind one button of the
banner. The file work runs off the GUI thread; then the waiting supervisor is
asked to start again, which checks the database once more.
"""

from __future__ import annotations

import asyncio

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop_app.ui.context import AppContext, ServerView


def problem_text(view: ServerView) -> str:
    """The problem in the reader's language, naming the file (the state file's words are
    English)."""
    from desktop_app.core.supervision import database

    path = str(database.database_file())
    texts = {
        "damaged": QCoreApplication.translate(
            "DatabaseRepair", "The run history database {path} is damaged."
        ),
        "empty": QCoreApplication.translate(
            "DatabaseRepair", "The run history database {path} is empty (0 bytes)."
        ),
        "shrunk": QCoreApplication.translate(
            "DatabaseRepair",
            "The run history database {path} has lost most of its size since its last backup.",
        ),
        "missing": QCoreApplication.translate(
            "DatabaseRepair", "The run history database {path} is missing, but backups exist."
        ),
    }
    text = texts.get(view.problem, texts["damaged"]).format(path=path)
    return (
        text
        + " "
        + QCoreApplication.translate(
            "DatabaseRepair", "The server was not started and nothing has been changed yet."
        )
    )


def ask_repair(parent: QWidget, context: AppContext, view: ServerView) -> None:
    """Offer restore / start fresh for the database problem in `view`."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("DatabaseRepair", "Repair the database"))
    box.setText(problem_text(view))
    box.setInformativeText(
        QCoreApplication.translate(
            "DatabaseRepair",
            "Restore the newest good backup (runs since that backup are lost), or start a "
            "new, empty history. Either way the damaged file is kept beside it, renamed.",
        )
    )
    restore = box.addButton(
        QCoreApplication.translate("DatabaseRepair", "Restore newest backup"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    fresh = box.addButton(
        QCoreApplication.translate("DatabaseRepair", "Start fresh"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    choice = box.clickedButton()
    if choice is restore:
        context.tasks.spawn(_repair(parent, context, restore=True), "db-restore")
    elif choice is fresh:
        context.tasks.spawn(_repair(parent, context, restore=False), "db-start-fresh")


async def _repair(parent: QWidget, context: AppContext, restore: bool) -> None:
    from desktop_app.core.supervision import database

    try:
        if restore:
            await asyncio.to_thread(database.restore_latest)
        else:
            await asyncio.to_thread(database.start_fresh)
    except FileNotFoundError:
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("DatabaseRepair", "Repair the database"),
            QCoreApplication.translate(
                "DatabaseRepair",
                "There is no usable backup. Choose Start fresh to begin a new history.",
            ),
        )
        return
    except OSError as exc:
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("DatabaseRepair", "Repair the database"),
            QCoreApplication.translate(
                "DatabaseRepair", "Could not repair the database: {error}"
            ).format(error=exc),
        )
        return
    context.restart_server()
