"""The words of the run actions (menu text, tooltip), apart from what the actions do.

Kept as source strings, translated when applied (`RunActions._apply_texts`),
so a live language switch only has to apply them again.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

TEXTS: dict[str, tuple[str, str]] = {
    "pause": (
        QT_TRANSLATE_NOOP("RunActions", "Pause"),
        QT_TRANSLATE_NOOP(
            "RunActions",
            "Ask the run to pause at its next checkpoint (shown as Pause requested until then)",
        ),
    ),
    "suspend": (
        QT_TRANSLATE_NOOP("RunActions", "Suspend (restarts from the top on resume)"),
        QT_TRANSLATE_NOOP(
            "RunActions",
            "Stop a deployment's run now; Resume starts it again from the beginning, "
            "reusing persisted task results",
        ),
    ),
    "resume": (
        QT_TRANSLATE_NOOP("RunActions", "Resume"),
        QT_TRANSLATE_NOOP("RunActions", "Resume the paused run"),
    ),
    "resume_input": (
        QT_TRANSLATE_NOOP("RunActions", "Resume with input…"),
        QT_TRANSLATE_NOOP(
            "RunActions", "Answer the form the paused run is waiting for, then resume it"
        ),
    ),
    "cancel": (
        QT_TRANSLATE_NOOP("RunActions", "Cancel"),
        QT_TRANSLATE_NOOP("RunActions", "Cancel the run (its process is stopped)"),
    ),
    "retry": (
        QT_TRANSLATE_NOOP("RunActions", "Retry"),
        QT_TRANSLATE_NOOP("RunActions", "Run a finished deployment run again"),
    ),
    "delete": (
        QT_TRANSLATE_NOOP("RunActions", "Delete…"),
        QT_TRANSLATE_NOOP("RunActions", "Delete the run and its logs from the server"),
    ),
    "copy_id": (
        QT_TRANSLATE_NOOP("RunActions", "Copy id"),
        QT_TRANSLATE_NOOP("RunActions", "Copy the run id to the clipboard"),
    ),
    "open_web": (
        QT_TRANSLATE_NOOP("RunActions", "Open in Prefect UI"),
        QT_TRANSLATE_NOOP("RunActions", "Open this run in Prefect's web UI"),
    ),
    "details": (
        QT_TRANSLATE_NOOP("RunActions", "Show details"),
        QT_TRANSLATE_NOOP("RunActions", "Show the run's details and logs"),
    ),
}
"""Each action's (text, tooltip), translated when shown: a live language switch re-reads them."""


def translated(name: str) -> tuple[str, str]:
    """(text, tooltip) of action `name` in the current language."""
    text, tip = TEXTS[name]
    tr = QCoreApplication.translate
    return tr("RunActions", text), tr("RunActions", tip)
