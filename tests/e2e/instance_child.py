"""A tiny real app for the single-instance tests: QApplication + SingleInstance.

    python instance_child.py [args...]

First instance: prints {"role": "primary"} and then one JSON line per message
received ({"received": argv, "request": {...}}), and quits after `--quit-after N`
messages. A later instance: hands its argv over, prints {"role": "secondary",
"sent": true/false} and exits 0 (1 if the first did not answer). Every line is
flushed, so the test reads them as they come.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import asdict

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QWidget

from desktop_app.ui.single_instance import (
    SingleInstance,
    bring_forward,
    parse_request,
)


def say(**data: object) -> None:
    print(json.dumps(data), flush=True)


def main(argv: list[str]) -> int:
    quit_after = 1
    if "--quit-after" in argv:
        quit_after = int(argv[argv.index("--quit-after") + 1])
    app = QApplication([sys.argv[0]])
    app.setApplicationName("Flowdesk")  # as the real app does
    instance = SingleInstance()
    if not instance.acquire():
        sent = instance.send(argv, timeout=5.0)
        say(role="secondary", sent=sent, pid=os.getpid())
        return 0 if sent else 1
    window = QWidget()
    window.setWindowTitle("Flowdesk")
    received: list[list[str]] = []

    def on_message(args: list[str]) -> None:
        received.append(args)
        bring_forward(window)
        say(received=args, request=asdict(parse_request(args)), visible=window.isVisible())
        if len(received) >= quit_after:
            app.quit()

    instance.received.connect(on_message)
    say(role="primary", pid=os.getpid(), key=instance.key, listening=instance.server is not None)
    code = app.exec()
    instance.release()
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
