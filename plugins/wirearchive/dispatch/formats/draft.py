"""What every reader fills in (`Draft`) and the rules all formats share (`finish`).

A reader only transcribes its format's elements into a Draft. `finish` then applies the
conventions that do not depend on the format: sorting the body into story and furniture,
the dateline, the agencies' canonical names, the article date, the embargo (also from a
``SPERRFRIST 1500`` note), revision markers and notes, and the site's time zone.

Article date rule: the item's first-created time (the story's, which NewsML 1.x and G2 keep
across revisions, so every version of a story has one date); else its version-created time;
else the dateline date the item states as a time (NewsML ``DateLineDate``, NITF
``story.date``); else the envelope's sending time. None, with an error, when it has none.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta, tzinfo

from ...problems import Problem, Severity
from ..agencies import Agencies, unique
from . import wire
from .errors import FormatError
from .item import AgencyItem, Entity, Furniture, Subject
from .subjects import unique_entities, unique_subjects
from .textblocks import Block, collapse
from .times import embargo_from_text

STATUSES = {
    "usable": "usable",
    "embargoed": "embargoed",
    "withheld": "withheld",
    "canceled": "canceled",
    "cancelled": "canceled",
    "canceld": "canceled",
}
_EMBARGO_WORD = re.compile(r"\b(?:SPERRFRIST|EMBARGO)", re.I)


@dataclass
class Note:
    """An editorial note or comment of the item, sorted by `finish` (embargo, revision, note)."""

    text: str
    line: int | None
    public: bool = False
    label: str = "editor's note"
    revision_candidate: bool = True


@dataclass
class Draft:
    """The fields a reader found, in the item's own terms and time zone."""

    format: str
    encoding: str
    format_version: str | None = None
    item_id: str | None = None
    version: int | None = None
    story_key: str | None = None
    title: str | None = None
    subtitle: str | None = None
    summary: str | None = None
    first_created: datetime | None = None
    version_created: datetime | None = None
    dateline_date: datetime | None = None
    sent: datetime | None = None
    language: str | None = None
    source_names: list[str] = field(default_factory=list)
    rubric: str | None = None
    byline: str | None = None
    authors: list[str] = field(default_factory=list)
    dateline: str | None = None
    dateline_place: str | None = None
    signoff: str | None = None
    urgency: int | None = None
    embargo: datetime | None = None
    status: str | None = None
    instruction: str | None = None
    revision_note: str | None = None
    notes: list[Note] = field(default_factory=list)
    slugline: str | None = None
    newslines: list[tuple[str, str]] = field(default_factory=list)
    copyright: str | None = None
    subjects: list[Subject] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    furniture: list[Furniture] = field(default_factory=list)
    body_where: str = "the body"
    problems: list[tuple[Severity, str, int | None]] = field(default_factory=list)

    def warn(self, message: str, line: int | None = None, severity: Severity = "warning") -> None:
        """A problem that does not stop the item from being read."""
        self.problems.append((severity, message, line))


def clean(text: str | None) -> str | None:
    """Text with runs of white space as one space (no-break spaces kept); None for nothing."""
    if text is None:
        return None
    return collapse(text) or None


def to_int(text: str | int | None) -> int | None:
    """An integer from an attribute or element text ("4", " 3 "), None otherwise."""
    if isinstance(text, int):
        return text
    if text is None or not str(text).strip().lstrip("+-").isdigit():
        return None
    return int(str(text).strip())


def language_code(tag: str | None) -> str | None:
    """`DE` -> `de`, `en-US` -> `en`: the ISO 639 code of a BCP 47 tag."""
    if not tag or not tag.strip():
        return None
    return re.split(r"[-_]", tag.strip())[0].lower() or None


def _sources(names: list[str], agencies: Agencies) -> list[str]:
    out: list[str] = []
    for name in names:
        name = " ".join(name.split()).strip("() ")
        if not name:
            continue
        if "." in name and " " not in name:  # a domain: reuters.com, www.sda-ats.ch
            name = re.sub(r"^www\.", "", name).split(".")[0]
        known = agencies.canonical(name)
        parts = [known] if known else agencies.split(name)
        out.extend(parts if parts else [name])
    return unique(out)


def _status(draft: Draft) -> str | None:
    if not draft.status:
        return None
    key = draft.status.strip().lower()
    key = key.rpartition(":")[2]  # stat:usable
    return STATUSES.get(key, key)


def _sort_notes(draft: Draft, furniture: list[Furniture]) -> tuple[str | None, list[str]]:
    """Revision note (NewsML Comment, G2 edNote on a revision) and embargo texts among notes."""
    revision = (draft.version or 0) > 1 or draft.instruction is not None
    note: str | None = None
    embargo_texts = []
    for n in draft.notes:
        if _EMBARGO_WORD.search(n.text):
            embargo_texts.append(n.text)
            furniture.append(Furniture("embargo note", n.text, n.line, n.public))
        elif revision and n.revision_candidate and note is None:
            note = n.text
            furniture.append(Furniture("revision note", n.text, n.line, n.public))
        else:
            furniture.append(Furniture(n.label, n.text, n.line, n.public))
    return note, embargo_texts


def _embargo(
    draft: Draft, status: str | None, texts: list[str], reference: datetime | None
) -> datetime | None:
    stated = None
    if reference is not None:
        for text in texts:
            stated = embargo_from_text(text, reference)
            if stated:
                break
    if stated and status not in (None, "embargoed"):
        draft.warn(
            f"a note says {texts[0]!r} but the item's status is {status}: not treated as embargoed"
        )
        stated = None
    embargo = draft.embargo or stated
    if draft.embargo and stated and abs(draft.embargo - stated) > timedelta(minutes=5):
        draft.warn(
            f"the embargo time {draft.embargo.isoformat()} and the note "
            f"{texts[0]!r} disagree: the item's embargo time is used"
        )
    if status == "embargoed" and embargo is None:
        draft.warn("the item is embargoed but gives no time when the embargo ends")
    return embargo


def _local(value: datetime | None, tz: tzinfo) -> datetime | None:
    return value.astimezone(tz) if value is not None else None


def _title(draft: Draft, markers: list[str]) -> str | None:
    if not draft.title:
        return None
    slug = set(re.split(r"[^A-Z0-9&]+", (draft.slugline or "").upper())) - {""}
    title, found = wire.clean_title(clean(draft.title) or "", slug)
    markers.extend(found)
    return title or clean(draft.title)


def finish(
    draft: Draft, data: bytes, path: str, tz: tzinfo, agencies: Agencies, problems: list[Problem]
) -> AgencyItem:
    """The AgencyItem of a Draft; FormatError when it has no body."""
    sorted_ = wire.classify(draft.blocks, agencies)
    if not sorted_.paragraphs:
        raise FormatError(f"no body: {draft.body_where} holds no text")
    first = sorted_.paragraphs[0]
    opening = [p for p in sorted_.paragraphs[:6] if p.kind not in {"li", "heading"}][:1]
    in_body = wire.find_dateline(opening[0].text, agencies) if opening else None
    element = wire.find_dateline(draft.dateline, agencies, whole=True) if draft.dateline else None
    credits = [d.credit for d in (element, in_body) if d and d.credit]
    furniture = list(draft.furniture)
    revision_from_notes, embargo_texts = _sort_notes(draft, furniture)
    furniture.extend(sorted_.furniture)
    markers = list(sorted_.markers)
    title = _title(draft, markers)
    for text in [draft.slugline] + [t for _, t in draft.newslines]:
        markers.extend(wire.markers_in(text))
    status = _status(draft)
    reference = draft.first_created or draft.version_created or draft.sent
    embargo_texts += [t for _, t in draft.newslines if _EMBARGO_WORD.search(t)]
    embargo = _embargo(draft, status, embargo_texts, reference)
    date = draft.first_created or draft.version_created or draft.dateline_date or draft.sent
    if date is None:
        problems.append(
            Problem(
                path,
                None,
                "error",
                f"no date: the {draft.format} item gives no "
                "creation time; give `date:` in front matter",
            )
        )
    for severity, message, line in draft.problems:
        problems.append(Problem(path, line, severity, message))
    return AgencyItem(
        format=draft.format,
        encoding=draft.encoding,
        item_id=draft.item_id,
        version=draft.version,
        story_key=draft.story_key
        or draft.item_id
        or "sha256:" + hashlib.sha256(data).hexdigest()[:32],
        title=title,
        subtitle=clean(draft.subtitle),
        summary=clean(draft.summary) or (first.text if first.kind == "lede" else None),
        first_created=_local(draft.first_created, tz),
        version_created=_local(draft.version_created, tz),
        date=_local(date, tz),
        language=language_code(draft.language),
        sources=tuple(_sources(draft.source_names + credits, agencies)),
        rubric=clean(draft.rubric),
        byline=clean(draft.byline) or sorted_.byline,
        authors=tuple(
            unique(
                [
                    a
                    for a in (clean(x) for x in draft.authors)
                    if a and agencies.canonical(a) is None
                ]
            )
        ),
        credits=tuple(sorted_.credits),
        dateline=clean(draft.dateline) or (in_body.text if in_body else None),
        dateline_place=clean(draft.dateline_place)
        or (element.place if element else None)
        or (in_body.place if in_body else None),
        signoff=clean(draft.signoff) or sorted_.signoff,
        urgency=draft.urgency,
        embargo=_local(embargo, tz),
        status=status or ("embargoed" if embargo else "usable"),
        instruction=clean(draft.instruction),
        revision_note=clean(draft.revision_note) or sorted_.revision_note or revision_from_notes,
        revision_markers=tuple(unique(markers)),
        slugline=clean(draft.slugline),
        newslines=tuple(
            (label, t) for label, t in ((k, clean(v)) for k, v in draft.newslines) if t
        ),
        copyright=clean(draft.copyright),
        subjects=unique_subjects(draft.subjects),
        entities=unique_entities(draft.entities),
        keywords=tuple(unique([k for k in (clean(x) for x in draft.keywords) if k])),
        paragraphs=tuple(sorted_.paragraphs),
        furniture=_unique_furniture(furniture),
        format_version=draft.format_version,
    )


GENERIC_LABELS = {"notepad", "editor's note", "note"}


def _unique_furniture(furniture: list[Furniture]) -> tuple[Furniture, ...]:
    """Furniture without the same text twice (dpa repeats its contacts and closing line in
    its notepad): the first place is kept, with the more telling label and, of the two
    `public` flags, the stricter."""
    kept: dict[str, Furniture] = {}
    for f in furniture:
        key = " ".join(f.text.split())
        if not key:
            continue
        if key not in kept:
            kept[key] = f
            continue
        old = kept[key]
        label = f.label if old.label in GENERIC_LABELS else old.label
        kept[key] = Furniture(label, old.text, old.line, old.public and f.public)
    return tuple(kept.values())
