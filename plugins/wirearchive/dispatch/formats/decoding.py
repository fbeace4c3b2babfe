"""Bytes to text for XML and JSON items, choosing the encoding as a person reading them would.

Feeds lie about their encoding: an AFP item declares ISO-8859-1 and holds UTF-8. A byte
sequence that is valid UTF-8 and not plain ASCII is, in practice, UTF-8 (Latin-1 text almost
never forms valid multi-byte sequences), so it wins over a single-byte declaration. Bytes
that are not valid UTF-8 are read in the declared single-byte encoding; a declared
ISO-8859-1 with bytes in 0x80-0x9F (C1 controls, never meant) is Windows-1252, as browsers
read it. ISO-8859-15 is kept when declared: it differs from -1 in eight letters (€, Š, Œ ...).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from .errors import FormatError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_DECLARATION = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""")
_C1 = re.compile(rb"[\x80-\x9f]")
# Python's codec name -> the name a charset header or XML declaration uses.
_IANA = {
    "utf-8": "utf-8",
    "latin-1": "iso-8859-1",
    "cp1252": "windows-1252",
    "utf-16-le": "utf-16le",
    "utf-16-be": "utf-16be",
    "utf-16": "utf-16",
    "utf-32-le": "utf-32le",
    "utf-32-be": "utf-32be",
    "ascii": "us-ascii",
}


@dataclass(frozen=True)
class Decoded:
    """The text, the encoding actually used (IANA name), and why when it is not the declared."""

    text: str
    encoding: str
    note: str | None = None


def iana(codec: str) -> str:
    """IANA name of a Python codec (`iso8859-15` -> `iso-8859-15`)."""
    name = codecs.lookup(codec).name
    if name.startswith("iso8859-"):
        return "iso-8859-" + name[len("iso8859-") :]
    return _IANA.get(name, name)


def _lookup(label: str) -> str:
    try:
        return codecs.lookup(label).name
    except LookupError:
        raise FormatError(f"the XML declaration names an unknown encoding {label!r}", 1) from None


def _single_byte(codec: str) -> bool:
    return codec not in {
        "utf-8",
        "utf-16",
        "utf-16-le",
        "utf-16-be",
        "utf-32",
        "utf-32-le",
        "utf-32-be",
        "utf-8-sig",
    }


def _utf16_without_bom(data: bytes) -> str | None:
    if data.startswith(b"<\x00"):
        return "utf-16-le"
    if data.startswith(b"\x00<"):
        return "utf-16-be"
    return None


def decode(data: bytes, *, declared_from_xml: bool = True) -> Decoded:
    """Decode an XML (or JSON, `declared_from_xml=False`) document's bytes; raises FormatError.

    The byte-order mark wins; then UTF-8 when the bytes are valid UTF-8; then the declaration;
    then Windows-1252, the usual encoding of text that claims nothing and is not UTF-8.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom) :], codec, None)
    wide = _utf16_without_bom(data)
    if wide:
        return _strict(data, wide, None)
    match = _DECLARATION.match(data) if declared_from_xml else None
    declared = _lookup(match.group(1).decode("ascii")) if match else None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        return _not_utf8(data, declared, err)
    if declared is None or declared == "utf-8":
        return Decoded(text, "utf-8")
    if data.isascii() and _single_byte(declared):
        return Decoded(text, iana(declared))
    if data.isascii():
        note = f"declares {iana(declared).upper()} but is 8-bit: read as UTF-8"
        return Decoded(text, "utf-8", note)
    return Decoded(
        text, "utf-8", f"declares {iana(declared).upper()} but its bytes are UTF-8: read as UTF-8"
    )


def _not_utf8(data: bytes, declared: str | None, err: UnicodeDecodeError) -> Decoded:
    line = data[: err.start].count(b"\n") + 1
    if declared is not None and _single_byte(declared):
        if declared in {"iso8859-1", "latin-1", "ascii"} and _C1.search(data):
            note = (
                f"declares {iana(declared).upper()} but holds Windows-1252 characters: read as such"
            )
            return _legacy(data, note)
        return _strict(data, declared, None)
    what = f"declares {iana(declared).upper()}" if declared else "declares no encoding"
    note = f"{what} but is not valid UTF-8 (line {line}): read as Windows-1252"
    return _legacy(data, note)


def _legacy(data: bytes, note: str) -> Decoded:
    """Windows-1252, or Latin-1 when a byte is one of the five 1252 leaves undefined."""
    try:
        return Decoded(data.decode("cp1252"), "windows-1252", note)
    except UnicodeDecodeError:
        note = note.replace("Windows-1252", "ISO-8859-1")
        return Decoded(data.decode("latin-1"), "iso-8859-1", note)


def _strict(data: bytes, codec: str, note: str | None) -> Decoded:
    try:
        return Decoded(data.decode(codec), iana(codec), note)
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        message = f"bytes that are not {iana(codec).upper()} at line {line}"
        raise FormatError(message, line) from None


def unify_newlines(text: str) -> str:
    """CRLF and lone CR (old Mac line ends, seen in awp items) become LF, as XML parsers do.

    Done before parsing so that the parser's line numbers match an editor's.
    """
    return text.replace("\r\n", "\n").replace("\r", "\n")
