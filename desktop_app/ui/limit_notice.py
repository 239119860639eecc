"""A run held up by a concurrency limit, in words: in its row and in its detail.

"waiting for a slot of gpu" when its task runs wait on a full tag limit (or
the run itself on its deployment's limit); "limit gpu:default does not exist"
when it asked `concurrency("gpu:default")` for a limit nobody created --
Prefect then runs it unguarded with one warning in the log. The detail bar
offers to create such a limit in one click.
"""

from __future__ import annotations

import asyncio
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from desktop_app.core.api.limits_models import TAG_PREFIX, LimitNotice
from desktop_app.ui.async_tools import TaskKeeper, TaskSlot
from desktop_app.ui.retranslating import Retranslating
from desktop_app.ui.style import state_color

if TYPE_CHECKING:
    from desktop_app.core.api.client import FlowdeskClient
    from desktop_app.core.api.models import RunInfo

MAX_CREATE_BUTTONS = 3
RECHECK_SECONDS = 5.0
"""The detail refreshes every 2 s while a run is live; its notice needs less."""

translate = QCoreApplication.translate


def notice_text(notice: LimitNotice) -> str:
    """One short line for a run's row ("" when there is nothing to say)."""
    parts: list[str] = []
    if notice.waiting_for:
        parts.append(
            translate("LimitNotice", "waiting for a slot of {names}").format(
                names=", ".join(notice.waiting_for)
            )
        )
    if notice.deployment:
        parts.append(translate("LimitNotice", "waiting for a slot of its deployment's limit"))
    if notice.missing:
        parts.append(
            translate("LimitNotice", "limit {names} does not exist").format(
                names=", ".join(notice.missing)
            )
        )
    return "; ".join(parts)


def detail_text(notice: LimitNotice) -> str:
    """The longer words of the run detail."""
    lines: list[str] = []
    if notice.waiting_for:
        text = translate(
            "LimitNotice",
            "Waiting for a slot of {names}: every slot is taken. It starts when one is freed "
            "(or raise or reset the limit under Variables & limits).",
        ).format(names=", ".join(notice.waiting_for))
        if notice.task_runs:
            text += " " + translate("LimitNotice", "Waiting: {tasks}.").format(
                tasks=", ".join(notice.task_runs[:5])
            )
        lines.append(text)
    if notice.deployment:
        lines.append(
            translate(
                "LimitNotice",
                "Waiting for a slot of its deployment's concurrency limit: Prefect retries "
                "it when a run of that deployment ends.",
            )
        )
    if notice.missing:
        lines.append(
            translate(
                "LimitNotice",
                "It asked for the concurrency limit {names}, which does not exist: Prefect "
                "skipped it and ran without a limit.",
            ).format(names=", ".join(notice.missing))
        )
    return "\n".join(lines)


def kind_of(name: str) -> tuple[str, str]:
    """(name, kind) to create for a missing limit name ("tag:gpu" is tag "gpu")."""
    if name.startswith(TAG_PREFIX):
        return name.removeprefix(TAG_PREFIX), "tag"
    return name, "global"


class LimitNoticeBar(Retranslating, QFrame):
    """Shown above the run detail's tabs when the run waits on, or misses, a limit."""

    create_requested = Signal(str, str)
    """(name, kind) of a missing limit the person wants created."""

    def __init__(self, tasks: TaskKeeper, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("limitNotice")
        self._checking = TaskSlot(tasks, "limit-notice")
        self.notice = LimitNotice()
        self._last: tuple[str, str, float] = ("", "", 0.0)
        self.label = QLabel(self, objectName="limitNoticeText")
        self.label.setWordWrap(True)
        self.create_buttons: list[QPushButton] = []
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(8, 4, 8, 4)
        self._layout.addWidget(self.label, 1)
        color = state_color("SCHEDULED")
        self.setStyleSheet(
            f"#limitNotice {{ background: rgba({color.red()}, {color.green()}, "
            f"{color.blue()}, 40); "
            f"border: 1px solid {color.name()}; border-radius: 4px; }}"
        )
        self.hide()

    def clear(self) -> None:
        self._checking.cancel()
        self._last = ("", "", 0.0)
        self.show_notice(LimitNotice())

    def check(self, client: FlowdeskClient, run: RunInfo) -> None:
        """Read this run's notice in the background: one read at a time, and again for
        the same run in the same state only after `RECHECK_SECONDS`."""
        run_id, state, when = self._last
        now = time.monotonic()
        if (run_id, state) == (run.id, run.state.name) and now - when < RECHECK_SECONDS:
            return
        if not self._checking.busy:
            self._last = (run.id, run.state.name, now)
            self._checking.start(self._check(client, run))

    async def _check(self, client: FlowdeskClient, run: RunInfo) -> None:
        from desktop_app.services import limits

        try:
            notices = await limits.run_notices(client, [run])
        except asyncio.CancelledError:
            raise
        except Exception:  # a notice is a courtesy: the rest of the detail stands
            return
        self.show_notice(notices.get(run.id, LimitNotice()))

    def show_notice(self, notice: LimitNotice) -> None:
        self.notice = notice
        for button in self.create_buttons:
            button.deleteLater()
        self.create_buttons = []
        if not notice:
            self.hide()
            return
        for missing in notice.missing[:MAX_CREATE_BUTTONS]:
            name, kind = kind_of(missing)
            button = QPushButton(self, objectName="createMissingLimit")
            button.setProperty("limit_name", name)
            button.clicked.connect(
                lambda _c=False, n=name, k=kind: self.create_requested.emit(n, k)
            )
            self._layout.addWidget(button)
            self.create_buttons.append(button)
        self.retranslate()
        self.show()

    def retranslate(self) -> None:
        self.label.setText(detail_text(self.notice))
        for button in self.create_buttons:
            button.setText(
                translate("LimitNotice", "Create limit {name}…").format(
                    name=button.property("limit_name")
                )
            )

