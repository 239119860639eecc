"""What every room of the client facade stands on: Prefect's client and the one `_call`.

`FlowdeskClient` is assembled from parts (`RunControl`, `Variables`, `Limits`,
…), each in its own module; they reach the server only through `_call`,
which translates errors into words, so this base names the two things the
facade provides once instead of in every part. `all_pages` is the one way a
part reads a list the server hands out a page at a time.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from prefect.client.orchestration import PrefectClient

T = TypeVar("T")


class FacadePart:
    """A group of operations of `FlowdeskClient`, which provides the members below."""

    _prefect: PrefectClient

    async def _call(self, coro: Any, what: str = "") -> Any:  # provided by FlowdeskClient
        raise NotImplementedError


async def all_pages(page: Callable[[int], Awaitable[list[T]]], size: int) -> list[T]:
    """Every item, asking `page(offset)` until a page comes back shorter than `size`."""
    found: list[T] = []
    offset = 0
    while True:
        batch = await page(offset)
        found.extend(batch)
        if len(batch) < size:
            return found
        offset += size
