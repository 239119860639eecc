"""Build-time check of a one-folder bundle: fail the build, not the user's first start.

PyInstaller cannot see files that are loaded by name or listed from disk at
run time. A bundle without Prefect's migrations fails only when a user first
starts it on a fresh database; one without the web UI silently serves
nothing. The spec calls `verify_bundle` after COLLECT and aborts the build
with the list of what is missing.

Each requirement is a glob below the bundle's library folder (`_internal`,
PyInstaller's `sys._MEIPASS`) with the number of files it must match: for
files copied from an installed package, the count in that package (every
migration, not "some"), so a partially collected folder fails too.

Usage: python packaging/bundle_check.py DIST_FOLDER
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

LIBRARY_FOLDER = "_internal"
"""PyInstaller >= 6 puts everything but the executables here (`sys._MEIPASS`)."""


@dataclass(frozen=True)
class Requirement:
    what: str
    pattern: str
    """A glob relative to the library folder."""
    minimum: int = 1


class BundleIncomplete(SystemExit):
    """Raised from the spec: PyInstaller exits non-zero with this text."""


def _package_dir(name: str) -> Path | None:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def _count_in_package(package: str, pattern: str) -> int:
    root = _package_dir(package)
    return sum(1 for p in root.glob(pattern) if p.is_file()) if root else 0


def installed_requirements() -> list[Requirement]:
    """What the bundle must hold, counted in the packages installed for the build."""
    migrations = "server/database/_migrations/versions/**/*.py"
    return [
        Requirement(
            "Prefect's database migrations (alembic .py files)",
            f"prefect/{migrations}",
            max(1, _count_in_package("prefect", migrations)),
        ),
        Requirement("Prefect's alembic env", "prefect/server/database/_migrations/env.py"),
        Requirement("Prefect's alembic.ini", "prefect/server/database/alembic.ini"),
        Requirement("Prefect's web UI", "prefect/server/ui/index.html"),
        Requirement(
            "Prefect's web UI assets",
            "prefect/server/ui/assets/*",
            max(1, _count_in_package("prefect", "server/ui/assets/*")),
        ),
        Requirement(
            "Qt's Chinese translation (standard buttons)", "PySide6/**/translations/qtbase_zh_CN.qm"
        ),
        Requirement(
            "docket's Lua scripts",
            "docket/lua/*.lua",
            max(1, _count_in_package("docket", "lua/*.lua")),
        ),
        Requirement("coolname's word lists", "coolname/data/*.txt"),
        Requirement("whenever's Python 3.12 typing module (as source)", "whenever/_typing_312.py"),
        Requirement("apprise's notification plugins", "apprise/plugins/*.py", 10),
        Requirement("the seed flows", "flows/basic_workflow.py"),
        Requirement("the seed flows", "flows/pause_resume_workflow.py"),
        Requirement("the app icon", "resources/icons/flowdesk.svg"),
        Requirement("the Linux desktop entry", "resources/flowdesk.desktop"),
        Requirement("the Chinese catalogue", "resources/translations/flowdesk_zh_CN.ts"),
        Requirement("Flowdesk's package metadata (its version)", "flowdesk-*.dist-info/METADATA"),
        *python_runtime(sys.platform, sys.version_info),
    ]


def python_runtime(platform: str, version: tuple[int, ...]) -> list[Requirement]:
    """The interpreter library the executables load before anything else.

    Two PyInstaller runs sharing one output folder once left a Windows bundle
    without python311.dll: every other check passed, and the installed app only
    said "Failed to load Python DLL". Windows only for now: the Linux and macOS
    layouts have not been checked against this rule.
    """
    if platform == "win32":
        name = f"python{version[0]}{version[1]}.dll"
        return [Requirement(f"the Python runtime ({name})", name)]
    return []


def missing(library: Path, requirements: Iterable[Requirement]) -> list[str]:
    """One sentence per requirement the library folder does not meet."""
    problems = []
    for req in requirements:
        found = sum(1 for p in library.glob(req.pattern) if p.is_file())
        if found < req.minimum:
            problems.append(
                f"{req.what}: {found} file(s) match {req.pattern}, expected {req.minimum}"
            )
    return problems


def verify_bundle(
    dist_folder: Path,
    executables: Iterable[str] = (),
    requirements: Iterable[Requirement] | None = None,
) -> None:
    """Raise BundleIncomplete listing every problem; return quietly if there is none."""
    library = dist_folder / LIBRARY_FOLDER
    if not library.is_dir():
        raise BundleIncomplete(f"bundle check: {library} does not exist: not a one-folder build?")
    problems = missing(library, installed_requirements() if requirements is None else requirements)
    problems += [
        f"the executable {name} is missing"
        for name in executables
        if not (dist_folder / name).is_file()
    ]
    if problems:
        listing = "\n  - ".join(problems)
        raise BundleIncomplete(
            f"bundle check FAILED for {dist_folder}: the app would break at run time.\n"
            f"  - {listing}\n"
            "Collect these in packaging/flowdesk.spec."
        )


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    try:
        verify_bundle(Path(argv[0]))
    except BundleIncomplete as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"bundle check passed: {argv[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
