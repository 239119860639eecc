"""The main window in 简体中文 on a real X display, with real runs: a picture and its words.

    FLOWDESK_E2E_API_URL=... FLOWDESK_E2E_AUTH=... python main_window_shots.py OUT_DIR

Attaches to the given server, waits for the tables, takes `main-window-zh.png`,
and reports every piece of the window's own chrome (menus and their actions,
tabs, table headers, buttons, labels, tooltips of toolbar actions) that still
carries English words: the shipped catalogue should leave none. The last
stdout line is a JSON report.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTabBar,
)

WORD = re.compile(r"[A-Za-z]{3,}")
# Names that stay in Latin letters in Chinese text.
ALLOWED = {
    *("Flowdesk", "Prefect", "Cloud", "Python", "API", "URL", "JSON", "CLI", "Web"),
    *("Ctrl", "Shift", "Enter", "Esc", "Del", "MiB", "GiB", "KiB", "CPU", "UTC"),
}


def english_words(text: str, data: frozenset[str] = frozenset()) -> list[str]:
    """Latin words that are neither allowed names nor the data shown (run names…)."""
    plain = text.replace("&", "")
    return [word for word in WORD.findall(plain) if word not in ALLOWED and word not in data]


def data_words(window) -> frozenset[str]:
    """Words of what the tables show: run, flow and deployment names, ids, tags."""
    words: set[str] = set()
    for run in window.runs.model.runs():
        for text in (run.name, run.flow_name, run.id, run.deployment_name or "", *run.tags):
            words.update(WORD.findall(text))
    return frozenset(words)


def _inside_a_table(widget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractItemView) and not isinstance(parent, QHeaderView):
            return True
        parent = parent.parentWidget()
    return False


def chrome_texts(window) -> dict[str, str]:
    """Where → text, for the window's own words (not the data it shows)."""
    texts: dict[str, str] = {}
    for menu in window.menuBar().findChildren(QMenu):
        texts[f"menu {menu.objectName() or menu.title()}"] = menu.title()
        for action in menu.actions():
            if action.text() and not action.isSeparator():
                texts[f"action {action.objectName() or action.text()}"] = action.text()
    for bar in window.findChildren(QTabBar):
        for index in range(bar.count()):
            texts[f"tab {index}"] = bar.tabText(index)
    for header in window.findChildren(QHeaderView):
        model = header.model()
        if model is None or not header.isVisible():
            continue
        count = model.columnCount() if header.orientation() == Qt.Orientation.Horizontal else 0
        for section in range(count):
            if header.isSectionHidden(section):
                continue
            value = model.headerData(section, Qt.Orientation.Horizontal)
            if isinstance(value, str) and value:
                texts[f"header {header.objectName()} {section}"] = value
    for button in window.findChildren(QAbstractButton):
        if button.isVisible() and button.text() and not _inside_a_table(button):
            texts[f"button {button.objectName() or button.text()}"] = button.text()
    for label in window.findChildren(QLabel):
        if label.isVisible() and label.text() and not _inside_a_table(label):
            if label.objectName() in ("runName", "flowName"):
                continue  # data: the run's and flow's own names
            texts[f"label {label.objectName() or label.text()[:30]}"] = label.text()
    for edit in window.findChildren(QLineEdit):
        if edit.isVisible() and edit.placeholderText():
            texts[f"placeholder {edit.objectName()}"] = edit.placeholderText()
    return texts


async def shoot(app: QApplication, out: Path) -> dict:
    from desktop_app.core.api.connection import Connection
    from desktop_app.ui.async_tools import TaskKeeper
    from desktop_app.ui.context import AppContext
    from desktop_app.ui.main_window import MainWindow
    from desktop_app.ui.translations import install_language

    report: dict = {"platform": app.platformName()}
    report["language"] = install_language(app, "zh_CN")
    connection = Connection(
        os.environ["FLOWDESK_E2E_API_URL"],
        auth_string=os.environ.get("FLOWDESK_E2E_AUTH") or None,
        kind="local",
        managed=False,
    )
    tasks = TaskKeeper()
    context = AppContext(connection=connection, tasks=tasks)
    window = MainWindow(context)
    window.resize(1280, 760)
    window.show()
    context.start()
    loader = window.runs.loader
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and not (loader.loads >= 1 and not loader.loading):
        await asyncio.sleep(0.1)
    report["rows"] = window.runs.model.rowCount()
    if report["rows"]:
        window.runs.select_run(window.runs.model.run_at(0).id)
        window.runs.show_detail(window.runs.model.run_at(0).id)
    await asyncio.sleep(1.5)  # the detail pane and the dashboard fill in
    QCoreApplication.sendPostedEvents()
    out.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(out / "main-window-zh.png"))
    texts = chrome_texts(window)
    report["texts"] = len(texts)
    data = data_words(window)
    report["english"] = {
        where: text for where, text in texts.items() if english_words(text, data)
    }
    report["tab0"] = window.tabs.tabText(0)
    report["title"] = window.windowTitle()
    await tasks.cancel_all()
    await context.shutdown()
    window.close()
    install_language(app, "en")
    return report


def main() -> int:
    from tests.e2e.script_loop import run_qt_script

    out = Path(sys.argv[1])
    report = run_qt_script(lambda app: shoot(app, out), timeout=150)
    print(json.dumps(report, ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
