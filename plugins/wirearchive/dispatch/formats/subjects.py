"""Subject codes and linked entities: one spelling of schemes, labels from IPTC's top level.

Items name the same vocabulary three ways: a bare eight-digit code (NewsML 1.x
``FormalName="04000000"``), a qcode (``subj:04000000``, ``medtop:20000295``) and a URI
(``http://cv.iptc.org/newscodes/mediatopic/20000295``). All become (code, scheme alias).
Labels the item gives win; otherwise the top-level labels IPTC publishes, shipped in
``data/iptc-top-level.json``, are used (no network at run time).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from .item import Entity, Subject

IPTC_SCHEMES = {
    "http://cv.iptc.org/newscodes/subjectcode/": "subj",
    "https://cv.iptc.org/newscodes/subjectcode/": "subj",
    "http://cv.iptc.org/newscodes/mediatopic/": "medtop",
    "https://cv.iptc.org/newscodes/mediatopic/": "medtop",
    "http://cv.iptc.org/newscodes/genre/": "genre",
    "http://cv.iptc.org/newscodes/ninature/": "ninat",
}
_WIKIDATA = re.compile(r"(?:wikidata\.org/(?:wiki|entity)/|^(?:wd|wikidata):)(?P<q>Q\d+)$", re.I)
_EIGHT_DIGITS = re.compile(r"^\d{8}$")


@lru_cache(maxsize=1)
def _labels() -> dict[str, dict[str, str]]:
    text = resources.files(__package__).joinpath("data", "iptc-top-level.json").read_text("utf-8")
    data = json.loads(text)
    return {"subj": data["subj"], "medtop": data["medtop"]}


def top_level_label(code: str | None, scheme: str | None) -> str | None:
    """IPTC's English label of a top-level subject code or media topic, else None."""
    if not code or scheme not in {"subj", "medtop"}:
        return None
    return _labels()[scheme].get(code)


def split_qcode(value: str) -> tuple[str | None, str]:
    """`subj:04000000` -> ("subj", "04000000"); a URI -> (its scheme alias or base, code)."""
    for base, alias in IPTC_SCHEMES.items():
        if value.startswith(base):
            return alias, value[len(base) :].strip("/")
    if "://" in value:
        base, _, code = value.rstrip("/").rpartition("/")
        return base + "/", code
    if ":" in value:
        scheme, _, code = value.partition(":")
        return scheme, code
    return None, value


def subject(code: str | None, label: str | None, scheme: str | None) -> Subject:
    """A Subject with its scheme spelled once and IPTC's label when the item gives none."""
    if scheme in IPTC_SCHEMES:
        scheme = IPTC_SCHEMES[scheme]
    if scheme is None and code and _EIGHT_DIGITS.match(code):
        scheme = "subj"  # NewsML 1.x writes IPTC subject codes without a scheme
    label = (label or "").strip() or top_level_label(code, scheme)
    return Subject(code, label, scheme)


def wikidata_id(*identifiers: str | None) -> str | None:
    """A Wikidata Q-id among identifiers (`wd:Q42`, `https://www.wikidata.org/entity/Q42`)."""
    for value in identifiers:
        if value:
            match = _WIKIDATA.search(value.strip())
            if match:
                return match.group("q").upper()
    return None


def relation(value: str | None) -> str | None:
    """`about`, `mentions` ... from a rel given as a word, a qcode or a URI."""
    if not value:
        return None
    return re.split(r"[:/#]", value.rstrip("/"))[-1].strip().lower() or None


def unique_subjects(subjects: list[Subject]) -> tuple[Subject, ...]:
    """Subjects without repeats (the same code and scheme), keeping the first, labelled one."""
    seen: dict[tuple[str | None, str | None, str | None], Subject] = {}
    for s in subjects:
        key = (s.code, s.scheme, None if s.code else s.label)
        if key not in seen or (seen[key].label is None and s.label):
            seen[key] = s
    return tuple(seen.values())


def unique_entities(entities: list[Entity]) -> tuple[Entity, ...]:
    """Entities without repeats (same name and type), keeping the first."""
    seen: dict[tuple[str, str], Entity] = {}
    for e in entities:
        seen.setdefault((e.name.casefold(), e.type), e)
    return tuple(seen.values())
