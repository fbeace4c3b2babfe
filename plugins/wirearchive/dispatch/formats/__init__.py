"""Readers of the news agencies' own formats: bytes in, an :class:`AgencyItem` and problems out.

>>> from zoneinfo import ZoneInfo
>>> from wirearchive.dispatch.formats import detect_format, read_item
>>> data = open("item.xml", "rb").read()                      # doctest: +SKIP
>>> detect_format(data)                                         # doctest: +SKIP
'newsml1'
>>> zurich = ZoneInfo("Europe/Zurich")
>>> item, problems = read_item(data, "articles/item.xml", zurich)  # doctest: +SKIP

The format is chosen by content, never by the file's name (`detect_format`). Each reader
follows its specification, so that items from agencies not seen here read too:

``newsml1``
    IPTC NewsML 1.0-1.2 (``<NewsML>``), with NITF, bare NITF paragraphs (AFP's
    "bcNITF"), XHTML or plain text in its ContentItem. Not read: ``Update`` elements
    (partial updates), media ContentItems, remote catalogs and TopicSets.
``nitf``
    IPTC NITF 2.5-3.6 on its own (``<nitf>``). Not read: media objects, ``fixture``,
    ``series``, rights blocks.
``newsml-g2``
    IPTC NewsML-G2 2.x ``newsMessage`` or ``newsItem`` (dpa, Reuters, AFP, ANP profiles),
    with inline XHTML, inline NITF or plain-text content. Not read: ``remoteContent``
    (never fetched), package, concept, planning and event items, ``partMeta``.
``ninjs``
    IPTC ninjs 1.0-1.5 and 2.0-2.2 (one JSON object; ninjs 3 drafts' camelCase keys read
    too). Not read: renditions, associations, alternative ids, rights expressions.
``sda-xml``
    the SDA/ATS editorial XML (``<document>`` with ``catchline``, ``lead``, ``text``),
    which has no public specification, no identifier and usually no date.

IPTC 7901 and ANPA 1312 plain text are not read here: `detect_format` returns None for
them, and for any plain text, which `wirearchive.dispatch.parse_text` reads.

Safety: XML goes through `safexml` (lxml with entity substitution, DTD loading and network
off, libxml2's size and depth limits, entity declarations checked before parsing); every
input is bounded by `max_bytes` and `max_depth`. No reader opens a file or the network on
behalf of an input, and none raises: problems come back as
:class:`wirearchive.problems.Problem` naming the file, the element or key, and the line.
"""

from __future__ import annotations

from datetime import tzinfo

from ...problems import Problem
from ..agencies import Agencies
from . import g2, newsml1, ninjs, nitf, sdaxml
from .decoding import decode, unify_newlines
from .draft import Draft, finish
from .errors import FormatError
from .item import AgencyItem, Entity, Furniture, Paragraph, Subject
from .safexml import parse
from .sniff import detect_format

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_DEPTH",
    "FORMATS",
    "AgencyItem",
    "Entity",
    "Furniture",
    "Paragraph",
    "Subject",
    "detect_format",
    "read_item",
]

FORMATS = ("newsml1", "nitf", "newsml-g2", "ninjs", "sda-xml")
DEFAULT_MAX_BYTES = 5_000_000  # the longest agency items are well under 1 MB
DEFAULT_MAX_DEPTH = 64  # NewsML-G2 with XHTML nests about 12 deep
_XML_READERS = {
    "newsml1": newsml1.read,
    "nitf": nitf.read,
    "newsml-g2": g2.read,
    "sda-xml": sdaxml.read,
}


def _read(data: bytes, fmt: str, max_depth: int) -> Draft:
    if fmt == "ninjs":
        decoded = decode(data, declared_from_xml=False)
        draft = Draft(fmt, decoded.encoding)
        if decoded.note:
            draft.warn(decoded.note, None, "info")
        text = unify_newlines(decoded.text).lstrip("\ufeff")
        return ninjs.read(data, text, draft, max_depth)
    parsed = parse(data, max_depth=max_depth)
    draft = Draft(fmt, parsed.decoded.encoding)
    if parsed.decoded.note:
        draft.warn(parsed.decoded.note, None, "info")
    return _XML_READERS[fmt](parsed, draft)


def read_item(
    data: bytes,
    path: str,
    tz: tzinfo,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_depth: int = DEFAULT_MAX_DEPTH,
    agencies: Agencies | None = None,
) -> tuple[AgencyItem | None, list[Problem]]:
    """Read one agency item; never raises.

    `tz` is the site's zone: every time of the item is converted to it (the instant kept).
    `agencies` gives the site's canonical agency names (default: the built-in table).
    Returns (None, [error]) when the file cannot be read as an item at all (malformed,
    hostile, too big, no body); an item with errors (no date) is still returned, so that
    the caller can complete it from front matter.
    """
    problems: list[Problem] = []
    if len(data) > max_bytes:
        return None, [
            Problem(
                path, None, "error", f"{len(data)} bytes: larger than the {max_bytes} bytes allowed"
            )
        ]
    fmt = detect_format(data)
    if fmt is None:
        return None, [
            Problem(
                path,
                None,
                "error",
                "not an agency item in a format read here "
                "(NewsML 1.x, NITF, NewsML-G2, ninjs, SDA XML)",
            )
        ]
    try:
        draft = _read(data, fmt, max_depth)
        item = finish(draft, data, path, tz, agencies or Agencies(), problems)
    except FormatError as err:
        return None, problems + [Problem(path, err.line, "error", f"{fmt}: {err.message}")]
    except (RecursionError, MemoryError) as err:
        message = f"{fmt}: too large or deep to read ({type(err).__name__})"
        return None, problems + [Problem(path, None, "error", message)]
    except Exception as err:  # the contract is no exception: a reader's bug still names the file
        return None, problems + [
            Problem(
                path,
                None,
                "error",
                f"{fmt}: internal error while reading: {type(err).__name__}: {err}",
            )
        ]
    return item, problems
