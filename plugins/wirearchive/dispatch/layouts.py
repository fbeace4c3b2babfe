"""The layouts of raw dispatches, read line by line into a :class:`Dispatch`.

``web copy``
    a Swiss agency dispatch copied from a web page: `date` header with the digest
    section, rubric glued before the headline, agency lines, timestamps, the photo
    caption repeated (caption and alt text) with its credit, the lede, the body.
``wire``
    a headline and a body whose first paragraph opens with a dateline
    (`TAIPEI, Feb 1 (Reuters) -`), possibly in an IPTC 7901 or ANPA 1312 envelope
    (control characters, header line, slugline, version markers, filing-time trailer).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

from ..model import Image
from ..problems import Problem
from . import dates
from .agencies import Agencies, unique
from .model import Dispatch, Paragraph

DEFAULT_RUBRICS = (
    # fr
    "Technologie",
    "Technologies",
    "Économie",
    "Economie",
    "Économie numérique",
    "Numérique",
    "Multimédia",
    "Informatique",
    "Télécoms",
    "Télécommunications",
    "Médias",
    "Innovation",
    "Start-up",
    "Entreprises",
    "Marchés",
    "Bourse",
    "Finance",
    "Industrie",
    "Énergie",
    "Energie",
    "Sciences",
    "Science",
    "Recherche",
    "Santé",
    "Suisse",
    "International",
    "Monde",
    "Politique",
    "Culture",
    "Société",
    "Sport",
    "Panorama",
    "Environnement",
    "Automobile",
    "Tech",
    # de
    "Wirtschaft",
    "Digital",
    "Netzwelt",
    "Technik",
    "Unternehmen",
    "Märkte",
    "Börse",
    "Finanzen",
    "Forschung",
    "Wissen",
    "Wissenschaft",
    "Gesundheit",
    "Schweiz",
    "Ausland",
    "Politik",
    "Kultur",
    "Gesellschaft",
    "Vermischtes",
    "Medien",
    "Telekommunikation",
    "Startups",
    # en
    "Business",
    "Technology",
    "Markets",
    "Companies",
    "Economy",
    "World",
    "Media",
    "Telecoms",
)

HEADER = re.compile(r"^date\s+(?P<date>\d{4}-\d{2}-\d{2})(?:\s+(?P<section>.+))?$", re.I)
CREDIT = re.compile(
    r"^(?:©\s*|\(c\)\s*)?(?:KEYSTONE|Keystone|EPA|AP|AFP|REUTERS|Reuters|dpa|DPA|SDA|ATS|"
    r"Photo|Foto|Bild|Image|Getty Images|Archives?|Archivbild|Symbolbild)\b"
)
DATELINE = re.compile(
    r"^(?P<place>[^\W\d_][^()\n]{0,60}?)\s*(?:,\s*(?P<date>[^()\n]{3,30}?))?\s*"
    r"\((?P<credit>[^()\n]{2,40})\)\s*(?P<dash>--|[-–—_])?\s*"
)
VERSION_MARK = re.compile(
    r"^(?:REFILE|CORRECTED|CORRECTION|CORRECTS?\b.*|URGENT|FLASH|BULLETIN|EILT|KORREKTUR|"
    r"\d+(?:ST|ND|RD|TH)\s+(?:LEAD|NET|UPDATE|ADD|WRITETHRU)|UPDATE\s+\d+|"
    r"\(?Eds?:.*|AP Photos?\b.*|BC-.*|.*Ld-Writethru.*|\(UPDATE\s+\d+\)|\(Adds?\b.*\))$",
    re.I,
)
SLUGLINE = re.compile(r"^/?[\w.-]+(?:/[\w.-]+)+/?$")
WIRE_HEADER = re.compile(r"^[a-z]{2,5}\d{3,6}\s+\d\s+[a-z]{1,3}\s+\d+\b.*$", re.I)
BYLINE = re.compile(r"^(?:By|Von|Par)\s+(?P<name>\S[^\n]{1,80})$")
BYLINE_AGENCY = re.compile(r",\s*(?P<agency>dpa|AP|AFP|Reuters)\s*$")
CREDITS_TRAILER = re.compile(
    r"^\(?\s*(?:Reporting|Writing|Editing|Additional reporting|Compiled|Recherche|Redaktion|Texte?|"
    r"Rédaction)\b"
    r"[^\n]*\bby\b[^\n]*\)?$|^\(?(?:Reporting|Writing|Editing) by\b.*\)?$",
    re.I,
)
NOT_FOR_PUBLICATION = re.compile(
    r"^(?:\* \* \* \*|The following information is not intended for publication)", re.I
)
SEPARATOR = re.compile(r"^[_\-*=~#\s]{3,}$")
TERMINAL = tuple(".!?:;»\"”“'’)…")


@dataclass
class ParseOptions:
    """What the parser needs to know of the site: time zone, languages, tables."""

    timezone: str = "Europe/Zurich"
    languages: tuple[str, ...] = ("fr", "de", "en", "it")
    agencies: dict[str, str] = field(default_factory=dict)
    rubrics: tuple[str, ...] = DEFAULT_RUBRICS
    # Where the language model may be kept, read faster (dispatch/language.py); not a
    # setting: no part of the options' repr, which keys the parse cache
    model_folder: Path | None = field(default=None, repr=False, compare=False)

    def __post_init__(self):
        self.tz: ZoneInfo = dates.zone(self.timezone)
        self.agency_table = Agencies(self.agencies)
        self._rubrics = sorted(self.rubrics, key=len, reverse=True)

    def split_rubric(self, line: str) -> tuple[str | None, str]:
        """`Technologie Nvidia franchit ...` -> (`Technologie`, `Nvidia franchit ...`)."""
        for rubric in self._rubrics:
            if line.startswith(rubric + " ") and len(line) > len(rubric) + 1:
                return rubric, line[len(rubric) + 1 :].strip()
        return None, line


@dataclass
class Line:
    number: int
    text: str


def lines_of(text: str, first: int = 1) -> list[Line]:
    """Numbered lines, stripped at the right; wire-format markers removed."""
    out = []
    for offset, raw in enumerate(text.split("\n")):
        line = raw.rstrip()
        if line.startswith("^") and (line.endswith("<") or line.endswith("=")):  # ANPA 1312
            line = line[1:].rstrip("<")
        out.append(Line(first + offset, line))
    return out


def blocks(lines: list[Line]) -> list[list[Line]]:
    """Runs of non-blank lines."""
    out: list[list[Line]] = []
    current: list[Line] = []
    for line in lines:
        if line.text.strip():
            current.append(line)
        elif current:
            out.append(current)
            current = []
    if current:
        out.append(current)
    return out


def paragraphs(block: list[Line]) -> list[Paragraph]:
    """The paragraphs of a block: hard-wrapped lines are joined, one-line paragraphs kept.

    A block whose lines all end a sentence is a list of one-line paragraphs (web copy);
    otherwise its lines are the wrapped lines of paragraphs (wire text), which an indented
    line starts anew.
    """
    if all(line.text.strip().endswith(TERMINAL) for line in block[:-1]):
        return [Paragraph(" ".join(line.text.split()), line.number) for line in block]
    out: list[Paragraph] = []
    for line in block:
        indented = line.text[:1] in ("\t", " ") and line.text[:3].strip() == ""
        if out and not indented:
            out[-1].text += " " + " ".join(line.text.split())
        else:
            out.append(Paragraph(" ".join(line.text.split()), line.number))
    return out


def is_web_copy(lines: list[Line]) -> bool:
    first = next((line.text.strip() for line in lines if line.text.strip()), "")
    if HEADER.match(first):
        return True
    return any(
        dates.TIMESTAMP_DASH.match(line.text.strip())
        or dates.TIMESTAMP_COMMA.match(line.text.strip())
        for line in lines
    )


# ----------------------------------------------------------------------------- web copy


def parse_web_copy(
    lines: list[Line], options: ParseOptions, path: str
) -> tuple[Dispatch, list[Problem]]:
    """Layout 1: the web copy of a Swiss agency dispatch."""
    d = Dispatch(layout="web copy")
    problems: list[Problem] = []
    items = [Line(line.number, line.text.strip()) for line in lines if line.text.strip()]
    content: list[tuple[Line, int]] = []  # content lines and the number of agency lines before them
    agency_lines = 0
    agency_after_content = None  # index into `content` where the second agency line falls
    i = 0
    while i < len(items):
        line = items[i]
        text = line.text
        nxt = items[i + 1].text if i + 1 < len(items) else None
        if i == 0 and (m := HEADER.match(text)):
            d.section = m["section"].strip() if m["section"] else None
            header_date = dates.parse_iso(m["date"], options.tz)
            if header_date is None:
                problems.append(
                    Problem(
                        path,
                        line.number,
                        "warning",
                        f"header date {m['date']!r} is not a valid date",
                    )
                )
            elif d.date is None:
                d.date, d.date_line = header_date, line.number
            d.furniture.append(Paragraph(text, line.number))
        elif (agency := options.agency_table.canonical(text)) is not None:
            d.sources.append(agency)
            d.furniture.append(Paragraph(text, line.number))
            agency_lines += 1
            if content and agency_after_content is None:
                agency_after_content = len(content)
        elif (stamp := dates.parse_timestamp(text, options.tz)) is not None:
            if d.date is None or d.date_line is not None and _is_header(items, d.date_line):
                d.date, d.date_line = stamp, line.number
            elif stamp != d.date:
                d.updated = max(stamp, d.updated) if d.updated else stamp
            d.furniture.append(Paragraph(text, line.number))
        elif d.title is None:
            d.rubric, d.title = options.split_rubric(text)
            d.title_line = line.number
        elif nxt == text and d.image is None:
            credit = None
            d.furniture.append(Paragraph(nxt, items[i + 1].number))
            # Under a repeated caption, a credit line is the photo's credit, even when it is
            # the name of an agency (`ATS`, `KEYSTONE/ATS`): the agency took the photo.
            after = items[i + 2].text if i + 2 < len(items) else None
            if after is not None and (
                _is_credit(after, options) or options.agency_table.canonical(after) is not None
            ):
                credit = items[i + 2].text
                i += 1
            d.image = Image(text, credit)
            i += 1
        elif d.image is None and not content and nxt is not None and _is_credit(nxt, options):
            d.image = Image(text, nxt)
            i += 1
        else:
            content.append((line, agency_lines))
        i += 1
    if agency_after_content:
        lede = content[:agency_after_content]
        d.summary = " ".join(line.text for line, _ in lede)
        content = content[agency_after_content:]
    d.body = [Paragraph(line.text, line.number) for line, _ in content]
    d.sources = unique(d.sources)
    return d, problems


def _is_header(items: list[Line], number: int) -> bool:
    return bool(items) and items[0].number == number and HEADER.match(items[0].text) is not None


def _is_credit(text: str, options: ParseOptions) -> bool:
    """A photo credit (`KEYSTONE/EPA/Ritchie B. Tongo`), not an agency line or a sentence."""
    return (
        CREDIT.match(text) is not None
        and len(text) < 120
        and len(text.split()) <= 8
        and options.agency_table.canonical(text) is None
    )


# ---------------------------------------------------------------------------- wire copy


@dataclass
class Dateline:
    place: str
    date_text: str | None
    sources: list[str]
    end: int  # where the text after the dateline starts


def find_dateline(text: str, options: ParseOptions) -> Dateline | None:
    """`TAIPEI, Feb 1 (Reuters) -`, `Zürich (awp/sda) -`, `Paris (ats afp)`: or None."""
    m = DATELINE.match(text)
    if not m:
        return None
    sources = options.agency_table.split(m["credit"])
    if not sources:
        return None
    place = m["place"].strip()
    if len(place.split()) > 5:
        return None
    return Dateline(place, (m["date"] or "").strip() or None, sources, m.end())


def parse_wire(
    lines: list[Line], options: ParseOptions, path: str, trailer: str = ""
) -> tuple[Dispatch, list[Problem]]:
    """Layout 2: headline + dateline wire, in an IPTC 7901/ANPA envelope or not."""
    d = Dispatch(layout="wire")
    paras = [p for block in blocks(lines) for p in paragraphs(block)]
    found = next(
        ((p, dateline) for p in paras if (dateline := find_dateline(p.text, options))), None
    )
    if found is not None:
        first, dateline = found
        d.dateline = first.text[: dateline.end].strip()
        d.dateline_date = dateline.date_text
        d.date_line = body_from = first.line
        d.sources = list(dateline.sources)
    elif paras and len(paras) > 1 and len(paras[0].text) <= 200:
        body_from = paras[1].line  # no dateline: a short first paragraph is the headline
    else:
        body_from = paras[0].line if paras else 0
    head = [line for line in lines if line.text.strip() and line.number < body_from]
    _read_head(d, head, options)
    _read_tail(d, [p for p in paras if p.line >= body_from], options)
    _date_wire(d, trailer, options)
    d.sources = unique(d.sources)
    return d, []


def _read_head(d: Dispatch, head: list[Line], options: ParseOptions) -> None:
    """Headline, byline, agency lines and wire notes before the dateline, one per line."""
    candidates: list[Paragraph] = []
    marked: list[Paragraph] = []  # IPTC 7901 ends the headline with `=`
    for line in head:
        text = " ".join(line.text.split())
        bare = text.rstrip("= ").strip()
        if not bare:
            d.furniture.append(Paragraph(text, line.number))
        elif VERSION_MARK.match(bare) or SLUGLINE.match(bare) or WIRE_HEADER.match(bare):
            d.notes.append(Paragraph(bare, line.number))
            story_marks(d, bare)
        elif BYLINE.match(bare) and d.byline is None:
            signed = BYLINE_AGENCY.search(bare)
            d.byline = bare[: signed.start()].strip() if signed else bare
            if signed:  # `By Jane Doe, Reuters`: the agency is a source, not lost
                d.sources.append(
                    options.agency_table.canonical(signed["agency"]) or signed["agency"]
                )
        elif (agency := options.agency_table.canonical(bare)) is not None:
            d.sources.append(agency)
            d.furniture.append(Paragraph(bare, line.number))
        else:
            candidates.append(Paragraph(bare, line.number))
            if text.endswith("="):
                marked.append(candidates[-1])
    if not candidates:
        return
    title = (
        marked[0]
        if marked
        else next((c for c in candidates if len(c.text.split()) >= 3), candidates[0])
    )
    d.title, d.title_line = title.text, title.line
    d.notes.extend(c for c in candidates if c is not title)


# What a wire service writes to say which version of a story this is.
VERSION_WORDS = re.compile(
    r"^(?:REFILE|CORRECTED|CORRECTION|\d+(?:ST|ND|RD|TH)\s+(?:LEAD|NET|UPDATE|ADD|WRITETHRU)|"
    r"UPDATE\s+\d+|\(UPDATE\s+\d+\)|\d*(?:st|nd|rd|th)?\s*Ld-Writethru)$",
    re.I,
)
ANPA_KEYWORD = re.compile(
    r"^(?P<slug>BC-[^,]+?)(?:-ABRIDGED)?(?:,\s*(?P<mark>[^,]*Ld-Writethru))?,"
)


def story_marks(d: Dispatch, note: str) -> None:
    """The slugline that names a story across its versions, and this version's markers."""
    if (keyword := ANPA_KEYWORD.match(note)) is not None:
        d.slugline = d.slugline or keyword["slug"].strip()
        if keyword["mark"]:
            d.version_marks.append(keyword["mark"].strip())
    elif SLUGLINE.match(note):
        d.slugline = d.slugline or note.strip("/")
    elif VERSION_WORDS.match(note):
        d.version_marks.append(note)


def _read_tail(d: Dispatch, rest: list[Paragraph], options: ParseOptions) -> None:
    """Body paragraphs; sign-offs, credits and not-for-publication notes set apart."""
    cut = next((k for k, p in enumerate(rest) if NOT_FOR_PUBLICATION.match(p.text)), len(rest))
    d.notes.extend(rest[cut:])
    body = rest[:cut]
    while body:
        text = body[-1].text
        if options.agency_table.signoff(text) or SEPARATOR.match(text):
            d.furniture.insert(0, body.pop())
        elif CREDITS_TRAILER.match(text):
            d.credits = text.strip("() ")
            d.furniture.insert(0, body.pop())
        else:
            break
    d.body = body


def _date_wire(d: Dispatch, trailer: str, options: ParseOptions) -> None:
    """The filing time of the envelope's trailer, else a full date in the dateline."""
    filed = dates.parse_wire_trailer(trailer, options.tz) if trailer else None
    if filed:
        d.date = filed
    elif d.dateline_date:
        d.date = dates.parse_full_date(d.dateline_date, options.tz)


def complete_year(d: Dispatch, year: int | None, options: ParseOptions) -> None:
    """Complete a dateline date given without a year (`Feb 1`) with `year`."""
    if d.date is None and d.dateline_date and year:
        d.date = dates.parse_partial_date(d.dateline_date, year, options.tz)
