"""The tray menu's "Failed runs" section: each recent failure with Open and Retry.

Laid out like the paused runs above it: a header with the count, one submenu
per run (most recent first, the ones not seen yet in bold), "N more…" beyond
`MAX_RUNS`, and "Clear" to empty the list. Object names (`openFailed:<id>`,
`retryFailed:<id>`, `clearFailed`) let tests and accessibility tools find them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QMenu

from desktop_app.services.failures import Failure
from desktop_app.ui.style import state_icon
from desktop_app.ui.tray.failure_texts import failure_reason, menu_entry

MAX_RUNS = 8
REASON_LIMIT = 90


@dataclass
class FailureHandlers:
    open_run: Callable[[str], object]
    retry: Callable[[str], object]
    clear: Callable[[], object]
    show_window: Callable[[], object]


def add_failures(
    menu: QMenu,
    failures: Sequence[Failure],
    unseen: set[str],
    connected: bool,
    handlers: FailureHandlers,
) -> list[QMenu]:
    """Add the section to `menu` (nothing when there are no failures); returns the submenus."""
    if not failures:
        return []
    menu.addSection(
        QCoreApplication.translate("Tray", "Failed runs ({count})").format(count=len(failures))
    )
    submenus = [
        _add_run(menu, failure, failure.run_id in unseen, connected, handlers)
        for failure in failures[:MAX_RUNS]
    ]
    rest = len(failures) - MAX_RUNS
    if rest > 0:
        more = menu.addAction(
            QCoreApplication.translate("Tray", "{count} more… (show the window)").format(count=rest)
        )
        more.setObjectName("moreFailed")
        more.triggered.connect(lambda: handlers.show_window())
    clear = menu.addAction(QCoreApplication.translate("Tray", "Clear failed runs"))
    clear.setObjectName("clearFailed")
    clear.triggered.connect(lambda: handlers.clear())
    return submenus


def _add_run(
    menu: QMenu, failure: Failure, new: bool, connected: bool, handlers: FailureHandlers
) -> QMenu:
    submenu = menu.addMenu(state_icon(failure.state_type), menu_entry(failure))
    submenu.setObjectName(f"failedRun:{failure.run_id}")
    action = submenu.menuAction()
    action.setObjectName(f"failedRunMenu:{failure.run_id}")
    if new:
        bold = QFont(action.font())
        bold.setBold(True)
        action.setFont(bold)
    reason = failure_reason(failure)
    if len(reason) > REASON_LIMIT:
        reason = reason[: REASON_LIMIT - 1] + "…"
    words = submenu.addAction(reason)
    words.setObjectName(f"failedReason:{failure.run_id}")
    words.setEnabled(False)
    submenu.addSeparator()
    open_action = submenu.addAction(QCoreApplication.translate("Tray", "Open"))
    open_action.setObjectName(f"openFailed:{failure.run_id}")
    bold = QFont(open_action.font())
    bold.setBold(True)
    open_action.setFont(bold)
    open_action.triggered.connect(lambda _=False, r=failure.run_id: handlers.open_run(r))
    retry = submenu.addAction(QCoreApplication.translate("Tray", "Retry"))
    retry.setObjectName(f"retryFailed:{failure.run_id}")
    retry.setEnabled(connected and failure.deployment_id is not None)
    if failure.deployment_id is None:
        retry.setToolTip(
            QCoreApplication.translate(
                "Tray", "Only runs of a deployment can be retried: run the flow anew."
            )
        )
    retry.triggered.connect(lambda _=False, r=failure.run_id: handlers.retry(r))
    return submenu
