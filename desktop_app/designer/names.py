"""Turning titles into Python names, and judging names people type.

Node titles are labels people write freely ("Load CSV (v2)"); the generated
module needs identifiers. One function decides the mapping so validation and
code generation can never disagree about which name a node gets.
"""

from __future__ import annotations

import builtins
import keyword
import re
import unicodedata
from collections.abc import Collection
from functools import lru_cache

from desktop_app.i18n import tr_core

MAX_NAME_LENGTH = 32
"""Longest identifier a node, parameter, port or field may get.

Generated lines combine several names (`x_result = _loop_y(...)` inside an
`if`); capping them keeps every line under ruff's 100 columns.
"""

BUILTIN_NAMES = frozenset(dir(builtins))

_NON_WORD = re.compile(r"[^0-9a-zA-Z]+")
_NON_WORD_ANY_SCRIPT = re.compile(r"[\W_]+")


def first_free(base: str, taken: Collection[str], separator: str = "") -> str:
    """`base`, or `base2`, `base3`… (`separator` before the number): the first not `taken`."""
    if base not in taken:
        return base
    number = 2
    while f"{base}{separator}{number}" in taken:
        number += 1
    return f"{base}{separator}{number}"


@lru_cache(maxsize=8192)
def slugify(text: str, max_length: int = MAX_NAME_LENGTH) -> str:
    """`"Load CSV (v2)"` → `"load_csv_v2"`: lower case, words joined by `_`.

    Only ASCII letters and digits survive, so the result is an identifier
    unless it is empty or starts with a digit (then it gets an `n_` prefix);
    a title without any (`"加载数据"`) keeps its own letters instead.
    Never starts with `_`, which keeps `_`-prefixed helper names in generated
    code free for the generator. Cached: validation calls it per keystroke
    for every node of a design.
    """
    slug = _NON_WORD.sub("_", text).strip("_").lower()
    if not slug:
        return _any_script_slug(text, max_length)
    if slug[0].isdigit():
        slug = "n_" + slug
    return slug[:max_length].rstrip("_")


def _any_script_slug(text: str, max_length: int) -> str:
    """`"加载数据"` → `"加载数据"`: a title with no ASCII letter keeps its own script.

    Python identifiers may be Unicode, and a Chinese title deserves a Chinese
    function and flow name, not a hash. NFKC first (Python normalises
    identifiers so, and two titles must not collide only after parsing); the
    length is capped in columns, a wide character counting two. Titles with
    any ASCII letter or digit keep the ASCII rule above, so names generated
    before stay the same.
    """
    normal = unicodedata.normalize("NFKC", text)
    slug = _NON_WORD_ANY_SCRIPT.sub("_", normal).strip("_").lower()
    if not slug:
        return ""
    if not slug[0].isidentifier():
        slug = "n_" + slug
    kept, columns = "", 0
    for char in slug:
        columns += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
        if columns > max_length:
            break
        kept += char
    kept = kept.rstrip("_")
    return kept if kept.isidentifier() else ""


def pascal_case(slug: str) -> str:
    """`"review_batch"` → `"ReviewBatch"`: class names of generated RunInput models."""
    return "".join(part[:1].upper() + part[1:] for part in slug.split("_") if part)


def identifier_problem(name: str, what: str = "", any_script: bool = False) -> str | None:
    """Why `name` cannot be used as a Python name, or None if it can.

    `what` names the thing in the message ("parameter name", ...). Builtins
    are allowed here: shadowing `input` inside one task is harmless; callers
    that put names at module level check builtins themselves.
    """
    what = what or tr_core("name")
    if not name:
        return tr_core("The {what} is empty.").format(what=what)
    if keyword.iskeyword(name):
        return tr_core("The {what} '{name}' is a Python keyword; choose another word.").format(
            what=what, name=name)
    if not name.isidentifier() or not (name.isascii() or any_script):
        return tr_core("The {what} '{name}' is not a valid Python name: use letters, digits "
                       "and _, not starting with a digit.").format(what=what, name=name)
    if len(name) > MAX_NAME_LENGTH:
        return tr_core("The {what} '{name}' is longer than {limit} characters.").format(
            what=what, name=name, limit=MAX_NAME_LENGTH)
    if name in ("l", "O", "I"):
        return tr_core("The {what} '{name}' is easily misread (l, O, I); choose a longer "
                       "name.").format(what=what, name=name)
    return None
