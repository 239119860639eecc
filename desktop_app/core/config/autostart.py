"""Start Flowdesk at login, one interface over three OS mechanisms.

Linux: an XDG autostart `.desktop` file. Windows: the per-user Run registry
key. macOS: a LaunchAgent plist. All per-user: no admin rights needed.
"""

from __future__ import annotations

import os
import plistlib
import shlex
import sys
from pathlib import Path

from desktop_app.core.config.atomic import atomic_write_bytes, atomic_write_text
from desktop_app.core.supervision.processes import self_command

APP_ID = "io.flowdesk.Flowdesk"
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"


def launch_command(minimised: bool = True, platform: str | None = None) -> list[str]:
    command = list(self_command())
    if (platform or sys.platform) == "win32":
        command[0] = str(windows_gui_executable(Path(command[0])))
    if minimised:
        command.append("--minimised")
    return command


def windows_gui_executable(executable: Path) -> Path:
    """The window-subsystem twin of `executable`: nothing opens a console at login.

    Frozen, the CLI (`flowdesk-cli.exe`) sits beside the window (`Flowdesk.exe`);
    from a pip install, `python.exe` beside `pythonw.exe`.
    """
    twin = {"flowdesk-cli.exe": "Flowdesk.exe", "python.exe": "pythonw.exe"}.get(
        executable.name.lower()
    )
    if twin and executable.with_name(twin).exists():
        return executable.with_name(twin)
    return executable


def desktop_entry(command: list[str]) -> str:
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Name=Flowdesk\n"
        "Comment=Prefect on your desk\n"
        f"Exec={shlex.join(command)}\n"
        "Icon=flowdesk\n"
        "Terminal=false\n"
        "X-GNOME-Autostart-enabled=true\n"
    )


def launch_agent(command: list[str]) -> bytes:
    return plistlib.dumps(
        {
            "Label": APP_ID,
            "ProgramArguments": command,
            "RunAtLoad": True,
            "ProcessType": "Interactive",
        }
    )


class Autostart:
    """`enabled()`, `enable()`, `disable()` for the current user."""

    def __init__(self, platform: str | None = None, home: Path | None = None) -> None:
        self.platform = platform or sys.platform
        self.home = home or Path.home()

    def _path(self) -> Path:
        if self.platform == "darwin":
            return self.home / "Library" / "LaunchAgents" / f"{APP_ID}.plist"
        config = os.environ.get("XDG_CONFIG_HOME") or str(self.home / ".config")
        return Path(config) / "autostart" / "flowdesk.desktop"

    def enabled(self) -> bool:
        if self.platform == "win32":
            return self._windows_value() is not None
        return self._path().exists()

    def enable(self, minimised: bool = True) -> None:
        command = launch_command(minimised, self.platform)
        if self.platform == "win32":
            import winreg

            value = " ".join(f'"{part}"' for part in command)
            # CreateKeyEx: a fresh profile may not have the Run key yet.
            with winreg.CreateKeyEx(
                winreg.HKEY_CURRENT_USER, RUN_KEY, 0, winreg.KEY_SET_VALUE
            ) as key:
                winreg.SetValueEx(key, "Flowdesk", 0, winreg.REG_SZ, value)
            return
        path = self._path()
        path.parent.mkdir(parents=True, exist_ok=True)
        if self.platform == "darwin":
            atomic_write_bytes(path, launch_agent(command))
        else:
            atomic_write_text(path, desktop_entry(command))

    def disable(self) -> None:
        if self.platform == "win32":
            import winreg

            try:
                with winreg.OpenKey(
                    winreg.HKEY_CURRENT_USER, RUN_KEY, 0, winreg.KEY_SET_VALUE
                ) as key:
                    winreg.DeleteValue(key, "Flowdesk")
            except FileNotFoundError:
                pass
            return
        self._path().unlink(missing_ok=True)

    def _windows_value(self) -> str | None:
        import winreg

        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
                return winreg.QueryValueEx(key, "Flowdesk")[0]
        except FileNotFoundError:
            return None
