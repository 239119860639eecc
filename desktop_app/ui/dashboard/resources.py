"""What the local server costs: memory and CPU of server, runner (+ its runs), database size.

`ResourceSampler` is plain Python (psutil) and runs in a worker thread every
~2 s, so a slow /proc read never touches the GUI loop. CPU % needs two
readings of the same `psutil.Process`, so the sampler keeps them between calls.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import psutil


@dataclass(frozen=True)
class ProcessCost:
    rss: int = 0  # bytes
    cpu: float = 0.0  # percent of one core
    children: int = 0
    alive: bool = False


@dataclass(frozen=True)
class ResourceSample:
    server: ProcessCost = field(default_factory=ProcessCost)
    runner: ProcessCost = field(default_factory=ProcessCost)
    app: ProcessCost = field(default_factory=ProcessCost)
    database_bytes: int | None = None


class ResourceSampler:
    def __init__(self) -> None:
        self._processes: dict[int, psutil.Process] = {}
        self._helpers: dict[int, bool] = {}
        """Pid → is it the runner's fork server (it costs memory, but it is not a run)?"""
        self._root_cmdlines: dict[int, list[str]] = {}

    def _process(self, pid: int) -> psutil.Process | None:
        process = self._processes.get(pid)
        if process is None:
            try:
                process = psutil.Process(pid)
                process.cpu_percent(None)  # first reading primes the counter
            except (psutil.NoSuchProcess, psutil.AccessDenied):
                return None
            self._processes[pid] = process
        return process

    def _note_helpers(self, root: psutil.Process, children: list[psutil.Process]) -> None:
        """The runner's fork server is a fork of it: a direct child with its command line."""
        root_cmdline = self._root_cmdlines.get(root.pid)
        if root_cmdline is None:
            root_cmdline = self._root_cmdlines[root.pid] = root.cmdline()
        for child in children:
            if child.pid in self._helpers:
                continue
            try:
                helper = child.ppid() == root.pid and child.cmdline() == root_cmdline
            except (psutil.NoSuchProcess, psutil.AccessDenied):
                continue
            self._helpers[child.pid] = helper

    def _cost(self, pid: int | None, with_children: bool = False) -> ProcessCost:
        if not pid:
            return ProcessCost()
        root = self._process(pid)
        if root is None:
            return ProcessCost()
        members = [root]
        if with_children:
            try:
                members += [p for c in root.children(recursive=True) if (p := self._process(c.pid))]
                self._note_helpers(root, members[1:])
            except (psutil.NoSuchProcess, psutil.AccessDenied):
                pass
        rss = 0
        cpu = 0.0
        counted = runs = 0
        for process in members:
            try:
                with process.oneshot():
                    rss += process.memory_info().rss
                    cpu += process.cpu_percent(None)
                counted += 1
                runs += process is not root and not self._helpers.get(process.pid, False)
            except (psutil.NoSuchProcess, psutil.AccessDenied):
                self._processes.pop(process.pid, None)
        if counted == 0:
            return ProcessCost()
        return ProcessCost(rss=rss, cpu=cpu, children=runs, alive=True)

    def sample(
        self, server_pid: int | None, runner_pid: int | None, database: Path | None
    ) -> ResourceSample:
        size: int | None = None
        if database is not None:
            try:
                size = database.stat().st_size
                wal = database.with_name(database.name + "-wal")
                if wal.exists():
                    size += wal.stat().st_size
            except OSError:
                size = None
        sample = ResourceSample(
            server=self._cost(server_pid, with_children=True),
            runner=self._cost(runner_pid, with_children=True),
            app=self._cost(os.getpid()),
            database_bytes=size,
        )
        self._forget_dead()
        return sample

    def _forget_dead(self) -> None:
        for pid in [pid for pid, p in self._processes.items() if not p.is_running()]:
            del self._processes[pid]
            self._helpers.pop(pid, None)
            self._root_cmdlines.pop(pid, None)
