"""Which agency format a file is, from its first bytes: never from its name.

Cheap on purpose (it runs on every file of an archive): the root element's name and
namespace of an XML document, or the keys of a JSON object, read from the first few
kilobytes. Plain text (IPTC 7901, ANPA 1312, web copy) is None: the text parser reads it.
"""

from __future__ import annotations

import codecs
import re

HEAD = 8192
G2_NAMESPACE = "http://iptc.org/std/nar/2006-10-01/"
_ROOT = re.compile(r"<(?P<name>[A-Za-z_][\w.:-]*)(?P<attrs>[^>]*)>?", re.S)
_PROLOG = re.compile(r"\s*(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE(?:[^\[>]*\[.*?\])?[^>]*>|\s)*", re.S)
_NINJS_KEYS = re.compile(
    r'"(?:uri|headline|headlines|body_text|body_xhtml|body_html|bodies|'
    r'versioncreated|versionCreated|firstcreated|ninjs)"\s*:'
)
_SDA_FIELDS = re.compile(r"<(?:catchline|catchword|lead|providerLocation|storytype)\b")


def _head_text(data: bytes) -> str:
    head = data[:HEAD]
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if head.startswith(bom):
            return head[len(bom) :].decode(codec, "ignore")
    if head.startswith(b"<\x00"):
        return head.decode("utf-16-le", "ignore")
    if head.startswith(b"\x00<"):
        return head.decode("utf-16-be", "ignore")
    return head.decode("latin-1")


def detect_format(data: bytes) -> str | None:
    """``newsml1``, ``nitf``, ``newsml-g2``, ``ninjs``, ``sda-xml``, or None (plain text or
    a format not read here)."""
    text = _head_text(data)
    start = text.lstrip()
    if start.startswith(("{", "[")):
        return "ninjs" if _NINJS_KEYS.search(text) else None
    if not start.startswith("<"):
        return None
    prolog = _PROLOG.match(text)
    root = _ROOT.match(text, prolog.end() if prolog else 0)
    if root is None:
        return None
    name = root.group("name").rpartition(":")[2]
    if name == "NewsML":
        return "newsml1"
    if name == "nitf":
        return "nitf"
    if name in {"newsMessage", "newsItem"} and G2_NAMESPACE in root.group("attrs"):
        return "newsml-g2"
    if name == "document" and _SDA_FIELDS.search(text):
        return "sda-xml"
    return None
