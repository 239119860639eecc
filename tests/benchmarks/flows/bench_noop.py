"""Benchmark flow for run start: does nothing, so "Run" → Running is all that is timed."""

from __future__ import annotations

from prefect import flow


@flow(name="bench-noop")
def bench_noop() -> int:
    return 1


if __name__ == "__main__":
    # The anchor: Prefect's own runner with its defaults, as `python flow.py` serves it.
    bench_noop.serve(name="anchor")
