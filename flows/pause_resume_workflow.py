"""A long loop that pauses after item K and can be paused from outside.

It calls `checkpoint()` every item, so Pause in the app (or `flowdesk pause`)
stops it after the current item; `pause_after` makes it pause by itself.
"""

from __future__ import annotations

import time

from prefect import flow, get_run_logger, task

from desktop_app.runtime import checkpoint, pause_here


@task
def work_on(item: int, delay: float) -> int:
    time.sleep(delay)
    return item * item


@flow(name="pause-resume-workflow")
def pause_resume_workflow(items_count: int = 10, pause_after: int = 5, delay: float = 0.3) -> list:
    """Square `items_count` items; pause after `pause_after` of them (0: never)."""
    logger = get_run_logger()
    results = []
    for item in range(items_count):
        checkpoint(f"item {item}")
        results.append(work_on(item, delay))
        logger.info("item %d done -> %d", item, results[-1])
        if pause_after and item + 1 == pause_after:
            logger.info("pausing after %d items", pause_after)
            pause_here(f"Processed {pause_after} of {items_count} items. Resume to continue.")
    logger.info("all %d items done", len(results))
    return results


if __name__ == "__main__":
    print(pause_resume_workflow())
