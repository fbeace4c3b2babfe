"""NewsML 1.x (IPTC NewsML 1.0 to 1.2), as SDA/ATS, AFP, awp, Kyodo and others send it.

Read, for the first NewsItem with text: ``NewsEnvelope`` (``DateAndTime``, ``Priority``);
``Identification`` (``ProviderId``, ``DateId``, ``NewsItemId``, ``RevisionId``,
``PublicIdentifier``, ``NameLabel``); ``NewsManagement`` (``FirstCreated``,
``ThisRevisionCreated``, ``Status``, ``StatusWillChange``, ``Urgency``, ``Instruction``);
``NewsLines`` (``HeadLine``, ``SubHeadLine``, ``ByLine``, ``DateLine``, ``CreditLine``,
``CopyrightLine``, ``SlugLine``, ``KeywordLine``, typed ``NewsLine``: ``CatchLine``,
``CatchWord``); ``AdministrativeMetadata`` (``Provider``, ``Source``, ``Creator``,
``Contributor`` parties, ``author`` properties); ``DescriptiveMetadata`` (``Language``,
``SubjectCode``, ``Location``, ``DateLineDate``, ``Keyword`` and ``Relation.Name``
properties, ``TopicOccurrence`` of the item's ``TopicSet``); ``Comment``; and the text of
the ``ContentItem``: NITF (any version, also AFP's bare ``<p>`` "bcNITF"), XHTML or plain text.

Headline rule: ``HeadLine``, else the NITF ``hl1``, else ``CatchLine``, ``NameLabel``,
``SlugLine``. Not read: ``Update`` elements (partial updates), media ContentItems, catalogs.
"""

from __future__ import annotations

import re

from .draft import Draft, Note, to_int
from .errors import FormatError
from .item import Entity
from .nitf import read_nitf
from .safexml import ParsedXML
from .subjects import subject, wikidata_id
from .textblocks import blocks, local, split_plain
from .times import has_offset, parse_instant
from .xmlnav import attr, every, first, kid, kids, line, text

TOPIC_TYPES = {
    "person": "person",
    "company": "organization",
    "organisation": "organization",
    "organization": "organization",
    "city": "place",
    "country": "place",
    "location": "place",
    "region": "place",
    "event": "event",
}
PLACE_PROPERTIES = {"city", "country", "countryarea", "region", "worldregion", "state"}


def _text_item(item) -> bool:
    return any(kid(c, "datacontent") is not None for c in every(item, "contentitem"))


def _times(item, envelope, draft: Draft) -> None:
    management = kid(item, "newsmanagement")
    first_raw = text(kid(management, "firstcreated"))
    this_raw = text(kid(management, "thisrevisioncreated"))
    draft.first_created = parse_instant(first_raw)
    draft.version_created = parse_instant(this_raw)
    draft.sent = parse_instant(text(kid(envelope, "dateandtime")))
    own = draft.first_created or draft.version_created or draft.sent
    zone = own.tzinfo if own else None
    for raw in (first_raw, this_raw):
        if raw and not has_offset(raw):
            draft.warn(f"the time {raw!r} has no UTC offset", line(management), "info")
    draft.status = attr(kid(management, "status"), "formalname")
    change = kid(management, "statuswillchange")
    if change is not None and (draft.status or "").lower() == "embargoed":
        raw = text(kid(change, "dateandtime"))
        draft.embargo = parse_instant(raw, zone)
        if raw and not has_offset(raw):
            draft.warn(
                f"the embargo time {raw!r} has no UTC offset: taken in the item's own "
                f"({draft.embargo.isoformat() if draft.embargo else '?'})",
                line(change),
                "info",
            )
    draft.urgency = to_int(attr(kid(management, "urgency"), "formalname"))
    if draft.urgency is None:
        draft.urgency = to_int(attr(kid(envelope, "priority"), "formalname"))
    instruction = kid(management, "instruction")
    draft.instruction = attr(instruction, "formalname")


def _identification(item, draft: Draft) -> None:
    ident = kid(item, "identification")
    news_id = kid(ident, "newsidentifier")
    provider, date_id = text(kid(news_id, "providerid")), text(kid(news_id, "dateid"))
    item_id = text(kid(news_id, "newsitemid"))
    revision = kid(news_id, "revisionid")
    draft.version = to_int(text(revision))
    public = text(kid(news_id, "publicidentifier"))
    draft.item_id = public or ":".join(
        x for x in ("urn:newsml", provider, date_id, item_id, text(revision)) if x
    )
    if provider and date_id and item_id:
        draft.story_key = f"urn:newsml:{provider}:{date_id}:{item_id}"
    elif public:
        draft.story_key = re.sub(r":\d+[A-Z]?$", "", public)
    label = text(kid(ident, "namelabel"))
    if label:
        draft.newslines.append(("NameLabel", label))


def _newslines(component, draft: Draft) -> tuple[str | None, str | None]:
    lines = first(component, "newslines")
    if lines is None:
        return None, None
    draft.title = text(kid(lines, "headline"))
    draft.subtitle = text(kid(lines, "subheadline"))
    draft.byline = text(kid(lines, "byline"))
    draft.dateline = text(kid(lines, "dateline"))
    draft.slugline = text(kid(lines, "slugline"))
    draft.copyright = text(kid(lines, "copyrightline"))
    credit = text(kid(lines, "creditline"))
    if credit:
        draft.source_names.append(credit)
    for name in ("keywordline", "seriesline", "rightsline", "bylinetitle"):
        for element in kids(lines, name):
            if text(element):
                draft.newslines.append((element.tag.rsplit("}", 1)[-1], text(element) or ""))
    catchline = catchword = None
    for news_line in kids(lines, "newsline"):
        kind = attr(kid(news_line, "newslinetype"), "formalname") or "NewsLine"
        value = text(kid(news_line, "newslinetext"))
        if not value:
            continue
        draft.newslines.append((kind, value))
        catchline = catchline or (value if kind.lower() == "catchline" else None)
        catchword = catchword or (value if kind.lower() == "catchword" else None)
    return catchline, catchword


def _administrative(item, draft: Draft) -> None:
    for admin in every(item, "administrativemetadata"):
        for role in ("source", "provider"):
            for party in every(kid(admin, role), "party"):
                draft.source_names.append(attr(party, "formalname") or text(party) or "")
        for role in ("creator", "contributor"):
            for party in every(kid(admin, role), "party"):
                draft.authors.append(attr(party, "formalname") or text(party) or "")
        for prop in kids(admin, "property"):
            if (attr(prop, "formalname") or "").lower() in {"author", "creator"}:
                draft.authors.append(attr(prop, "value") or "")


def _topics(item, root) -> dict[str, Entity]:
    topics: dict[str, Entity] = {}
    for topic in every(root, "topic"):
        duid = attr(topic, "duid")
        kind = (attr(kid(topic, "topictype"), "formalname") or "").lower()
        name = (
            text(kid(topic, "description"))
            or attr(kid(topic, "formalname"), "formalname")
            or text(kid(topic, "formalname"))
        )
        if duid and name and kind in TOPIC_TYPES:
            ids = [f"{attr(e, 'scheme') or ''}:{text(e) or ''}" for e in every(topic, "formalname")]
            topics[duid] = Entity(
                name,
                TOPIC_TYPES[kind],
                wikidata_id(*ids),
                "about",
                ids[0].strip(":") if ids else None,
            )
    return topics


def _descriptive(item, root, draft: Draft) -> None:
    topics = _topics(item, root)
    for meta in every(item, "descriptivemetadata"):
        draft.language = draft.language or attr(kid(meta, "language"), "formalname")
        draft.dateline_date = draft.dateline_date or parse_instant(text(kid(meta, "datelinedate")))
        for code in every(meta, "subjectcode"):
            for element in code:
                if attr(element, "formalname"):
                    draft.subjects.append(
                        subject(attr(element, "formalname"), None, attr(element, "scheme"))
                    )
        for location in kids(meta, "location"):
            role = (attr(location, "howpresent") or "location").lower()
            for prop in kids(location, "property"):
                kind, value = (attr(prop, "formalname") or "").lower(), attr(prop, "value")
                if kind in PLACE_PROPERTIES and value:
                    draft.entities.append(
                        Entity(value, "place", None, role, attr(prop, "formalname"))
                    )
        for prop in kids(meta, "property"):
            name, value = (attr(prop, "formalname") or "").lower(), attr(prop, "value")
            if not value:
                continue
            if name == "keyword":
                draft.keywords.append(value)
            elif name in {"subject", "subjectcode"}:
                draft.subjects.append(subject(value, None, None))
            elif name.startswith("relation"):
                draft.entities.append(Entity(value, "organization", None, "about"))
        for occurrence in kids(meta, "topicoccurrence"):
            entity = topics.get((attr(occurrence, "topic") or "").lstrip("#"))
            if entity:
                draft.entities.append(entity)


def _content(item, draft: Draft, parsed: ParsedXML) -> None:
    for content in every(item, "contentitem"):
        data = kid(content, "datacontent")
        if data is None:
            continue
        for comment in kids(content, "comment"):
            draft.notes.append(Note(text(comment) or "", line(comment)))
        nitf = kid(data, "nitf")
        if nitf is not None:
            read_nitf(nitf, draft, parsed)
        elif len(data):
            draft.body_where = "<DataContent>"
            html_body = first(data, "body")
            draft.blocks += blocks(html_body if html_body is not None else data, parsed.entity_text)
        else:
            draft.body_where = "<DataContent>"
            draft.blocks += split_plain(data.text or "", line(data))
        return
    raise FormatError(
        "no text: no ContentItem of the NewsItem has a DataContent element", line(item)
    )


def read(parsed: ParsedXML, draft: Draft) -> Draft:
    """A NewsML 1.x document."""
    root = parsed.root
    items = [i for i in every(root, "newsitem") if _text_item(i)]
    if not items:
        raise FormatError(
            "no NewsItem with text (a DataContent element) in the NewsML document", line(root)
        )
    if len(items) > 1:
        draft.warn(f"{len(items)} NewsItems with text: only the first is read", line(items[1]))
    item = items[0]
    public_id = root.getroottree().docinfo.public_id or ""
    declared = re.search(r"NewsMLv?([\d.]+\d)", public_id)
    draft.format_version = attr(root, "version") or (declared.group(1) if declared else None)
    _identification(item, draft)
    _times(item, kid(root, "newsenvelope"), draft)
    component = kid(item, "newscomponent")
    catchline, catchword = _newslines(component, draft)
    draft.rubric = catchword
    for comment in every(component, "comment"):
        if local(comment.getparent()) == "newscomponent":
            draft.notes.append(Note(text(comment) or "", line(comment)))
    _administrative(item, draft)
    _descriptive(item, root, draft)
    _content(item, draft, parsed)
    draft.language = draft.language or attr(item, "lang")
    label = next((t for k, t in draft.newslines if k == "NameLabel"), None)
    draft.title = draft.title or catchline or label or draft.slugline
    return draft
