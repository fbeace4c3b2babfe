"""Folding text so that spellings that differ only by case or accents compare equal.

Three folds, each for a reason:

- :func:`fold` lower-cases (Unicode casefold) and strips accents. It is the one used to
  compare words: month and weekday names (`Févr.`, `fevr`), common words of the glossary,
  the reading order of names (`Économie` among the E).
- :func:`fold_in_place` does the same character by character, so that an index in the
  folded text is the same index in the original: mention finding reports positions in the
  article's own text. Typographic apostrophes and hyphens become their plain forms.
- Search has its own fold (`wirearchive.search.analysis.fold`): it must give exactly what
  lunr.js's pipeline gives in the reader's browser (`ß` -> `ss`, `œ` -> `oe`, NFKD), so it
  stays beside the browser code it mirrors.
"""

from __future__ import annotations

import unicodedata

APOSTROPHES = "'’‘ʼ′´`"
HYPHENS = "-‐‑‒"


def strip_accents(text: str) -> str:
    """`Zürich` -> `Zurich`, `Élysée` -> `Elysee`; case is kept."""
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold(text: str) -> str:
    """Case and accents folded: `Févr` -> `fevr`, `ÉCONOMIE` -> `economie`."""
    return strip_accents(text.casefold())


class _Table(dict[int, str]):
    """A `str.translate` table filled on demand, one character to exactly one."""

    def __init__(self, fold_char) -> None:
        super().__init__()
        self.fold_char = fold_char

    def __missing__(self, code: int) -> str:
        value = self[code] = self.fold_char(chr(code))
        return value


def _base(char: str) -> str:
    decomposed = unicodedata.normalize("NFD", char)
    return decomposed[0] if decomposed else char


def _lower(char: str) -> str:
    low = char.lower()
    return low if len(low) == 1 else char  # `İ`.lower() is two characters: keep it


def _key_char(char: str) -> str:
    folded = _lower(_base(char))
    return folded if folded.isalnum() else " "


def _plain_char(char: str) -> str:
    if char.isspace():
        return " "
    if char in APOSTROPHES:
        return "'"
    if char in HYPHENS:
        return "-"
    return char


_KEY = _Table(_key_char)
_PLAIN = {
    (False, False): _Table(_plain_char),
    (True, False): _Table(lambda c: _lower(_plain_char(c))),
    (False, True): _Table(lambda c: _base(_plain_char(c))),
    (True, True): _Table(lambda c: _lower(_base(_plain_char(c)))),
}


def fold_key(text: str) -> str:
    """Lower case, no accents, every non-alphanumeric a space; as long as `text`."""
    return text.translate(_KEY)


def fold_in_place(text: str, case: bool = False, accents: bool = False) -> str:
    """Typographic variants made plain, case or accents folded if asked; as long as `text`."""
    return text.translate(_PLAIN[(case, accents)])
