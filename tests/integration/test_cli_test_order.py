"""The CLI tests pass in the order that once broke them, in a pytest session of their own.

`test_ls_names_the_runs_held_up` imports a flow file (`from prefect import flow`):
the process's first `import prefect.main`, which made Prefect put its console
handler on the root logger, writing into that test's capture stream. pytest
closed the stream; the next CLI test's HTTP log line then printed "--- Logging
error ---" into its stderr, and its "errors are one clear line" check failed
(tests/conftest.py `_no_prefect_console_on_the_root_logger` says more).
Which test imports Prefect first depends on the selection, so the order is
pinned here in a fresh process.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]

ORDER = [
    # First: imports Prefect's flow machinery inside a test that captures stderr.
    "tests/integration/test_limits_cli.py::test_ls_names_the_runs_held_up",
    # Then two checks that each CLI error is exactly one line on stderr.
    "tests/integration/test_variables_cli.py::test_bad_input_is_refused_before_sending",
    "tests/integration/test_cli_verbs.py::test_errors_are_one_clear_line",
]


def test_cli_error_checks_pass_after_a_test_that_first_imports_prefect_flows():
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "no:cacheprovider",
            "-q",
            "-m",
            "integration or not integration",
            *ORDER,
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    tail = (done.stdout + done.stderr)[-4000:]
    assert done.returncode == 0, tail
    assert f"{len(ORDER)} passed" in done.stdout, tail
    assert "Logging error" not in done.stdout + done.stderr, tail
