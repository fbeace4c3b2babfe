"""The rules of the glossary's front matter and of its aliases.

How an alias is matched in an article (the rules :class:`~.matching.Matcher` applies):

* exactly as written by default: `Apple` is not `apple`, `Zürich` is not `Zurich`;
  typographic apostrophes, no-break spaces and hyphen variants always count as their
  plain forms. `fold: [case]` or `fold: [accents]` (on the alias, or on the entity for
  its name and all string aliases) lets case or accents differ.
* a person's one-word aliases, and the last word of their name, are *short forms*
  (`Huang`, `Son`, `Xi`): they count only once the article has introduced the person by
  a longer name. Two people may share a short form, and a company may bear it too
  (`Dell`, `Michael Dell`): the one introduced wins; where two still fit, no mention.
* an alias of three letters or fewer, or one that is a common word of the site's
  languages, may not fold case. A common word written with a capital (`Son`) is not
  matched at the start of a sentence, where any word has one, unless an honorific
  precedes it (`M. Son`). Outside short forms of people, a capitalised common word
  is refused; acronyms (`SIX`) are fine.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..problems import Problem, brief
from ..text.folding import fold, fold_in_place, fold_key
from .model import TYPES, Alias, Entity
from .words import ALL_COMMON

ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
WIKIDATA = re.compile(r"^Q[1-9][0-9]*$")
FOLDS = ("case", "accents")
KNOWN_KEYS = {"name", "type", "aliases", "wikidata", "description", "fold"}
# Keys MkDocs and Material read from any page's front matter: allowed on entity pages too.
PAGE_KEYS = {"title", "hide", "search", "tags", "status", "subtitle", "icon", "template"}


def parse_entity(
    ident: str,
    values: dict,
    lines: dict[str, int],
    body: str,
    shown: str,
    src_uri: str,
    problems: list[Problem],
) -> Entity | None:
    """Check one entity's front matter; None (and problems) if it cannot be used."""
    before = len(problems)

    def error(key: str, message: str) -> None:
        problems.append(Problem(shown, lines.get(key, 1), "error", f"`{key}` {message}"))

    for key in values:
        if str(key) not in KNOWN_KEYS | PAGE_KEYS:
            problems.append(
                Problem(
                    shown,
                    lines.get(str(key)),
                    "warning",
                    f"unknown entity key `{key}` (known keys: {', '.join(sorted(KNOWN_KEYS))})",
                )
            )
    name = values.get("name")
    if not (isinstance(name, str) and name.strip()):
        error("name", f"must be a non-empty string, got {brief(name)}")
    kind = values.get("type")
    if kind not in TYPES:
        error("type", f"must be one of {', '.join(TYPES)}, got {brief(kind)}")
    wikidata = values.get("wikidata")
    if wikidata is not None and not (isinstance(wikidata, str) and WIKIDATA.match(wikidata)):
        error("wikidata", f"must be a Wikidata item id such as Q182477, got {brief(wikidata)}")
    description = values.get("description")
    if description is not None and not (isinstance(description, str) and description.strip()):
        error("description", f"must be one sentence of text, got {brief(description)}")
    entity_fold = _folds(values.get("fold", []))
    if entity_fold is None:
        error(
            "fold", f"must be a list drawn from {', '.join(FOLDS)}, got {brief(values.get('fold'))}"
        )
    raw_aliases = values.get("aliases", [])
    if raw_aliases is None:
        raw_aliases = []
    if not isinstance(raw_aliases, list):
        error("aliases", f"must be a list, got {brief(raw_aliases)}")
    if len(problems) > before:
        return None
    # Checked above: narrowed for the type checker.
    assert isinstance(name, str) and isinstance(kind, str) and entity_fold is not None
    assert isinstance(raw_aliases, list)
    aliases: list[Alias] = []
    refused: list[str] = []
    for raw in [name, *raw_aliases]:
        alias, reason = _alias(raw, entity_fold, kind, is_name=raw is name)
        if reason:
            refused.append(reason)
        elif alias is not None and all(a.text != alias.text for a in aliases):
            aliases.append(alias)
    if refused:  # one message for the key, however many entries it refuses
        more = f" (and {len(refused) - 1} more entries refused)" if len(refused) > 1 else ""
        error("aliases", refused[0] + more)
    if kind == "person":
        surname = _surname(name)
        if surname and all(a.text != surname for a in aliases) and len(surname) > 1:
            aliases.append(Alias(surname, short=True, common=is_common(surname), derived=True))
    if len(problems) > before:
        return None
    return Entity(
        ident,
        name.strip(),
        kind,
        tuple(aliases),
        shown,
        src_uri,
        wikidata,
        description.strip() if description else None,
        body.strip(),
    )


def _folds(value) -> tuple[str, ...] | None:
    if isinstance(value, str):
        value = [value]
    if isinstance(value, list) and all(v in FOLDS for v in value):
        return tuple(value)
    return None


def _alias(
    raw, entity_fold: tuple[str, ...], kind: str, *, is_name: bool
) -> tuple[Alias | None, str | None]:
    fold = entity_fold
    if isinstance(raw, dict):
        if set(raw) - {"text", "fold"} or not isinstance(raw.get("text"), str):
            return None, f"entry {brief(raw)} must be a string or a mapping {{text, fold}}"
        own = _folds(raw.get("fold", []))
        if own is None:
            return (
                None,
                f"entry {brief(raw['text'])}: `fold` must be a list drawn from {', '.join(FOLDS)}",
            )
        fold, raw = own, raw["text"]
    if not isinstance(raw, str):
        return None, f"entry {brief(raw)} must be a string"
    text = " ".join(raw.split())
    if not text:
        return None, "has an empty entry"
    letters = sum(c.isalnum() for c in text)
    if letters < 2:
        return None, f"entry `{text}` is too short to be found reliably"
    common = is_common(text)
    short = kind == "person" and not is_name and " " not in text
    if "case" in fold and (letters <= 3 or common):
        return None, (
            f"entry `{text}` is {'a common word' if common else 'three letters or fewer'}: "
            "it must match with its exact case; remove `case` from its `fold`"
        )
    acronym = text.isupper()
    if common and not acronym and not short:
        if text.islower():
            return None, f"entry `{text}` is a common word and would be found in ordinary prose"
        return None, (
            f"entry `{text}` is the common word `{text.casefold()}`, which starts sentences "
            "with a capital: "
            "use a longer alias (or the acronym in capitals)"
        )
    return Alias(
        text, "case" in fold, "accents" in fold, short=short, common=common and not acronym
    ), None


def is_common(text: str) -> bool:
    """Whether `text` is a common word of the site's languages (`Son`, `les`, `März`)."""
    return text.casefold() in ALL_COMMON or fold(text) in ALL_COMMON


def _surname(name) -> str | None:
    """The surname of a full name, with its particles: `Huang`, `von der Leyen`, `de Gaulle`."""
    words = str(name).split()
    if len(words) < 2 or not words[-1][:1].isupper() or words[-1].endswith("."):
        return None
    start = len(words) - 1
    while start > 1 and words[start - 1].islower():
        start -= 1
    return " ".join(words[start:])


def check_aliases(entities: Iterable[Entity]) -> list[Problem]:
    """An alias claimed by two entities is an error.

    People's short forms are not: they count only once the full name has been read, and
    where two entities still fit (`Dell` after `Michael Dell`) no mention is recorded.
    """
    problems: list[Problem] = []
    owners: dict[str, list[tuple[Entity, Alias]]] = {}
    for entity in entities:
        for alias in entity.aliases:
            owners.setdefault(fold_key(alias.text), []).append((entity, alias))
    for claims in owners.values():
        for i, (first, a) in enumerate(claims):
            for second, b in claims[i + 1 :]:
                if first.id == second.id or a.short or b.short:
                    continue  # a person's short form counts only after the full name: no clash
                case, accents = a.fold_case or b.fold_case, a.fold_accents or b.fold_accents
                if fold_in_place(a.text, case, accents) == fold_in_place(b.text, case, accents):
                    problems.append(
                        Problem(
                            second.source,
                            None,
                            "error",
                            f"alias `{b.text}` is also claimed by {first.source} (`{a.text}`): "
                            "an alias must name one entity",
                        )
                    )
    return problems
