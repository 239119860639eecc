"""Which system libraries the Linux bundle leaves to the system.

PyInstaller copies every shared library a binary links to, system ones too.
Most are harmless, but a few must match the rest of the desktop they run
on, and a bundled copy then breaks things at run time:

* libstdc++ / libgcc_s: the system's GL driver (loaded by Qt from the system)
  needs the system's newer libstdc++ ("GLIBCXX_3.4.xx not found");
* fontconfig / freetype: an older bundled fontconfig cannot parse a newer
  system's /etc/fonts and the app shows no or wrong fonts;
* GLib / GIO / D-Bus: the system's GIO modules and the session bus are built
  against the system's GLib ("undefined symbol" crashes);
* Qt's GTK 3 platform theme drags in a whole GTK stack built for *this*
  machine; without it Qt uses its own (or the portal's) dialogs.

Those are dropped here -- PySide6's wheels expect them from the system too,
so the bundle asks the same of the system as `pip install PySide6` -- and
the .deb depends on their packages. Libraries that only the dropped ones
needed are pruned with them: a bundled libsystemd loaded by the system's
libdbus would be the same mix of versions.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable, Iterable
from pathlib import Path, PurePosixPath

LEFT_TO_SYSTEM = re.compile(
    r"^(libstdc\+\+|libgcc_s|libfontconfig|libfreetype|libglib-2\.0|libgio-2\.0|"
    r"libgobject-2\.0|libgmodule-2\.0|libgthread-2\.0|libdbus-1)\.so"
)
ALWAYS_KEPT = re.compile(r"^libpython")
"""Loaded by the bootloader with dlopen, so no binary lists it as needed."""
DROPPED_PLUGINS = ("platformthemes/libqgtk3.so",)
SYSTEM_PREFIXES = ("/lib/", "/lib64/", "/usr/lib/", "/usr/lib64/", "/usr/local/lib/")

Entry = tuple[str, str, str]
"""A TOC entry of `Analysis.binaries`: (destination name, source path, type code)."""


def needed(path: str) -> list[str]:
    """DT_NEEDED names of an ELF file (objdump comes with binutils, which PyInstaller needs)."""
    result = subprocess.run(["objdump", "-p", path], capture_output=True, text=True, check=False)
    return [
        line.split()[1] for line in result.stdout.splitlines() if line.strip().startswith("NEEDED")
    ]


def is_system_library(entry: Entry) -> bool:
    """Copied from the OS because something linked to it (not from a wheel or Python).

    PyInstaller puts such libraries at the top of the bundle as BINARY; Python's
    own extension modules (EXTENSION, in `python3.x/lib-dynload/`) may also come
    from /usr/lib with a system Python, and are never candidates.
    """
    dest, src, typecode = entry
    name = dest.replace("\\", "/")
    return (
        typecode == "BINARY"
        and "/" not in name
        and src.startswith(SYSTEM_PREFIXES)
        and not ALWAYS_KEPT.match(name)
    )


def prune(binaries: Iterable[Entry], needed_of: Callable[[str], list[str]] = needed) -> list[Entry]:
    """The entries to ship: drop what is left to the system and what only it needed."""
    entries = [
        e for e in binaries if not any(e[0].replace("\\", "/").endswith(p) for p in DROPPED_PLUGINS)
    ]
    by_name = {PurePosixPath(e[0]).name: e for e in entries if is_system_library(e)}
    kept_system: set[str] = set()
    queue = [e for e in entries if not is_system_library(e)]
    while queue:
        entry = queue.pop()
        for name in needed_of(entry[1]):
            if name in kept_system or name not in by_name or LEFT_TO_SYSTEM.match(name):
                continue
            kept_system.add(name)
            queue.append(by_name[name])
    return [
        e for e in entries if not is_system_library(e) or PurePosixPath(e[0]).name in kept_system
    ]


def dropped(before: Iterable[Entry], after: Iterable[Entry]) -> list[str]:
    kept = {e[0] for e in after}
    return sorted(PurePosixPath(e[0]).name for e in before if e[0] not in kept)


def external_libraries(bundle: Path) -> dict[str, list[str]]:
    """Libraries the bundle's ELF files link to but do not carry: name → who needs it.

    This is what the system must provide (the .deb's Depends). A name counts as
    carried when a file of that name is anywhere in the bundle (PyInstaller's
    search path plus the Qt libraries' own $ORIGIN run paths).
    """
    files = [p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink()]
    carried = {p.name for p in bundle.rglob("*")}
    users: dict[str, list[str]] = {}
    for path in files:
        with open(path, "rb") as handle:
            if handle.read(4) != b"\x7fELF":
                continue
        for name in needed(str(path)):
            if name not in carried:
                users.setdefault(name, []).append(str(path.relative_to(bundle)))
    return users
