"""Parsing untrusted XML with lxml so that the input can make us read nothing and fetch nothing.

- The parser is libxml2 with entity substitution, DTD loading and network access off and its
  size limits on (`huge_tree=False`): no external entity, external DTD or parameter entity is
  ever opened, and libxml2 stops entity-amplification bombs and nesting deeper than 256.
- Before parsing, the prolog is read: a declaration of a general entity that is external
  (SYSTEM or PUBLIC) or that refers to other entities (the billion-laughs pattern) makes the
  file an error that names the entity; the external parameter entity that SDA items declare
  for the NITF DTD (``<!ENTITY % nitf SYSTEM "nitf-3-0.dtd">``) is harmless, since it is
  never loaded, and is ignored.
- The caller's limits on bytes and nesting depth are checked too.

Entity references stay in the tree unexpanded; `entity_text` gives the character a person
would read for them: a literal internal entity's value, or HTML's named characters
(``&nbsp;``, ``&eacute;``), which NITF's DTD declares and agencies use.
"""

from __future__ import annotations

import html.entities
import re
from dataclasses import dataclass, field

from lxml import etree

from .decoding import Decoded, decode, unify_newlines
from .errors import FormatError

_DOCTYPE = re.compile(r"<!DOCTYPE\s[^\[>]*(?:\[(?P<subset>.*?)\]\s*)?>", re.S)
_ENTITY = re.compile(
    r"<!ENTITY\s+(?P<pe>%\s+)?(?P<name>[^\s%\"']+)\s+(?:(?P<ext>SYSTEM|PUBLIC)\b[^>]*|"
    r"\"(?P<dq>[^\"]*)\"|'(?P<sq>[^']*)')\s*>",
    re.S,
)


@dataclass
class ParsedXML:
    """The root element, the decoding, and the literal entities the document declared."""

    root: etree._Element
    decoded: Decoded
    entities: dict[str, str] = field(default_factory=dict)

    def entity_text(self, name: str) -> str | None:
        """What a reference to entity `name` reads as, None if nobody knows."""
        if name in self.entities:
            return self.entities[name]
        code = html.entities.name2codepoint.get(name)
        if code is not None:
            return chr(code)
        return html.entities.html5.get(name + ";")


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _check_prolog(text: str) -> dict[str, str]:
    """Literal general entities of the internal subset; FormatError for dangerous ones."""
    root = re.search(r"<[A-Za-z_]", text)
    start = text.find("<!DOCTYPE", 0, root.start() if root else len(text))
    if start < 0:
        return {}
    doctype = _DOCTYPE.match(text, start)
    if doctype is None:
        raise FormatError("the DOCTYPE declaration is not closed", _line_of(text, start))
    subset = doctype.group("subset") or ""
    offset = doctype.start("subset") if doctype.group("subset") is not None else start
    literal: dict[str, str] = {}
    for m in _ENTITY.finditer(subset):
        if m.group("pe"):
            continue  # parameter entities: never loaded, never expanded in content
        line = _line_of(text, offset + m.start())
        name = m.group("name")
        if m.group("ext"):
            raise FormatError(
                f"external entity {name!r} declared: it is refused and never read "
                "(an XML external entity attack?)",
                line,
            )
        value = m.group("dq") if m.group("dq") is not None else m.group("sq")
        if "&" in value or "%" in value or "<" in value:
            raise FormatError(
                f"entity {name!r} refers to other entities or markup: refused "
                "(an entity-expansion bomb?)",
                line,
            )
        literal[name] = value
    return literal


def _check_depth(root: etree._Element, max_depth: int) -> None:
    stack = [(root, 1)]
    while stack:
        element, depth = stack.pop()
        if depth > max_depth:
            raise FormatError(
                f"elements nested deeper than {max_depth} levels "
                f"(<{etree.QName(element).localname}>)",
                element.sourceline,
            )
        stack.extend((child, depth + 1) for child in element if isinstance(child.tag, str))


def parse(data: bytes, *, max_depth: int) -> ParsedXML:
    """Decode and parse an XML item safely; FormatError with a line for anything wrong."""
    decoded = decode(data)
    text = unify_newlines(decoded.text)
    if text.startswith("\ufeff"):
        text = text[1:]
    entities = _check_prolog(text)
    parser = etree.XMLParser(
        encoding="utf-8",
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=False,
        recover=False,
    )
    try:
        root = etree.fromstring(text.encode("utf-8"), parser)
    except etree.XMLSyntaxError as err:
        line = err.lineno if err.lineno and err.lineno > 0 else None
        message = str(err.msg or err).split(", line ")[0]
        raise FormatError(f"malformed XML: {message}", line) from None
    if root is None:
        raise FormatError("no XML element in the file", None)
    _check_depth(root, max_depth)
    return ParsedXML(root, decoded, entities)
