"""`flowdesk --help` and the README's command table agree: every verb and option, both ways."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from desktop_app.cli import build_parser
from desktop_app.ui.single_instance import add_request_arguments

README = Path(__file__).resolve().parents[2] / "README.md"
Option = frozenset[str]  # the spellings of one option ("-p", "--param")


def readme_table() -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index("| command | what it does |")
    return text[start : text.index("\n\n", start)]


def visible_commands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    """name → parser of the subcommands `--help` lists (internal ones have no help)."""
    found: dict[str, argparse.ArgumentParser] = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            listed = {choice.dest for choice in action._choices_actions}
            for name in listed:
                found[name] = action.choices[name]
    return found


def options(parser: argparse.ArgumentParser) -> set[Option]:
    return {
        frozenset(action.option_strings)
        for action in parser._actions
        if action.help != argparse.SUPPRESS
        and action.option_strings
        and "--help" not in action.option_strings
    }


def help_surface() -> tuple[set[str], set[Option]]:
    """(verbs, options) that `flowdesk … --help` shows."""
    top = build_parser()
    verbs: set[str] = set()
    opts = options(top)
    for name, sub in visible_commands(top).items():
        verbs.add(name)
        opts |= options(sub)
        for verb, inner in visible_commands(sub).items():
            verbs.add(verb)
            opts |= options(inner)
    gui = argparse.ArgumentParser(add_help=False)
    add_request_arguments(gui)  # `flowdesk gui --help` hands these on
    opts |= options(gui)
    return verbs, opts


def test_every_command_and_option_of_the_help_is_in_the_readme_table():
    table = readme_table()
    words = set(re.findall(r"[a-z][a-z-]*", " ".join(re.findall(r"`([^`]*)`", table))))
    verbs, opts = help_surface()
    assert verbs - words == set(), "verbs the README table does not show"
    table_options = set(re.findall(r"(?<![\w-])(--?[a-z][a-z-]*)", table))
    missing = {min(option) for option in opts if not option & table_options}
    assert missing == set(), "options the README table does not show"


def test_every_option_in_the_readme_table_exists():
    _verbs, opts = help_surface()
    table_options = set(re.findall(r"(?<![\w-])(--?[a-z][a-z-]*)", readme_table()))
    known = set().union(*opts) | {"--help"}
    assert table_options - known == set(), "README options the CLI does not have"


def test_internal_verbs_stay_out_of_the_help(capsys):
    parser = build_parser()
    for argv in (["--help"], ["server", "--help"]):
        try:
            parser.parse_args(argv)
        except SystemExit:
            pass
    printed = capsys.readouterr().out
    assert "==SUPPRESS==" not in printed
    assert "supervise" not in printed
