"""The glossary's data: entities, the ways each is written, and the glossary itself.

Plain data, read from the glossary's files by :mod:`.glossary` under the rules of
:mod:`.aliases`, and found in articles by :mod:`.matching`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..problems import Problem

TYPES = ("company", "person", "product", "organization", "media", "place")


@dataclass(frozen=True)
class Alias:
    """One way an entity is written, and how strictly it is matched."""

    text: str
    fold_case: bool = False
    fold_accents: bool = False
    short: bool = False  # a person's short form: counts once the person is introduced
    common: bool = False  # capitalised common word: not at a sentence start without honorific
    derived: bool = False  # not written in the glossary (the last word of a person's name)


@dataclass(frozen=True)
class Entity:
    """A company, person, product, organisation, news outlet or place of the glossary."""

    id: str
    name: str
    type: str
    aliases: tuple[Alias, ...]
    source: str  # the file, relative to the site root
    src_uri: str  # the page, relative to docs_dir
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


@dataclass(frozen=True)
class Glossary:
    """Every valid entity by id, and the problems of the glossary files."""

    entities: dict[str, Entity] = field(default_factory=dict)
    problems: tuple[Problem, ...] = ()
    folder: str = "entities"  # src_uri prefix of entity pages, inside docs_dir
    index_src: str = "entities/index.md"
    fingerprint: str = ""  # hash of the glossary files: part of any cache key of annotated articles

    @property
    def index_url(self) -> str:
        """URL of the glossary index, relative to the site root."""
        return self.index_src[: -len("index.md")]

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self.entities

    def __getitem__(self, entity_id: str) -> Entity:
        return self.entities[entity_id]

    def __len__(self) -> int:
        return len(self.entities)

    def __bool__(self) -> bool:
        """A glossary is there even with no valid entry (its problems still count)."""
        return True

    def get(self, entity_id: str) -> Entity | None:
        return self.entities.get(entity_id)

    def by_page(self, src_uri: str) -> Entity | None:
        """The entity whose page is `src_uri` (relative to docs_dir), if any."""
        prefix = self.folder + "/"
        if not src_uri.startswith(prefix) or not src_uri.endswith(".md"):
            return None
        entity = self.entities.get(src_uri[len(prefix) : -3])
        return entity if entity is not None and entity.src_uri == src_uri else None

    def types(self) -> dict[str, str]:
        """The type of each entity, by id."""
        return {entity_id: entity.type for entity_id, entity in self.entities.items()}
