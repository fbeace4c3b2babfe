"""The text of XML and HTML trees as paragraphs, each with the source line where it starts.

Agencies wrap paragraphs in very different ways: NITF and XHTML ``<p>`` elements, one
``<p>`` holding the whole Reuters story with paragraphs marked by indented lines, plain text
with blank lines between paragraphs, ``<pre>`` tables of figures. This module turns all of
them into :class:`Block` objects; deciding what is body and what is furniture is `wire`'s job.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from lxml import etree

Resolver = Callable[[str], "str | None"]

_SPACES = re.compile(r"[ \t\n\r\f\v]+")  # not NBSP: French typography keeps its no-break spaces
_BULLET = re.compile(r"^[*•]\s+")
KINDS = {
    "p": "p",
    "hl2": "heading",
    "h1": "heading",
    "h2": "heading",
    "h3": "heading",
    "h4": "heading",
    "h5": "heading",
    "h6": "heading",
    "pre": "pre",
    "li": "li",
    "dt": "li",
    "dd": "li",
    "table": "table",
    "note": "note",
    "fn": "fn",
    "media-caption": "caption",
    "figcaption": "caption",
    "caption": "caption",
    "tagline": "tagline",
    "address": "p",
}
CONTAINERS = {
    "body",
    "body.content",
    "body.end",
    "div",
    "section",
    "article",
    "main",
    "block",
    "ul",
    "ol",
    "dl",
    "bq",
    "blockquote",
    "figure",
    "aside",
    "footer",
    "html",
    "media",
    "datacontent",
    "inlinexml",
    "ednote",
}
QUOTES = {"bq", "blockquote"}
SKIPPED = {
    "head",
    "script",
    "style",
    "hr",
    "br",
    "img",
    "media-reference",
    "media-object",
    "media-metadata",
    "media-producer",
    "object",
    "iframe",
    "video",
    "audio",
    "meta",
}


@dataclass(frozen=True)
class Block:
    """A paragraph-sized piece of text before it is classified."""

    text: str
    line: int | None
    kind: str = "p"
    public: bool = True


def local(element) -> str:
    """Local name of an element, lower-cased ('' for comments, entities, PIs)."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1].lower()


def collapse(text: str) -> str:
    """Runs of ASCII white space to one space, ends stripped."""
    return _SPACES.sub(" ", text).strip()


def inline_text(element, resolve: Resolver | None = None) -> str:
    """All text inside `element`, line breaks kept, ``<br>`` as a line break, entities read."""
    parts: list[str] = []

    def walk(node) -> None:
        if node.text and isinstance(node.tag, str):
            parts.append(node.text)
        for child in node:
            if isinstance(child, etree._Entity):
                parts.append((resolve(child.name) if resolve else None) or child.text or "")
            elif isinstance(child.tag, str):
                if local(child) == "br":
                    parts.append("\n")
                else:
                    walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(element)
    return "".join(parts)


def _public(element, inherited: bool) -> bool:
    marks = " ".join(element.get(a, "") for a in ("class", "pubconstraint", "role")).lower()
    return inherited and "nonpublic" not in marks


def blocks(
    container,
    resolve: Resolver | None = None,
    *,
    skip: frozenset[str] = frozenset(),
    line_offset: int = 0,
    public: bool = True,
) -> list[Block]:
    """The paragraphs inside `container`, in reading order.

    `skip` names elements left out (the XHTML ``header``, which repeats the headline and the
    slugline); `line_offset` is added to parser lines (for fragments parsed on their own).
    """
    out: list[Block] = []
    _walk(container, resolve, skip, line_offset, public, None, out)
    return out


def _line(element, offset: int) -> int | None:
    return element.sourceline + offset if element.sourceline else None


def _walk(node, resolve, skip, offset, public, quote, out) -> None:
    public = _public(node, public)
    if node.text and node.text.strip():
        out.extend(split(node.text, _line(node, offset), quote or "p", public))
    for child in node:
        name = local(child)
        if isinstance(child, etree._Entity):
            text = (resolve(child.name) if resolve else None) or child.text or ""
            out.extend(split(text, _line(node, offset), "p", public))
        elif name and name not in skip and name not in SKIPPED:
            _block(child, name, resolve, skip, offset, public, quote, out)
        if child.tail and child.tail.strip():
            out.extend(split(child.tail, _line(child, offset), quote or "p", public))


def _block(child, name, resolve, skip, offset, public, quote, out) -> None:
    if name in CONTAINERS:
        _walk(child, resolve, skip, offset, public, "quote" if name in QUOTES else quote, out)
    elif name == "table":
        out.extend(_table(child, resolve, offset, _public(child, public)))
    else:
        kind = quote if quote and name == "p" else KINDS.get(name, "p")
        if name == "p" and (child.get("lede") or "").lower() == "true":
            kind = "lede"  # NITF marks the lede paragraph
        out.extend(
            split(inline_text(child, resolve), _line(child, offset), kind, _public(child, public))
        )


def _table(table, resolve, offset, public) -> list[Block]:
    rows = []
    for row in table.iter():
        if local(row) == "tr":
            cells = [collapse(inline_text(c, resolve)) for c in row if local(c) in {"td", "th"}]
            rows.append(" | ".join(cells))
    text = "\n".join(r for r in rows if r.strip())
    return [Block(text, _line(table, offset), "table", public)] if text else []


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def split(raw: str, line: int | None, kind: str = "p", public: bool = True) -> list[Block]:
    """One element's text as paragraphs.

    A blank line always separates paragraphs. Where the lines' indentation varies (Reuters
    and other wire copy indent the first line of each paragraph and not the wrapped ones),
    an indented line starts a paragraph; lines opening with ``*`` or ``•`` are list items.
    Text whose lines all share one indentation (pretty-printed XML) is one paragraph.
    ``pre`` text keeps its lines.
    """
    lines = raw.split("\n")
    first = next((i for i, text in enumerate(lines) if text.strip()), None)
    if first is None:
        return []
    at = (line + first) if line is not None else None
    if kind == "pre":
        body = "\n".join(text.rstrip() for text in lines[first:]).strip("\n")
        return [Block(body, at, "pre", public)]
    starts = _paragraph_starts(lines, first)
    out = []
    for begin, end in zip(starts, starts[1:] + [len(lines)], strict=True):
        text = collapse(" ".join(lines[begin:end]))
        if not text:
            continue
        item_kind = kind
        if _BULLET.match(text):
            text, item_kind = _BULLET.sub("", text), "li"
        out.append(Block(text, (line + begin) if line is not None else None, item_kind, public))
    return out


def _paragraph_starts(lines: list[str], first: int) -> list[int]:
    # The first line is not indented when it follows the opening tag: leave it out.
    measured = [i for i in range(first + (0 if first else 1), len(lines)) if lines[i].strip()]
    least = min((_indent(lines[i]) for i in measured), default=0)
    varied = any(_indent(lines[i]) > least for i in measured)
    starts = [first]
    for i in range(first + 1, len(lines)):
        text = lines[i]
        if not text.strip():
            continue
        after_blank = not lines[i - 1].strip()
        indented = varied and _indent(text) > least
        if after_blank or indented or _BULLET.match(text.strip()):
            starts.append(i)
    return starts


def split_plain(text: str, line: int | None) -> list[Block]:
    """A plain-text body: paragraphs split as in `split`; unwrapped long lines are paragraphs."""
    lines = text.split("\n")
    if "\n\n" not in text.strip() and max((len(x) for x in lines), default=0) > 120:
        return [
            Block(collapse(x), (line + i) if line is not None else None)
            for i, x in enumerate(lines)
            if x.strip()
        ]
    return split(text, line)
