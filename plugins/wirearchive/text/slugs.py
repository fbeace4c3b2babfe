"""Slugs: the ASCII words of an address, made from a headline or a name, and kept unique.

python-slugify does the transliteration; German umlauts are written out as German does
when it drops them (`fünf` is `fuenf`, not `funf`). :func:`numbered` is the one rule for
making a taken slug free again (`-2`, `-3`): for articles in a month, for facet pages,
and for the files `wirearchive add` writes.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterator

from slugify import slugify

SLUG_MAX = 60
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
    """ASCII slug of `text`, cut at a word boundary, umlauts spelled out in German."""
    slug = slugify(
        text,
        max_length=max_length,
        word_boundary=True,
        save_order=True,
        replacements=TRANSLITERATION.get(language or "", ()),
    )
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
