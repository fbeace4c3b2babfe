"""NewsML-G2 news items (IPTC NewsML-G2 2.x, Power and Core conformance), as dpa and Reuters
send them.

Read, for the first ``newsItem`` with inline text (alone or in a ``newsMessage``):
``@guid``, ``@version``, ``@xml:lang``; ``itemMeta`` (``versionCreated``, ``firstCreated``,
``embargoed``, ``pubStatus``, ``provider``, ``title``, ``edNote``, ``signal``);
``contentMeta`` (``urgency``, ``contentCreated``, ``located``, ``infoSource``, ``creator``,
``contributor``, ``language``, ``keyword``, ``subject`` with ``broader`` and ``sameAs``,
``slugline``, ``headline``, ``dateline``, ``by``, ``creditline``, ``description``);
``rightsInfo/copyrightNotice``; and one rendition of ``contentSet``: inline XHTML first, then
inline NITF, then the longest ``text/plain`` ``inlineData``. The renditions of a contentSet
are alternatives of the same content (G2 2.x), so one is the whole story.

Subjects of type person, organisation, geoArea, POI, event and object (``cpnat:``) are
entities; a subject of a ``...category`` type gives the rubric (dpa's desk). Headline rule:
the ``headline`` without role or with ``hlRole:main``; a ``hlRole:sub`` one is the
subtitle; ``itemMeta/title`` only when there is no headline. Not read: ``remoteContent``
(never fetched), package, concept, planning and event items, ``partMeta``, ``assert``.
"""

from __future__ import annotations

from .draft import Draft, Note, language_code, to_int
from .errors import FormatError
from .item import Entity, Furniture
from .nitf import read_nitf
from .safexml import ParsedXML
from .subjects import relation, split_qcode, subject, wikidata_id
from .textblocks import blocks, split_plain
from .times import parse_instant, zone_of
from .xmlnav import attr, every, first, kid, kids, line, text

ENTITY_TYPES = {
    "person": "person",
    "organisation": "organization",
    "organization": "organization",
    "geoarea": "place",
    "poi": "place",
    "event": "event",
    "object": "object",
}
SIGNALS = {"update": "Update", "correction": "Correction", "rectify": "Rectify"}
HEADLINE_SUB = {"sub", "subtitle", "subheadline"}
OTHER_ITEMS = ("packageitem", "conceptitem", "knowledgeitem", "planningitem", "catalogitem")


def _name(element, language: str | None) -> str | None:
    """The display name of a concept, in the item's language when it has several."""
    names = kids(element, "name")
    if not names:
        return attr(element, "literal") or text(element)
    ranked = sorted(
        names,
        key=lambda n: (
            (attr(n, "role") or "").endswith("mnemonic"),
            bool(language and language_code(attr(n, "lang")) not in (None, language)),
        ),
    )
    return text(ranked[0])


def _qcode(element) -> str | None:
    return attr(element, "qcode") or attr(element, "uri")


def _subjects(meta, draft: Draft, language: str | None) -> None:
    for element in kids(meta, "subject"):
        kind = relation(attr(element, "type")) or ""
        name = _name(element, language)
        if kind in ENTITY_TYPES and name:
            ids = [_qcode(element)] + [_qcode(s) for s in kids(element, "sameas")]
            draft.entities.append(
                Entity(
                    name,
                    ENTITY_TYPES[kind],
                    wikidata_id(*ids),
                    relation(attr(element, "why")) or "about",
                    _qcode(element) or attr(element, "literal"),
                )
            )
            continue
        scheme, code = split_qcode(_qcode(element) or "") if _qcode(element) else (None, None)
        draft.subjects.append(subject(code, name, scheme))
        if kind.endswith("category") and draft.rubric is None:
            draft.rubric = name
        for broader in kids(element, "broader"):
            scheme, code = split_qcode(_qcode(broader) or "")
            draft.subjects.append(subject(code, _name(broader, language), scheme))


def _ednotes(item_meta, draft: Draft) -> None:
    for note in kids(item_meta, "ednote"):
        role = (attr(note, "role") or "").lower()
        nonpublic = "nonpublic" in (attr(note, "pubconstraint") or "").lower()
        if "closingline" in role:
            draft.signoff = draft.signoff or text(note)
            draft.furniture.append(Furniture("signoff", text(note) or "", line(note)))
        elif len(note):  # structured XHTML (dpa's notepad)
            for block in blocks(note, public=not nonpublic):
                draft.furniture.append(
                    Furniture(
                        relation(role) or "editor's note", block.text, block.line, block.public
                    )
                )
        elif text(note):
            label = "contact" if "contact" in role else "editor's note"
            draft.notes.append(
                Note(
                    text(note) or "", line(note), not nonpublic, label, revision_candidate=not role
                )
            )


def _item_meta(item_meta, draft: Draft) -> None:
    draft.version_created = parse_instant(text(kid(item_meta, "versioncreated")))
    draft.first_created = parse_instant(text(kid(item_meta, "firstcreated")))
    zone = zone_of(draft.version_created or draft.first_created)
    draft.embargo = parse_instant(text(kid(item_meta, "embargoed")), zone)
    draft.status = attr(kid(item_meta, "pubstatus"), "qcode")
    provider = kid(item_meta, "provider")
    if provider is not None:
        draft.source_names.append(
            split_qcode(_qcode(provider) or "")[1]
            if _qcode(provider)
            else attr(provider, "literal") or text(provider) or ""
        )
    title = text(kid(item_meta, "title"))
    if title:
        draft.newslines.append(("title", title))
    for signal in kids(item_meta, "signal"):
        scheme, code = split_qcode(_qcode(signal) or "")
        if scheme in {"sig", "signal"} and code.lower() in SIGNALS:
            draft.instruction = draft.instruction or SIGNALS[code.lower()]
    _ednotes(item_meta, draft)


def _headlines(meta, draft: Draft) -> None:
    for headline in kids(meta, "headline"):
        role = relation(attr(headline, "role")) or "main"
        if role in HEADLINE_SUB:
            draft.subtitle = draft.subtitle or text(headline)
        elif draft.title is None:
            draft.title = text(headline)
        else:
            draft.newslines.append(("headline " + role, text(headline) or ""))
    for description in kids(meta, "description"):
        role = relation(attr(description, "role")) or "summary"
        if role in {"summary", "abstract"} and draft.summary is None:
            draft.summary = text(description)
        elif text(description):
            draft.newslines.append(("description " + role, text(description) or ""))


def _content_meta(meta, draft: Draft) -> None:
    language = draft.language
    draft.urgency = to_int(text(kid(meta, "urgency")))
    draft.first_created = draft.first_created or parse_instant(text(kid(meta, "contentcreated")))
    located = kid(meta, "located")
    draft.dateline_place = _name(located, language) if located is not None else None
    for source in kids(meta, "infosource"):
        draft.source_names.append(_name(source, language) or split_qcode(_qcode(source) or "")[1])
    for role in ("creator", "contributor"):
        for person in kids(meta, role):
            draft.authors.append(_name(person, language) or "")
    draft.keywords += [text(k) or "" for k in kids(meta, "keyword")]
    _subjects(meta, draft, language)
    draft.slugline = text(kid(meta, "slugline"))
    _headlines(meta, draft)
    draft.dateline = text(kid(meta, "dateline"))
    draft.byline = text(kid(meta, "by"))
    credit = text(kid(meta, "creditline"))
    if credit:
        draft.source_names.append(credit)


def _rendition(content_set, draft: Draft, parsed: ParsedXML) -> None:
    for inline in kids(content_set, "inlinexml"):
        html_body = first(first(inline, "html"), "body")
        if html_body is not None:
            draft.body_where = "<inlineXML> <body>"
            draft.blocks = blocks(html_body, parsed.entity_text, skip=frozenset({"header"}))
            draft.title = draft.title or text(first(html_body, "h1"))
            return
        nitf = first(inline, "nitf")
        if nitf is not None:
            read_nitf(nitf, draft, parsed)
            return
    plain = [
        d
        for d in kids(content_set, "inlinedata")
        if "plain" in (attr(d, "contenttype") or "text/plain")
    ]
    if plain:
        longest = max(plain, key=lambda d: len(d.text or ""))
        draft.body_where = "<inlineData>"
        draft.blocks = split_plain(longest.text or "", line(longest))
        return
    if first(content_set, "remotecontent") is not None:
        raise FormatError(
            "the item's content is remote (remoteContent href): it is never fetched",
            line(first(content_set, "remotecontent")),
        )
    raise FormatError("no inline text in <contentSet>", line(content_set))


def read(parsed: ParsedXML, draft: Draft) -> Draft:
    """A NewsML-G2 newsMessage or newsItem."""
    root = parsed.root
    items = [i for i in every(root, "newsitem") if kid(i, "contentset") is not None]
    if not items:
        other = next((first(root, n) for n in OTHER_ITEMS if first(root, n) is not None), None)
        what = f"a <{other.tag.rsplit('}', 1)[-1]}>" if other is not None else "no newsItem"
        raise FormatError(f"no news item with content: the document holds {what}", line(root))
    if len(items) > 1:
        draft.warn(f"{len(items)} newsItems: only the first is read", line(items[1]))
    item = items[0]
    draft.item_id = attr(item, "guid")
    draft.story_key = draft.item_id
    draft.version = to_int(attr(item, "version"))
    draft.format_version = attr(item, "standardversion")
    draft.sent = parse_instant(text(first(kid(root, "header"), "sent")))
    meta = kid(item, "contentmeta")
    draft.language = language_code(attr(kid(meta, "language"), "tag") or attr(item, "lang"))
    _item_meta(kid(item, "itemmeta"), draft)
    _content_meta(meta, draft)
    rights = kid(item, "rightsinfo")
    notices = kids(rights, "copyrightnotice")
    preferred = [n for n in notices if language_code(attr(n, "lang")) == draft.language]
    draft.copyright = text((preferred or notices or [None])[0])
    _rendition(kid(item, "contentset"), draft, parsed)
    title = next((t for k, t in draft.newslines if k == "title"), None)
    draft.title = draft.title or title
    return draft
