"""Slugs: the ASCII words of an address, made from a headline or a name, and kept unique.

python-slugify does the transliteration; German umlauts are written out as German does
when it drops them (`fünf` is `fuenf`, not `funf`). :func:`numbered` is the one rule for
making a taken slug free again (`-2`, `-3`): for articles in a month, for facet pages,
and for the files `wirearchive add` writes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Iterator

from slugify import slugify, smart_truncate

from .words import ALL_COMMON

SLUG_MAX = 60  # characters: a cut slug ends on a whole word, and not on a small one
# `5,4 milliards` is `5-4-milliards`, not `54-milliards`: a decimal comma or point between
# digits keeps them apart.
DECIMAL = re.compile(r"(?<=\d)[,.](?=\d)")
TRANSLITERATION = {
    "de": [
        ["ä", "ae"],
        ["ö", "oe"],
        ["ü", "ue"],
        ["Ä", "Ae"],
        ["Ö", "Oe"],
        ["Ü", "Ue"],
        ["ß", "ss"],
    ],
}


def make_slug(
    text: str, language: str | None = None, *, max_length: int = SLUG_MAX, default: str = "dispatch"
) -> str:
    """ASCII slug of `text`, umlauts spelled out in German; when it is too long, cut at a
    word boundary and not after a word that leaves the phrase hanging (`...-millions-de`)."""
    text = DECIMAL.sub("-", text)
    whole = slugify(text, save_order=True, replacements=TRANSLITERATION.get(language or "", ()))
    slug = smart_truncate(whole, max_length, word_boundary=True, separator="-", save_order=True)
    if slug != whole:
        words = slug.split("-")
        while len(words) > 1 and words[-1] in ALL_COMMON:
            words.pop()
        slug = "-".join(words)
    return slug or default


def candidates(base: str) -> Iterator[str]:
    """`base`, then `base-2`, `base-3`, ..."""
    yield base
    n = 2
    while True:
        yield f"{base}-{n}"
        n += 1


def numbered(base: str, taken: Container[str] | Callable[[str], bool]) -> str:
    """The first of `base`, `base-2`, `base-3`, ... that is not taken."""
    is_taken = taken if callable(taken) else taken.__contains__
    return next(slug for slug in candidates(base) if not is_taken(slug))
