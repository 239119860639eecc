"""Markdown from flows (pause descriptions, docstrings) shown the way it was meant.

Qt's Markdown importer gives a heading's plain text the heading size but an
inline span in it (`## Approve **this**?`) the body size: a heading in mixed
sizes and weights. `set_markdown` evens each heading out to its largest size,
all bold.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextEdit


def even_headings(document: QTextDocument) -> None:
    """Give every character of a heading block the heading's (largest) point size."""
    block = document.begin()
    while block.isValid():
        if block.blockFormat().headingLevel() and block.length() > 1:
            sizes = []
            fragments = block.begin()
            while not fragments.atEnd():
                fragment = fragments.fragment()
                if fragment.isValid():
                    sizes.append(fragment.charFormat().font().pointSizeF())
                fragments += 1
            if sizes:
                cursor = QTextCursor(block)
                cursor.movePosition(
                    QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor
                )
                heading = QTextCharFormat()
                heading.setFontPointSize(max(sizes))
                heading.setFontWeight(QFont.Weight.Bold)
                cursor.mergeCharFormat(heading)
        block = block.next()


def set_markdown(view: QTextEdit, text: str) -> None:
    """`view.setMarkdown(text)`, with headings in one size."""
    view.setMarkdown(text)
    even_headings(view.document())
