"""A three-step pipeline: prepare → process → validate.

Bad input fails with a message saying what is wrong, and the flaky-looking
step retries. Run it from the app, or `flowdesk run basic-workflow`.
"""

from __future__ import annotations

from prefect import flow, get_run_logger, task


@task(retries=2, retry_delay_seconds=0.2)
def prepare(count: int) -> list[dict]:
    if count < 0:
        raise ValueError(f"count must be 0 or more, got {count}: give a non-negative number.")
    return [{"id": i, "value": i * 10} for i in range(count)]


@task
def process(records: list[dict], factor: int) -> list[dict]:
    return [{**record, "value": record["value"] * factor} for record in records]


@task
def validate(records: list[dict]) -> dict:
    bad = [r["id"] for r in records if r["value"] < 0]
    if bad:
        raise ValueError(f"records {bad} have negative values: check the factor parameter.")
    return {"records": len(records), "total": sum(r["value"] for r in records)}


@flow(name="basic-workflow", log_prints=True)
def basic_workflow(count: int = 5, factor: int = 2) -> dict:
    """Prepare `count` records, multiply their values by `factor`, validate."""
    logger = get_run_logger()
    records = prepare(count)
    logger.info("prepared %d records", len(records))
    processed = process(records, factor)
    summary = validate(processed)
    logger.info("summary: %s", summary)
    return summary


if __name__ == "__main__":
    print(basic_workflow())
