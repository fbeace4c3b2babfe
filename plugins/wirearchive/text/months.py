"""Month names of the site's languages, from the CLDR data Babel ships.

`févr.`, `Dez`, `März`, `September`, `sett.` are known without a hand-kept table. The
parser reads dates in any of these languages (a French site receives German dispatches);
the event grammars of each language take that language's names.
"""

from __future__ import annotations

from functools import cache, lru_cache

from babel.dates import get_day_names, get_month_names

from .folding import fold

MONTH_LOCALES = ("fr", "de", "en", "it")
# Short forms wire services use that CLDR spells otherwise.
WIRE_FORMS = {
    "sept": 9,
    "sep": 9,
    "juil": 7,
    "juin": 6,
    "mrz": 3,
    "maerz": 3,
    "fev": 2,
    "dez": 12,
    "okt": 10,
    "jaenner": 1,
    "janner": 1,
}


def _key(name: str) -> str:
    return fold(name).rstrip(".")


@lru_cache(maxsize=1)
def month_table() -> dict[str, int]:
    """Every wide and abbreviated month name of the known locales, folded, to 1..12."""
    table: dict[str, int] = {}
    for locale in MONTH_LOCALES:
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for number, name in get_month_names(width, context, locale=locale).items():
                    table[_key(name)] = number
    for name, number in WIRE_FORMS.items():
        table.setdefault(name, number)
    for number, name in get_month_names("wide", locale="en").items():
        table.setdefault(_key(name)[:3], number)
    return table


def month_number(name: str) -> int | None:
    """1..12 for a month name in any known language (`févr.`, `Dez`, `Sept`), else None."""
    return month_table().get(_key(name))


@cache
def month_names(language: str) -> frozenset[str]:
    """The month names a text in `language` writes: wide names, unaccented spellings, and
    abbreviations with their dot (`févr.`, `Sept.`)."""
    names: set[str] = set()
    for width in ("wide", "abbreviated"):
        for name in get_month_names(width, locale=language).values():
            if width == "wide" or name.endswith("."):
                names.add(name)
            if width == "abbreviated" and not name.endswith("."):
                names.add(name + ".")
    names |= {fold(n) for n in names if not n.endswith(".")}  # `fevrier`, `marz`
    names |= {"Sept.", "sept."}
    if language == "de":
        names |= {"Maerz", "Jänner"}
    return frozenset(names)


@cache
def weekday_numbers(language: str) -> dict[str, int]:
    """Folded weekday names of `language` to 0 (Monday) .. 6 (Sunday)."""
    return {fold(name): number for number, name in get_day_names("wide", locale=language).items()}


@cache
def weekday_names(language: str) -> frozenset[str]:
    return frozenset(get_day_names("wide", locale=language).values())
