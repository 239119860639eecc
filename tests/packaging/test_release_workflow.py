"""The release workflow and the Windows installer script cannot run here: check their shape.

actionlint runs when it is on PATH; the structural checks below always do
(PyYAML comes with Prefect). They pin what a broken release would look like:
an OS dropped from the matrix, a job that ships an untested bundle, a
publish job that runs on every push, an installer that needs admin rights.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import tomllib
import yaml

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = ROOT / ".github" / "workflows" / "release.yml"
ISS = ROOT / "packaging" / "windows" / "flowdesk.iss"


@pytest.fixture(scope="module")
def workflow() -> dict[Any, Any]:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def _steps(job: dict) -> list[dict]:
    return job["steps"]


def _applies(condition: str, os_name: str) -> bool:
    match = re.fullmatch(r"runner\.os (==|!=) '(\w+)'", condition.strip())
    if match is None:
        return True
    return (match[2] == os_name) == (match[1] == "==")


def _runs(job: dict, os_name: str) -> list[str]:
    """What the steps that run on `os_name` (Linux, Windows, macOS) run or use, in order."""
    return [
        step.get("run", "") + " " + str(step.get("uses", ""))
        for step in _steps(job)
        if _applies(step.get("if", ""), os_name)
    ]


@pytest.mark.skipif(shutil.which("actionlint") is None, reason="actionlint is not installed")
def test_actionlint_finds_nothing():
    result = subprocess.run(
        ["actionlint", str(WORKFLOW)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_triggers_are_tags_and_manual_runs(workflow):
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as True
    assert triggers["push"]["tags"] == ["v*"]
    assert "workflow_dispatch" in triggers
    assert workflow["permissions"] == {"contents": "read"}


def test_every_os_builds_in_the_matrix(workflow):
    build = workflow["jobs"]["build"]
    oses = build["strategy"]["matrix"]["os"]
    assert any(o.startswith("ubuntu") for o in oses)
    assert any(o.startswith("windows") for o in oses)
    assert any(o.startswith("macos") for o in oses)
    assert build["strategy"]["fail-fast"] is False
    assert build["runs-on"] == "${{ matrix.os }}"


@pytest.mark.parametrize(
    ("os_name", "build", "self_test"),
    [
        ("Linux", "packaging/build_linux.sh", "flowdesk/flowdesk --self-test"),
        ("Windows", "packaging/flowdesk.spec", "flowdesk-cli.exe --self-test"),
        ("macOS", "packaging/macos/build_dmg.sh", "MacOS/Flowdesk --self-test"),
    ],
)
def test_each_os_tests_then_builds_then_self_tests_the_frozen_app(
    workflow, os_name, build, self_test
):
    lines = _runs(workflow["jobs"]["build"], os_name)
    text = "\n".join(lines)

    def first(fragment: str) -> int:
        return next(i for i, line in enumerate(lines) if fragment in line)

    assert "scripts/test.sh" in text  # the README's test command
    assert first("scripts/test.sh") < first(build) < first(self_test)
    assert first(self_test) < first("actions/upload-artifact")


def test_linux_installs_the_deb_check_after_building(workflow):
    lines = _runs(workflow["jobs"]["build"], "Linux")
    build = next(i for i, line in enumerate(lines) if "build_linux.sh" in line)
    check = next(i for i, line in enumerate(lines) if "-m packaging" in line)
    assert build < check


def test_publish_runs_only_for_tags_after_every_build(workflow):
    publish = workflow["jobs"]["publish"]
    assert publish["needs"] == "build"
    assert publish["if"] == "startsWith(github.ref, 'refs/tags/v')"
    assert publish["permissions"] == {"contents": "write"}
    uses = [s.get("uses", "") for s in publish["steps"]]
    assert any(u.startswith("actions/download-artifact@") for u in uses)
    assert any(u.startswith("softprops/action-gh-release@") for u in uses)


def test_artifacts_cover_every_installer(workflow):
    upload = next(
        s for s in workflow["jobs"]["build"]["steps"] if "upload-artifact" in s.get("uses", "")
    )
    paths = upload["with"]["path"]
    for pattern in ("*.tar.gz", "*.deb", "*-setup.exe", "*.dmg"):
        assert pattern in paths
    assert upload["with"]["if-no-files-found"] == "error"


def _iss_sections() -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = ""
    for raw in ISS.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith(";"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            sections.setdefault(current, [])
        elif current:
            sections[current].append(line)
    return sections


def test_windows_installer_is_per_user_and_cleans_up_on_upgrade_and_uninstall():
    sections = _iss_sections()
    setup = dict(line.split("=", 1) for line in sections["Setup"])
    assert setup["PrivilegesRequired"] == "lowest"
    assert setup["PrivilegesRequiredOverridesAllowed"] == "dialog"
    assert setup["AppVersion"] == "{#AppVersion}"  # injected, never typed here
    assert setup["DefaultDirName"] == "{autopf}\\Flowdesk"
    assert any('Name: "{app}\\_internal"' in line for line in sections["InstallDelete"])
    assert any(
        "flowdesk-cli.exe" in line and '"server stop"' in line for line in sections["UninstallRun"]
    )
    assert any("{autoprograms}" in line for line in sections["Icons"])
    assert any("desktopicon" in line for line in sections["Icons"])
    code = "\n".join(sections["Code"])
    assert "PrepareToInstall" in code and "server stop" in code


def test_version_lives_in_pyproject_only():
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "version"
    ]
    for path in (WORKFLOW, ISS, ROOT / "packaging" / "flowdesk.spec"):
        assert version not in path.read_text(encoding="utf-8"), path
