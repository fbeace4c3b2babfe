"""NITF, the News Industry Text Format (IPTC, versions 2.5 to 3.6): alone, or inside NewsML 1.x.

Read: ``head/title``, ``docdata`` (``doc-id``, ``du-key``, ``urgency``, ``date.issue``,
``date.release`` as embargo, ``ed-msg``, ``doc.copyright``, ``key-list``,
``identified-content``, ``management-status``), ``tobject.subject`` codes,
``pubdata/@position.section`` (the rubric), ``revision-history``; ``body.head`` (``hl1``,
``hl2``, ``byline``, ``distributor``, ``dateline``, ``abstract``, ``note``),
``body.content`` (paragraphs, lists, tables, ``pre``, block quotes, the lede marked
``lede="true"``) and ``body.end`` (``tagline``). Headline rule: ``hl1`` over ``head/title``,
which agencies use as a slug. Not read: media objects, ``fixture``, ``series``, ``doc.rights``.
"""

from __future__ import annotations

import re

from .draft import Draft, Note, clean, to_int
from .item import Entity, Furniture
from .safexml import ParsedXML
from .subjects import subject, wikidata_id
from .textblocks import blocks
from .times import parse_instant, zone_of
from .xmlnav import attr, every, first, kid, kids, line, text

ENTITY_TAGS = {
    "person": "person",
    "org": "organization",
    "location": "place",
    "event": "event",
    "object.title": "object",
}


def _version(nitf) -> str | None:
    match = re.search(r"NITF\s+([\d.]+)", attr(nitf, "version") or "")
    return match.group(1) if match else None


def _docdata(docdata, draft: Draft, parsed: ParsedXML) -> None:
    if docdata is None:
        return
    doc_id = kid(docdata, "doc-id")
    draft.item_id = draft.item_id or attr(doc_id, "id-string")
    if attr(doc_id, "regsrc"):
        draft.source_names.append(attr(doc_id, "regsrc") or "")
    du_key = kid(docdata, "du-key")
    draft.story_key = draft.story_key or attr(du_key, "key")
    if draft.version is None:
        draft.version = to_int(attr(du_key, "version"))
    if draft.urgency is None:
        draft.urgency = to_int(attr(kid(docdata, "urgency"), "ed-urg"))
    issued = parse_instant(attr(kid(docdata, "date.issue"), "norm"))
    draft.version_created = draft.version_created or issued
    release = parse_instant(attr(kid(docdata, "date.release"), "norm"), zone_of(issued))
    if release and draft.embargo is None and (issued is None or release > issued):
        draft.embargo = release
    draft.status = draft.status or attr(docdata, "management-status")
    for message in kids(docdata, "ed-msg"):
        if attr(message, "info"):
            info = attr(message, "info") or ""
            draft.notes.append(Note(info, line(message), revision_candidate=False))
    copyright_ = kid(docdata, "doc.copyright")
    if copyright_ is not None and not draft.copyright:
        year, holder = attr(copyright_, "year") or "", attr(copyright_, "holder") or ""
        draft.copyright = clean(f"© {year} {holder}")
    draft.keywords += [attr(k, "key") or "" for k in every(kid(docdata, "key-list"), "keyword")]
    _identified(kid(docdata, "identified-content"), draft, parsed, "about")


def _identified(container, draft: Draft, parsed: ParsedXML, role: str) -> None:
    if container is None:
        return
    for element in container.iter():
        name = element.tag.rsplit("}", 1)[-1] if isinstance(element.tag, str) else ""
        if name in ENTITY_TAGS:
            label = text(element, parsed.entity_text) or attr(element, "value")
            if label:
                code = attr(element, "value") or attr(element, "idsrc")
                source = attr(element, "idsrc") or ""
                value = attr(element, "value") or ""
                wikidata = wikidata_id(value, f"wikidata:{value}" if "wikidata" in source else None)
                draft.entities.append(Entity(label, ENTITY_TAGS[name], wikidata, role, code))
        elif name == "classifier" and container.tag.endswith("identified-content"):
            draft.subjects.append(
                subject(attr(element, "value"), text(element), attr(element, "idsrc"))
            )


def _head(head, draft: Draft, parsed: ParsedXML) -> str | None:
    if head is None:
        return None
    for tobject in every(head, "tobject.subject"):
        label = (
            attr(tobject, "tobject.subject.detail")
            or attr(tobject, "tobject.subject.matter")
            or attr(tobject, "tobject.subject.type")
        )
        draft.subjects.append(subject(attr(tobject, "tobject.subject.refnum"), label, None))
    draft.rubric = draft.rubric or attr(kid(head, "pubdata"), "position.section")
    history = kids(head, "revision-history")
    stamps = [s for s in (parse_instant(attr(h, "norm")) for h in history) if s is not None]
    if stamps and draft.first_created is None:
        draft.first_created = min(stamps)
    for entry in history:
        if attr(entry, "comment"):
            draft.notes.append(
                Note(attr(entry, "comment") or "", line(entry), False, "revision history", False)
            )
    _docdata(kid(head, "docdata"), draft, parsed)
    return text(kid(head, "title"), parsed.entity_text)


def _body_head(body_head, draft: Draft, parsed: ParsedXML) -> None:
    if body_head is None:
        return
    resolve = parsed.entity_text
    hedline = kid(body_head, "hedline")
    draft.title = draft.title or text(kid(hedline, "hl1"), resolve)
    draft.subtitle = draft.subtitle or text(kid(hedline, "hl2"), resolve)
    draft.byline = draft.byline or text(kid(body_head, "byline"), resolve)
    distributor = text(kid(body_head, "distributor"), resolve)
    if distributor:
        draft.source_names.append(distributor)
    dateline = kid(body_head, "dateline")
    if dateline is not None:
        draft.dateline = draft.dateline or text(dateline, resolve)
        draft.dateline_place = draft.dateline_place or text(kid(dateline, "location"), resolve)
        draft.dateline_date = parse_instant(attr(kid(dateline, "story.date"), "norm"))
    draft.summary = draft.summary or text(kid(body_head, "abstract"), resolve)
    for note in kids(body_head, "note"):
        public = (attr(note, "type") or "std").lower() != "npa"
        draft.notes.append(Note(text(note, resolve) or "", line(note), public, "note", False))


def read_nitf(nitf, draft: Draft, parsed: ParsedXML) -> None:
    """Fill what `draft` does not have yet from a ``<nitf>`` element (NewsML's values win)."""
    slug = _head(kid(nitf, "head"), draft, parsed)
    body = kid(nitf, "body")
    _body_head(kid(body, "body.head"), draft, parsed)
    if slug and draft.title is None:
        draft.title = slug
    elif slug and slug != draft.title:
        draft.newslines.append(("title", slug))
    content = kid(body, "body.content")
    draft.body_where = "<body.content>"
    if content is not None:
        draft.blocks += blocks(content, parsed.entity_text)
        _identified(content, draft, parsed, "mentions")
    for tagline in every(kid(body, "body.end"), "tagline"):
        draft.furniture.append(
            Furniture("tagline", text(tagline, parsed.entity_text) or "", line(tagline))
        )
    language = (
        attr(nitf, "lang")
        or attr(body, "lang")
        or attr(content, "lang")
        or attr(first(nitf, "body.content"), "lang")
    )
    draft.language = draft.language or language


def read(parsed: ParsedXML, draft: Draft) -> Draft:
    """An item that is NITF alone."""
    draft.format_version = _version(parsed.root)
    read_nitf(parsed.root, draft, parsed)
    return draft
