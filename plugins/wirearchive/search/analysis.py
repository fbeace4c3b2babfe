"""How text becomes index terms, the same way at build time and in the reader's browser.

The fold here is search's own, on purpose: it must give what `assets/pipeline.js` gives
(lower case, `ß` -> `ss`, `œ` -> `oe`, NFKD with marks dropped), and the rest of the package
folds with `wirearchive.text.folding`.

`terms(text, language)` is what the index stores for a dispatch in `language`;
`query_terms(word)` is what one typed word may match, in every supported language.
The browser runs the same steps (`assets/pipeline.js`) with lunr-languages' stemmers,
which PyStemmer 2.2.0.x reproduces exactly; `tests/browser` checks both agree.

Steps: typographic apostrophes become `'`; case and accents are folded (`É` -> `e`,
`ß` -> `ss`); words are runs of letters and digits; an elided article or pronoun before an
apostrophe is dropped (`l'économie` -> `economie`, `jusqu'à` -> `a`), so is an English
possessive `'s`; in German, the spelled-out umlauts are transliterated (`ae`, `oe`, `ue`
but not `que` become `a`, `o`, `u`: `Boerse` and `Börse` both become `borse`); stop words of
the language are dropped; the rest is stemmed with the language's Snowball stemmer (French,
German, Italian) or lunr.js's own English stemmer. Folding before stemming means a word
typed without its accents always meets the accented word of the dispatch: both go through
the stemmer as the same letters. A typed word is tried in every language, and where it
spells out an umlaut (`zuerich`) also transliterated, so that `zuerich` finds the French
`Zurich` as well as the German `Zürich`.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from pathlib import Path

import Stemmer

from . import porter

LANGUAGES = (
    "fr",
    "de",
    "en",
    "it",
)  # languages search can stem and stop: a site chooses among them
SNOWBALL = {"fr": "french", "de": "german", "it": "italian"}
APOSTROPHES = "'\u2019\u2018\u02bc\u0060\u00b4\u2032\uff07"
ELISIONS = frozenset(
    {
        # French
        "l",
        "d",
        "j",
        "m",
        "n",
        "s",
        "t",
        "c",
        "qu",
        "jusqu",
        "lorsqu",
        "puisqu",
        "quoiqu",
        "presqu",
        # Italian
        "dell",
        "all",
        "dall",
        "nell",
        "sull",
        "coll",
        "quell",
        "un",
        "gl",
    }
)
SPECIAL = {
    "ß": "ss",
    "æ": "ae",
    "œ": "oe",
    "ø": "o",
    "ł": "l",
    "đ": "d",
    "ð": "d",
    "þ": "th",
    "ı": "i",
}
WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
# Umlauts spelled out (`Boerse`, `Zuerich`), as Snowball's german2 reads them: not `que`.
UMLAUT = re.compile(r"ae|oe|(?<!q)ue")
TRANSLITERATED = ("de",)  # languages whose text is transliterated before stemming
_APOSTROPHE = re.compile("[" + APOSTROPHES + "]")
_SPECIAL = re.compile("|".join(SPECIAL))
STOPWORDS_DIR = Path(__file__).parent / "stopwords"


def fold(text: str) -> str:
    """Lowercase, without accents: `L’Économie Straße` -> `l'economie strasse`. Lowered
    again after NFKD, whose compatibility forms may be capitals (`𝕊`, `Ｓ`, `Ⅳ`)."""
    text = _SPECIAL.sub(lambda m: SPECIAL[m.group(0)], _APOSTROPHE.sub("'", text.lower()))
    return "".join(
        c
        for c in unicodedata.normalize("NFKD", text)
        if not unicodedata.category(c).startswith("M")
    ).lower()


def words(text: str) -> list[str]:
    """The folded words of `text`, elisions and possessives split off."""
    found: list[str] = []
    for token in WORD.findall(fold(text)):
        parts = token.split("'")
        while len(parts) > 1 and parts[0] in ELISIONS:
            parts.pop(0)
        if len(parts) > 1 and parts[-1] == "s":
            parts.pop()
        found.extend(parts)
    return found


def transliterate(word: str) -> str:
    """A folded word with its spelled-out umlauts as plain vowels: `boerse` -> `borse`."""
    return UMLAUT.sub(lambda m: m.group(0)[0], word)


def _spelled(word: str, language: str) -> str:
    return transliterate(word) if language in TRANSLITERATED else word


@cache
def stop_words(language: str) -> frozenset[str]:
    """The language's stop words, folded (and transliterated) like the text they meet."""
    path = STOPWORDS_DIR / f"{language}.txt"
    if language not in LANGUAGES or not path.is_file():
        return frozenset()
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(
        _spelled(fold(line.strip()), language)
        for line in lines
        if line.strip() and not line.startswith("#")
    )


@cache
def _snowball(language: str) -> Stemmer.Stemmer:
    return Stemmer.Stemmer(SNOWBALL[language])


@lru_cache(maxsize=500_000)
def stem(word: str, language: str) -> str:
    """The stem of a folded word in `language`; unsupported languages are not stemmed."""
    if language in SNOWBALL:
        return _snowball(language).stemWord(word)
    if language == "en":
        return porter.stem(word)
    return word


def terms(text: str, language: str) -> list[str]:
    """The index terms of `text` written in `language`, in order, repeats kept."""
    stops = stop_words(language)
    spelled = (_spelled(w, language) for w in words(text))
    return [stem(w, language) for w in spelled if w not in stops]


def query_terms(word: str, languages: tuple[str, ...] = LANGUAGES) -> list[str]:
    """What one folded query word may match, sorted: its term in each language where it is
    no stop word, and, where it spells out an umlaut, the transliterated word's term too."""
    found = set()
    for lang in languages:
        for form in {_spelled(word, lang), transliterate(word)}:
            if form not in stop_words(lang):
                found.add(stem(form, lang))
    return sorted(found)


def is_stop_word(word: str, languages: tuple[str, ...] = LANGUAGES) -> bool:
    """Is the folded word a stop word in one of `languages` (a query need not find it)?"""
    return any(_spelled(word, lang) in stop_words(lang) for lang in languages)


def pipeline_data(languages: tuple[str, ...] = LANGUAGES) -> dict:
    """What `assets/pipeline.js` needs to repeat these steps: the same lists, from one source."""
    return {
        "languages": list(languages),
        "apostrophes": APOSTROPHES,
        "elisions": sorted(ELISIONS),
        "special": SPECIAL,
        "transliterated": list(TRANSLITERATED),
        "stopWords": {lang: sorted(stop_words(lang)) for lang in languages},
    }
