"""One translation catalogue for the window and the command line.

The source of truth is Qt Linguist's `.ts` file (`resources/translations/`),
which `scripts/update_translations.py` keeps in step with the code. We read it
directly: the CLI needs no Qt, and the window's translator (ui/translations.py)
looks strings up in the same dictionary, so there is no compiled `.qm` that
could go stale.
"""

from __future__ import annotations

import locale
import os
import xml.etree.ElementTree as ET
from functools import lru_cache
from pathlib import Path

from desktop_app.core.config import paths

CLI_CONTEXT = "CLI"
SUPPORTED = ("en", "zh_CN")
LANGUAGE_ENV = "FLOWDESK_LANGUAGE"


def translations_dir() -> Path:
    return paths.resources_dir() / "translations"


def ts_file(language: str) -> Path:
    return translations_dir() / f"flowdesk_{language}.ts"


Catalogue = dict[tuple[str, str], str]


@lru_cache(maxsize=4)
def load_catalogue(language: str) -> Catalogue:
    """(context, source) → translation; unfinished or empty entries are left out."""
    path = ts_file(language)
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError):
        return {}
    catalogue: Catalogue = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source")
            node = message.find("translation")
            if source is None or node is None:
                continue
            if node.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            if node.text:
                catalogue[(name, source)] = node.text
    return catalogue


@lru_cache(maxsize=4)
def load_source_index(language: str) -> dict[str, str]:
    """source → translation, whatever the context (the first one wins).

    A fallback for a context that differs at run time from the one the
    extractor saw: PySide6's `self.tr` in a subclass may ask with the
    subclass's name. The same English text reads the same in Chinese.
    """
    index: dict[str, str] = {}
    for (_context, source), text in load_catalogue(language).items():
        index.setdefault(source, text)
    return index


def detect_language() -> str:
    """FLOWDESK_LANGUAGE, else the locale (LANGUAGE/LC_ALL/LC_MESSAGES/LANG)."""
    chosen = os.environ.get(LANGUAGE_ENV, "").strip()
    if chosen and chosen != "system":
        return normalise(chosen)
    for key in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(key, "")
        if value:
            return normalise(value.split(":")[0])
    try:
        value = locale.getlocale()[0] or ""
    except ValueError:
        value = ""
    return normalise(value)


def normalise(value: str) -> str:
    value = value.split(".")[0].replace("-", "_")
    if value.lower().startswith("zh"):
        return "zh_CN"
    return "en"


_language = detect_language()


def set_language(language: str) -> None:
    global _language
    _language = normalise(language) if language != "system" else detect_language()


def current_language() -> str:
    return _language


def translate(context: str, text: str) -> str:
    if _language == "en":
        return text
    return load_catalogue(_language).get((context, text), text)


def _(text: str) -> str:
    """Translate a CLI message (marked for `scripts/update_translations.py`)."""
    return translate(CLI_CONTEXT, text)


CORE_CONTEXT = "Core"


def tr_core(text: str) -> str:
    """Translate a message of the engine (errors the window and the CLI both show).

    The engine has no Qt; the window's `install_language` sets our language
    too, so these follow the window's choice, and the locale in the CLI.
    """
    return translate(CORE_CONTEXT, text)


def state_word(name: str) -> str:
    """A Prefect state name ("Completed", "Suspended"…) in the current language."""
    return translate("State", name)


def clear_caches() -> None:
    """Forget loaded catalogues (after the .ts changed, or in tests)."""
    load_catalogue.cache_clear()
    load_source_index.cache_clear()
