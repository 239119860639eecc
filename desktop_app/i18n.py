"""Translation of the CLI's messages (the GUI uses Qt's own system).

Messages are marked with `_()`; catalogues live in resources/locale and follow
the user's locale (LANGUAGE / LC_ALL / LANG), falling back to English.
"""

from __future__ import annotations

import gettext

from desktop_app.core import paths

DOMAIN = "flowdesk"


def _load() -> gettext.NullTranslations:
    return gettext.translation(
        DOMAIN, localedir=str(paths.resources_dir() / "locale"), fallback=True
    )


_translations = _load()


def _(message: str) -> str:
    return _translations.gettext(message)
