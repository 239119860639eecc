"""Python syntax colours for the code editor: Pygments' lexer driving a `QSyntaxHighlighter`.

Pygments lexes whole texts, Qt highlights one line (block) at a time. We lex
the whole document once per edit (bodies are short), keep the formats per
line, and hand each block its share. A block's *state* is a hash of its
formats plus whether the line ends inside a string; when a change alters it,
Qt re-highlights the next block, so opening a triple-quoted string colours
everything after it, and closing it restores them.
"""

from __future__ import annotations

from pygments.lexers import PythonLexer
from pygments.token import Comment, Keyword, Name, Number, Operator, String, Token, _TokenType
from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from desktop_app.ui.style import is_dark

# (light palette, dark palette, bold, italic) per token family, most specific first.
_STYLES: list[tuple[_TokenType, str, str, bool, bool]] = [
    (Comment, "#6a737d", "#8b949e", False, True),
    (String.Doc, "#6a737d", "#8b949e", False, True),
    (String.Affix, "#a626a4", "#d2a8ff", False, False),
    (String.Interpol, "#005cc5", "#79c0ff", False, False),
    (String, "#22863a", "#a5d6a7", False, False),
    (Number, "#b45309", "#f0b46b", False, False),
    (Keyword.Constant, "#005cc5", "#79c0ff", True, False),
    (Keyword, "#7c3aed", "#c4a5ff", True, False),
    (Operator.Word, "#7c3aed", "#c4a5ff", True, False),
    (Name.Builtin.Pseudo, "#005cc5", "#79c0ff", False, False),
    (Name.Builtin, "#0e7490", "#67e8f9", False, False),
    (Name.Exception, "#b91c1c", "#ff8a8a", False, False),
    (Name.Decorator, "#a626a4", "#d2a8ff", False, False),
    (Name.Function, "#1d4ed8", "#93c5fd", True, False),
    (Name.Class, "#1d4ed8", "#93c5fd", True, False),
]


def _format_for(token: _TokenType, dark: bool) -> QTextCharFormat | None:
    for family, light_color, dark_color, bold, italic in _STYLES:
        if token in family:
            fmt = QTextCharFormat()
            fmt.setForeground(QColor(dark_color if dark else light_color))
            if bold:
                fmt.setFontWeight(QFont.Weight.DemiBold)
            if italic:
                fmt.setFontItalic(True)
            return fmt
    return None


class PythonHighlighter(QSyntaxHighlighter):
    """Colours a `QTextDocument` holding Python code."""

    def __init__(self, document: QTextDocument) -> None:
        # Our cache must be dropped *before* Qt re-highlights after an edit, so our
        # slot is connected first and the document attached afterwards.
        super().__init__(None)
        document.contentsChange.connect(self._invalidate)
        self._lexer = PythonLexer(stripnl=False, ensurenl=False)
        self._dark = is_dark()
        self._formats: dict[_TokenType, QTextCharFormat | None] = {}
        self._lines: list[list[tuple[int, int, QTextCharFormat]]] = []
        self._line_states: list[int] = []
        self._stale = True
        self.setDocument(document)

    def _format(self, token: _TokenType) -> QTextCharFormat | None:
        if token not in self._formats:
            self._formats[token] = _format_for(token, self._dark)
        return self._formats[token]

    def _invalidate(self, *_args: object) -> None:
        self._stale = True

    def _lex(self) -> None:
        if not self._stale:
            return
        self._stale = False
        text = self.document().toPlainText()
        lines: list[list[tuple[int, int, QTextCharFormat]]] = [[]]
        states: list[int] = []
        column = 0
        signature: list[tuple[int, int, str]] = []
        for token, value in self._lexer.get_tokens(text):
            parts = value.split("\n")
            for i, part in enumerate(parts):
                if i > 0:  # the newline ends a line; note whether a string spans it
                    inside = token in String
                    states.append(hash((tuple(signature), inside)) & 0x3FFFFFFF)
                    lines.append([])
                    signature = []
                    column = 0
                if part:
                    fmt = self._format(token)
                    if fmt is not None:
                        lines[-1].append((column, len(part), fmt))
                        signature.append((column, len(part), str(token)))
                    column += len(part)
        states.append(hash((tuple(signature), False)) & 0x3FFFFFFF)
        self._lines = lines
        self._line_states = states

    def highlightBlock(self, text: str) -> None:
        self._lex()
        number = self.currentBlock().blockNumber()
        if number < len(self._lines):
            for start, length, fmt in self._lines[number]:
                self.setFormat(start, length, fmt)
        self.setCurrentBlockState(self._line_states[number] if number < len(self._line_states)
                                  else 0)


__all__ = ["PythonHighlighter", "Token"]
