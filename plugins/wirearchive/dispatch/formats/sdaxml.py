"""The SDA/ATS (Keystone-SDA) editorial-system XML: a ``<document>`` of flat fields.

There is no published specification; the fields are those of the agency's editorial
system as its robot journalism writes them: ``title``, ``catchline`` (the short title),
``subheadline``, ``lead`` (the lede, a paragraph of its own), ``text`` (the body as escaped
HTML), ``catchword`` (printed above the headline: the rubric), ``channel`` (subject codes
such as ``POL/HEA``), ``provider``, ``providerLocation`` (the dateline place), ``author``,
``byline``, ``language``, ``urgency``, ``embargo``, ``autopublishdate``, ``note`` and
``memo`` (notes), ``geolocations``. It carries no identifier: versions of one story cannot
be grouped, and the story key is a hash of the file. It usually carries no date either:
the caller must supply one (front matter).
"""

from __future__ import annotations

from datetime import datetime

from lxml import etree, html

from .draft import Draft, Note, to_int
from .errors import FormatError
from .item import Entity
from .safexml import ParsedXML
from .subjects import subject
from .textblocks import Block, blocks, split_plain
from .times import parse_instant
from .xmlnav import attr, kid, kids, line, text


def _html_body(element) -> list[Block]:
    """The body, HTML escaped as text (``&lt;p&gt;``) or, in other exports, as elements."""
    if len(element) == 0:
        markup = element.text or ""
    else:
        markup = etree.tostring(element, encoding="unicode", with_tail=False)
    if "<" not in markup:
        return split_plain(markup, line(element))
    parser = html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True)
    try:
        fragment = html.fragment_fromstring(markup, create_parent="div", parser=parser)
    except (etree.ParserError, ValueError) as err:
        raise FormatError(f"<text> holds HTML that cannot be read: {err}", line(element)) from None
    # The fragment's lines count from the <text> element's own line.
    return blocks(fragment, line_offset=(line(element) or 1) - 1)


def _time(element, draft: Draft) -> datetime | None:
    raw = text(element)
    if raw:
        stamp = parse_instant(raw)
        if stamp is None:
            draft.warn(f"<{element.tag}> {raw!r} is not a time with its UTC offset", line(element))
        return stamp
    return None


def read(parsed: ParsedXML, draft: Draft) -> Draft:
    """An SDA/ATS ``<document>``."""
    root = parsed.root
    draft.title = text(kid(root, "title")) or text(kid(root, "titleonl"))
    catchline = text(kid(root, "catchline"))
    if catchline:
        draft.newslines.append(("catchline", catchline))
    draft.title = draft.title or catchline
    draft.subtitle = text(kid(root, "subheadline"))
    draft.rubric = text(kid(root, "catchword"))
    if draft.rubric:
        draft.newslines.append(("catchword", draft.rubric))
    draft.byline = text(kid(root, "byline"))
    draft.authors += [text(a) or "" for a in kids(root, "author")]
    provider = text(kid(root, "provider"))
    if provider:
        draft.source_names.append(provider)
    draft.dateline_place = text(kid(root, "providerlocation"))
    draft.language = text(kid(root, "language"))
    draft.urgency = to_int(text(kid(root, "urgency")))
    for code in (text(kid(root, "channel")) or "").split("/"):
        if code.strip():
            draft.subjects.append(subject(code.strip(), None, "sda-channel"))
    for place in kids(kid(root, "geolocations"), "geolocation"):
        if text(place):
            draft.entities.append(
                Entity(text(place) or "", "place", None, "about", attr(place, "metadataid"))
            )
    draft.embargo = _time(kid(root, "embargo"), draft) if kid(root, "embargo") is not None else None
    published = kid(root, "autopublishdate")
    draft.version_created = _time(published, draft) if published is not None else None
    for name in ("note", "memo"):
        for note in kids(root, name):
            if text(note):
                draft.notes.append(Note(text(note) or "", line(note), False, "note", False))
    lead = kid(root, "lead")
    if text(lead):
        draft.blocks.append(Block(text(lead) or "", line(lead), "lede"))
    body = kid(root, "text")
    draft.body_where = "<text> and <lead>"
    if body is not None:
        draft.blocks += _html_body(body)
    return draft
