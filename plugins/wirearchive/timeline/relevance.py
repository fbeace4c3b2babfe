"""Which entities a sentence is about: those it names, and those a pronoun carries on.

An entity's timeline keeps the events whose sentence is about the entity: the sentence names
it, or continues with a pronoun or a description (`Il`, `Son directeur`, `Le groupe`,
`Der Konzern`, `The company`, `L'action`, `Les appareils`, `Das teilte ... mit`) the
sentences just before it, which were about it. Names come from the caller (:data:`About`:
the glossary's matcher); this module only reads the sentence around them:

* a newspaper named as the source of the news (`selon le Wall Street Journal`) and a product
  or place named only to describe a company (`le créateur de ChatGPT`, `the iPhone maker`,
  `le groupe de Cupertino`) are not what the sentence is about;
* a description right before a name is that name's (`le géant taïwanais TSMC`,
  `la start-up chinoise DeepSeek`), not a pronoun;
* a singular pronoun or description carries on the first entity of a fitting type (a
  person for `er`/`he`/`le patron`, a company for `le groupe`/`the company`, a product for
  `les appareils`) of the nearest of the three sentences before; a plural (`Les deux
  groupes`, `Both companies`) all the companies and products of that sentence; a
  demonstrative standing for the statement before (`Das teilte ... mit`, `Cela`) all of its
  entities. Nothing is carried on past a name of the same kind the sentence gives first.

Word lists of our own per language, as for dates (:mod:`.grammar`): coreference models
(spaCy's experimental one, fastcoref) want a pipeline and a model per language and cost
far more per dispatch than the build can spend.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from functools import cache

import ahocorasick

# The caller's finder of names: (start, end, entity id) of each name in a sentence, in order.
About = Callable[[str], Iterable[tuple[int, int, str]]]

COMPANIES = frozenset({"company"})
ORGANIZATIONS = frozenset({"organization"})
PEOPLE = frozenset({"person"})
PRODUCTS = frozenset({"product"})
THINGS = frozenset({"company", "organization", "product"})
ANY = frozenset({"company", "organization", "product", "person"})
LOOKBACK = 3  # sentences a pronoun may reach back over


def _any(*alternatives: str) -> str:
    return "|".join(alternatives)


# A company described without its name: `le groupe`, `der Konzern`, `the company`, and the
# parts of a company that stand for it: `l'action`, `die Aktie`, `sein Umsatz`.
COMPANY_NOUNS = _any(
    r"(?:le|du|au)\s+(?:groupe|géant|fabricant|constructeur|conglomérat|concepteur|titre)",
    r"(?:la|de\s+la|à\s+la)\s+(?:société|firme|start-up|jeune\s+pousse|multinationale)",
    r"(?:l['’]|de\s+l['’]|à\s+l['’])(?:entreprise|opérateur|éditeur|équipementier|action)",
    r"(?:der|dem|des|den)\s+(?:[\wäöü]+)?(?:konzern|hersteller|anbieter|betreiber|ausrüster)s?",
    r"(?:das|dem|des)\s+(?:\w+\s+)?(?:unternehmen|start-up)s?",
    r"(?:die|der)\s+(?:firma|gesellschaft|aktie)",
    r"the\s+(?:[\w-]+\s+)?(?:company|group|firm|chipmaker|startup|carrier|operator|maker)",
    r"(?:il|del|al)\s+(?:gruppo|colosso|produttore|titolo)",
    r"(?:la|della|alla)\s+società|l['’](?:azienda|operatore)|dell['’](?:azienda|operatore)",
)
# A person's title that stands for the company too: `Konzernchef`, `Firmengründer`.
COMPANY_TITLES = r"(?:konzern|firmen|unternehmens)(?:chef|chefin|gründer|leitung)\w*"
ORGANIZATION_NOUNS = _any(
    r"l['’](?:institution|autorité|administration)|la\s+commission",
    r"die\s+(?:behörde|kommission|regierung)",
    r"the\s+(?:agency|commission|regulator)",
    r"l['’](?:autorità|istituzione)",
)
PERSON_NOUNS = _any(
    r"le\s+(?:patron|président|directeur|dirigeant|fondateur|cofondateur|milliardaire)",
    r"(?:der|dem)\s+(?:chef|präsident|gründer|manager|milliardär)",
    r"the\s+(?:president|chief|executive|founder|billionaire)",
    r"il\s+(?:presidente|fondatore|cofondatore|manager)",
)
PRODUCT_NOUNS = _any(
    r"(?:les|des|aux)\s+(?:nouveaux\s+)?(?:appareils|modèles|lunettes)|le\s+modèle",
    r"die\s+(?:neuen\s+)?(?:geräte|modelle|brillen?)|das\s+(?:neue\s+)?(?:gerät|modell)",
    r"the\s+(?:new\s+)?(?:devices?|models?|glasses|look)",
    r"(?:i|gli)\s+(?:nuovi\s+)?(?:modelli|dispositivi|apparecchi)|il\s+modello(?!\s+precedente)",
)
DESCRIPTIONS = (
    (COMPANY_NOUNS, COMPANIES | ORGANIZATIONS, COMPANIES),
    (ORGANIZATION_NOUNS, ORGANIZATIONS, ORGANIZATIONS),
    (PERSON_NOUNS, PEOPLE, PEOPLE),
    (PRODUCT_NOUNS, PRODUCTS, PRODUCTS),
)
# What each description must contain, in lower case, for it to match at all: most sentences
# hold none of these words, and a substring test is much cheaper than the patterns above.
# (Substrings, so that German compounds count: `Chipkonzern`, `Autohersteller`.)
DESCRIPTION_KEYS = (
    (
        "groupe",
        "géant",
        "fabricant",
        "constructeur",
        "conglomérat",
        "concepteur",
        "titre",
        "société",
        "firme",
        "start-up",
        "jeune",
        "multinationale",
        "entreprise",
        "opérateur",
        "éditeur",
        "équipementier",
        "action",
        "konzern",
        "hersteller",
        "anbieter",
        "betreiber",
        "ausrüster",
        "unternehmen",
        "firma",
        "gesellschaft",
        "aktie",
        "company",
        "group",
        "firm",
        "chipmaker",
        "startup",
        "carrier",
        "operator",
        "maker",
        "gruppo",
        "colosso",
        "produttore",
        "titolo",
        "società",
        "azienda",
        "operatore",
    ),
    (
        "institution",
        "autorité",
        "administration",
        "commission",
        "behörde",
        "kommission",
        "regierung",
        "agency",
        "regulator",
        "autorità",
        "istituzione",
    ),
    (
        "patron",
        "président",
        "directeur",
        "dirigeant",
        "fondateur",
        "milliardaire",
        "chef",
        "präsident",
        "gründer",
        "manager",
        "milliardär",
        "president",
        "chief",
        "executive",
        "founder",
        "billionaire",
        "presidente",
        "fondatore",
    ),
    (
        "appareils",
        "modèle",
        "lunettes",
        "geräte",
        "gerät",
        "modell",
        "brille",
        "device",
        "model",
        "glasses",
        "look",
        "dispositivi",
        "apparecchi",
    ),
)
# Words each pronoun pattern needs, by language (whole words of the sentence in lower case).
SUBJECT_WORDS = {
    "fr": {"il", "elle", "celui-ci", "celle-ci", "dernier", "dernière"},
    "de": {"er", "es"},
    "en": {"it", "he", "she"},
    "it": {"esso", "essa", "lui", "lei"},
}
PLURAL_WORDS = {  # with any digit, for `les 3 groupes`
    "fr": {"ils", "elles", "leur", "leurs", "deux", "trois", "quatre"},
    "de": {"beiden", "drei", "vier", "beide"},
    "en": {"they", "their", "both", "two", "three", "four"},
    "it": {"due", "tre", "quattro", "entrambe"},
}
TITLE_KEYS = ("konzern", "firmen", "unternehmens")  # what COMPANY_TITLES needs, likewise
TITLE = len(DESCRIPTION_KEYS)  # the number of the title's keys among the descriptions'


def _key_finder() -> ahocorasick.Automaton:
    """One automaton over the keys of every description and of the titles, each key giving
    the numbers of those it belongs to: which of them a sentence holds, in one pass over it
    (overlapping keys included), not one regular expression each."""
    numbers: dict[str, set[int]] = {}
    for number, keys in enumerate((*DESCRIPTION_KEYS, TITLE_KEYS)):
        for key in keys:
            numbers.setdefault(key, set()).add(number)
    automaton = ahocorasick.Automaton()
    for key, found in numbers.items():
        automaton.add_word(key, frozenset(found))
    automaton.make_automaton()
    return automaton


KEYS = _key_finder()


WORDS = re.compile(r"[\w'’-]+")
DIGIT = re.compile(r"\d")
# Pronouns that carry on the sentences before when they start a sentence (after a lead-in).
SUBJECT_PRONOUNS = {
    "fr": r"il(?!\s+(?:s['’]agit|y\s+a\b|faut|est\s+\w+\s+(?:de|que)))|elle|celui-ci|celle-ci|"
    r"ce\s+dernier|cette\s+dernière",
    "de": r"er|es",
    "en": r"it|he|she",
    "it": r"esso|essa|lui|lei",
}
# Possessives: anywhere, when no name came before them in the sentence.
POSSESSIVES = {
    "fr": r"son|sa|ses",
    "de": r"sein|seine|seinen|seinem|seiner|seines",
    "en": r"its|his",
    "it": r"suo|sua|suoi|sue",
}
PLURALS = {
    "fr": r"ils|elles|leurs?|les\s+(?:deux|trois|quatre|\d+)\s+[\wé]+",
    "de": r"die\s+(?:beiden|drei|vier|\d+)\s+\w+|beide",
    "en": r"they|their|both\s+companies|the\s+(?:two|three|four|\d+)\s+\w+",
    "it": r"(?:i|le|gli)\s+(?:due|tre|quattro|\d+)\s+\w+|entrambe",
}
# A demonstrative for the whole statement before: `Das teilte ... mit`, `Cela`.
STATEMENT = {
    "fr": r"cela|ceci",
    "de": r"das|dies",
    "en": r"(?!)",  # `This` and `That` start too many other sentences
    "it": r"ciò",
}
POSSESSIVE_WORDS = {lang: set(words.split("|")) for lang, words in POSSESSIVES.items()}
LEAD = r"(?:[^.;:]{0,120}?,\s+)?"  # a lead-in before the subject: `Mardi, lors de ..., `

# A newspaper quoted as the source: `selon le WSJ`, `according to`, `laut`, `secondo`.
SOURCE_BEFORE = re.compile(
    r"\b(?:selon|d['’]après|according\s+to|laut|secondo|citing|cité\s+par)\s+"
    r"(?:le\s+|la\s+|l['’]|the\s+|il\s+|dem\s+|der\s+)?$",
    re.I,
)
SOURCE_AFTER = re.compile(
    r"^\s*(?:reported|reports|a\s+rapporté|rapporte|révèle|berichtete|berichtet|meldete|"
    r"riporta)\b",
    re.I,
)
# A name used to describe a company: `le créateur de ChatGPT`, `le groupe de Cupertino`.
DESCRIBES_BEFORE = re.compile(
    r"\b(?:créateur|créatrice|éditeur|concepteur|fabricant|maison\s+mère|propriétaire|"
    r"groupe|géant|entreprise|société|firme|developer|creator|owner|maker|sviluppatore|"
    r"creatore|produttore)\s+(?:de\s+l['’]|de\s+la\s+|du\s+|des\s+|de\s+|d['’]|of\s+|di\s+|"
    r"del\s+|dell['’])$",
    re.I,
)
DESCRIBES_AFTER = re.compile(
    r"^(?:\s+(?:maker|developer|creator|owner|parent)\b|-(?:Entwickler|Hersteller|Erfinder|"
    r"Mutter|Macher|Konzern|Betreiber)\b)",
)
# Between a description and the name it introduces: adjectives (`le géant taïwanais TSMC`),
# not prepositions or verbs. German puts its adjectives before the noun, and writes every
# noun with a capital: there the name must follow at once (`der Chiphersteller TSMC`).
BETWEEN = re.compile(
    r"^(?:\s+(?!(?:de|du|des|da|di|del|della|par|by|of|per|avec|with|led|dirigé|guidato|a|"
    r"ont|avait|est|sont|va|has|had|is|was|will|ha|hanno|è)\b)[a-zà-ÿ'’-]+){0,2}\s+"
    r"(?=[A-ZÀ-ÖØ-Þ])"
)
BETWEEN_DE = re.compile(r"^\s+(?=[A-ZÄÖÜ])")
CAPITALISED = re.compile(r"(?<=\s)[A-ZÀ-ÖØ-Þ]")

DESCRIPTION_PATTERNS = tuple(
    (re.compile(rf"\b(?:{nouns})\b", re.I), fits, wanted) for nouns, fits, wanted in DESCRIPTIONS
)
TITLES = re.compile(rf"\b{COMPANY_TITLES}", re.I)


@cache  # one per language, not one per dispatch
def _pronouns(lang: str) -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    """The subject, possessive, plural and statement patterns of `lang`."""
    return (
        re.compile(rf"^{LEAD}(?:{SUBJECT_PRONOUNS[lang]})\b", re.I),
        re.compile(rf"\b(?:{POSSESSIVES[lang]})\b", re.I),
        re.compile(rf"^{LEAD}(?:{PLURALS[lang]})\b", re.I),
        re.compile(rf"^(?:{STATEMENT[lang]})\s+(?=\w)", re.I),
    )


class Relevance:
    """Reads one dispatch's sentences in order and tells, for each, the entities it is about."""

    def __init__(
        self, about: About, types: Mapping[str, str] | None = None, language: str = "fr"
    ) -> None:
        self.about = about
        self.types = types or {}
        self.history: list[list[str]] = []  # the entities of the sentences before, nearest first
        lang = language if language in SUBJECT_PRONOUNS else "en"
        self.subject, self.possessive, self.plural, self.statement = _pronouns(lang)
        self.descriptions = DESCRIPTION_PATTERNS
        self.subject_words = SUBJECT_WORDS[lang]
        self.possessive_words = POSSESSIVE_WORDS[lang]
        self.plural_words = PLURAL_WORDS[lang]
        self.titles = TITLES
        self.between = BETWEEN_DE if lang == "de" else BETWEEN
        self.nouns_capitalised = lang == "de"

    def type_of(self, entity: str) -> str:
        return self.types.get(entity, "company")

    def of(
        self,
        sentence: str,
        names: Iterable[tuple[int, int, str]] | None = None,
        *,
        carry: bool = True,
    ) -> tuple[str, ...]:
        """The entities `sentence` is about; call it on every sentence, in reading order.

        `names` are the sentence's names when the caller found them already (in a whole
        paragraph, at once); `carry=False` skips what pronouns carry on: a sentence far from
        any dated one needs only its names for the history of the sentences after it.
        """
        mentions = [
            (start, end, entity)
            for start, end, entity in (self.about(sentence) if names is None else names)
            if not self._source(sentence, start, end, entity)
            and not self._describes(sentence, start, end, entity)
        ]
        found = dict.fromkeys(entity for _, _, entity in mentions)
        if carry and self.history:
            for entity in self._carried(sentence, mentions):
                found.setdefault(entity, None)
        self.history = [list(found), *self.history[: LOOKBACK - 1]]
        return tuple(found)

    def _source(self, sentence: str, start: int, end: int, entity: str) -> bool:
        if self.type_of(entity) != "media":
            return False
        return bool(SOURCE_BEFORE.search(sentence, 0, start) or SOURCE_AFTER.match(sentence[end:]))

    def _describes(self, sentence: str, start: int, end: int, entity: str) -> bool:
        if self.type_of(entity) not in ("product", "place"):
            return False
        return bool(
            DESCRIBES_BEFORE.search(sentence, max(0, start - 40), start)
            or DESCRIBES_AFTER.match(sentence[end:])
        )

    def _carried(self, sentence: str, mentions: list[tuple[int, int, str]]) -> list[str]:
        """Entities of the sentences before that a pronoun or a description carries on.

        Each pattern runs only when the words it needs are in the sentence: the same answer,
        a fraction of the time (most sentences have no pronoun or description to carry)."""
        low = sentence.lower()
        words = set(WORDS.findall(low))
        if self._is_statement(sentence):
            return self.history[0]
        m = (
            self.plural.match(sentence)
            if not words.isdisjoint(self.plural_words) or DIGIT.search(low)
            else None
        )
        if m and not self._named_before(mentions, m.end(), THINGS):
            wanted = PRODUCTS if re.search(PRODUCT_NOUNS, m.group(), re.I) else COMPANIES
            return self._nearest(wanted | ORGANIZATIONS, every=True)
        carried: list[tuple[int, list[str]]] = []  # (where the pronoun is, what it carries)
        if (
            not words.isdisjoint(self.subject_words)
            and (m := self.subject.match(sentence))
            and not self._named_before(mentions, m.end(), ANY)
        ):
            carried.append((m.end(), self._nearest(ANY)))
        held = set().union(*(numbers for _, numbers in KEYS.iter(low)))
        if TITLE in held and (m := self.titles.search(sentence)):
            carried.append((m.start(), self._nearest(COMPANIES)))
        for number, (pattern, fits, wanted) in enumerate(self.descriptions):
            if number not in held:
                continue
            for m in pattern.finditer(sentence):
                if self._introduces(sentence, m.end(), mentions, fits):
                    continue  # `le géant taïwanais TSMC`: the name that follows
                if self._named_before(mentions, m.start(), wanted):
                    continue  # `Intel ... and the company said`: the one just named
                carried.append((m.start(), self._nearest(wanted)))
        m = (
            self.possessive.search(sentence)
            if not words.isdisjoint(self.possessive_words)
            else None
        )
        if (
            m
            and not any(at < m.start() for at, _ in carried)
            and self._possessive_free(sentence, mentions, m.start())
        ):
            carried.append((m.start(), self._nearest(COMPANIES | PEOPLE)))
        return [entity for _, entities in sorted(carried) for entity in entities]

    def _possessive_free(
        self, sentence: str, mentions: list[tuple[int, int, str]], index: int
    ) -> bool:
        """Whether a possessive at `index` can only mean an entity of the sentences before:
        nothing is named before it, not even a name the glossary does not know (`The Digital
        Markets Act ..., and its obligations`)."""
        if self._named_before(mentions, index, ANY | {"place"}):
            return False
        return self.nouns_capitalised or not CAPITALISED.search(sentence, 1, index)

    def _introduces(
        self, sentence: str, end: int, mentions: list[tuple[int, int, str]], fits: frozenset[str]
    ) -> bool:
        """Whether the description ending at `end` stands right before a name: one of a
        fitting type, or one the glossary does not know."""
        gap = self.between.match(sentence[end:])
        if gap is None:
            return False
        at = end + gap.end()
        named = next((e for s, _, e in mentions if s == at), None)
        return named is None or self.type_of(named) in fits

    def _named_before(
        self, mentions: list[tuple[int, int, str]], index: int, wanted: frozenset[str]
    ) -> bool:
        return any(s < index and self.type_of(e) in wanted for s, _, e in mentions)

    def _is_statement(self, sentence: str) -> bool:
        """`Das teilte ... mit` (a pronoun before a verb), not `Das Gesetz` (an article)."""
        m = self.statement.match(sentence)
        return m is not None and sentence[m.end() : m.end() + 1].islower()

    def _nearest(self, wanted: frozenset[str], every: bool = False) -> list[str]:
        for entities in self.history:
            fitting = [e for e in entities if self.type_of(e) in wanted]
            if fitting:
                return fitting if every else fitting[:1]
        return []
