"""A warm flow run proposes Running while its suspension observer connects, not after.

Before it proposes Running, Prefect's flow engine (3.9) starts a thread with its
own event loop, API client and event subscription that notices the run being
suspended from outside (Flowdesk's "Suspend"), and waits until that observer
has read the run's current state: 0.15-0.2 s of every "Run" → Running here,
one fifth of the whole.

In a warm flow run (`fork_server`) the observer starts the same way, in the
same context, but on a helper thread, so the engine goes on to propose Running
at once; leaving the run waits for the observer to be up and shuts it down as
Prefect does. Nothing is lost: the observer still reads the run's state once
subscribed, so a suspension that lands before it is up is seen then, and the
engine raises it at the next step, as it does for any suspension during a run.
A suspension requested before Running is refused Running by the server itself.
Runs started the ordinary way (Windows, warm starts off) keep Prefect's order.
"""

from __future__ import annotations

import contextlib
import contextvars
import threading
from collections.abc import Callable, Generator
from typing import Any

from desktop_app.core.serving.prefect_patch import prefect_module

_ENGINE_MODULE = "prefect.flow_engine"
_NAME = "observe_flow_run_suspension"


def observing_beside(original: Callable[..., Any]) -> Callable[..., Any]:
    """`original` (a context manager factory), entered on a helper thread."""

    @contextlib.contextmanager
    def observe(*args: Any, **kwargs: Any) -> Generator[None, None, None]:
        context = contextvars.copy_context()  # what Prefect's own entry would see
        observing = original(*args, **kwargs)
        entered = threading.Event()
        failed: list[BaseException] = []

        def enter() -> None:
            try:
                context.run(observing.__enter__)
            except BaseException as exc:  # Prefect logs its own; we only must not exit it
                failed.append(exc)
            finally:
                entered.set()

        threading.Thread(target=enter, name="suspension-observer-start", daemon=True).start()
        try:
            yield
        finally:
            entered.wait()
            if not failed:
                observing.__exit__(None, None, None)  # Prefect's only stops and joins

    observe._flowdesk_beside = True  # type: ignore[attr-defined]
    return observe


def observe_suspension_beside_start() -> bool:
    """Install `observing_beside` in Prefect's flow engine; True if done."""
    engine = prefect_module(_ENGINE_MODULE)
    if engine is None:
        return False
    original = getattr(engine, _NAME, None)
    if original is None:
        return False  # a Prefect without it: nothing to wait for
    if not getattr(original, "_flowdesk_beside", False):
        setattr(engine, _NAME, observing_beside(original))
    return True
