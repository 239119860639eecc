"""Walk every text a user can read in a widget tree and find words of the wrong language.

Shared by the live-language-switch tests (no tests here). "Texts" are the
window's own words: labels, buttons, actions and menu titles, tab texts and
tooltips, header data, placeholders, tooltips, group titles, window titles.
Data (run, flow and deployment names, ids, log lines) is left out: the
tables' cells and the log pane are skipped, and words of data can be passed in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

CJK = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]")
WORD = re.compile(r"[A-Za-z]{3,}")
# Names that stay in Latin letters in Chinese text, and the language's own name.
ALLOWED = {
    *("Flowdesk", "Prefect", "Cloud", "Python", "API", "URL", "JSON", "CLI", "Web", "Markdown"),
    *("Ctrl", "Shift", "Enter", "Esc", "Del", "MiB", "GiB", "KiB", "CPU", "UTC", "English"),
    *("http", "https", "localhost", "RAM", "PID", "Alt", "Backspace", "Tab", "Home"),
}
NATIVE_NAMES = {"English", "简体中文"}  # the language list shows each language in itself


DATA_COMBOS = {"flowFilter", "deploymentFilter"}


def _skipped(widget: QWidget, skip: tuple[type, ...]) -> bool:
    """Inside a table's cells, a text pane of data, or a subtree the caller skips."""
    node: QWidget | None = widget
    while node is not None:
        if (
            isinstance(node, QAbstractItemView)
            and not isinstance(node, QHeaderView)
            and node is not widget
        ):
            return True
        if isinstance(node, QPlainTextEdit | QTextEdit) and node is not widget:
            return True
        if skip and isinstance(node, skip):
            return True
        node = node.parentWidget()
    return False


def _action_texts(where: str, actions: Iterable[QAction], out: dict[str, str]) -> None:
    for action in actions:
        if action.isSeparator():
            continue
        name = action.objectName() or action.text()
        if action.text():
            out[f"{where} action {name}"] = action.text()
        if action.toolTip() and action.toolTip() != action.text().replace("&", ""):
            out[f"{where} action tip {name}"] = action.toolTip()
        menu = action.menu()
        if isinstance(menu, QMenu):
            out[f"{where} submenu {name}"] = menu.title()
            _action_texts(f"{where}/{name}", menu.actions(), out)


def texts_of(root: QWidget, skip: tuple[type, ...] = ()) -> dict[str, str]:
    """Where → text, for every readable text of `root` and its children."""
    out: dict[str, str] = {}
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        if _skipped(widget, skip):
            continue
        cls = type(widget).__name__
        name = f"{cls}#{widget.objectName()}"
        if widget.isWindow() and widget.windowTitle():
            out[f"title {name}"] = widget.windowTitle()
        if widget.toolTip():
            out[f"tooltip {name}"] = widget.toolTip()
        if isinstance(widget, QLabel) and widget.text():
            out[f"label {name} {widget.text()[:20]}"] = widget.text()
        elif isinstance(widget, QAbstractButton) and widget.text():
            out[f"button {name}"] = widget.text()
        elif isinstance(widget, QLineEdit) and widget.placeholderText():
            out[f"placeholder {name}"] = widget.placeholderText()
        elif isinstance(widget, QGroupBox) and widget.title():
            out[f"group {name}"] = widget.title()
        elif isinstance(widget, QMenu):
            if widget.title():
                out[f"menu {name}"] = widget.title()
            _action_texts(f"menu {widget.title()}", widget.actions(), out)
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                out[f"tab {name} {index}"] = widget.tabText(index)
                if widget.tabToolTip(index):
                    out[f"tab tip {name} {index}"] = widget.tabToolTip(index)
        elif isinstance(widget, QComboBox) and not widget.isEditable():
            # The run filters list flow and deployment names (data) after "All …".
            count = 1 if widget.objectName() in DATA_COMBOS else widget.count()
            for index in range(min(count, widget.count())):
                text = widget.itemText(index)
                if text and text not in NATIVE_NAMES:
                    out[f"combo {name} {index}"] = text
        elif isinstance(widget, QHeaderView):
            model = widget.model()
            if model is None:
                continue
            horizontal = widget.orientation() == Qt.Orientation.Horizontal
            count = model.columnCount() if horizontal else 0
            for section in range(count):
                value = model.headerData(section, widget.orientation())
                if isinstance(value, str) and value:
                    out[f"header {name} {section}"] = value
                tip = model.headerData(section, widget.orientation(), Qt.ItemDataRole.ToolTipRole)
                if isinstance(tip, str) and tip:
                    out[f"header tip {name} {section}"] = tip
        _action_texts(name, [a for a in widget.actions() if a.parent() is widget], out)
    return out


# URLs, file paths and Python-ish names (dotted, or snake_case such as release_after)
# are data in either language.
NOT_WORDS = re.compile(
    r"\w+://\S+|(?:[~.\w-]*/[\w.@-]+)+/?|\w+\.\w+(?:\.\w+)*|`[^`]*`|\b[a-z]+(?:_[a-z0-9]+)+\b"
)


def english_words(text: str, data: frozenset[str] = frozenset()) -> list[str]:
    plain = NOT_WORDS.sub(" ", text.replace("&", ""))
    return [w for w in WORD.findall(plain) if w not in ALLOWED and w not in data]


def wrong_language(
    texts: dict[str, str], language: str, data: frozenset[str] = frozenset()
) -> dict[str, str]:
    """The texts that carry words of the other language."""
    if language == "en":
        return {where: text for where, text in texts.items() if CJK.search(text)}
    return {where: text for where, text in texts.items() if english_words(text, data)}
