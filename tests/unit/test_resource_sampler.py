"""The dashboard's run count: flow-run processes under the runner, not its fork server."""

from __future__ import annotations

import os
import subprocess
import sys

import psutil
import pytest

from desktop_app.ui.dashboard.resources import ResourceSampler

FORKING_ROOT = """
import os, subprocess, sys, time
helper = os.fork()
if helper == 0:
    time.sleep(60)
    os._exit(0)
run = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
print(helper, run.pid, flush=True)
time.sleep(60)
"""


@pytest.mark.skipif(
    not hasattr(os, "fork"), reason="no fork server where there is no fork (Windows)"
)
def test_the_fork_server_is_counted_in_cost_but_not_as_a_run():
    """The fork server is a fork of the runner: its direct child with the same command line."""
    root = subprocess.Popen([sys.executable, "-c", FORKING_ROOT], stdout=subprocess.PIPE, text=True)
    helper_pid, run_pid = (int(x) for x in root.stdout.readline().split())
    helper, run = psutil.Process(helper_pid), psutil.Process(run_pid)
    try:
        assert helper.cmdline() == psutil.Process(root.pid).cmdline()
        cost = ResourceSampler()._cost(root.pid, with_children=True)
        assert cost.alive
        assert cost.children == 1  # the run, not the helper
        assert cost.rss > helper.memory_info().rss  # the helper's memory is still counted
    finally:
        root.kill()
        root.wait()
        for child in (helper, run):
            child.kill()
