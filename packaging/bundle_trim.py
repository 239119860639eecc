"""What the spec leaves out of the bundle although PyInstaller collected it.

Collecting whole packages (Prefect, apprise, docket …) is what makes the frozen
app work, but it also picks up files the app never reads. Measured on the Linux
bundle of 2026-12-06 (280 MB installed, 117 MB tarball), the largest were:

- Prefect's web UI four times (32 MB): `server/ui` is the build the package
  ships and the server copies into PREFECT_UI_STATIC_DIRECTORY (our data
  folder); `server/ui_build` and `server/ui_v2_build` are such copies, left in
  the build machine's site-packages by a server run there without that setting;
  `server/ui-v2` is Prefect's second UI under `/v2`, which Flowdesk never opens
  ("Open in browser" and a run's link go to the default UI at `/`). Without its
  source folder the server simply does not mount `/v2` (`create_ui_app` skips a
  missing UI) and tells the web UI only the default one exists.
- Qt's translations of every language (7 MB): the app speaks English and
  Chinese (`desktop_app.i18n.SUPPORTED`), and English needs none.
- Qt plugins for embedded devices (eglfs, linuxfb, VNC, evdev input …) and
  network/TLS backends: the window runs on X11, Wayland or Windows/macOS, and
  its only networking is a local socket (single instance).

Each rule names why; `dropped()` returns that reason so the spec can print what
it left out. Paths are destination names in the bundle, with either separator.
"""

from __future__ import annotations

from pathlib import PurePosixPath

PREFECT_UI_COPIES = {
    ("prefect", "server", "ui_build"): "a copy of Prefect's web UI left by a server run",
    ("prefect", "server", "ui_v2_build"): "a copy of Prefect's /v2 web UI left by a server run",
    ("prefect", "server", "ui-v2"): "Prefect's /v2 web UI: Flowdesk opens the default one at /",
}
KEPT_QT_TRANSLATIONS = ("qt_zh_CN.qm", "qtbase_zh_CN.qm")
"""Qt's own texts (OK, Cancel …) in Chinese: `qt_zh_CN` names `qtbase_zh_CN`."""

UNUSED_QT_PLUGIN_FOLDERS = {
    "egldeviceintegrations": "eglfs (a bare console without X11 or Wayland)",
    "generic": "evdev/tuio input for embedded devices",
    "networkinformation": "network reachability: the app never asks",
    "tls": "TLS backends: the app's Qt networking is a local socket",
}
UNUSED_QT_PLATFORMS = {
    "libqeglfs.so": "eglfs",
    "libqlinuxfb.so": "the Linux framebuffer",
    "libqminimalegl.so": "a test platform",
    "libqvkkhrdisplay.so": "Vulkan on a bare display",
    "libqvnc.so": "a VNC server",
}
UNUSED_QT_LIBRARIES = {
    "libQt6EglFSDeviceIntegration.so.6": "needed by the eglfs platform only",
    "libQt6EglFsKmsSupport.so.6": "needed by the eglfs platform only",
}
TEST_FOLDERS = {
    ("aiosqlite", "tests"): "aiosqlite's own test suite",
    ("jsonschema", "benchmarks"): "jsonschema's benchmark data",
    ("prefect", "testing"): "prefect.testing (needs pytest, never imported)",
}


def _parts(destination: str) -> tuple[str, ...]:
    return PurePosixPath(destination.replace("\\", "/")).parts


def _below_qt(parts: tuple[str, ...]) -> tuple[str, ...]:
    """The path below Qt's folder: PySide6/Qt/ on Linux and macOS, PySide6/ on Windows."""
    if parts[:2] == ("PySide6", "Qt"):
        return parts[2:]
    return parts[1:] if parts[:1] == ("PySide6",) else ()


def dropped(destination: str) -> str | None:
    """Why the file at `destination` (relative to the library folder) is left out, or None."""
    parts = _parts(destination)
    for prefix, why in (PREFECT_UI_COPIES | TEST_FOLDERS).items():
        if parts[: len(prefix)] == prefix:
            return why
    qt = _below_qt(parts)
    if len(qt) == 2 and qt[0] == "translations":
        return None if qt[1] in KEPT_QT_TRANSLATIONS else "Qt translation of another language"
    if len(qt) >= 3 and qt[0] == "plugins":
        if qt[1] in UNUSED_QT_PLUGIN_FOLDERS:
            return UNUSED_QT_PLUGIN_FOLDERS[qt[1]]
        if qt[1] == "platforms" and qt[2] in UNUSED_QT_PLATFORMS:
            return f"Qt platform for {UNUSED_QT_PLATFORMS[qt[2]]}"
    if parts[-1] in UNUSED_QT_LIBRARIES and parts[:3] == ("PySide6", "Qt", "lib"):
        return UNUSED_QT_LIBRARIES[parts[-1]]
    return None


def trim(toc: list[tuple]) -> tuple[list[tuple], dict[str, int]]:
    """The entries to keep, and how many were dropped for each reason."""
    kept, counts = [], {}
    for entry in toc:
        why = dropped(entry[0])
        if why is None:
            kept.append(entry)
        else:
            counts[why] = counts.get(why, 0) + 1
    return kept, counts
