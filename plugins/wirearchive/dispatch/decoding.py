"""From the bytes of a pasted dispatch to clean Unicode text.

Dispatches arrive as UTF-8 with or without BOM, UTF-16 with BOM, or one of the
Windows/ISO Western European code pages, with CRLF, CR or LF line ends, no-break
spaces and, in wire formats (IPTC 7901, ANPA 1312), control characters.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

import charset_normalizer

# Encodings a Western European newsroom meets; charset-normalizer chooses among them.
WESTERN_ENCODINGS = ["cp1252", "latin_1", "iso8859_15", "mac_roman"]

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Spaces that look like a space: no-break, narrow no-break, figure, thin, ideographic.
_SPACES = re.compile("[\u00a0\u2007\u2009\u202f\u3000]")
# Invisible characters that only get in the way of matching.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# C0 and C1 control characters except tab and line feed (and STX/ETX, handled by the
# wire-envelope parser before this is applied).
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


class NotText(ValueError):
    """The bytes are not text in any encoding we read (a binary file)."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


def decode(data: bytes) -> Decoded:
    """Decode dispatch bytes, detecting the encoding rather than guessing it.

    Raises :class:`NotText` for binary data.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(encoding).lstrip("\ufeff"), encoding.replace("-sig", ""))
            except UnicodeDecodeError as exc:
                raise NotText(
                    f"starts with a {encoding} byte-order mark but is not {encoding}: {exc.reason}"
                ) from exc
    if _looks_binary(data):
        raise NotText("binary data, not text (NUL bytes or mostly control characters)")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    if _UTF8_LETTER.search(data):
        # UTF-8 accents beside bytes that are not UTF-8: text pasted from two sources into
        # one file. Each part is read in its own encoding, as a person would read them.
        return Decoded(data.decode("utf-8", errors=_MIXED), "utf-8 and windows-1252")
    best = charset_normalizer.from_bytes(data, cp_isolation=WESTERN_ENCODINGS).best()
    if best is None:
        # Every byte decodes in cp1252 but for five; latin-1 decodes them all.
        return Decoded(data.decode("latin_1"), "latin_1")
    return Decoded(str(best), best.encoding)


# A UTF-8 sequence of a Western letter or sign (U+00A0-U+017F, U+2010-U+20AC): in a file that
# is not UTF-8 as a whole, it is one that mixes UTF-8 with a single-byte code page.
_UTF8_LETTER = re.compile(rb"[\xc2-\xc5][\x80-\xbf]|\xe2[\x80-\x82][\x80-\xbf]")
_MIXED = "wirearchive-windows-1252"


def _windows_1252(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: bytes that are not UTF-8 are read as Windows-1252 (latin-1 for the
    five bytes it leaves undefined)."""
    assert isinstance(error, UnicodeDecodeError)
    bad = error.object[error.start : error.end]
    return "".join(_byte_1252(b) for b in bad), error.end


def _byte_1252(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(byte)


codecs.register_error(_MIXED, _windows_1252)


# Control bytes that wire formats use (SOH, STX, ETX, EOT, SYN, ...) and text has (tab, LF, CR).
_WIRE_CONTROLS = bytes([1, 2, 3, 4, 9, 10, 12, 13, 17, 19, 22, 30, 31, 127])
_OTHER_CONTROLS = bytes(b for b in range(32) if b not in _WIRE_CONTROLS)


def _looks_binary(data: bytes) -> bool:
    sample = data[:4096]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _OTHER_CONTROLS))
    return controls / len(sample) > 0.05


def normalize(text: str) -> str:
    """Unify line ends and spaces, compose accents (NFC); control characters are kept."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _SPACES.sub(" ", text)
    text = _INVISIBLE.sub("", text)
    return unicodedata.normalize("NFC", text)


def strip_controls(text: str) -> str:
    """Remove the control characters of wire formats, keeping tabs and line feeds."""
    return _CONTROLS.sub("", text)
