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
NSI = ROOT / "packaging" / "windows" / "flowdesk.nsi"


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
    for pattern in ("*.tar.xz", "*.deb", "*-setup.exe", "*.dmg"):
        assert pattern in paths
    assert upload["with"]["if-no-files-found"] == "error"


def _nsi_lines() -> list[str]:
    return [
        line.strip()
        for line in NSI.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.strip().startswith(";")
    ]


def _section(lines: list[str], name: str) -> list[str]:
    begin = next(i for i, line in enumerate(lines) if line.startswith(f'Section "{name}"'))
    end = next(i for i in range(begin, len(lines)) if lines[i] == "SectionEnd")
    return lines[begin:end]


def test_windows_installer_is_64_bit_per_user_and_cleans_up_on_upgrade_and_uninstall():
    """NSIS, not Inno Setup: its 64-bit installer is built on Linux and installed under
    64-bit Wine by packaging/windows/wine_lane.sh (Inno Setup's is 32-bit)."""
    lines = _nsi_lines()
    assert "Unicode true" in lines and "Target amd64-unicode" in lines
    assert "RequestExecutionLevel user" in lines  # no admin rights
    assert 'InstallDir "$LOCALAPPDATA\\Programs\\Flowdesk"' in lines
    assert not any("${AppVersion}" in line and "!define AppVersion" in line for line in lines)
    install = _section(lines, "Flowdesk")
    assert any('RMDir /r "$INSTDIR\\_internal"' in line for line in install)
    assert any("flowdesk-cli.exe" in line and "server stop" in line for line in install)
    assert any("$SMPROGRAMS" in line for line in install)
    assert any("WriteUninstaller" in line for line in install)
    uninstall = _section(lines, "Uninstall")
    stop = next(i for i, line in enumerate(uninstall) if "server stop" in line)
    remove = next(i for i, line in enumerate(uninstall) if line.startswith("RMDir /r"))
    assert stop < remove  # the server's files are in use until it stops
    assert not any("$LOCALAPPDATA\\Flowdesk" in line for line in uninstall)  # user data stays


@pytest.mark.skipif(shutil.which("makensis") is None, reason="makensis (NSIS) is not installed")
def test_windows_installer_builds_with_makensis(tmp_path):
    bundle = tmp_path / "Flowdesk"
    (bundle / "_internal").mkdir(parents=True)
    for name in ("Flowdesk.exe", "flowdesk-cli.exe", "_internal/python311.dll"):
        (bundle / name).write_bytes(b"MZ")
    out = tmp_path / "setup.exe"
    result = subprocess.run(
        ["makensis", "-V2", "-INPUTCHARSET", "UTF8", "-DAppVersion=1.2.3",
         f"-DSourceDir={bundle}", f"-DIconFile={_any_ico(tmp_path)}", f"-DOutFile={out}",
         str(NSI)],
        capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert out.read_bytes()[:2] == b"MZ"


def _any_ico(tmp_path: Path) -> Path:
    """A minimal valid 16x16 .ico (the real one is built by make_icons.py)."""
    import struct

    pixels = b"\x00\x00\xff\xff" * 256 + b"\x00" * 64  # BGRA + AND mask
    header = struct.pack("<IiiHHIIiiII", 40, 16, 32, 1, 32, 0, len(pixels), 0, 0, 0, 0)
    image = header + pixels
    ico = struct.pack("<HHH", 0, 1, 1) + struct.pack(
        "<BBBBHHII", 16, 16, 0, 0, 1, 32, len(image), 22
    ) + image
    path = tmp_path / "icon.ico"
    path.write_bytes(ico)
    return path


def test_version_lives_in_pyproject_only():
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "version"
    ]
    for path in (WORKFLOW, NSI, ROOT / "packaging" / "flowdesk.spec"):
        assert version not in path.read_text(encoding="utf-8"), path
