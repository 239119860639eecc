"""A flow that stops for a person's decision: approve, a batch size, a note.

Resume it with the form in the app, or
`flowdesk resume RUN --input '{"approved": true, "batch_size": 10, "note": "ok"}'`.
"""

from __future__ import annotations

from prefect import flow, get_run_logger
from prefect.input import RunInput
from pydantic import Field

from desktop_app.runtime import pause_here


class Approval(RunInput):
    approved: bool = Field(False, title="Approve", description="Ship this batch?")
    batch_size: int = Field(10, ge=1, le=100, title="Batch size", description="1 to 100 items")
    note: str = Field("", title="Note", description="Why, for the audit trail", max_length=500)


@flow(name="approval-workflow")
def approval_workflow(dataset: str = "orders-2026-11") -> dict:
    logger = get_run_logger()
    logger.info("prepared %s; waiting for approval", dataset)
    decision = pause_here(
        f"## Approve **{dataset}**?\n\nCheck the numbers, then choose a batch size.",
        wait_for_input=Approval,
        timeout=3600,
    )
    assert decision is not None
    logger.info("decision: approved=%s batch=%s", decision.approved, decision.batch_size)
    return {
        "dataset": dataset,
        "approved": decision.approved,
        "batch_size": decision.batch_size,
        "note": decision.note,
    }


if __name__ == "__main__":
    print(approval_workflow())
