"""The window's translator: answers from the same catalogue as the CLI, switchable live.

`CatalogueTranslator` overrides `QTranslator.translate` and looks strings up
in `desktop_app.i18n.load_catalogue(language)` -- the `.ts` file read
directly, so there is no compiled `.qm` that could go stale. For Chinese,
Qt's own `qt_zh_CN.qm` is installed too (standard buttons: OK, Cancel…).

`install_language(app, language)` removes the previous translators and
installs the new ones; Qt then sends `QEvent.LanguageChange` to every widget,
and widgets that build their text once re-read it in `retranslate()`.
"""

from __future__ import annotations

import logging
import re

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator

from desktop_app import i18n

log = logging.getLogger(__name__)

_installed: list[QTranslator] = []


class _LookupTranslator(QTranslator):
    """A QTranslator answered by Python: `lookup` gives the text, or None to pass.

    None becomes a *null* QString: Qt then asks the next translator and finally
    shows the source. "" would be taken as the translation.
    """

    def translate(  # type: ignore[override]
        self,
        context: str,
        source: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str | None:
        return self.lookup(context, source, n)

    def lookup(self, context: str, source: str, n: int) -> str | None:
        raise NotImplementedError


class CatalogueTranslator(_LookupTranslator):
    """A QTranslator over Flowdesk's catalogue dict: (context, source) → translation."""

    def __init__(self, language: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self.catalogue = i18n.load_catalogue(language)
        self.by_source = i18n.load_source_index(language)

    def lookup(self, context: str, source: str, n: int) -> str | None:
        text = self.catalogue.get((context, source))
        if text is None:
            text = self.by_source.get(source)
        if text is None:
            return None
        return text.replace("%n", str(n)) if n >= 0 else text

    def isEmpty(self) -> bool:
        return not self.catalogue


PLURAL_S = re.compile(r"(\w+)\(s\)")


class EnglishPlurals(_LookupTranslator):
    """English numerus: "%n run(s)" reads "1 run" / "3 runs".

    Sources with a count are written `tr("%n run(s)", "", n)`; Qt fills in
    %n but has no English plural rules without a translator, and Chinese
    needs none (its catalogue entry has one form).
    """

    def lookup(self, context: str, source: str, n: int) -> str | None:
        if n < 0 or "%n" not in source:
            return None
        return PLURAL_S.sub(r"\1" if n == 1 else r"\1s", source).replace("%n", str(n))

    def isEmpty(self) -> bool:
        return False


def resolve(language: str) -> str:
    """ "system" → the detected language; anything else normalised ("zh-CN" → "zh_CN")."""
    if language in ("", "system"):
        return i18n.detect_language()
    return i18n.normalise(language)


def qt_translator(language: str) -> QTranslator | None:
    """Qt's own translation of its standard texts, when it ships one."""
    if language == "en":
        return None
    translator = QTranslator()
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(f"qt_{language}", folder) or translator.load(f"qtbase_{language}", folder):
        return translator
    log.info("no Qt translation for %s in %s", language, folder)
    return None


def install_language(app: QCoreApplication, language: str) -> str:
    """Switch the UI language now; returns the language in effect ("en" or "zh_CN")."""
    resolved = resolve(language)
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    i18n.set_language(resolved)
    QLocale.setDefault(QLocale(resolved))
    if resolved == "en":
        _installed.append(EnglishPlurals())
    else:
        qt = qt_translator(resolved)
        if qt is not None:
            _installed.append(qt)
        ours = CatalogueTranslator(resolved)
        if ours.isEmpty():
            log.info("no %s catalogue entries yet: the UI stays in English", resolved)
        _installed.append(ours)
    for translator in _installed:
        app.installTranslator(translator)
    return resolved


def installed() -> list[QTranslator]:
    return list(_installed)
