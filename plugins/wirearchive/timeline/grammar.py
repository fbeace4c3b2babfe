"""The date grammar of each language: what a date expression looks like, and what it means.

Each rule is a regular expression over a sentence and a resolver that turns its match into
a partial date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) against the dispatch's own day, or says
why it cannot (`31 février`). Month and weekday names come from the CLDR data Babel ships
(`wirearchive.text.months`).

The grammar is our own: dateparser returns spans with trailing words (`en septembre, après
un`), loses the precision (a month comes back as its first day) and takes milliseconds per
sentence; this grammar keeps the precision the text gives and costs a word lookup for the
sentences (most of them) that name no date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from itertools import takewhile
from typing import NamedTuple

from ..text.folding import fold
from ..text.months import month_names, month_number, weekday_names, weekday_numbers
from . import partial as dates

LANGUAGES = ("fr", "de", "en", "it")  # languages with a grammar: events are found in these


@dataclass(frozen=True)
class Context:
    day: dt.date  # the dispatch's date, in its own time zone
    # Whether the clause around the expression is in the future tense: a function, asked
    # only by the rules that need it (most do not, and the test is a regex over the clause).
    ahead: Callable[[], bool]
    language: str
    anchor: dt.date | None = None  # the last day the text named before (`le même jour`)

    @property
    def future(self) -> bool:
        return self.ahead()


class Span(NamedTuple):
    """A span the text gives (`von 2016 bis 2020`): it dates the event by its start."""

    start: str
    end: str


Resolver = Callable[[re.Match, Context], str | Span | tuple[None, str]]


# ----------------------------------------------------------------------------- vocabulary


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


@cache
def month_pattern(language: str) -> str:
    return rf"(?P<month>{_alternation(month_names(language))})(?![\w])"


@cache
def weekday_pattern(language: str) -> str:
    return rf"(?P<weekday>{_alternation(weekday_names(language))})"


PAST_WORDS = re.compile(
    r"^(?:dernier|derni[eè]re|pass[ée]e?|pr[ée]c[ée]dente?|last|past|previous|"
    r"letzte[mnrs]?|vergangene[mnrs]?|vorige[mnrs]?|scors[oa]|passat[oa])$",
    re.I,
)
NEXT_WORDS = re.compile(
    r"^(?:prochaine?|next|coming|n[äa]chste[mnrs]?|kommende[mnrs]?|prossim[oa])$", re.I
)
# Before a weekday, these make it the next one: `ab Freitag`, `dès vendredi`, `from Monday`.
FROM_ON = re.compile(
    r"\b(?:ab|dès|à partir de|from|starting|a partire da)\s+(?:dem\s+|le\s+|on\s+)?$",
    re.I,
)
THIS_WORDS = re.compile(r"^(?:ce|cette|this|diese[mnrs]?|quest[oa])$", re.I)


def direction(word: str | None) -> int | None:
    """-1 for `dernier`/`last`/`letzten`, +1 for `prochain`/`next`, 0 for `cette`/`this`."""
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
_NOT_A_YEAR = (
    r"(?![\d%])(?![.,]\d)(?!\s*(?:%|pour\s?cent|percent|Prozent|millions?|milliards?|Millionen|"
    r"Milliarden|Mio|Mrd|"
    r"billions?|francs|euros?|dollars?|CHF|EUR|USD|personnes|employés|emplois|salariés|"
    r"Mitarbeitende|"
    r"Mitarbeiter|Stellen|people|employees|jobs|units|unités|exemplaires|ans|années|Jahren?|"
    r"years)\b)"
)
YEAR = r"(?P<year>(?:19|20)\d{2})" + _NOT_A_YEAR

RELATIVE_DAYS = {
    "avant-hier": -2,
    "hier": -1,
    "demain": 1,
    "après-demain": 2,
    "apres-demain": 2,
    "vorgestern": -2,
    "gestern": -1,
    "morgen": 1,
    "übermorgen": 2,
    "the day before yesterday": -2,
    "yesterday": -1,
    "tomorrow": 1,
    "l'altro ieri": -2,
    "l’altro ieri": -2,
    "altroieri": -2,
    "ieri": -1,
    "domani": 1,
    "dopodomani": 2,
}


# `le même jour`, `la veille`: days counted from the last day the text named.
ANAPHORIC_DAYS = {
    "même jour": 0,
    "veille": -1,
    "lendemain": 1,
    "selben tag": 0,
    "gleichen tag": 0,
    "vortag": -1,
    "tag danach": 1,
    "tag darauf": 1,
    "folgetag": 1,
    "same day": 0,
    "day before": -1,
    "previous day": -1,
    "next day": 1,
    "following day": 1,
    "stesso giorno": 0,
    "giorno prima": -1,
    "giorno precedente": -1,
    "giorno dopo": 1,
    "giorno seguente": 1,
}
NUMBERS = {
    **dict.fromkeys(("un", "une", "ein", "einem", "einer", "eines", "a", "an", "one", "uno"), 1),
    **dict.fromkeys(("una", "un'"), 1),
    **dict.fromkeys(("deux", "zwei", "two", "due"), 2),
    **dict.fromkeys(("trois", "drei", "three", "tre"), 3),
    **dict.fromkeys(("quatre", "vier", "four", "quattro"), 4),
    **dict.fromkeys(("cinq", "fünf", "five", "cinque"), 5),
    **dict.fromkeys(("six", "sechs", "sei"), 6),
    **dict.fromkeys(("sept", "sieben", "seven", "sette"), 7),
    **dict.fromkeys(("huit", "acht", "eight", "otto"), 8),
    **dict.fromkeys(("neuf", "neun", "nine", "nove"), 9),
    **dict.fromkeys(("dix", "zehn", "ten", "dieci"), 10),
}
NUMBER = r"(?P<n>\d{1,2}|" + "|".join(sorted(NUMBERS, key=len, reverse=True)) + ")"
# Seasons: their first and last month (winter runs over the turn of the year).
SEASONS = {  # folded names
    **dict.fromkeys(("printemps", "fruhling", "fruhjahr", "spring", "primavera"), (3, 5)),
    **dict.fromkeys(("ete", "sommer", "summer", "estate"), (6, 8)),
    **dict.fromkeys(("automne", "herbst", "autumn", "fall", "autunno"), (9, 11)),
    **dict.fromkeys(("hiver", "winter", "inverno"), (12, 2)),
}


# ----------------------------------------------------------------------------- resolvers


def _day(year: int, month: int, day: int) -> str | tuple[None, str]:
    try:
        return dates.of_day(dt.date(year, month, day))
    except ValueError:
        return None, f"{year:04d}-{month:02d}-{day:02d} is not a day of the calendar"


def _day_number(text: str) -> int:
    return int("".join(takewhile(str.isdigit, text)))  # `1er`, `1º`: the digits


def _month(name: str) -> int:
    """The month of a name the grammar matched (so one of the known names)."""
    number = month_number(name)
    if number is None:
        raise ValueError(f"not a month name: {name!r}")
    return number


def full_date(m: re.Match, ctx: Context):
    return _day(int(m["year"]), _month(m["month"]), _day_number(m["day"]))


def numeric_date(m: re.Match, ctx: Context):
    return _day(int(m["year"]), int(m["mon"]), int(m["day"]))


def day_month(m: re.Match, ctx: Context):
    """`le 19 septembre`: the nearest such day (the earlier one on a tie), the next one when the
    clause is future.

    A writer leaves the year out of a day only when it is near: `jusqu'au 13 juin` in a
    dispatch of 9 June is four days ahead, not a year back.
    """
    month, day = _month(m["month"]), _day_number(m["day"])
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
    return dates.of_month(int(m["year"]), _month(m["month"]))


def month_alone(m: re.Match, ctx: Context):
    """`en septembre`: the latest September up to the dispatch's month (or the next one)."""
    month, now = _month(m["month"]), ctx.day.month
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
    elif ctx.future or FROM_ON.search(m.string, max(0, m.start() - 14), m.start()):
        offset = ahead  # `ab Freitag`, `dès vendredi`: from then on
    else:
        offset = -back
    return dates.of_day(ctx.day + dt.timedelta(days=offset))


def relative_day(m: re.Match, ctx: Context):
    return dates.of_day(ctx.day + dt.timedelta(days=RELATIVE_DAYS[m["word"].lower()]))


def relative_unit(m: re.Match, ctx: Context):
    """`la semaine dernière`, `letzten Monat`, `this year`: the week, month or year meant."""
    return _relative(direction(m["rel"]) or 0, fold(m["unit"]), ctx)


def _relative(way: int, unit: str, ctx: Context) -> str | tuple[None, str]:
    if unit in ("semaine", "woche", "week", "vorwoche", "settimana"):
        monday = ctx.day - dt.timedelta(days=ctx.day.weekday()) + dt.timedelta(weeks=way)
        span = dates.span_of(monday, monday + dt.timedelta(days=6))
        return span if span else (None, "the week spans two years")
    if unit in ("mois", "monat", "month", "vormonat", "mese"):
        return dates.of_month(*dates.add_months(ctx.day.year, ctx.day.month, way))
    return dates.of_year(ctx.day.year + way)


def previous_unit(m: re.Match, ctx: Context):
    """German `im Vorjahr`, `in der Vorwoche`, `im Vormonat`."""
    return _relative(-1, fold(m["unit"]), ctx)


def year_alone(m: re.Match, ctx: Context):
    return dates.of_year(int(m["year"]))


def year_span(m: re.Match, ctx: Context):
    """`von 2016 bis 2020`, `from 2021 to 2024`: the event starts in the first year."""
    start, end = int(m["year"]), int(m["end"])
    if end <= start:
        return None, f"a span from {start} to {end} runs backwards"
    return Span(dates.of_year(start), dates.of_year(end))


def day_span(m: re.Match, ctx: Context):
    """`du 9 au 13 juin`, `vom 9. bis 13. Juni`: the first day, then the last."""
    last = day_month(m, ctx) if not m["year"] else full_date(m, ctx)
    if isinstance(last, tuple):
        return last
    year, month = int(last[:4]), int(last[5:7])
    first = _day(year, month, _day_number(m["first"]))
    if isinstance(first, tuple):
        return first
    return Span(first, last) if first < last else (None, f"a span from {first} to {last}")


def season(m: re.Match, ctx: Context):
    """`cet automne`, `l'été dernier`, `this fall`: the year of that season.

    `cet`/`this` is the season of the dispatch's year; `dernier`/`last` the last one ended
    before the dispatch, `prochain`/`next` the next one to start; without a word, the one
    under way or last (the next when the clause is future). Winter spans two years: not told.
    """
    first, last = SEASONS[fold(m["season"])]
    if first > last:
        return None, "winter spans two years"
    way = direction(m.groupdict().get("rel") or m.groupdict().get("rel2"))
    year = ctx.day.year
    starts, ends = dt.date(year, first, 1), dates.last_day(year, last)
    if way == -1 and ends >= ctx.day:
        year -= 1  # `l'été dernier` in August: last year's
    elif (way == 1 and starts <= ctx.day) or (way is None and ctx.future and ends < ctx.day):
        year += 1
    elif way is None and not ctx.future and starts > ctx.day:
        year -= 1
    return dates.of_year(year)


def ago(m: re.Match, ctx: Context):
    """`il y a deux semaines`, `vor zwei Wochen`, `two weeks earlier`: counted back from the
    dispatch, kept at the unit's precision (a week is its month when it lies in one)."""
    count = NUMBERS.get(m["n"].lower()) or int(m["n"])
    unit = fold(m["unit"]).lower()
    if unit.startswith(("jour", "tag", "day", "giorn")):
        return dates.of_day(ctx.day - dt.timedelta(days=count))
    if unit.startswith(("semaine", "woche", "week", "settiman")):
        monday = ctx.day - dt.timedelta(days=ctx.day.weekday(), weeks=count)
        span = dates.span_of(monday, monday + dt.timedelta(days=6))
        return span if span else (None, "the week spans two years")
    if unit.startswith(("mois", "monat", "month", "mes")):
        return dates.of_month(*dates.add_months(ctx.day.year, ctx.day.month, -count))
    return dates.of_year(ctx.day.year - count)


def anaphoric_day(m: re.Match, ctx: Context):
    """`le même jour`, `la veille`, `the next day`: from the last day the text named before
    (the dispatch's own day when it named none)."""
    key = " ".join(fold(m["word"]).lower().split())
    offset = next(v for k, v in ANAPHORIC_DAYS.items() if fold(k) == key)
    return dates.of_day((ctx.anchor or ctx.day) + dt.timedelta(days=offset))


# ----------------------------------------------------------------------------- grammars


def _rules_fr() -> list[tuple[str, Resolver, int]]:
    M, W, IC = month_pattern("fr"), weekday_pattern("fr"), re.I
    day = r"(?P<day>1er|\d{1,2})"
    return [
        (rf"\b(?:{W}\s+)?(?:le\s+)?{day}\s+{M}\s+(?P<year>\d{{4}})\b", full_date, IC),
        (rf"\b(?:{W}\s+)?{day}\s+{M}(?!\s+\d)", day_month, IC),
        (
            rf"\bdu\s+(?P<first>1er|\d{{1,2}})\s+au\s+{day}\s+{M}(?:\s+(?P<year>\d{{4}}))?\b",
            day_span,
            IC,
        ),
        (rf"\b{M}\s+(?P<year>\d{{4}})\b", month_year, IC),
        (
            r"\b(?:de|entre)\s+(?:l['’]année\s+)?(?P<year>(?:19|20)\d{2})\s+(?:à|et|jusqu['’]en)\s+"
            r"(?:l['’]année\s+)?(?P<end>(?:19|20)\d{2})\b",
            year_span,
            IC,
        ),
        (
            r"\b(?:(?P<rel>cet|ce)\s+|l['’]|au\s+|en\s+)(?P<season>printemps|été|automne|hiver)"
            r"(?:\s+(?P<rel2>dernier|prochain))?\b(?!\s+\d)",
            season,
            IC,
        ),
        (rf"\bil\s+y\s+a\s+{NUMBER}\s+(?P<unit>jours?|semaines?|mois|ans|années?)\b", ago, IC),
        (
            rf"\b{NUMBER}\s+(?P<unit>jours?|semaines?|mois|ans|années?)\s+(?:plus\s+tôt|auparavant)\b",
            ago,
            IC,
        ),
        (r"\b(?:le|la|au|du)\s+(?P<word>même\s+jour|veille|lendemain)\b", anaphoric_day, IC),
        (
            rf"(?:\b(?:en|depuis|dès|courant|d'ici|d’ici|jusqu'en|jusqu’en|au mois de|début|fin)\s+"
            rf"|\bmi-)(?:l[ea]\s+)?{M}"
            rf"(?:\s+(?P<rel>dernier|prochain))?(?!\s+\d)",
            month_alone,
            IC,
        ),
        (rf"\b{W}(?:\s+(?P<rel>dernier|prochain))?\b", weekday, IC),
        (
            r"(?<!\bde )(?<!\bd')(?<!\bd’)\b(?P<word>avant-hier|apr[eè]s-demain|hier|demain)\b",
            relative_day,
            IC,
        ),
        (r"\b(?P<rel>cette)\s+(?P<unit>semaine|année)\b", relative_unit, IC),
        (
            r"\b(?:la|le|l'|l’)\s*(?P<unit>semaine|mois|an|année)\s+(?P<rel>derni[eè]re?|"
            r"pass[ée]e?|pr[ée]c[ée]dente?|prochaine?)\b",
            relative_unit,
            IC,
        ),
        (
            r"(?:\b(?:en|depuis|dès|d'ici|d’ici|jusqu'en|jusqu’en|(?:fin|début)(?:\s+de)?|courant|"
            r"(?:fin\s+de\s+)?l['’]année|l'exercice|l’exercice|moitié\s+de|"
            r"trimestre|semestre|printemps|été|automne|hiver)\s+|\bmi-)" + YEAR,
            year_alone,
            IC,
        ),
    ]


def _rules_de() -> list[tuple[str, Resolver, int]]:
    M, W = month_pattern("de"), weekday_pattern("de")
    day = r"(?P<day>\d{1,2})\."
    return [
        (rf"\b(?:{W},?\s+)?(?:(?i:den|dem|am)\s+)?{day}\s*{M}\s+(?P<year>\d{{4}})\b", full_date, 0),
        (rf"\b(?:{W},?\s+)?{day}\s*{M}(?!\s+\d)", day_month, 0),
        (rf"\b{M}\s+(?P<year>\d{{4}})\b", month_year, 0),
        (
            rf"\b(?i:vom)\s+(?P<first>\d{{1,2}})\.\s*(?i:bis(?:\s+zum)?)\s+{day}\s*{M}"
            r"(?:\s+(?P<year>\d{4}))?",
            day_span,
            0,
        ),
        (
            r"\b(?i:im|seit|ab|bis|von|anfang|mitte|ende|bis\s+ende)\s+"
            r"(?:(?P<rel>(?i:vergangenen|letzten|vorigen|kommenden|nächsten))\s+)?"
            rf"{M}(?!\s+\d)",
            month_alone,
            0,
        ),
        (
            r"\b(?i:von|zwischen)\s+(?P<year>(?:19|20)\d{2})\s+(?i:bis|und)\s+"
            r"(?P<end>(?:19|20)\d{2})\b",
            year_span,
            0,
        ),
        (
            r"\b(?:(?i:im)\s+(?:(?P<rel>(?i:vergangenen|letzten|vorigen|kommenden|nächsten))\s+)?|"
            r"(?P<rel2>(?i:diese[mnrs]?|vergangene[mnrs]?|letzte[mnrs]?|kommende[mnrs]?|"
            r"nächste[mnrs]?))\s+)(?P<season>Frühling|Frühjahr|Sommer|Herbst|Winter)\b(?!\s+\d)",
            season,
            0,
        ),
        (rf"\b(?i:vor)\s+(?i:{NUMBER})\s+(?P<unit>Tagen|Wochen|Monaten|Jahren)\b", ago, 0),
        (
            rf"\b(?i:{NUMBER})\s+(?P<unit>Tage|Wochen|Monate|Jahre)\s+(?i:zuvor|früher|davor)\b",
            ago,
            0,
        ),
        (
            r"\b(?i:am|an\s+dem)\s+(?P<word>(?i:selben|gleichen)\s+Tag|Vortag|Folgetag|"
            r"Tag\s+(?i:danach|darauf))\b",
            anaphoric_day,
            0,
        ),
        (
            r"\b(?:(?P<rel>(?i:vergangene[mnrs]?|letzte[mnrs]?|vorige[mnrs]?|kommende[mnrs]?|"
            rf"nächste[mnrs]?))\s+)?{W}"
            r"(?:abend|morgen|nachmittag|vormittag|mittag)?\b",
            weekday,
            0,
        ),
        (
            r"(?<!\bvon )\b(?P<word>[Vv]orgestern|[Gg]estern|[Üü]bermorgen|morgen)\b",
            relative_day,
            0,
        ),
        (
            r"\b(?P<rel>(?i:letzte[mnrs]?|vergangene[mnrs]?|vorige[mnrs]?|nächste[mnrs]?|"
            r"kommende[mnrs]?|diese[mnrs]?))"
            r"\s+(?P<unit>Woche|Monat|Jahr)(?:e?s)?\b",
            relative_unit,
            0,
        ),
        (r"\b(?i:im|in\s+der)\s+(?P<unit>Vorjahr|Vormonat|Vorwoche)\b", previous_unit, 0),
        (
            r"\b(?:(?i:im\s+jahre?|seit|bis|ab|anfang|mitte|ende|in)|Quartal|Geschäftsjahr|"
            r"Halbjahr|Jahreshälfte|Hälfte|Sommer|Herbst|Winter|"
            r"Frühjahr|Frühling)\s+" + YEAR,
            year_alone,
            0,
        ),
    ]


def _rules_en() -> list[tuple[str, Resolver, int]]:
    M, W = month_pattern("en"), weekday_pattern("en")
    day = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
    return [
        (rf"\b(?:{W},?\s+)?{M}\s+{day},?\s+(?P<year>\d{{4}})\b", full_date, 0),
        (rf"\b(?:{W},?\s+)?(?:the\s+)?{day}\s+(?:of\s+)?{M},?\s+(?P<year>\d{{4}})\b", full_date, 0),
        (
            rf"\b(?:{W},?\s+)?{M}\s+{day}\b(?!,?\s+\d)(?!\s*(?:%|percent|million|billion))",
            day_month,
            0,
        ),
        (rf"\b(?:{W},?\s+)?(?:the\s+)?{day}\s+(?:of\s+)?{M}(?!,?\s+\d)", day_month, 0),
        (rf"\b{M},?\s+(?P<year>\d{{4}})\b", month_year, 0),
        (
            r"(?:\b(?:(?i:in|since|from|until|by|early|late|during|through|"
            rf"(?P<rel>last|next|this)))\s+|\b(?i:mid)-){M}(?!,?\s+\d)",
            month_alone,
            0,
        ),
        (rf"\b(?:(?P<rel>(?i:last|next|this|on))\s+)?{W}\b", weekday, 0),
        (
            r"\b(?i:from|between)\s+(?P<year>(?:19|20)\d{2})\s+(?i:to|until|till|through|and)\s+"
            r"(?P<end>(?:19|20)\d{2})\b",
            year_span,
            0,
        ),
        (
            r"\b(?:(?P<rel>(?i:this|last|next|past|coming))\s+|(?i:in\s+the)\s+)"
            r"(?P<season>(?i:spring|summer|fall|autumn|winter))\b(?!\s+\d)",
            season,
            0,
        ),
        (
            rf"\b(?i:{NUMBER})\s+(?P<unit>(?i:days?|weeks?|months?|years?))\s+"
            r"(?i:ago|earlier|previously)\b",
            ago,
            0,
        ),
        (
            r"\b(?i:the|that)\s+(?P<word>(?i:same\s+day|day\s+before|previous\s+day|next\s+day|"
            r"following\s+day))\b",
            anaphoric_day,
            0,
        ),
        (
            r"\b(?P<word>(?i:the\s+day\s+before\s+yesterday|yesterday|tomorrow))\b(?!['’]s)",
            relative_day,
            0,
        ),
        (
            r"\b(?P<rel>(?i:last|previous|next|this|coming))\s+(?P<unit>week|month|year)\b",
            relative_unit,
            0,
        ),
        (
            r"(?:\b(?i:in|since|by|until|from|early|late|during|through|before|after|end\s+of|"
            r"start\s+of|beginning\s+of|"
            r"quarter\s+of|half\s+of|summer|autumn|fall|winter|spring)\s+|\b(?i:mid|end)-)" + YEAR,
            year_alone,
            0,
        ),
    ]


def _rules_it() -> list[tuple[str, Resolver, int]]:
    M, W, IC = month_pattern("it"), weekday_pattern("it"), re.I
    day = r"(?P<day>1º|1°|\d{1,2})"
    return [
        (rf"\b(?:{W}\s+)?(?:il\s+|l'|l’)?{day}\s+{M}\s+(?P<year>\d{{4}})\b", full_date, IC),
        (rf"\b(?:{W}\s+)?{day}\s+{M}(?!\s+\d)", day_month, IC),
        (rf"\b{M}\s+(?P<year>\d{{4}})\b", month_year, IC),
        (
            r"(?:\b(?:a|ad|in|nel|dal|da|entro|fino\s+a|a\s+partire\s+da|inizio|fine|met[àa])\s+"
            r"|\bmetà\s+)"
            rf"(?:mese\s+di\s+)?{M}(?:\s+(?P<rel>scorso|prossimo))?(?!\s+\d)",
            month_alone,
            IC,
        ),
        (rf"\b{W}(?:\s+(?P<rel>scorso|prossimo))?(?!\w)", weekday, IC),
        (r"\b(?P<word>l['’]altro\s+ieri|altroieri|dopodomani|ieri|domani)\b", relative_day, IC),
        (
            r"\b(?P<rel>quest[oa]|prossim[oa]|scors[oa])\s+(?P<unit>settimana|mese|anno)\b",
            relative_unit,
            IC,
        ),
        (
            r"\b(?:dal|tra\s+il|fra\s+il)\s+(?P<year>(?:19|20)\d{2})\s+(?:al|e\s+il|a)\s+"
            r"(?P<end>(?:19|20)\d{2})\b",
            year_span,
            IC,
        ),
        (
            r"\b(?:(?P<rel>quest[oa]|prossim[oa]|scors[oa])\s+|in\s+|d['’])"
            r"(?P<season>primavera|estate|autunno|inverno)(?:\s+(?P<rel2>scors[oa]|prossim[oa]))?"
            r"\b(?!\s+\d)",
            season,
            IC,
        ),
        (rf"\b{NUMBER}\s+(?P<unit>giorni|settimane|mesi|anni)\s+fa\b", ago, IC),
        (
            r"\b(?:lo|il)\s+(?P<word>stesso\s+giorno|giorno\s+(?:prima|precedente|dopo|seguente))\b",
            anaphoric_day,
            IC,
        ),
        (
            r"\b(?:la|il|l'|l’)\s*(?P<unit>settimana|mese|anno)\s+(?P<rel>scors[oa]|passat[oa]|"
            r"prossim[oa])\b",
            relative_unit,
            IC,
        ),
        (
            r"(?:\b(?:nel|dal|entro\s+il|fino\s+al|a\s+partire\s+dal|inizio|fine|dell['’]anno|"
            r"esercizio|trimestre|"
            r"semestre|primavera|estate|autunno|inverno)\s+)" + YEAR,
            year_alone,
            IC,
        ),
    ]


ISO_DATE = (r"\b(?P<year>\d{4})-(?P<mon>\d{2})-(?P<day>\d{2})\b", numeric_date, 0)
DOTTED_DATE = (
    r"\b(?P<day>\d{1,2})\.(?P<mon>\d{1,2})\.(?P<year>\d{4})\b",
    numeric_date,
    0,
)  # 14.3.2026
SLASHED_DATE = (
    r"\b(?P<day>\d{1,2})/(?P<mon>\d{1,2})/(?P<year>\d{4})\b",
    numeric_date,
    0,
)  # 14/3/2026
NUMERIC_RULES = {
    "fr": [ISO_DATE, DOTTED_DATE],
    "de": [ISO_DATE, DOTTED_DATE],
    "en": [ISO_DATE],
    "it": [ISO_DATE, DOTTED_DATE, SLASHED_DATE],
}

# What each kind of rule needs in a sentence before it is worth running: most sentences
# name no date, and most that do need one or two of the rules. (A full date and a month
# with its year need both their month and four digits.)
NEEDS: dict[Resolver, frozenset[str]] = {
    resolve: frozenset(needs.split())
    for resolve, needs in (
        (full_date, "month digits"),
        (day_month, "month"),
        (month_year, "month digits"),
        (month_alone, "month"),
        (numeric_date, "digits"),
        (weekday, "weekday"),
        (relative_day, "day-word"),
        (relative_unit, "unit"),
        (previous_unit, "unit"),
        (year_alone, "digits"),
        (year_span, "digits"),
        (day_span, "month"),
        (season, "season"),
        (ago, "unit"),
        (anaphoric_day, "day-word"),
    )
}
TRIGGER_WORDS = {
    "fr": {
        "day-word": "hier demain jour veille lendemain",
        "unit": "semaine mois an année semaines jours jour ans années",
        "season": "printemps été automne hiver",
    },
    "de": {
        "day-word": "gestern vorgestern morgen übermorgen tag vortag folgetag",
        "unit": "woche monat jahr jahres vorjahr vormonat vorwoche wochen tagen monaten jahren "
        "tage monate jahre",
        "season": "frühling frühjahr sommer herbst winter",
    },
    "en": {
        "day-word": "yesterday tomorrow day",
        "unit": "week month year weeks days day months years",
        "season": "spring summer fall autumn winter",
    },
    "it": {
        "day-word": "ieri domani dopodomani altroieri giorno",
        "unit": "settimana mese anno settimane giorni mesi anni",
        "season": "primavera estate autunno inverno",
    },
}
WORD = re.compile(r"[^\W\d_]+")
FOUR_DIGITS = re.compile(r"\d{4}")


@cache
def trigger_words(language: str) -> dict[str, frozenset[str]]:
    """For each kind of rule, the lower-case words a sentence must hold one of for it to apply."""
    months = {name.lower().rstrip(".") for name in month_names(language)}
    days = {name.lower() for name in weekday_names(language)}
    if language == "de":
        days |= {
            day + part
            for day in days
            for part in ("abend", "morgen", "nachmittag", "vormittag", "mittag")
        }
    words = TRIGGER_WORDS[language]
    return {
        "month": frozenset(months | {fold(m) for m in months}),
        "weekday": frozenset(days | {fold(d) for d in days}),
        "day-word": frozenset(words["day-word"].split()),
        "unit": frozenset(words["unit"].split()),
        "season": frozenset(words["season"].split()),
    }


# French writes `été` for the summer and for the past participle of `être` (`a été`): the
# season rules need one of the other seasons or `été` after a word that makes it a season.
FR_SEASON = re.compile(r"(?i:printemps|automne|hiver|(?:\bcet\s+|\bl['’]|\ben\s+|\bd['’])été)")


def kinds_present(sentence: str, language: str) -> set[str]:
    """The kinds of rules worth running on `sentence`: a word lookup, cheaper than the rules."""
    words = set(WORD.findall(sentence.lower()))
    present = {
        kind for kind, wanted in trigger_words(language).items() if not words.isdisjoint(wanted)
    }
    if FOUR_DIGITS.search(sentence):
        present.add("digits")
    if "season" in present and language == "fr" and not FR_SEASON.search(sentence):
        present.discard("season")  # `a été` is no summer
    return present


@cache
def grammar(language: str) -> tuple[tuple[re.Pattern, Resolver, frozenset[str]], ...]:
    """The rules of `language`: (pattern, resolver, what the sentence needs for it to apply)."""
    rules = {"fr": _rules_fr, "de": _rules_de, "en": _rules_en, "it": _rules_it}[language]()
    rules += NUMERIC_RULES[language]
    return tuple(
        (re.compile(pattern, flags), resolve, NEEDS[resolve]) for pattern, resolve, flags in rules
    )
