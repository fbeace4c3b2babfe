"""What a reader of an agency format gives: one frozen :class:`AgencyItem` per file.

The item keeps what the agency delivered, in the agency's terms (headline, lede, dateline,
sign-off, urgency, embargo, revision), so that mapping it to the archive's article is a
separate, later step that can be changed without re-reading any file.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of the story and the source line where it starts (None when unknown).

    `kind` says how the agency marked it up: ``p``, ``lede`` (the first paragraph marked as
    lede, which `AgencyItem.summary` repeats), ``heading``, ``li``, ``pre`` (kept with its
    line breaks: tables of figures), ``table``, ``quote``, ``fn``, ``caption``.
    """

    text: str
    line: int | None
    kind: str = "p"


@dataclass(frozen=True)
class Furniture:
    """Text that is not the story but must not be lost, with a label saying what it is.

    Labels: ``byline``, ``credits``, ``signoff``, ``revision note``, ``revision marker``,
    ``editor's note``, ``note``, ``contact``, ``notepad``, ``tagline``, ``caption``,
    ``filing time``. `public` is False where the agency says the text is not for
    publication (NewsML-G2 ``pubconstraint``, ninjs ``ednote``, NewsML ``Comment``).
    """

    label: str
    text: str
    line: int | None
    public: bool = True


@dataclass(frozen=True)
class Subject:
    """A subject code: IPTC subject code (scheme ``subj``), Media Topic (``medtop``), or a
    provider's own (its scheme alias or URI, None when the item names no scheme)."""

    code: str | None
    label: str | None
    scheme: str | None


@dataclass(frozen=True)
class Entity:
    """A person, organization, place, event or object the feed itself links to the story.

    `role` is the relation the item gives (``about``, ``mentions``, ``origin`` ...), `code`
    the identifier it gives (qcode, URI or scheme code), `wikidata` a Q-id when one is given.
    """

    name: str
    type: str
    wikidata: str | None = None
    role: str | None = None
    code: str | None = None


@dataclass(frozen=True)
class AgencyItem:
    """One news item as delivered in an agency format. Times are aware, in the site's zone.

    - `format`, `format_version`, `encoding`: what was read (``newsml1`` 1.2, ``utf-8`` ...);
      `encoding` is the one actually used, which may differ from the declared one.
    - `item_id`: the item's own identifier (NewsML ``PublicIdentifier``, G2 ``guid``, ninjs
      ``uri``, NITF ``doc-id``); `version`: its revision number; `story_key`: the same for
      every version of one story (NewsML without the revision, G2 guid, NITF ``du-key``),
      a hash of the bytes when the item has no identifier (SDA XML).
    - `title` (agency headline rules applied, wire markers removed), `subtitle`, `summary`
      (abstract or lede), `slugline`, `newslines` (other headline-like lines, labelled).
    - `first_created`, `version_created`; `date`, the article's date: first-created, else
      version-created, else the dateline date given as a time, else the sending time.
    - `language` (ISO 639-1 from the item, None when it gives none), `sources` (agencies,
      canonical spelling), `rubric`, `byline`, `authors`, `credits` (reporting credits).
    - `dateline` (as written), `dateline_place`, `signoff`, `urgency`, `copyright`.
    - `status` (usable, embargoed, withheld, canceled), `embargo` (end of the embargo),
      `instruction` (NewsML Instruction, G2 signal), `revision_note` (what the agency said
      changed), `revision_markers` (``UPDATE 1``, ``REFILE``, ``3rd Ld-Writethru`` ...).
    - `subjects`, `entities`, `keywords`: what the feed itself says the story is about.
    - `paragraphs`: the story; `furniture`: everything else found between the body tags
      or in notes, labelled. Together they hold every paragraph the item delivered.
    """

    format: str
    encoding: str
    item_id: str | None
    version: int | None
    story_key: str
    title: str | None
    subtitle: str | None
    summary: str | None
    first_created: datetime | None
    version_created: datetime | None
    date: datetime | None
    language: str | None
    sources: tuple[str, ...]
    rubric: str | None
    byline: str | None
    authors: tuple[str, ...]
    credits: tuple[str, ...]
    dateline: str | None
    dateline_place: str | None
    signoff: str | None
    urgency: int | None
    embargo: datetime | None
    status: str
    instruction: str | None
    revision_note: str | None
    revision_markers: tuple[str, ...]
    slugline: str | None
    newslines: tuple[tuple[str, str], ...]
    copyright: str | None
    subjects: tuple[Subject, ...]
    entities: tuple[Entity, ...]
    keywords: tuple[str, ...]
    paragraphs: tuple[Paragraph, ...]
    furniture: tuple[Furniture, ...] = field(default=())
    format_version: str | None = None

    @property
    def body(self) -> str:
        """The story as plain text, paragraphs separated by blank lines."""
        return "\n\n".join(p.text for p in self.paragraphs)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready keys (times as ISO 8601 with offset), for `show --json` and caches."""
        data = asdict(self)
        for key in ("first_created", "version_created", "date", "embargo"):
            value = data[key]
            data[key] = value.isoformat() if value is not None else None
        return data
