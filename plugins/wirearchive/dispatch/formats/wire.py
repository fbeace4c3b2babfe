"""Wire-copy conventions inside a structured item's body: what is story and what is furniture.

Agencies put more than the story between the body tags: a revision note on top
(``(Adds comments, detail)``), a byline paragraph (``By Arpan Varghese``), a dateline opening
the first paragraph (``Genf (dpa) -``), and after the story reporting credits
(``(Reporting by ...; Editing by ...)``), contact lines, notes to editors and a sign-off of
editors' initials (``(SDA/sj)``, ``hh/ph/ts/hd``, ``awp-robot/sw/``). Each is recognised,
given its label, and kept as furniture so that the body holds only the story and nothing is
lost. The same module knows the revision markers of headlines and sluglines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..agencies import Agencies
from .item import Furniture, Paragraph
from .textblocks import Block

_MARK = (
    r"REFILE|RPT|REPEAT|CORRECTED|CORRECTION|RECTIFICATIF|BERICHTIGUNG|KORREKTUR|WIEDERHOLUNG|"
    r"UPDATE\s+\d+|\d+(?:ST|ND|RD|TH)\s+(?:LEAD|UPDATE|WRITETHRU|ADD|NET)|WRITETHRU|"
    r"(?:\d+(?:st|nd|rd|th)\s+)?Ld-Writethru|ACTUALISATION|PAPIER\s+G[EÉ]N[EÉ]RAL"
)
MARKER = re.compile(rf"(?<![\w-])(?:{_MARK})(?![\w-])")
_LEADING_MARK = re.compile(rf"^\s*(?P<mark>{_MARK})\s*[-:=/]\s*")
_TRAILING_MARK = re.compile(rf"\s*\((?P<mark>{_MARK})\)\s*$")
_PAREN_MARK = re.compile(r"\((?P<mark>Zusammenfassung|Neufassung|Korrektur|Berichtigung)\b[^)]*\)")

REVISION_NOTE = re.compile(
    r"^\((?:Adds?|Updates?|Recasts?|Rewrites?|Corrects?|Changes?|Fixes|Refiles?|Removes?|"
    r"Inserts?|Moves?|Deletes?|Releads?|Tops?|Writes\s+through|Overwrites?|Amends?|Adding|"
    r"Neu|Ergänzt|Aktualisiert|Korrigiert|Berichtigt|Ajoute|Actualise|Corrige|Précise|"
    r"Nouveau)\b[^()]*(?:\([^()]*\)[^()]*)*\)$",
    re.I,
)
EDS = re.compile(r"^\(?\s*Eds?\s*:", re.I)
BYLINE = re.compile(r"^(?:By|BY|Von|VON|Par|PAR)\s+(?P<name>[^\W\d_][^\n]{1,80})$")
CREDITS = re.compile(
    r"^\(?\s*(?:(?:Additional\s+)?Reporting|Writing|Editing|Compiled|Edited|Reported)\s+by\b.*\)?$"
    r"|^\(\s*(?:Mitarbeit|Redaktion|Recherche|Texte|Rédaction)\s*:.*\)$",
    re.I,
)
NOTE = re.compile(
    r"^(?:NOTE|Note|Hinweis|HINWEIS|Remarque|Anmerkung|N\.\s?B\.|Editor'?s\s+note|"
    r"Note\s+de\s+la\s+rédaction|Anm\.\s*d\.\s*Red\.)\s*:",
    re.I,
)
CONTACT = re.compile(
    r"^(?:Contacts?|Kontakte?|Ansprechpartner(?:in)?|Pressekontakt|Media\s+contacts?|"
    r"Renseignements|Auskunft|Auskünfte|Rückfragen)\s*:",
    re.I,
)
FILING_TIME = re.compile(r"^\d{6}\s+(?:GMT|UTC|MEZ|MESZ|CET|CEST)\b.{0,20}$")
INITIALS = re.compile(r"^\(?[A-Za-z][\w-]{0,15}(?:/[\w-]{0,12}){1,6}\)?$")
DATELINE = re.compile(
    r"^(?P<place>[^\W\d_][^()\n]{0,60}?)\s*(?:,\s*(?P<date>[^()\n]*\d[^()\n]*?))?\s*"
    r"\((?P<credit>[^()\n]{2,40})\)\s*(?P<dash>--|[-–—_:])?\s*"
)
_MONTH_DAY = re.compile(r"^[A-Z][a-zé]{2,8}\.?\s+\d{1,2}$")
_CREDIT_WORDS = re.compile(r"^[A-Za-z][\w.&-]{0,20}(?:[/ ][A-Za-z][\w.&-]{0,20}){0,3}$")


@dataclass
class Classified:
    """A body sorted: story paragraphs, furniture, and the metadata values found in it."""

    paragraphs: list[Paragraph] = field(default_factory=list)
    furniture: list[Furniture] = field(default_factory=list)
    revision_note: str | None = None
    byline: str | None = None
    credits: list[str] = field(default_factory=list)
    signoff: str | None = None
    markers: list[str] = field(default_factory=list)


def is_signoff(text: str, agencies: Agencies) -> bool:
    """`(SDA/sj)`, `ats/afp/mk`, `hh/ph/ts/hd`, `awp-robot/sw/`, `dpa oe xx n1 hgo`."""
    text = text.strip()
    if agencies.signoff(text) or (INITIALS.match(text) and len(text) <= 40):
        return True
    words = text.strip("()").split()
    return (
        len(words) >= 2
        and agencies.canonical(words[0]) is not None
        and all(re.fullmatch(r"[a-z0-9-]{1,5}", w) for w in words[1:])
    )


def _top(blocks: list[Block], out: Classified) -> int:
    """Revision notes, markers and editors' notes that open a body: how many there are."""
    taken = 0
    for block in blocks[:6]:
        text = block.text.strip()
        if REVISION_NOTE.match(text):
            out.revision_note = out.revision_note or text[1:-1].strip()
            label = "revision note"
        elif MARKER.fullmatch(text):
            out.markers.append(" ".join(text.split()))
            label = "revision marker"
        elif EDS.match(text):
            label = "editor's note"
        else:
            break
        out.furniture.append(Furniture(label, block.text, block.line, block.public))
        taken += 1
    return taken


def _byline(blocks: list[Block], out: Classified) -> int | None:
    """Index of a byline paragraph among the first few (`By Arpan Varghese`, `Von ...`)."""
    for index, block in enumerate(blocks[:6]):
        text = block.text.strip()
        match = BYLINE.match(text)
        if match and len(text.split()) <= 10 and not text.endswith(".") and len(blocks) > 1:
            out.byline = text
            out.furniture.append(Furniture("byline", block.text, block.line, block.public))
            return index
    return None


def _trailer_label(text: str, agencies: Agencies) -> str | None:
    if CREDITS.match(text):
        return "credits"
    if is_signoff(text, agencies):
        return "signoff"
    if CONTACT.match(text):
        return "contact"
    if NOTE.match(text):
        return "note"
    if FILING_TIME.match(text):
        return "filing time"
    return None


def _trailer(blocks: list[Block], start: int, agencies: Agencies, out: Classified) -> int:
    """Credits, sign-off, contacts and notes that close a body: the index where they begin."""
    end = len(blocks)
    found: list[tuple[str, Block]] = []
    while end > start + 1 and len(found) < 8:
        block = blocks[end - 1]
        label = _trailer_label(block.text, agencies)
        if label is None:
            break
        found.append((label, block))
        end -= 1
    for label, block in reversed(found):
        if label == "credits":
            out.credits.append(block.text.strip("() "))
        elif label == "signoff" and out.signoff is None:
            out.signoff = block.text.strip()
        out.furniture.append(Furniture(label, block.text, block.line, block.public))
    return end


def classify(blocks: list[Block], agencies: Agencies) -> Classified:
    """Sort a body's blocks into story paragraphs and labelled furniture."""
    out = Classified()
    blocks = [b for b in blocks if b.text.strip()]
    start = _top(blocks, out)
    byline = _byline(blocks[start:], out)
    end = _trailer(blocks, start, agencies, out)
    for index, block in enumerate(blocks[start:end]):
        if index == byline:
            continue
        if block.kind in {"note", "tagline", "caption"}:
            out.furniture.append(Furniture(block.kind, block.text, block.line, block.public))
        else:
            out.paragraphs.append(Paragraph(block.text, block.line, block.kind))
    return out


@dataclass(frozen=True)
class Dateline:
    """A dateline: its text as written, the place, the date text and the agencies credited."""

    text: str
    place: str | None
    date: str | None
    credit: str | None


def find_dateline(text: str, agencies: Agencies, *, whole: bool = False) -> Dateline | None:
    """The dateline opening a paragraph (`Genf (dpa) -`, `STOCKHOLM, Aug 29, 2014 (AFP) -`,
    `Jan 30 (Reuters) -`); with `whole`, a dateline element's text, which needs no dash."""
    match = DATELINE.match(text)
    if not match:
        if whole and text.strip():
            return Dateline(text.strip(), text.strip().rstrip(" -–—,"), None, None)
        return None
    credit = match.group("credit").strip()
    known = agencies.split(credit) is not None
    if not known and not (match.group("dash") and _CREDIT_WORDS.match(credit)):
        return None
    if not whole and not match.group("dash"):
        return None
    place, when = match.group("place").strip(" ,"), match.group("date")
    if _MONTH_DAY.match(place) and not when:
        place, when = None, place
    return Dateline(match.group(0).strip(), place, when.strip() if when else None, credit)


def clean_title(title: str, slug_words: set[str]) -> tuple[str, list[str]]:
    """A headline without wire markers (`UPDATE 1-`, `REFILE-`, `(UPDATE 1)`) and without a
    Reuters topic prefix (`PRECIOUS-Gold rises`) whose word is in the slugline; the markers."""
    markers: list[str] = []
    while True:
        m = _LEADING_MARK.match(title) or _TRAILING_MARK.search(title)
        if not m:
            break
        markers.append(" ".join(m.group("mark").split()))
        title = (title[: m.start()] + title[m.end() :]).strip()
    prefix = re.match(r"^(?P<word>[A-Z][A-Z0-9&]+(?:[ /][A-Z0-9&]+)*)-(?=\S)", title)
    if prefix and set(re.split(r"[ /]", prefix.group("word"))) <= slug_words:
        title = title[prefix.end() :].strip()
    return title, markers


def markers_in(text: str | None) -> list[str]:
    """Revision markers written in a slugline or news line."""
    if not text:
        return []
    found = [" ".join(m.group(0).split()) for m in MARKER.finditer(text)]
    found += [m.group("mark") for m in _PAREN_MARK.finditer(text)]
    return found
