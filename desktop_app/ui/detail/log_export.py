"""Saving a run's whole log from the server (not only the lines in memory)."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from desktop_app.core.api import log_tail
from desktop_app.core.api.errors import FlowdeskError
from desktop_app.core.config.atomic import atomic_write_text
from desktop_app.ui.async_tools import describe
from desktop_app.ui.detail.log_text import format_line

if TYPE_CHECKING:
    from desktop_app.core.api.client import FlowdeskClient
    from desktop_app.ui.detail.log_view import LogView


async def write_all_logs(
    client: FlowdeskClient, run_id: str, path: str, min_level: int, logs: LogView
) -> None:
    """Every line from the server, page by page, progress and outcome noted in `logs`.

    Its strings keep the pane's context (they moved from there): translations stay.

    Written whole or not at all: a full disk or a server gone mid-export must
    not leave a half file that looks like the run's complete log.
    """
    count = 0
    chunks: list[str] = []
    try:
        offset = 0
        while True:
            page = await client.logs(
                run_id, min_level=min_level, limit=log_tail.PAGE, offset=offset
            )
            for line in page:
                task = logs.task_names.get(line.task_run_id or "")
                chunks.append("\n".join(format_line(line, task=task)) + "\n")
            count += len(page)
            offset += len(page)
            logs.show_note(
                QCoreApplication.translate("RunDetailPane", "Saving… {count} lines").format(
                    count=count
                )
            )
            if len(page) < log_tail.PAGE:
                break
        await asyncio.to_thread(atomic_write_text, path, "".join(chunks))
    except (OSError, FlowdeskError) as exc:
        logs.show_note(
            QCoreApplication.translate("RunDetailPane", "Could not save: {error}").format(
                error=describe(exc)
            )
        )
        return
    logs.show_note(
        QCoreApplication.translate("RunDetailPane", "Saved {count} lines to {path}").format(
            count=count, path=path
        )
    )
