"""Less work at idle, and still correct: the window's polls against the real server.

- With a live event stream the runs backfill is slow; when the stream drops
  a catch-up read runs at once (a run created meanwhile shows up) and the
  backfill goes back to its short interval.
- Hidden to the tray or minimised, the tables send no reads; shown again,
  they read once.
- The window's server watch reads the state file every round but probes the
  server over HTTP only now and then while connected and healthy.
"""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt

from desktop_app.ui import health_probe
from tests.ui import test_main_window_support as support
from tests.ui.test_main_window_support import await_until, deployment_runner, open_window, run

qloop = support.qloop  # the fixture
pytestmark = pytest.mark.integration


def test_a_run_created_while_the_stream_is_down_appears_through_the_catch_up(
    qloop, qtbot, managed_server
) -> None:
    async def scenario() -> None:
        async with open_window(qtbot, manager=managed_server.manager) as h:
            await h.connected_and_loaded()
            await h.live()
            loader = h.runs.loader
            await await_until(lambda: loader.backfills >= 1, 30, what="the first catch-up")
            assert loader.backfill_interval() == loader.live_backfill_seconds
            loader.live_backfill_seconds = 3600.0  # only the catch-up can bring the row
            # The stream goes away: no event reaches the table any more...
            follow = loader._tasks[0]
            follow.cancel()
            await await_until(follow.done, 10, what="the stream to stop")
            run_info = await deployment_runner(h)("basic-workflow")
            # ...and it reports the drop, as RunEventStream does when its socket fails.
            loader._stream.mode = "poll"
            await await_until(
                lambda: run_info.id in h.model.ids(), 30, what="the run made while down"
            )
            assert loader.backfill_interval() == loader.backfill_seconds  # short again

    run(qloop, scenario(), timeout=150)


def test_hidden_or_minimised_window_sends_no_table_reads(qloop, qtbot, managed_server) -> None:
    async def scenario() -> None:
        async with open_window(qtbot, manager=managed_server.manager) as h:
            await h.connected_and_loaded()
            await h.live()
            loader, deployments = h.runs.loader, h.window.deployments
            await await_until(lambda: loader.backfills >= 1, 30, what="the first catch-up")
            loader.backfill_seconds = loader.live_backfill_seconds = 0.02
            for hide in (h.window.hide, lambda: h.window.setWindowState(Qt.WindowMinimized)):
                hide()
                assert not loader.shown
                loader.wake_backfill()  # out of the long wait begun while live
                await await_until(lambda: not deployments._loading.busy, 30)
                wakes = loader.backfill_wakes  # a round under way may still finish...
                await await_until(lambda w=wakes: loader.backfill_wakes > w, 30)
                sent, wakes = loader.backfill_requests, loader.backfill_wakes  # ...then none
                await await_until(lambda w=wakes: loader.backfill_wakes >= w + 20, 30)
                assert loader.backfill_requests == sent  # awake, yet nothing read
                deployments._loaded_at = 0.0  # overdue for its safety re-read...
                deployments._check()
                assert not deployments._loading.busy  # ...which waits for the window
                h.window.setWindowState(Qt.WindowNoState)
                h.window.show()
                assert loader.shown
                await await_until(
                    lambda s=sent: loader.backfill_requests > s, 30, what="a read on show"
                )
                deployments._check()
                loads = deployments.loads
                await await_until(lambda n=loads: deployments.loads > n, 30, what="deployments")

    run(qloop, scenario(), timeout=150)


def test_the_server_watch_probes_http_only_now_and_then_while_healthy(
    qloop, qtbot, managed_server, monkeypatch
) -> None:
    manager = managed_server.manager
    probes: list[bool] = []
    real_status = manager.status

    def status(check_health: bool = True):
        probes.append(check_health)
        return real_status(check_health)

    monkeypatch.setattr(manager, "status", status)
    monkeypatch.setattr(health_probe, "HEALTH_PROBE_SECONDS", 3600.0)

    async def scenario() -> None:
        async with open_window(qtbot, manager=manager, poll_interval=0.02) as h:
            await h.connected_and_loaded()
            seen = len(probes)
            await await_until(lambda: len(probes) >= seen + 20, 30, what="watch rounds")
            later = probes[seen:]
            assert later and not any(later), later  # state file only, no HTTP probe
            assert h.context.get_client() is not None  # and still connected
            assert h.context.view.phase == "ready"
            # Once due, it does probe (rounds in between do not push it away).
            seen = len(probes)
            h.context._probe.due_at = time.monotonic() + 0.2
            await await_until(lambda: any(probes[seen:]), 30, what="the next HTTP probe")

    run(qloop, scenario(), timeout=150)
