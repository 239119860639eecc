"""Which flow file owns which deployment: one owner per name, clashes refused.

Every flow the runner serves becomes the deployment `<flow name>/local`, so
two files defining the same flow name would silently overwrite each other on
the server, and deleting one would delete the other's deployment. Instead each
deployment name has exactly one owning file, recorded in the runner's status
file so that a restarted runner still knows what it registered:

- between two of the user's files (or two examples) the first owner keeps the
  name; the newcomer is refused with a message naming both files;
- a user's file *shadows* a bundled example of the same flow name, and the
  status says so. The user's own file is the more specific one (like a user
  setting over a default), and an app update that adds an example must never
  knock out a flow the user already relies on. Deleting the user's file gives
  the name back to the example.

Pure logic, no Prefect and no I/O: the runner applies the result, the CLI and
the window read the report back from the status file.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

EXAMPLE_TAG = "flowdesk-example"
"""Tag of deployments served from the bundled, read-only examples."""


@dataclass(frozen=True)
class Clash:
    """`path` also defines `deployment`, which `owner` serves: `path`'s flow is not served."""

    deployment: str
    path: str
    owner: str


@dataclass(frozen=True)
class Shadow:
    """The user's `path` serves `deployment` instead of the bundled `example`."""

    deployment: str
    example: str
    path: str


@dataclass
class Resolution:
    owners: dict[str, Path] = field(default_factory=dict)
    clashes: list[Clash] = field(default_factory=list)
    shadowed: list[Shadow] = field(default_factory=list)


def resolve(
    claims: Mapping[Path, Iterable[str]],
    examples: set[Path],
    previous: Mapping[str, Path],
) -> Resolution:
    """Give each claimed deployment name one owning file.

    `claims`: the names each file defines; `examples`: which files are bundled
    examples; `previous`: the owners before this scan (the first owner keeps a
    name while it still defines it).
    """
    by_name: dict[str, list[Path]] = {}
    for path, names in claims.items():
        for name in dict.fromkeys(names):
            by_name.setdefault(name, []).append(path)
    result = Resolution()
    for name in sorted(by_name):
        candidates = sorted(by_name[name], key=str)
        mine = [p for p in candidates if p not in examples]
        pool = mine or candidates
        before = previous.get(name)
        owner = before if before in pool else pool[0]
        result.owners[name] = owner
        for path in pool:
            if path != owner:
                result.clashes.append(Clash(name, str(path), str(owner)))
        if mine:
            for path in candidates:
                if path in examples:
                    result.shadowed.append(Shadow(name, str(path), str(owner)))
    return result


def entrypoint_file(entrypoint: str | None) -> str:
    """`/a/b.py:fn` → `/a/b.py` (a Windows drive's colon stays in the path)."""
    return (entrypoint or "").rpartition(":")[0]


def clash_message(clash: Clash) -> str:
    """English words for the runner's log and status file; the CLI and window translate."""
    return (
        f"{clash.deployment} is already served from {clash.owner}; this file defines the same "
        f"flow name and is not served for it. Rename one of the flows (@flow(name=...))."
    )


# -- reading the runner's report back (CLI and window) ---------------------------------
@dataclass(frozen=True)
class FlowReport:
    """What the runner said about the flow files: problems first, then who serves what."""

    load_errors: dict[str, str] = field(default_factory=dict)
    clashes: tuple[Clash, ...] = ()
    shadowed: tuple[Shadow, ...] = ()
    owners: dict[str, str] = field(default_factory=dict)
    """deployment name → file serving it."""
    user_folder: str = ""
    example_folder: str = ""

    @property
    def has_problems(self) -> bool:
        return bool(self.load_errors or self.clashes)

    def to_dict(self) -> dict[str, Any]:
        return {
            "load_errors": [{"file": f, "error": e} for f, e in self.load_errors.items()],
            "clashes": [vars(c) for c in self.clashes],
            "shadowed": [vars(s) for s in self.shadowed],
            "user_folder": self.user_folder,
            "example_folder": self.example_folder,
        }


def report_from_status(status: Mapping[str, Any]) -> FlowReport:
    """Parse the runner status defensively: a damaged or older file gives an empty report."""

    def items(key: str) -> list[Mapping[str, Any]]:
        value = status.get(key)
        return [v for v in value if isinstance(v, Mapping)] if isinstance(value, list) else []

    load_errors = status.get("load_errors")
    if not isinstance(load_errors, Mapping):  # an older runner: every error was a load error
        load_errors = status.get("errors") if isinstance(status.get("errors"), Mapping) else {}
    owners: dict[str, str] = {}
    deployments = status.get("deployments")
    if isinstance(deployments, Mapping):
        for path, names in deployments.items():
            for name in names if isinstance(names, list) else []:
                owners[str(name)] = str(path)
    try:
        clashes = tuple(
            Clash(str(c["deployment"]), str(c["path"]), str(c["owner"])) for c in items("clashes")
        )
        shadowed = tuple(
            Shadow(str(s["deployment"]), str(s["example"]), str(s["path"]))
            for s in items("shadowed")
        )
    except KeyError:
        clashes, shadowed = (), ()
    return FlowReport(
        load_errors={str(k): str(v) for k, v in load_errors.items()},
        clashes=clashes,
        shadowed=shadowed,
        owners=owners,
        user_folder=str(status.get("user_folder") or ""),
        example_folder=str(status.get("example_folder") or ""),
    )


def read_flow_report() -> FlowReport:
    from desktop_app.core.serving.runner_status import read_runner_status

    return report_from_status(read_runner_status())
