"""A tiny observer signal for the designer model.

The model must be observable by a Qt scene written later, yet may not import
Qt (import-linter contract). Qt's signals are therefore out, and a few lines of
our own beat a dependency: callbacks are called synchronously, in connection
order, on the thread that changed the model (the GUI thread, in the app).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Callback = Callable[..., Any]


class Signal:
    """A named list of callbacks that `emit` calls in order.

    Callbacks are held strongly: a scene lives exactly as long as the design
    it shows, and weak references to bound methods die surprisingly early.
    Call `disconnect` when an observer goes away before the design does.
    """

    __slots__ = ("_callbacks", "name")

    def __init__(self, name: str = "") -> None:
        self.name = name
        self._callbacks: list[Callback] = []

    def connect(self, callback: Callback) -> Callback:
        """Call `callback(*args)` on every `emit`; returns it, so this works as a decorator."""
        if callback not in self._callbacks:
            self._callbacks.append(callback)
        return callback

    def disconnect(self, callback: Callback) -> None:
        """Stop calling `callback`; disconnecting twice is harmless."""
        try:
            self._callbacks.remove(callback)
        except ValueError:
            pass

    def emit(self, *args: Any) -> None:
        """Call every connected callback with `args`.

        Iterates over a copy, so a callback may connect or disconnect others.
        An exception from a callback propagates: the model has already changed
        by then, and hiding an observer's bug would leave the view out of sync.
        """
        for callback in tuple(self._callbacks):
            callback(*args)

    def __len__(self) -> int:
        return len(self._callbacks)

    def __repr__(self) -> str:
        return f"<Signal {self.name or '?'} ({len(self._callbacks)} callbacks)>"
