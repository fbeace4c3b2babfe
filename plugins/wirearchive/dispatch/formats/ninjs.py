"""IPTC ninjs, News in JSON: the 1.x series (1.0 to 1.5) and the 2.x series (2.0 to 2.2).

1.x: ``uri``, ``version``, ``firstcreated``, ``versioncreated``, ``embargoed``,
``pubstatus``, ``urgency``, ``language``, ``headline``, ``headline_*``, ``slugline``,
``byline``, ``located``, ``ednote``, ``copyrightnotice``, ``description_text`` /
``description_xhtml``, ``body_xhtml`` / ``body_html`` / ``body_text`` (the first present),
``person``, ``organisation``, ``place``, ``event``, ``object`` and ``subject`` lists
(``name``, ``rel``, ``scheme``, ``code``), ``infosource``, ``keywords``, ``genre``.
2.x: the same with ``headlines``, ``descriptions`` and ``bodies`` arrays (by ``role``,
``contenttype``), ``people``, ``organisations``, ``places``, ``events``, ``objects``,
``subjects`` and ``infosources`` (``name``, ``rel``, ``uri``, ``literal``), and ``by``.
Keys are compared lower-cased, so the camelCase of ninjs 3.0 drafts (``versionCreated``)
reads too. Not read: ``renditions``, ``associations`` (other items), ``altids``,
``rightsinfo``, ``trustindicators``.

JSON has no line numbers for values; paragraphs carry None, and errors name the key path.
"""

from __future__ import annotations

import json
from typing import Any

from lxml import etree, html

from .draft import Draft, Note, to_int
from .errors import FormatError
from .item import Entity
from .subjects import relation, split_qcode, subject, wikidata_id
from .textblocks import Block, blocks, split_plain
from .times import parse_instant, zone_of

ENTITY_KEYS = {
    "person": "person",
    "people": "person",
    "organisation": "organization",
    "organisations": "organization",
    "place": "place",
    "places": "place",
    "event": "event",
    "events": "event",
    "object": "object",
    "objects": "object",
}


def _lower(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k).lower(): _lower(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_lower(v) for v in value]
    return value


def _type_name(value: Any) -> str:
    return {
        dict: "an object",
        list: "a list",
        str: "a string",
        bool: "a boolean",
        int: "a number",
        float: "a number",
        type(None): "null",
    }.get(type(value), "a value")


def _get(obj: dict, key: str, kind: type | tuple[type, ...], where: str = "") -> Any:
    value = obj.get(key)
    if value is None:
        return None
    if not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
        wanted = _type_name(kind() if isinstance(kind, type) else kind[0]())
        raise FormatError(f"key '{where}{key}' must be {wanted}, not {_type_name(value)}")
    return value


def _str(obj: dict, key: str, where: str = "") -> str | None:
    value = _get(obj, key, str, where)
    return value.strip() or None if value is not None else None


def _objects(obj: dict, key: str) -> list[dict]:
    items = _get(obj, key, list) or []
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            raise FormatError(f"key '{key}[{index}]' must be an object, not {_type_name(item)}")
    return items


def _html_blocks(markup: str, resolve_into: str) -> list[Block]:
    if not markup.strip():
        return []
    parser = html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True)
    try:
        fragment = html.fragment_fromstring(markup, create_parent="div", parser=parser)
    except (etree.ParserError, ValueError) as err:
        raise FormatError(f"key '{resolve_into}' holds HTML that cannot be read: {err}") from None
    return [Block(b.text, None, b.kind, b.public) for b in blocks(fragment)]


def _plain_blocks(text: str) -> list[Block]:
    return split_plain(text, None)


def _body(obj: dict, draft: Draft) -> None:
    for key in ("body_xhtml", "body_html"):
        if _str(obj, key):
            draft.body_where, draft.blocks = key, _html_blocks(obj[key], key)
            return
    if _str(obj, "body_text"):
        draft.body_where = "body_text"
        draft.blocks = _plain_blocks(obj["body_text"])
        return
    bodies = _objects(obj, "bodies")
    for index, body in enumerate(bodies):
        _str(body, "value", f"bodies[{index}].")
    ranked = sorted(
        bodies,
        key=lambda b: (
            (b.get("role") or "main") != "main",
            "html" not in (b.get("contenttype") or ""),
        ),
    )
    for body in ranked:
        if (body.get("value") or "").strip():
            where = f"bodies[{bodies.index(body)}].value"
            if "html" in (body.get("contenttype") or ""):
                draft.body_where, draft.blocks = where, _html_blocks(body["value"], where)
            else:
                draft.body_where = where
                draft.blocks = _plain_blocks(body["value"])
            return
    draft.body_where = "body_text, body_xhtml or bodies"


def _by_role(obj: dict, key: str, roles: set[str]) -> str | None:
    for index, entry in enumerate(_objects(obj, key)):
        value = _str(entry, "value", f"{key}[{index}].")
        if value and (relation(entry.get("role")) or "main") in roles:
            return value
    return None


def _lines(obj: dict, draft: Draft) -> None:
    draft.title = _str(obj, "headline") or _by_role(obj, "headlines", {"main", "headline"})
    draft.subtitle = (
        _str(obj, "headline_sub")
        or _str(obj, "headline_subtitle")
        or _by_role(obj, "headlines", {"sub", "subtitle", "subheadline"})
    )
    title = _str(obj, "title")
    if title:
        draft.newslines.append(("title", title))
    draft.title = draft.title or title
    summary_html = _str(obj, "description_xhtml") or _str(obj, "description_html")
    draft.summary = _str(obj, "description_text") or _by_role(
        obj, "descriptions", {"summary", "abstract", "main"}
    )
    if draft.summary is None and summary_html:
        draft.summary = " ".join(b.text for b in _html_blocks(summary_html, "description_xhtml"))
    draft.slugline = _str(obj, "slugline")
    draft.byline = _str(obj, "byline") or _str(obj, "by")
    draft.dateline_place = _str(obj, "located")
    draft.copyright = _str(obj, "copyrightnotice")


def _linked(obj: dict, draft: Draft) -> None:
    for key, kind in ENTITY_KEYS.items():
        for index, entry in enumerate(_objects(obj, key)):
            name = _str(entry, "name", f"{key}[{index}].")
            if not name:
                continue
            scheme, plain = _str(entry, "scheme"), _str(entry, "code")
            in_scheme = (scheme + plain) if scheme and plain else plain
            code = _str(entry, "uri") or in_scheme or _str(entry, "literal")
            wikidata = wikidata_id(_str(entry, "uri"), in_scheme)
            draft.entities.append(Entity(name, kind, wikidata, relation(_str(entry, "rel")), code))
    for key in ("subject", "subjects"):
        for index, entry in enumerate(_objects(obj, key)):
            name = _str(entry, "name", f"{key}[{index}].")
            if _str(entry, "uri"):
                scheme, code = split_qcode(entry["uri"])
            else:
                scheme, code = _str(entry, "scheme"), _str(entry, "code") or _str(entry, "literal")
            draft.subjects.append(subject(code, name, scheme))
    for key in ("infosource", "infosources"):
        for index, entry in enumerate(_objects(obj, key)):
            name = _str(entry, "name", f"{key}[{index}].")
            if name:
                draft.source_names.append(name)
    keywords = _get(obj, "keywords", list) or []
    draft.keywords += [k for k in keywords if isinstance(k, str)]


def _times(obj: dict, draft: Draft) -> None:
    draft.version_created = parse_instant(_str(obj, "versioncreated"))
    draft.first_created = parse_instant(_str(obj, "firstcreated")) or parse_instant(
        _str(obj, "contentcreated")
    )
    own = draft.version_created or draft.first_created
    draft.embargo = parse_instant(_str(obj, "embargoed"), zone_of(own))
    for key in ("versioncreated", "firstcreated", "embargoed"):
        if _str(obj, key) and parse_instant(_str(obj, key), zone_of(own)) is None:
            draft.warn(f"key '{key}' is not an ISO 8601 time: {obj[key]!r}")


def read(data: bytes, text: str, draft: Draft, max_depth: int) -> Draft:
    """A ninjs item: one JSON object."""
    try:
        value = json.loads(text)
    except json.JSONDecodeError as err:
        raise FormatError(f"malformed JSON: {err.msg} (column {err.colno})", err.lineno) from None
    except RecursionError:
        raise FormatError(f"JSON nested deeper than {max_depth} levels") from None
    if not isinstance(value, dict):
        raise FormatError(f"an item is one JSON object; this file holds {_type_name(value)}")
    _check_depth(value, max_depth)
    obj = _lower(value)
    draft.item_id = _str(obj, "uri")
    draft.story_key = draft.item_id
    version = _get(obj, "version", (str, int))
    draft.version = to_int(version)
    standard = _get(obj, "standard", dict) or _get(obj, "$standard", dict) or {}
    draft.format_version = _str(standard, "version", "standard.")
    _times(obj, draft)
    draft.status = _str(obj, "pubstatus")
    urgency = _get(obj, "urgency", (int, float))
    draft.urgency = int(urgency) if urgency is not None else None
    draft.language = _str(obj, "language")
    _lines(obj, draft)
    ednote = _str(obj, "ednote")
    if ednote:
        draft.notes.append(Note(ednote, None, False))
    _linked(obj, draft)
    _body(obj, draft)
    return draft


def _check_depth(value: Any, max_depth: int) -> None:
    stack = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > max_depth:
            raise FormatError(f"JSON nested deeper than {max_depth} levels")
        if isinstance(node, dict):
            stack.extend((child, depth + 1) for child in node.values())
        elif isinstance(node, list):
            stack.extend((child, depth + 1) for child in node)
