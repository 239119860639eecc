"""A warm run's suspension observer is entered beside the engine, then left as Prefect does."""

from __future__ import annotations

import contextlib
import contextvars
import threading

from desktop_app.core.serving.suspension_observer import observing_beside

marker: contextvars.ContextVar[str] = contextvars.ContextVar("marker", default="none")


def test_the_observer_starts_on_a_helper_thread_with_our_context_and_is_left_after():
    release = threading.Event()
    seen: dict[str, object] = {}

    @contextlib.contextmanager
    def slow_observer(run_id, request):
        seen["entered in"] = threading.current_thread().name
        seen["context"] = marker.get()
        seen["args"] = (run_id, request)
        # Prefect waits here until its observer is ready; were the engine held until
        # then, nobody would set `release` and this would time out.
        seen["timed out"] = not release.wait(30)
        try:
            yield
        finally:
            seen["left"] = True

    observe = observing_beside(slow_observer)
    marker.set("flow run context")
    with observe("run-1", "request"):
        # We are inside while the observer is still getting ready: the engine goes on.
        assert "left" not in seen
        release.set()
    assert seen["left"] is True  # leaving waited for the observer, then stopped it
    assert seen["timed out"] is False
    assert seen["entered in"] != threading.current_thread().name
    assert seen["context"] == "flow run context"
    assert seen["args"] == ("run-1", "request")


def test_an_observer_that_fails_to_start_does_not_stop_the_run():
    @contextlib.contextmanager
    def broken(*_args):
        raise RuntimeError("no event stream")
        yield  # pragma: no cover

    with observing_beside(broken)("run-1", "request"):
        pass  # no exception out of entering or leaving


def test_prefects_engine_gets_the_beside_observer_once():
    import prefect.flow_engine as engine

    from desktop_app.core.serving.suspension_observer import observe_suspension_beside_start

    saved = engine.observe_flow_run_suspension
    try:
        assert observe_suspension_beside_start()
        wrapped = engine.observe_flow_run_suspension
        assert observe_suspension_beside_start()
        assert engine.observe_flow_run_suspension is wrapped is not saved
    finally:
        engine.observe_flow_run_suspension = saved
