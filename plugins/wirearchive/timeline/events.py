"""Dated events: the dates a dispatch's sentences report, resolved against its own date.

>>> import datetime as dt
>>> sunday = dt.datetime(2026, 2, 1, 9, 0, tzinfo=dt.timezone.utc)
>>> events, _ = find_events([("Le groupe a annoncé samedi un accord conclu en septembre.", 12)], sunday, "fr")
>>> [e["date"] for e in events]
['2026-01-31', '2025-09']

A date keeps the precision the text gives: `en septembre` is a month (`2025-09`), never a
day. Without a year, the past is preferred (wires report what happened), unless the clause
around the date is in the future tense (`les appareils arriveront en magasin le 19
septembre`) or says `prochain`/`next`/`nächsten`. A date that cannot be resolved
(`31 février`, a week across two years) is left out with an info problem, never guessed.

The grammar is our own, over the CLDR month and weekday names Babel ships: dateparser
returns spans with trailing words (`en septembre, après un`), loses the precision (a month
comes back as its first day) and takes milliseconds per sentence.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from babel.dates import get_day_names, get_month_names

from ..dispatch.dates import fold, month_number
from ..dispatch.model import Problem
from . import dates

LANGUAGES = ("fr", "de", "en")


@dataclass(frozen=True)
class Found:
    """One date expression of a sentence: its span and the partial date it resolves to."""

    start: int
    end: int
    expression: str
    date: str | None
    reason: str | None = None  # why `date` is None


@dataclass(frozen=True)
class Context:
    day: dt.date  # the dispatch's date, in its own time zone
    future: bool  # the clause around the expression is in the future tense
    language: str


Resolver = Callable[[re.Match, Context], "str | tuple[None, str]"]


# ----------------------------------------------------------------------------- vocabulary


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


@lru_cache(maxsize=None)
def month_names(language: str) -> frozenset[str]:
    """Wide month names, their unaccented spellings and abbreviations written with a dot."""
    names: set[str] = set()
    for width in ("wide", "abbreviated"):
        for name in get_month_names(width, locale=language).values():
            if width == "wide" or name.endswith("."):
                names.add(name)
            if width == "abbreviated" and not name.endswith("."):
                names.add(name + ".")
    names |= {fold(n) for n in names if not n.endswith(".")}
    names |= {"Sept.", "sept."} | ({"Maerz", "Jänner"} if language == "de" else set())
    return frozenset(names)


@lru_cache(maxsize=None)
def month_pattern(language: str) -> str:
    return rf"(?P<month>{_alternation(month_names(language))})(?![\w])"


@lru_cache(maxsize=None)
def weekday_numbers(language: str) -> dict[str, int]:
    """Folded weekday names to 0 (Monday) .. 6 (Sunday)."""
    return {fold(name): number for number, name in get_day_names("wide", locale=language).items()}


@lru_cache(maxsize=None)
def weekday_pattern(language: str) -> str:
    names = set(get_day_names("wide", locale=language).values())
    return rf"(?P<weekday>{_alternation(names)})"


PAST_WORDS = re.compile(r"^(?:dernier|derni[eè]re|pass[ée]e?|pr[ée]c[ée]dente?|last|past|previous|"
                        r"letzte[mnrs]?|vergangene[mnrs]?|vorige[mnrs]?)$", re.I)
NEXT_WORDS = re.compile(r"^(?:prochaine?|next|coming|n[äa]chste[mnrs]?|kommende[mnrs]?)$", re.I)
THIS_WORDS = re.compile(r"^(?:ce|cette|this|diese[mnrs]?)$", re.I)


def direction(word: str | None) -> int | None:
    """-1 for `dernier`/`last`/`letzten`, +1 for `prochain`/`next`/`nächsten`, 0 for `cette`/`this`."""
    if not word:
        return None
    if PAST_WORDS.match(word):
        return -1
    if NEXT_WORDS.match(word):
        return 1
    if THIS_WORDS.match(word):
        return 0
    return None


# Words after a year that make it a quantity (`en 2000 exemplaires`), not a date.
_NOT_A_YEAR = (r"(?![\d%])(?![.,]\d)(?!\s*(?:%|pour\s?cent|percent|Prozent|millions?|milliards?|Millionen|Milliarden|Mio|Mrd|"
               r"billions?|francs|euros?|dollars?|CHF|EUR|USD|personnes|employés|emplois|salariés|Mitarbeitende|"
               r"Mitarbeiter|Stellen|people|employees|jobs|units|unités|exemplaires|ans|années|Jahren?|years)\b)")
YEAR = r"(?P<year>(?:19|20)\d{2})" + _NOT_A_YEAR

RELATIVE_DAYS = {"avant-hier": -2, "hier": -1, "demain": 1, "après-demain": 2, "apres-demain": 2,
                 "vorgestern": -2, "gestern": -1, "morgen": 1, "übermorgen": 2,
                 "the day before yesterday": -2, "yesterday": -1, "tomorrow": 1}


# ----------------------------------------------------------------------------- resolvers


def _day(year: int, month: int, day: int) -> str | tuple[None, str]:
    try:
        return dates.of_day(dt.date(year, month, day))
    except ValueError:
        return None, f"{year:04d}-{month:02d}-{day:02d} is not a day of the calendar"


def _day_number(text: str) -> int:
    return int(re.match(r"\d+", text).group())


def full_date(m: re.Match, ctx: Context):
    return _day(int(m["year"]), month_number(m["month"]), _day_number(m["day"]))


def numeric_date(m: re.Match, ctx: Context):
    return _day(int(m["year"]), int(m["mon"]), int(m["day"]))


def day_month(m: re.Match, ctx: Context):
    """`le 19 septembre`: the nearest such day (the earlier one on a tie), the next one when the clause is future.

    A writer leaves the year out of a day only when it is near: `jusqu'au 13 juin` in a
    dispatch of 9 June is four days ahead, not a year back.
    """
    month, day = month_number(m["month"]), _day_number(m["day"])
    candidates = []
    for year in (ctx.day.year - 1, ctx.day.year, ctx.day.year + 1):
        try:
            candidates.append(dt.date(year, month, day))
        except ValueError:
            continue
    if ctx.future:
        candidates = [c for c in candidates if c >= ctx.day]
    if not candidates:
        return None, f"{day} {m['month']} is not a day of the calendar near {ctx.day.year}"
    best = min(candidates, key=lambda c: (abs((c - ctx.day).days), c > ctx.day))
    return dates.of_day(best)


def month_year(m: re.Match, ctx: Context):
    return dates.of_month(int(m["year"]), month_number(m["month"]))


def month_alone(m: re.Match, ctx: Context):
    """`en septembre`: the latest September up to the dispatch's month (or the next one)."""
    month, now = month_number(m["month"]), ctx.day.month
    way = direction(m.groupdict().get("rel"))
    way = way if way is not None else (1 if ctx.future else -1)
    year = ctx.day.year
    if way < 0 and (month > now or (month == now and m.groupdict().get("rel"))):
        year -= 1
    elif way > 0 and (month < now or (month == now and m.groupdict().get("rel"))):
        year += 1
    return dates.of_month(year, month)


def weekday(m: re.Match, ctx: Context):
    """`samedi` in a Sunday dispatch is the day before; the dispatch's own weekday is that day."""
    target = weekday_numbers(ctx.language)[fold(m["weekday"])]
    back = (ctx.day.weekday() - target) % 7
    ahead = (target - ctx.day.weekday()) % 7
    way = direction(m.groupdict().get("rel"))
    if way == -1:
        offset = -(back or 7)
    elif way == 1:
        offset = ahead or 7
    else:
        offset = ahead if ctx.future else -back
    return dates.of_day(ctx.day + dt.timedelta(days=offset))


def relative_day(m: re.Match, ctx: Context):
    return dates.of_day(ctx.day + dt.timedelta(days=RELATIVE_DAYS[m["word"].lower()]))


def relative_unit(m: re.Match, ctx: Context):
    """`la semaine dernière`, `letzten Monat`, `this year`: the week, month or year meant."""
    way = direction(m["rel"])
    unit = fold(m["unit"])
    if unit in ("semaine", "woche", "week", "vorwoche"):
        monday = ctx.day - dt.timedelta(days=ctx.day.weekday()) + dt.timedelta(weeks=way)
        span = dates.span_of(monday, monday + dt.timedelta(days=6))
        return span if span else (None, "the week spans two years")
    if unit in ("mois", "monat", "month", "vormonat"):
        return dates.of_month(*dates.add_months(ctx.day.year, ctx.day.month, way))
    return dates.of_year(ctx.day.year + way)


def previous_unit(m: re.Match, ctx: Context):
    """German `im Vorjahr`, `in der Vorwoche`, `im Vormonat`."""
    return relative_unit({"rel": "letzten", "unit": m["unit"]}, ctx)


def year_alone(m: re.Match, ctx: Context):
    return dates.of_year(int(m["year"]))


# ----------------------------------------------------------------------------- grammars


def _rules_fr() -> list[tuple[str, Resolver, int]]:
    M, W, I = month_pattern("fr"), weekday_pattern("fr"), re.I
    day = r"(?P<day>1er|\d{1,2})"
    return [
        (rf"\b(?:{W}\s+)?(?:le\s+)?{day}\s+{M}\s+(?P<year>\d{{4}})\b", full_date, I),
        (rf"\b(?:{W}\s+)?{day}\s+{M}(?!\s+\d)", day_month, I),
        (rf"\b{M}\s+(?P<year>\d{{4}})\b", month_year, I),
        (rf"(?:\b(?:en|depuis|dès|courant|d'ici|d’ici|jusqu'en|jusqu’en|au mois de|début|fin)\s+|\bmi-)(?:l[ea]\s+)?{M}"
         rf"(?:\s+(?P<rel>dernier|prochain))?(?!\s+\d)", month_alone, I),
        (rf"\b{W}(?:\s+(?P<rel>dernier|prochain))?\b", weekday, I),
        (r"(?<!\bde )(?<!\bd')(?<!\bd’)\b(?P<word>avant-hier|apr[eè]s-demain|hier|demain)\b", relative_day, I),
        (r"\b(?P<rel>cette)\s+(?P<unit>semaine|année)\b", relative_unit, I),
        (r"\b(?:la|le|l'|l’)\s*(?P<unit>semaine|mois|an|année)\s+(?P<rel>derni[eè]re?|pass[ée]e?|pr[ée]c[ée]dente?|prochaine?)\b",
         relative_unit, I),
        (r"(?:\b(?:en|depuis|dès|d'ici|d’ici|jusqu'en|jusqu’en|fin|début|courant|l'année|l’année|l'exercice|l’exercice|"
         r"trimestre|semestre|printemps|été|automne|hiver)\s+|\bmi-)" + YEAR, year_alone, I),
    ]


def _rules_de() -> list[tuple[str, Resolver, int]]:
    M, W = month_pattern("de"), weekday_pattern("de")
    day = r"(?P<day>\d{1,2})\."
    return [
        (rf"\b(?:{W},?\s+)?(?:(?i:den|dem|am)\s+)?{day}\s*{M}\s+(?P<year>\d{{4}})\b", full_date, 0),
        (rf"\b(?:{W},?\s+)?{day}\s*{M}(?!\s+\d)", day_month, 0),
        (rf"\b{M}\s+(?P<year>\d{{4}})\b", month_year, 0),
        (rf"\b(?i:im|seit|ab|bis|von|anfang|mitte|ende|bis\s+ende)\s+{M}(?!\s+\d)", month_alone, 0),
        (rf"\b(?:(?P<rel>(?i:vergangene[mnrs]?|letzte[mnrs]?|vorige[mnrs]?|kommende[mnrs]?|nächste[mnrs]?))\s+)?{W}"
         r"(?:abend|morgen|nachmittag|vormittag|mittag)?\b", weekday, 0),
        (r"(?<!\bvon )\b(?P<word>[Vv]orgestern|[Gg]estern|[Üü]bermorgen|morgen)\b", relative_day, 0),
        (r"\b(?P<rel>(?i:letzte[mnrs]?|vergangene[mnrs]?|vorige[mnrs]?|nächste[mnrs]?|kommende[mnrs]?|diese[mnrs]?))"
         r"\s+(?P<unit>Woche|Monat|Jahr)(?:e?s)?\b", relative_unit, 0),
        (r"\b(?i:im|in\s+der)\s+(?P<unit>Vorjahr|Vormonat|Vorwoche)\b", previous_unit, 0),
        (r"\b(?:(?i:im\s+jahre?|seit|bis|ab|anfang|mitte|ende|in)|Quartal|Geschäftsjahr|Halbjahr|Sommer|Herbst|Winter|"
         r"Frühjahr|Frühling)\s+" + YEAR, year_alone, 0),
    ]


def _rules_en() -> list[tuple[str, Resolver, int]]:
    M, W = month_pattern("en"), weekday_pattern("en")
    day = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
    return [
        (rf"\b(?:{W},?\s+)?{M}\s+{day},?\s+(?P<year>\d{{4}})\b", full_date, 0),
        (rf"\b(?:{W},?\s+)?(?:the\s+)?{day}\s+(?:of\s+)?{M},?\s+(?P<year>\d{{4}})\b", full_date, 0),
        (rf"\b(?:{W},?\s+)?{M}\s+{day}\b(?!,?\s+\d)(?!\s*(?:%|percent|million|billion))", day_month, 0),
        (rf"\b(?:{W},?\s+)?(?:the\s+)?{day}\s+(?:of\s+)?{M}(?!,?\s+\d)", day_month, 0),
        (rf"\b{M},?\s+(?P<year>\d{{4}})\b", month_year, 0),
        (rf"(?:\b(?:(?i:in|since|from|until|by|early|late|during|through|(?P<rel>last|next|this)))\s+|\b(?i:mid)-){M}(?!,?\s+\d)",
         month_alone, 0),
        (rf"\b(?:(?P<rel>(?i:last|next|this|on))\s+)?{W}\b", weekday, 0),
        (r"\b(?P<word>(?i:the\s+day\s+before\s+yesterday|yesterday|tomorrow))\b(?!['’]s)", relative_day, 0),
        (r"\b(?P<rel>(?i:last|previous|next|this|coming))\s+(?P<unit>week|month|year)\b", relative_unit, 0),
        (r"(?:\b(?i:in|since|by|until|from|early|late|during|through|before|after|end\s+of|start\s+of|beginning\s+of|"
         r"fiscal|quarter\s+of|summer|autumn|fall|winter|spring)\s+|\b(?i:mid|end)-)" + YEAR, year_alone, 0),
    ]


ISO_DATE = (r"\b(?P<year>\d{4})-(?P<mon>\d{2})-(?P<day>\d{2})\b", numeric_date, 0)
DOTTED_DATE = (r"\b(?P<day>\d{1,2})\.(?P<mon>\d{1,2})\.(?P<year>\d{4})\b", numeric_date, 0)  # 14.3.2026
NUMERIC_RULES = {"fr": [ISO_DATE, DOTTED_DATE], "de": [ISO_DATE, DOTTED_DATE], "en": [ISO_DATE]}

# What each kind of rule needs in a sentence before it is worth running: most sentences
# name no date, and most that do need one or two of the rules.
NEEDS = {full_date: "month", day_month: "month", month_year: "month", month_alone: "month", numeric_date: "digits",
         weekday: "weekday", relative_day: "day-word", relative_unit: "unit", previous_unit: "unit", year_alone: "digits"}
TRIGGER_WORDS = {
    "fr": {"day-word": "hier demain", "unit": "semaine mois an année"},
    "de": {"day-word": "gestern vorgestern morgen übermorgen", "unit": "woche monat jahr jahres vorjahr vormonat vorwoche"},
    "en": {"day-word": "yesterday tomorrow", "unit": "week month year"},
}
WORD = re.compile(r"[^\W\d_]+")
FOUR_DIGITS = re.compile(r"\d{4}")


@lru_cache(maxsize=None)
def trigger_words(language: str) -> dict[str, frozenset[str]]:
    """For each kind of rule, the lower-case words one of which a sentence must hold for it to apply."""
    months = {name.lower().rstrip(".") for name in month_names(language)}
    days = {name.lower() for name in get_day_names("wide", locale=language).values()}
    if language == "de":
        days |= {day + part for day in days for part in ("abend", "morgen", "nachmittag", "vormittag", "mittag")}
    words = TRIGGER_WORDS[language]
    return {"month": frozenset(months | {fold(m) for m in months}), "weekday": frozenset(days | {fold(d) for d in days}),
            "day-word": frozenset(words["day-word"].split()), "unit": frozenset(words["unit"].split())}


def kinds_present(sentence: str, language: str) -> set[str]:
    """The kinds of rules worth running on `sentence`: a word lookup, much cheaper than the rules."""
    words = set(WORD.findall(sentence.lower()))
    present = {kind for kind, wanted in trigger_words(language).items() if not words.isdisjoint(wanted)}
    if FOUR_DIGITS.search(sentence):
        present.add("digits")
    return present


@lru_cache(maxsize=None)
def grammar(language: str) -> tuple[tuple[re.Pattern, Resolver, str], ...]:
    """The rules of `language`: (pattern, resolver, what the sentence needs for it to apply)."""
    rules = {"fr": _rules_fr, "de": _rules_de, "en": _rules_en}[language]() + NUMERIC_RULES[language]
    return tuple((re.compile(pattern, flags), resolve, NEEDS[resolve]) for pattern, resolve, flags in rules)


# ----------------------------------------------------------------------------- tense

FUTURE = {
    "fr": re.compile(r"\b(?:\w{2,}(?:eront|iront|ront|erons|era|ira|ura|dra|tra|vra|rra)|va|vont|devrait|devraient|doit|doivent|"
                     r"prochaine?s?)\b(?!-t)", re.I),
    "de": re.compile(r"\b(?:wird|werden|soll|sollen|will|wollen|plant|planen|dürfte|dürften|voraussichtlich|künftig|"
                     r"kommende[mnrs]?|nächste[mnrs]?)\b", re.I),
    "en": re.compile(r"(?:\b(?:will|shall|won't|plans?\s+to|(?:is|are)\s+(?:expected|set|due|scheduled)\s+to|expects?\s+to|"
                     r"next|upcoming)\b|\w'll\b)", re.I),
}
CLAUSE_BREAK = re.compile(r"[,;:()«»\"“”—–]|\s(?:et|mais|que|alors|and|but|that|while|und|aber|dass|während|nachdem)\s|\bqu['’]", re.I)


def clause_around(sentence: str, start: int, end: int) -> str:
    """The part of `sentence` between the clause breaks before `start` and after `end`."""
    left, right = 0, len(sentence)
    for brk in CLAUSE_BREAK.finditer(sentence):
        if brk.end() <= start:
            left = brk.end()
        elif brk.start() >= end:
            right = brk.start()
            break
    return sentence[left:start] + " " + sentence[end:right]


def is_future(sentence: str, start: int, end: int, language: str) -> bool:
    return bool(FUTURE[language].search(clause_around(sentence, start, end)))


# ----------------------------------------------------------------------------- sentences

ABBREVIATIONS = {"m", "mm", "mme", "mmes", "mlle", "dr", "st", "ste", "prof", "inc", "corp", "co", "ltd", "mr", "mrs", "ms",
                 "jr", "sr", "no", "nr", "bzw", "ca", "env", "etc", "vs", "z.b", "u.a", "d.h", "s.a", "gen", "lt", "col"}
BOUNDARY = re.compile(r"[.!?…][\"»”’)]*\s+(?=[«\"“(]?[A-ZÀ-ÖØ-Þ0-9])")


def sentences(text: str) -> list[str]:
    """Split a paragraph into sentences, keeping initials, abbreviations and `1. Februar` whole."""
    result, start = [], 0
    for brk in BOUNDARY.finditer(text):
        before = text[start:brk.start() + 1].rsplit(None, 1)[-1].rstrip(".").lower()
        after = text[brk.end():].split(None, 1)[0] if text[brk.end():].strip() else ""
        if len(before) == 1 and before.isalpha() or before in ABBREVIATIONS:
            continue
        if re.fullmatch(r"\d{1,2}", before) and month_number(after.rstrip(".,")):
            continue
        result.append(text[start:brk.start() + 1].strip())
        start = brk.end()
    if text[start:].strip():
        result.append(text[start:].strip())
    return result


# ----------------------------------------------------------------------------- extraction


def find_dates(sentence: str, published: dt.date, language: str) -> list[Found]:
    """The date expressions of one sentence, left to right, none overlapping another."""
    present = kinds_present(sentence, language)
    if not present:
        return []
    matches: list[tuple[re.Match, Resolver]] = []
    for pattern, resolve, needs in grammar(language):
        if needs in present:
            matches += [(m, resolve) for m in pattern.finditer(sentence)]
    matches.sort(key=lambda item: (item[0].start(), -(item[0].end() - item[0].start())))
    found, taken_until = [], 0
    for m, resolve in matches:
        if m.start() < taken_until:
            continue
        taken_until = m.end()
        ctx = Context(published, is_future(sentence, m.start(), m.end(), language), language)
        result = resolve(m, ctx)
        if isinstance(result, tuple):
            found.append(Found(m.start(), m.end(), m.group(), None, result[1]))
        else:
            found.append(Found(m.start(), m.end(), m.group(), result))
    return found


def find_events(paragraphs: Iterable[tuple[str, int | None]], published: dt.datetime, language: str,
                path: str = "<text>") -> tuple[list[dict], list[Problem]]:
    """Events `{date, text}` of the paragraphs `(text, line)`, in reading order, each date once per sentence.

    `published` is the dispatch's date in its own time zone: relative expressions
    (`samedi`, `hier`, `en septembre`) are resolved against its calendar day there.
    Languages without a grammar (anything but fr, de, en) give no events.
    """
    if language not in LANGUAGES:
        return [], []
    day = published.date()
    events: list[dict] = []
    problems: list[Problem] = []
    seen: set[tuple[str, str]] = set()
    for text, line in paragraphs:
        for sentence in sentences(" ".join(text.split())):
            for found in find_dates(sentence, day, language):
                if found.date is None:
                    problems.append(Problem(path, line, "info",
                                            f"date `{found.expression}` left out of the events: {found.reason} "
                                            f"(add it under `events:` in front matter if it matters)"))
                    continue
                if (found.date, sentence) not in seen:
                    seen.add((found.date, sentence))
                    events.append({"date": found.date, "text": sentence})
    return events, problems


_MD_LINE = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_MARKS = re.compile(r"[*_`]+")


def markdown_paragraphs(markdown: str, first_line: int = 1) -> list[tuple[str, int]]:
    """Paragraphs of curated Markdown as plain text `(text, line)`, code blocks left out."""
    paragraphs: list[tuple[str, int]] = []
    current: list[str] = []
    start, fenced = first_line, False
    for number, raw in enumerate(markdown.split("\n"), first_line):
        if raw.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
            continue
        if fenced or not raw.strip():
            if current:
                paragraphs.append((" ".join(current), start))
                current = []
            continue
        if not current:
            start = number
        current.append(_MD_MARKS.sub("", _MD_LINK.sub(r"\1", _MD_LINE.sub("", raw))).strip())
    if current:
        paragraphs.append((" ".join(current), start))
    return paragraphs
