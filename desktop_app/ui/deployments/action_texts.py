"""The words of the deployments tab's actions: (text, tooltip) per action name.

A table rather than strings at each `QAction`, so that `retranslate()` can
set them all again after a live language switch. The context stays
"DeploymentsView", where these strings have always been translated.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

ACTION_TEXTS = {
    "runNow": (
        QT_TRANSLATE_NOOP("DeploymentsView", "Run now"),
        QT_TRANSLATE_NOOP("DeploymentsView", "Start a run with the default parameters"),
    ),
    "runWithParameters": (
        QT_TRANSLATE_NOOP("DeploymentsView", "Run with parameters…"),
        QT_TRANSLATE_NOOP("DeploymentsView", "Choose the parameters, then start a run"),
    ),
    "pauseSchedule": (
        QT_TRANSLATE_NOOP("DeploymentsView", "Pause schedule"),
        QT_TRANSLATE_NOOP("DeploymentsView", "Stop scheduling new runs"),
    ),
    "resumeSchedule": (
        QT_TRANSLATE_NOOP("DeploymentsView", "Resume schedule"),
        QT_TRANSLATE_NOOP("DeploymentsView", "Schedule runs again"),
    ),
    "editSchedules": (
        QT_TRANSLATE_NOOP("DeploymentsView", "Schedules…"),
        QT_TRANSLATE_NOOP(
            "DeploymentsView", "Add, change, pause or remove this deployment's schedules"
        ),
    ),
    "showRuns": (
        QT_TRANSLATE_NOOP("DeploymentsView", "Show runs"),
        QT_TRANSLATE_NOOP("DeploymentsView", "Show this deployment's runs in the Runs tab"),
    ),
    "latestArtifacts": (
        QT_TRANSLATE_NOOP("DeploymentsView", "Latest artifacts…"),
        QT_TRANSLATE_NOOP("DeploymentsView", "The newest artifact of each key this flow made"),
    ),
    "copyToMyFlows": (
        QT_TRANSLATE_NOOP("DeploymentsView", "Copy to my flows"),
        QT_TRANSLATE_NOOP(
            "DeploymentsView",
            "Copy this read-only example into your flows folder under a new name, to change it",
        ),
    ),
}
"""(text, tooltip) of each action, translated when shown."""


def translated(name: str) -> tuple[str, str] | None:
    """(text, tooltip) of action `name` in the current language; None for an unknown name."""
    texts = ACTION_TEXTS.get(name)
    if texts is None:
        return None
    tr = QCoreApplication.translate
    return tr("DeploymentsView", texts[0]), tr("DeploymentsView", texts[1])
