"""The glossary: one Markdown file per entity, `<glossary_dir>/<id>.md`, read and checked.

Front matter keys: `name`, `type` (one of `TYPES`), `aliases` (list), optional `wikidata`
(a Q-id), `description` (one sentence, shown in tooltips) and `fold`; then an optional
Markdown body. An alias is a string, or a mapping `{text: ..., fold: [case, accents]}`.

How an alias is matched in an article (the rules `Matcher` applies):

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

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import frontmatter
import yaml

from ..dispatch.model import Problem
from ..frontmatter import split
from .words import ALL_COMMON

TYPES = ("company", "person", "product", "organization", "media", "place")
ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
WIKIDATA = re.compile(r"^Q[1-9][0-9]*$")
FOLDS = ("case", "accents")
KNOWN_KEYS = {"name", "type", "aliases", "wikidata", "description", "fold"}
# Keys MkDocs and Material read from any page's front matter: allowed on entity pages too.
PAGE_KEYS = {"title", "hide", "search", "tags", "status", "subtitle", "icon", "template"}
INDEX_NAMES = ("index.md", "README.md")
TOP_KEY = re.compile(r"^([^\s#:][^:\n]*?):(?:\s|$)", re.MULTILINE)
_YAML = frontmatter.YAMLHandler()
_LOADER = getattr(yaml, "CSafeLoader", None)


@dataclass(frozen=True)
class Alias:
    """One way an entity is written, and how strictly it is matched."""

    text: str
    fold_case: bool = False
    fold_accents: bool = False
    short: bool = False     # a person's short form: counts once the person is introduced
    common: bool = False    # capitalised common word: not at a sentence start without honorific
    derived: bool = False   # not written in the glossary (the last word of a person's name)


@dataclass
class Entity:
    """A company, person, product, organisation, news outlet or place of the glossary."""

    id: str
    name: str
    type: str
    aliases: tuple[Alias, ...]
    source: str                 # the file, relative to the site root
    src_uri: str                # the page, relative to docs_dir
    wikidata: str | None = None
    description: str | None = None
    body: str = ""

    @property
    def url(self) -> str:
        """URL of the entity page, relative to the site root."""
        return self.src_uri[: -len(".md")] + "/"

    @property
    def wikidata_url(self) -> str | None:
        return f"https://www.wikidata.org/wiki/{self.wikidata}" if self.wikidata else None


@dataclass
class Glossary:
    """Every valid entity by id, and the problems of the glossary files."""

    entities: dict[str, Entity] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    folder: str = "entities"          # src_uri prefix of entity pages, inside docs_dir
    index_src: str = "entities/index.md"
    fingerprint: str = ""             # hash of the glossary files: part of any cache key of annotated articles

    @property
    def index_url(self) -> str:
        """URL of the glossary index, relative to the site root."""
        return self.index_src[: -len("index.md")]

    def __contains__(self, entity_id: str) -> bool:
        return entity_id in self.entities

    def __getitem__(self, entity_id: str) -> Entity:
        return self.entities[entity_id]

    def __len__(self) -> int:
        return len(self.entities)

    def get(self, entity_id: str) -> Entity | None:
        return self.entities.get(entity_id)

    def by_page(self, src_uri: str) -> Entity | None:
        """The entity whose page is `src_uri` (relative to docs_dir), if any."""
        prefix = self.folder + "/"
        if not src_uri.startswith(prefix) or not src_uri.endswith(".md"):
            return None
        entity = self.entities.get(src_uri[len(prefix):-3])
        return entity if entity is not None and entity.src_uri == src_uri else None

    @cached_property
    def types(self) -> dict[str, str]:
        """The type of each entity, by id."""
        return {entity_id: entity.type for entity_id, entity in self.entities.items()}

    @cached_property
    def matcher(self):
        """The automaton over every alias (built on first use, rebuilt after pickling)."""
        from .matching import Matcher
        return Matcher(self.entities.values())

    def __getstate__(self):
        state = dict(self.__dict__)
        state.pop("matcher", None)
        state.pop("types", None)
        return state


# ----------------------------------------------------------------------------- reading


def load_glossary(folder: Path, root: Path, docs_dir: Path | None = None) -> Glossary:
    """Read every `<id>.md` of `folder`. Problem paths are relative to `root` (the site).

    `docs_dir` (default: the folder's parent) places entity pages in the site. Never
    raises on bad input: a file that cannot be used is reported and left out.
    """
    folder = Path(folder)
    docs_dir = Path(docs_dir) if docs_dir is not None else folder.parent
    prefix = _relative(folder, docs_dir)
    glossary = Glossary(folder=prefix, index_src=f"{prefix}/index.md")
    if not folder.is_dir():
        return glossary
    loaded: list[Entity] = []
    shown_folder = _relative(folder, root)
    digest = hashlib.sha256(prefix.encode())
    for path in sorted(folder.rglob("*"), key=lambda p: p.as_posix()):
        if not path.is_file() or path.suffix not in (".md", ".markdown") or path.name.startswith("."):
            continue
        relative = path.relative_to(folder)
        digest.update(b"\0" + relative.as_posix().encode() + b"\0" + _bytes(path))
        shown = f"{shown_folder}/{relative.as_posix()}"
        if len(relative.parts) == 1 and relative.name in INDEX_NAMES:
            continue
        if len(relative.parts) > 1:
            glossary.problems.append(Problem(shown, None, "error",
                                             f"entity files must sit directly in {shown_folder}/: an id cannot contain `/`"))
            continue
        entity = _read_entity(path, shown, f"{prefix}/{relative.as_posix()}", glossary.problems)
        if entity is not None:
            loaded.append(entity)
    glossary.entities = _unique(loaded, glossary.problems)
    glossary.fingerprint = digest.hexdigest()[:16]
    glossary.problems.extend(check_aliases(glossary.entities.values()))
    return glossary


def _bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b""


def _relative(path: Path, base: Path) -> str:
    try:
        return Path(path).resolve().relative_to(Path(base).resolve()).as_posix()
    except ValueError:
        return Path(path).as_posix()


def _read_entity(path: Path, shown: str, src_uri: str, problems: list[Problem]) -> Entity | None:
    ident = path.stem
    if not ID.match(ident):
        problems.append(Problem(shown, None, "error",
                                f"entity id `{ident}` (the file name) must be lower-case ASCII letters, digits and single hyphens, such as `jensen-huang`"))
        return None
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(Problem(shown, None, "error", f"cannot read entity file: {exc}"))
        return None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    values, lines, body, split_problems = split_entity(text, shown)
    problems.extend(split_problems)
    if split_problems:
        return None
    if not values:
        problems.append(Problem(shown, 1, "error", "entity file needs front matter with at least `name` and `type`"))
        return None
    return parse_entity(ident, values, lines, body, shown, src_uri, problems)


def split_entity(text: str, shown: str) -> tuple[dict, dict[str, int], str, list[Problem]]:
    """Front matter values, the line of each top-level key, the body, and problems.

    python-frontmatter's handler splits the file; the YAML is read with LibYAML's loader
    when PyYAML has it (a glossary has thousands of files), else as the articles' is.
    """
    if not _YAML.detect(text):
        return {}, {}, text, []
    if _LOADER is None:
        fm, problems = split(text, shown)
        return fm.values, fm.lines, fm.body, problems
    try:
        raw, body = _YAML.split(text)
        values = yaml.load(raw, Loader=_LOADER)
    except ValueError:
        return {}, {}, text, [Problem(shown, 1, "error", "front matter opened with '---' is never closed by a '---' line")]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        return {}, {}, text, [Problem(shown, 1 + mark.line if mark else 1, "error", f"front matter is not valid YAML: {reason}")]
    if values is None:
        return {}, {}, body, []
    if not isinstance(values, dict):
        return {}, {}, body, [Problem(shown, 2, "error", f"front matter must be a mapping of keys to values, not a {type(values).__name__}")]
    # the handler leaves the newline after the opening `---` at the start of `raw`
    lines = {m.group(1): 1 + raw.count("\n", 0, m.start()) for m in TOP_KEY.finditer(raw)}
    return values, lines, body, []


def parse_entity(ident: str, values: dict, lines: dict[str, int], body: str, shown: str, src_uri: str,
                 problems: list[Problem]) -> Entity | None:
    """Check one entity's front matter; None (and problems) if it cannot be used."""
    before = len(problems)

    def error(key: str, message: str) -> None:
        problems.append(Problem(shown, lines.get(key, 1), "error", f"`{key}` {message}"))

    for key in values:
        if str(key) not in KNOWN_KEYS | PAGE_KEYS:
            problems.append(Problem(shown, lines.get(str(key)), "warning",
                                    f"unknown entity key `{key}` (known keys: {', '.join(sorted(KNOWN_KEYS))})"))
    name = values.get("name")
    if not (isinstance(name, str) and name.strip()):
        error("name", f"must be a non-empty string, got {name!r}")
    kind = values.get("type")
    if kind not in TYPES:
        error("type", f"must be one of {', '.join(TYPES)}, got {kind!r}")
    wikidata = values.get("wikidata")
    if wikidata is not None and not (isinstance(wikidata, str) and WIKIDATA.match(wikidata)):
        error("wikidata", f"must be a Wikidata item id such as Q182477, got {wikidata!r}")
    description = values.get("description")
    if description is not None and not (isinstance(description, str) and description.strip()):
        error("description", f"must be one sentence of text, got {description!r}")
    entity_fold = _folds(values.get("fold", []))
    if entity_fold is None:
        error("fold", f"must be a list drawn from {', '.join(FOLDS)}, got {values.get('fold')!r}")
        entity_fold = ()
    raw_aliases = values.get("aliases", [])
    if raw_aliases is None:
        raw_aliases = []
    if not isinstance(raw_aliases, list):
        error("aliases", f"must be a list, got {raw_aliases!r}")
        raw_aliases = []
    if len(problems) > before:
        return None
    aliases: list[Alias] = []
    for raw in [name, *raw_aliases]:
        alias, reason = _alias(raw, entity_fold, kind, is_name=raw is name)
        if reason:
            error("aliases", reason)
        elif alias is not None and all(a.text != alias.text for a in aliases):
            aliases.append(alias)
    if kind == "person":
        surname = _surname(name)
        if surname and all(a.text != surname for a in aliases) and len(surname) > 1:
            aliases.append(Alias(surname, short=True, common=_is_common(surname), derived=True))
    if len(problems) > before:
        return None
    return Entity(ident, name.strip(), kind, tuple(aliases), shown, src_uri, wikidata,
                  description.strip() if description else None, body.strip())


def _folds(value) -> tuple[str, ...] | None:
    if isinstance(value, str):
        value = [value]
    if isinstance(value, list) and all(v in FOLDS for v in value):
        return tuple(value)
    return None


def _alias(raw, entity_fold: tuple[str, ...], kind: str, *, is_name: bool) -> tuple[Alias | None, str | None]:
    fold = entity_fold
    if isinstance(raw, dict):
        if set(raw) - {"text", "fold"} or not isinstance(raw.get("text"), str):
            return None, f"entry {raw!r} must be a string or a mapping {{text, fold}}"
        fold = _folds(raw.get("fold", []))
        if fold is None:
            return None, f"entry {raw['text']!r}: `fold` must be a list drawn from {', '.join(FOLDS)}"
        raw = raw["text"]
    if not isinstance(raw, str):
        return None, f"entry {raw!r} must be a string"
    text = " ".join(raw.split())
    if not text:
        return None, "has an empty entry"
    letters = sum(c.isalnum() for c in text)
    if letters < 2:
        return None, f"entry `{text}` is too short to be found reliably"
    common = _is_common(text)
    short = kind == "person" and not is_name and " " not in text
    if "case" in fold and (letters <= 3 or common):
        return None, (f"entry `{text}` is {'a common word' if common else 'three letters or fewer'}: "
                      "it must match with its exact case; remove `case` from its `fold`")
    acronym = text.isupper()
    if common and not acronym and not short:
        if text.islower():
            return None, f"entry `{text}` is a common word and would be found in ordinary prose"
        return None, (f"entry `{text}` is the common word `{text.casefold()}`, which starts sentences with a capital: "
                      "use a longer alias (or the acronym in capitals)")
    return Alias(text, "case" in fold, "accents" in fold, short=short, common=common and not acronym), None


def _is_common(text: str) -> bool:
    return text.casefold() in ALL_COMMON or strip_accents(text.casefold()) in ALL_COMMON


def _surname(name) -> str | None:
    """The surname of a full name, with its particles: `Huang`, `von der Leyen`, `de Gaulle`."""
    words = str(name).split()
    if len(words) < 2 or not words[-1][:1].isupper() or words[-1].endswith("."):
        return None
    start = len(words) - 1
    while start > 1 and words[start - 1].islower():
        start -= 1
    return " ".join(words[start:])


def strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def _unique(entities: list[Entity], problems: list[Problem]) -> dict[str, Entity]:
    by_id: dict[str, Entity] = {}
    for entity in entities:
        if entity.id in by_id:
            problems.append(Problem(entity.source, None, "error",
                                    f"duplicate entity id `{entity.id}`: {by_id[entity.id].source} already defines it"))
            continue
        by_id[entity.id] = entity
    return dict(sorted(by_id.items()))


def check_aliases(entities) -> list[Problem]:
    """An alias claimed by two entities is an error.

    People's short forms are not: they count only once the full name has been read, and
    where two entities still fit (`Dell` after `Michael Dell`) no mention is recorded.
    """
    from .matching import fold_key, normalize

    problems: list[Problem] = []
    owners: dict[str, list[tuple[Entity, Alias]]] = {}
    for entity in entities:
        for alias in entity.aliases:
            owners.setdefault(fold_key(alias.text), []).append((entity, alias))
    for claims in owners.values():
        for i, (first, a) in enumerate(claims):
            for second, b in claims[i + 1:]:
                if first.id == second.id or a.short or b.short:
                    continue  # a person's short form counts only after the full name: no clash
                case, accents = a.fold_case or b.fold_case, a.fold_accents or b.fold_accents
                if normalize(a.text, case, accents) == normalize(b.text, case, accents):
                    problems.append(Problem(second.source, None, "error",
                                            f"alias `{b.text}` is also claimed by {first.source} (`{a.text}`): "
                                            "an alias must name one entity"))
    return problems
