"""Keeps the runs table's "waiting for a slot of gpu" notes true.

Every few seconds, while runs that could wait are in the table (Pending,
Running, or held back as AwaitingConcurrencySlot), asks the limits service
which of them wait on a limit or asked for one that does not exist, and
hands the words to the model. With nothing live it reads nothing.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from desktop_app.core.api.limits_models import AWAITING_SLOT
from desktop_app.ui.async_tools import GetClient, TaskKeeper, TaskSlot
from desktop_app.ui.limit_notice import notice_text
from desktop_app.ui.timers import make_timer

if TYPE_CHECKING:
    from desktop_app.core.api.client import FlowdeskClient
    from desktop_app.core.api.models import RunInfo
    from desktop_app.ui.runs.model import RunsTableModel

WATCH_MS = 5000
MAX_RUNS = 200
"""The newest live runs looked at per round (one page of each read)."""


def could_wait(state_type: str, state_name: str) -> bool:
    return state_type in ("PENDING", "RUNNING") or state_name == AWAITING_SLOT


class LimitWatch(QObject):
    def __init__(
        self,
        model: RunsTableModel,
        get_client: GetClient,
        tasks: TaskKeeper,
        interval_ms: int = WATCH_MS,
    ) -> None:
        super().__init__(model)
        self._model = model
        self._get_client = get_client
        self._slot = TaskSlot(tasks, "runs-limit-watch")
        self.rounds = 0
        self.timer = make_timer(self, interval_ms, self.check)
        self.timer.start()

    def check(self) -> None:
        client = self._get_client()
        runs = [r for r in self._model.runs() if could_wait(r.state.type, r.state.name)]
        if client is None or self._slot.busy:
            return
        if not runs:
            self._model.set_limit_notes({})
            return
        self._slot.start(self._check(client, runs[:MAX_RUNS]))

    async def _check(self, client: FlowdeskClient, runs: list[RunInfo]) -> None:
        from desktop_app.services import limits

        try:
            notices = await limits.run_notices(client, runs)
        except asyncio.CancelledError:
            raise
        except Exception:  # a note is a courtesy; the next round tries again
            return
        self.rounds += 1
        self._model.set_limit_notes({run_id: notice_text(n) for run_id, n in notices.items() if n})
