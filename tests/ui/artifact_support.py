"""Runs tests/ui/artifact_probe_flow.py for real against the session's server (no tests here)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import wait_until

FLOW = Path(__file__).with_name("artifact_probe_flow.py")


class Probe:
    """One run of the probe flow in its own process, held at its gates until opened."""

    def __init__(self, managed_server, folder: Path, *, open_all: bool = False) -> None:
        from desktop_app.core.supervision.prefect_env import client_env

        self.gate = folder / "gate"
        self.gate.mkdir(parents=True, exist_ok=True)
        if open_all:
            for step in ("step1", "step2"):
                (self.gate / step).touch()
        connection = managed_server.connection
        env = {
            **os.environ,
            **client_env(connection.api_url, connection.auth_string),
            "PREFECT_HOME": str(folder / "prefect-home"),
            "PREFECT_LOGGING_LEVEL": "INFO",
        }
        self.output = folder / "flow.log"
        with self.output.open("w") as sink:
            self.process = subprocess.Popen(
                [sys.executable, str(FLOW), str(self.gate)],
                env=env,
                stdout=sink,
                stderr=subprocess.STDOUT,
            )
        self._run_id: str | None = None

    def run_id(self, timeout: float = 120) -> str:
        if self._run_id is None:
            marker = self.gate / "run-id"

            def started() -> bool:
                if self.process.poll() is not None:
                    raise AssertionError(f"the probe flow quit: {self.output.read_text()}")
                return marker.exists() and bool(marker.read_text().strip())

            wait_until(started, timeout=timeout, what="the probe flow to start")
            self._run_id = marker.read_text().strip()
        return self._run_id

    def open(self, step: str) -> None:
        (self.gate / step).touch()

    def finish(self, timeout: float = 180) -> str:
        """Let the flow run to its end; returns its run id."""
        run_id = self.run_id()
        for step in ("step1", "step2"):
            self.open(step)
        code = self.process.wait(timeout=timeout)
        assert code == 0, self.output.read_text()
        return run_id

    def stop(self) -> None:
        for step in ("step1", "step2"):
            self.open(step)
        if self.process.poll() is None:
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
