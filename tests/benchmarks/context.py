"""One harness run's sandbox: a private temp folder every child writes into, and a sweep.

Every child gets `TMPDIR` (and `FLOWDESK_HOME`, `PREFECT_HOME`) inside one folder made for
this run, so whatever a child leaves in "the temp folder" is inside it, and removing it
at the end leaves nothing behind. Any process still alive at the end whose environment
points into that folder was started by this run (the folder's name is unique): it is
stopped and reported as a leak, so a failing benchmark cannot leave a server running.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import psutil

_FOREIGN = ("PREFECT_API_URL", "PREFECT_API_KEY", "PREFECT_API_AUTH_STRING", "PREFECT_PROFILE",
            # A sandbox that forbids bytecode caches made every launch compile the app's own
            # ~40k lines again (~0.3 s before the first paint); an installed app and the
            # frozen bundle always run from bytecode, so the children measure that.
            "PYTHONDONTWRITEBYTECODE")


@dataclass
class Context:
    quick: bool
    root: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="flowdesk-bench-")))

    def reps(self, full: int, quick: int) -> int:
        return quick if self.quick else full

    def folder(self, name: str) -> Path:
        path = self.root / name
        path.mkdir(parents=True, exist_ok=True)
        return path

    def env(self, home: Path | None = None, **extra: str) -> dict[str, str]:
        """A child's environment: its temp, Flowdesk and Prefect homes inside the sandbox."""
        env = {k: v for k, v in os.environ.items() if k not in _FOREIGN}
        tmp = self.folder("tmp")
        home = home or self.folder("home")
        env.update(
            TMPDIR=str(tmp),
            FLOWDESK_HOME=str(home),
            PREFECT_HOME=str(home / "prefect-client"),
            QT_QPA_PLATFORM=env.get("QT_QPA_PLATFORM", "offscreen"),
            PYTHONPATH=os.pathsep.join(filter(None, [str(_REPO), env.get("PYTHONPATH")])),
        )
        env.update(extra)
        return env

    def sweep(self) -> list[str]:
        """Stop every process still pointing into the sandbox; remove it. Returns the leaks."""
        leaks = []
        me = os.getpid()
        marker = str(self.root)
        for proc in psutil.process_iter(["pid", "cmdline"]):
            if proc.pid == me:
                continue
            try:
                environ = proc.environ()
            except (psutil.Error, OSError):
                continue
            if any(marker in value for value in environ.values()):
                leaks.append(" ".join(proc.info["cmdline"] or [])[:160])
                try:
                    for child in proc.children(recursive=True):
                        child.kill()
                    proc.kill()
                except psutil.Error:
                    pass
        if leaks:
            print(f"harness: stopped {len(leaks)} leftover process(es):", *leaks, sep="\n  ",
                  file=sys.stderr)
        shutil.rmtree(self.root, ignore_errors=True)
        return leaks


_REPO = Path(__file__).resolve().parents[2]
