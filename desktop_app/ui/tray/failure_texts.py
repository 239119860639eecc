"""How a failed or crashed run reads in a notice and in the tray menu ("Tray" context).

Failed and Crashed are different news and read differently:
- *Failed*: the flow's own code raised an error -- the state message's first
  line says what ("ValueError: bad row 7"); fixing the flow or its input helps.
- *Crashed*: the process running it stopped without reporting (killed, out of
  memory, machine down) -- not the flow's code; a retry often just works.
A notice names the run (`flow · run`) in its title with the word, and the
first line of the error in its body; a run found after the app was closed
says when it ended.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timezone

from PySide6.QtCore import QCoreApplication

from desktop_app.services.failures import Failure, group
from desktop_app.ui.tray.texts import SEP, ago, names_list


def failure_label(failure: Failure) -> str:
    """`flow · run`, as pauses are named."""
    if not failure.flow_name:
        return QCoreApplication.translate("Tray", "run {id}").format(id=failure.run_id[:8])
    return f"{failure.flow_name}{SEP}{failure.run_name}"


def failure_title(failure: Failure) -> str:
    if failure.crashed:
        return QCoreApplication.translate("Tray", "Crashed: {run}").format(
            run=failure_label(failure)
        )
    return QCoreApplication.translate("Tray", "Failed: {run}").format(run=failure_label(failure))


def failure_reason(failure: Failure) -> str:
    """The error's first line, or what the state means when the run left no message."""
    if failure.message:
        return failure.message
    if failure.crashed:
        return QCoreApplication.translate(
            "Tray", "Its process stopped without finishing (killed, out of memory or shut down)."
        )
    return QCoreApplication.translate("Tray", "The flow raised an error.")


def when_ended(failure: Failure, now: datetime | None = None) -> str:
    """`at 03:00` today, `on 12-05 03:00` before: for failures found after the app was closed."""
    local = failure.ended.astimezone()
    today = (now or datetime.now(timezone.utc)).astimezone().date()
    if local.date() == today:
        return QCoreApplication.translate("Tray", "Ended at {time}.").format(
            time=local.strftime("%H:%M")
        )
    return QCoreApplication.translate("Tray", "Ended on {date} at {time}.").format(
        date=local.strftime("%m-%d"), time=local.strftime("%H:%M")
    )


def failure_body(failure: Failure, *, found_later: bool = False) -> str:
    body = failure_reason(failure)
    if found_later:
        body = f"{when_ended(failure)} {body}"
    return body


def summary_title(failures: Sequence[Failure]) -> str:
    crashed = sum(1 for f in failures if f.crashed)
    failed = len(failures) - crashed
    if not crashed:
        return QCoreApplication.translate("Tray", "{count} runs failed").format(count=failed)
    if not failed:
        return QCoreApplication.translate("Tray", "{count} runs crashed").format(count=crashed)
    return QCoreApplication.translate("Tray", "{failed} failed, {crashed} crashed").format(
        failed=failed, crashed=crashed
    )


def summary_body(failures: Sequence[Failure]) -> str:
    """The deployments they belong to, the most recent first: `etl/nightly (3), report`."""
    labels = []
    for entry in group(failures):
        count = len(entry.failures)
        labels.append(f"{entry.label} ({count})" if count > 1 else entry.label)
    return names_list(labels)


def menu_entry(failure: Failure, now: datetime | None = None) -> str:
    """`etl · brave-fox · failed 3 min ago`."""
    seconds = ((now or datetime.now(timezone.utc)) - failure.ended).total_seconds()
    if failure.crashed:
        when = (
            QCoreApplication.translate("Tray", "crashed just now")
            if seconds < 10
            else QCoreApplication.translate("Tray", "crashed {ago} ago").format(
                ago=ago(failure.ended, now)
            )
        )
    else:
        when = (
            QCoreApplication.translate("Tray", "failed just now")
            if seconds < 10
            else QCoreApplication.translate("Tray", "failed {ago} ago").format(
                ago=ago(failure.ended, now)
            )
        )
    return f"{failure_label(failure)}{SEP}{when}"
