"""Wall-clock figures taken inside tests, handed to the benchmark harness instead of asserted.

On a shared, busy machine a test that asserts "< 0.1 s" fails for reasons that are not
ours, so the tests assert behaviour only and call `record()` with what they measured. When
the harness runs them (`python -m tests.benchmarks suite`) it sets `FLOWDESK_TIMINGS` to a
file, collects every figure and puts it in its table next to the budget the test used to
assert. Outside the harness `record()` does nothing.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

ENV = "FLOWDESK_TIMINGS"


def record(name: str, seconds: float, budget: float) -> float:
    """Note one figure (seconds) and the budget it should meet; returns `seconds`."""
    target = os.environ.get(ENV)
    if target:
        entry = {
            "name": name,
            "seconds": float(seconds),
            "budget": float(budget),
            "test": os.environ.get("PYTEST_CURRENT_TEST", "").split(" ")[0],
        }
        with Path(target).open("a", encoding="utf-8") as out:
            out.write(json.dumps(entry) + "\n")
    return seconds
