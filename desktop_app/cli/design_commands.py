"""`flowdesk design validate|compile`: the designer from the command line.

Registered into the main CLI's argparse tree by `register(subparsers)`; every
handler takes the parsed args and returns the exit code. Problems go to
stdout as `FILE:node-title:line:col: severity: message` (one per line, easy
to grep); failures to read or write go to stderr as one line each.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from desktop_app.cli.output import printable
from desktop_app.core.config.atomic import atomic_write_text
from desktop_app.designer.codegen import generate
from desktop_app.designer.fileformat import DesignFileError, load
from desktop_app.designer.graph import Design
from desktop_app.designer.problems import Problem
from desktop_app.designer.validation import validate
from desktop_app.i18n import _


def register(subparsers: Any) -> argparse.ArgumentParser:
    """Add the `design` command (with `validate` and `compile`) to a subparsers object."""
    design = subparsers.add_parser(
        "design", help=_("check and compile flow designs (*.flowdesk.json)"),
        description=_("Check flow designs and turn them into Prefect flow modules."))
    commands = design.add_subparsers(dest="design_command", metavar="COMMAND")
    design.set_defaults(func=lambda args: _usage(design))

    check = commands.add_parser(
        "validate", help=_("report problems in design files"),
        description=_("Print each problem as FILE:node-title:line:col: severity: message. "
                      "Exit status 1 if any file has an error, else 0 (warnings allowed)."))
    check.add_argument("files", nargs="+", metavar="FILE", type=Path)
    # SUPPRESS: do not overwrite a global --json the main parser may already have set.
    check.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                       help=_("print the problems as a JSON list instead"))
    check.set_defaults(func=validate_command)

    build = commands.add_parser(
        "compile", help=_("write the Prefect flow module of a design"),
        description=_("Generate the flow module of FILE (to stdout, or to OUT with -o). "
                      "Refuses a design with errors (exit status 1)."))
    build.add_argument("file", metavar="FILE", type=Path)
    build.add_argument("-o", "--output", metavar="OUT", type=Path,
                       help=_("file to write (atomically); default: standard output"))
    build.set_defaults(func=compile_command)
    return design


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_usage(sys.stderr)
    print(_("flowdesk design: choose a command: validate or compile"), file=sys.stderr)
    return 2


def format_problem(file: Path | str, design: Design, problem: Problem) -> str:
    """`FILE:node-title:line:col: severity: message` (0 where there is no line)."""
    node = design.nodes.get(problem.node_id) if problem.node_id else None
    where = node.title if node is not None else design.name
    field = f" [{problem.field}]" if problem.field else ""
    return printable(f"{file}:{where}:{problem.line or 0}:{problem.column or 0}: "
                     f"{problem.severity.value}: {problem.message}{field}")


def validate_command(args: argparse.Namespace, out: TextIO | None = None,
                     err: TextIO | None = None) -> int:
    out, err = out or sys.stdout, err or sys.stderr
    as_json = getattr(args, "json", False)
    failed = False
    report: list[dict[str, Any]] = []
    for path in args.files:
        try:
            design = load(path)
        except DesignFileError as exc:
            print(printable(f"flowdesk design: {exc}"), file=err)
            failed = True
            report.append({"file": str(path), "error": str(exc), "problems": []})
            continue
        problems = validate(design)
        failed = failed or any(p.is_error for p in problems)
        if as_json:
            report.append({"file": str(path), "error": None,
                           "problems": [p.to_dict() for p in problems]})
        else:
            for problem in problems:
                print(format_problem(path, design, problem), file=out)
    if as_json:
        print(json.dumps(report, indent=2), file=out)
    return 1 if failed else 0


def compile_command(args: argparse.Namespace, out: TextIO | None = None,
                    err: TextIO | None = None) -> int:
    out, err = out or sys.stdout, err or sys.stderr
    try:
        design = load(args.file)
    except DesignFileError as exc:
        print(printable(f"flowdesk design: {exc}"), file=err)
        return 1
    problems = validate(design)
    for problem in problems:
        print(format_problem(args.file, design, problem), file=err)
    errors = [p for p in problems if p.is_error]
    if errors:
        print(printable(_("flowdesk design: {file} has {count} error(s); nothing was written.")
                        .format(file=args.file, count=len(errors))), file=err)
        return 1
    source = generate(design)
    if args.output is None or str(args.output) == "-":
        out.write(source)
        return 0
    try:
        atomic_write_text(args.output, source)
    except OSError as exc:
        print(printable(_("flowdesk design: cannot write {file}: {error}").format(
            file=args.output, error=exc.strerror or exc)), file=err)
        return 1
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Stand-alone entry (`python -m desktop_app.cli.design_commands design validate ...`)."""
    parser = argparse.ArgumentParser(prog="flowdesk")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
