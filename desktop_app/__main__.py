"""Entry point: `flowdesk` / `python -m desktop_app` / the frozen executable.

No arguments opens the window; any subcommand is the CLI. The frozen app
re-invokes itself for the server, the runner and flow-run processes, so this
module also answers Prefect's `-m prefect.engine` launches.
"""

from __future__ import annotations

import sys


def _run_module_if_asked(argv: list[str]) -> bool:
    """Frozen builds: Prefect starts flow runs as `<exe> -m prefect.engine`."""
    if len(argv) >= 2 and argv[0] == "-m":
        import runpy

        module = argv[1]
        sys.argv = [module, *argv[2:]]
        runpy.run_module(module, run_name="__main__", alter_sys=True)
        return True
    return False


def _never_fail_to_print() -> None:
    """A character the output's encoding lacks is escaped, never a crash.

    On Windows a pipe or a file gets the ANSI code page (cp1252 on an English
    system), so `flowdesk-cli self-test > log` died with UnicodeEncodeError on
    the first path under `C:\\Users\\张三` (found by the Wine lane). The console
    itself is Unicode; only redirected output is affected.
    """
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)  # None: windowed exe, no stream
        if reconfigure is not None:
            try:
                reconfigure(errors="backslashreplace")
            except (ValueError, OSError):  # a closed or unusual stream: leave it
                pass


def main(argv: list[str] | None = None) -> int:
    import multiprocessing

    _never_fail_to_print()
    multiprocessing.freeze_support()
    args = sys.argv[1:] if argv is None else argv
    if _run_module_if_asked(args):
        return 0
    from desktop_app.cli import main as cli_main

    return cli_main(args)


def gui_main() -> int:
    return main([])


if __name__ == "__main__":
    sys.exit(main())
