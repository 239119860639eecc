"""The runner's word on the flow files, for `server status` and `deployments`.

Only the managed local server has a runner of ours; for a remote server the
report is empty rather than describing some other machine's folders.
"""

from __future__ import annotations

from typing import Any, TextIO

from desktop_app.core.serving.flow_ownership import FlowReport, read_flow_report
from desktop_app.i18n import _


def flow_report_for(connection: Any) -> FlowReport:
    if connection is not None and not getattr(connection, "managed", True):
        return FlowReport()
    return read_flow_report()


def problem_lines(report: FlowReport) -> list[str]:
    """One line per problem or notice, translated, naming the files involved."""
    lines = [
        _("cannot serve {path}: {problem}").format(path=path, problem=problem)
        for path, problem in report.load_errors.items()
    ]
    lines += [
        _(
            "{deployment}: {path} is not served for it, {owner} already serves that flow "
            "name; rename one of the flows"
        ).format(deployment=c.deployment, path=c.path, owner=c.owner)
        for c in report.clashes
    ]
    lines += [
        _("{deployment}: your {path} is served instead of the example {example}").format(
            deployment=s.deployment, path=s.path, example=s.example
        )
        for s in report.shadowed
    ]
    return lines


def print_flow_problems(report: FlowReport, stream: TextIO, indent: str = "") -> None:
    for line in problem_lines(report):
        print(f"{indent}{line}", file=stream)
