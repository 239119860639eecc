"""The dashboard's next-24-hours strip against the real server: what is scheduled in the
next day shows, what is later does not, and a run that goes away leaves the strip."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from tests.ui import test_main_window_support as support
from tests.ui.test_main_window_support import await_until, open_window, run

qloop = support.qloop  # the fixture


def shown(strip) -> str:
    """Every run name the strip shows or lists in its tooltips."""
    return "\n".join(line.text() + " " + line.toolTip() for line in strip.lines)


@pytest.mark.integration
def test_next_runs_show_the_coming_day(qloop, qtbot, managed_server) -> None:
    from prefect.states import Scheduled

    async def scenario() -> None:
        async with open_window(qtbot, manager=managed_server.manager) as h:
            await h.connected_and_loaded()
            strip = h.runs.dashboard.next_runs
            await await_until(lambda: strip.loads >= 1, 30, what="the first read")
            assert strip.title.text() == "Next 24 h"
            client = h.context.get_client()
            dep = await client.resolve_deployment("basic-workflow/local")
            now = datetime.now(timezone.utc)
            soon = await client.prefect.create_flow_run_from_deployment(
                dep.id, state=Scheduled(scheduled_time=now + timedelta(minutes=50))
            )
            later = await client.prefect.create_flow_run_from_deployment(
                dep.id, state=Scheduled(scheduled_time=now + timedelta(hours=30))
            )
            try:
                strip.reload()
                await await_until(lambda: soon.name in shown(strip), 30, what="the coming run")
                assert later.name not in shown(strip)
                assert any(r.id == str(soon.id) for r in strip.runs)
                assert all(
                    r.expected_start_time <= now + timedelta(hours=24, minutes=5)
                    for r in strip.runs
                )
                local = (now + timedelta(minutes=50)).astimezone().strftime("%H:%M")
                assert (
                    any(
                        line.text().startswith(local) and "basic-workflow/local" in line.text()
                        for line in strip.lines
                    )
                    or soon.name in strip.lines[-1].toolTip()
                )
            finally:
                await client.prefect.delete_flow_run(soon.id)
                await client.prefect.delete_flow_run(later.id)
            # Gone from the server: the table notices and the strip follows (no request of
            # its own is needed beyond its one read).
            strip.poke()
            await await_until(
                lambda: soon.name not in shown(strip) and not strip._slot.busy,
                30,
                what="the deleted run to leave",
            )

    run(qloop, scenario(), timeout=150)
