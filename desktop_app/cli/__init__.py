"""The `flowdesk` command line: same engine as the window, no Qt.

Each subcommand is a small function returning the exit code; errors print one
clear line to stderr and exit non-zero (1 for a refused action, 2 for usage).
"""

from __future__ import annotations

import argparse
import os
import sys

from desktop_app.cli.output import error
from desktop_app.i18n import _


def build_parser() -> argparse.ArgumentParser:
    # The command modules are imported here, not at the top: opening the window
    # (no command) never builds the parser, and the designer's code generator,
    # asyncio and the rest are not worth importing before its first paint.
    from desktop_app import __version__
    from desktop_app.cli import (
        design_commands,
        limit_commands,
        run_commands,
        schedule_commands,
        server_commands,
        variable_commands,
    )

    parser = argparse.ArgumentParser(
        prog="flowdesk",
        description=_(
            "Prefect on your desk. Without a command, opens the window "
            "(--open-run RUN_ID: show that run; --minimised: start in the tray)."
        ),
    )
    parser.add_argument("--version", action="version", version=f"flowdesk {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    server_commands.register(sub)
    run_commands.register(sub)
    schedule_commands.register(sub)
    design_commands.register(sub)
    variable_commands.register(sub)
    limit_commands.register(sub)
    gui = sub.add_parser(
        "gui", help=_("open the window (the default); takes --open-run RUN_ID and --minimised")
    )
    gui.add_argument("args", nargs=argparse.REMAINDER)
    gui.set_defaults(func=_gui)
    selftest = sub.add_parser(
        "self-test", help=_("start a private server, run and pause flows, check, clean up")
    )
    selftest.add_argument("--keep-home", action="store_true", help=argparse.SUPPRESS)
    selftest.set_defaults(func=_self_test)
    return parser


def _gui(args: argparse.Namespace) -> int:
    try:
        from desktop_app.gui import launch
    except ImportError as exc:
        error(_("the window is not available in this build ({error})").format(error=exc))
        return 1
    return launch(getattr(args, "args", []) or [])


def _self_test(args: argparse.Namespace) -> int:
    from desktop_app.cli.selftest import run_self_test

    return run_self_test(keep_home=args.keep_home)


def main(argv: list[str] | None = None) -> int:
    """Run one command; a closed pipe or a full disk ends it with words, not a traceback.

    `flowdesk list | head -1`: once `head` has its line it closes the pipe and our
    next write raises BrokenPipeError (SIGPIPE is ignored by Python). That is
    the reader's choice, not an error: point stdout at devnull (so the flush at
    exit cannot raise again) and leave quietly, as the Python docs recommend.
    """
    from desktop_app.core.config.atomic import DiskFullError
    from desktop_app.core.config.paths import secure_folders

    try:
        secure_folders()
        code = _dispatch(argv)
        sys.stdout.flush()
        return code
    except BrokenPipeError:
        _silence_stdout()
        return 1
    except DiskFullError as exc:
        error(str(exc))
        return 1


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # no real stdout (pytest's capture)
        pass


def _dispatch(argv: list[str] | None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv == ["--self-test"]:
        argv = ["self-test"]
    if not argv or (argv[0].startswith("-") and argv[0] not in ("-h", "--help", "--version")):
        return _gui(argparse.Namespace(args=argv))
    if argv[0] == "gui" and argv[1:2] not in (["-h"], ["--help"]):
        # argparse's REMAINDER drops options that come first ("gui --open-run X").
        return _gui(argparse.Namespace(args=argv[1:]))
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    from desktop_app.core.config import damaged

    stop_notices = damaged.listen(error)  # a damaged file kept aside: one line on stderr
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        return 130
    finally:
        stop_notices()
