"""A connected window waits out a few missed health checks before it lets its server go.

One slow /health answer (a busy server on a loaded machine) used to drop the client and
restart a 10,000-run load from its first page.
"""

from __future__ import annotations

from desktop_app.core.api.connection import Connection
from desktop_app.ui.context import MISSES_BEFORE_LOST, AppContext


def _context(qapp) -> AppContext:
    return AppContext(connection=Connection("http://127.0.0.1:9/api", kind="remote"))


def test_a_connected_window_lets_go_only_after_misses_in_a_row(qapp) -> None:
    context = _context(qapp)
    context.client = object()  # connected (the check never touches the client)
    verdicts = [context._tolerate_miss(True) for _ in range(MISSES_BEFORE_LOST)]
    assert verdicts == [False] * (MISSES_BEFORE_LOST - 1) + [True]


def test_an_answer_in_between_starts_the_count_again(qapp) -> None:
    context = _context(qapp)
    context.client = object()
    for _ in range(MISSES_BEFORE_LOST - 1):
        assert not context._tolerate_miss(True)
    assert context._tolerate_miss(False)  # answered: nothing to wait out
    assert not context._tolerate_miss(True)  # a new run of misses starts from one


def test_without_a_client_every_miss_is_reported_at_once(qapp) -> None:
    context = _context(qapp)
    assert context.client is None
    assert all(context._tolerate_miss(True) for _ in range(MISSES_BEFORE_LOST))
