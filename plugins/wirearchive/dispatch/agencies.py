"""News agencies: the spellings dispatches use and their canonical names."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import TypeVar

T = TypeVar("T")

# Spelling (case-insensitive) -> canonical name. Sites extend or override it with the
# plugin's `agencies` option. Keystone-ATS is the French name of Keystone-SDA.
DEFAULT_AGENCIES: dict[str, str] = {
    "ats": "ATS",
    "sda": "SDA",
    "ats-sda": "Keystone-SDA",
    "keystone-ats": "Keystone-SDA",
    "keystone-sda": "Keystone-SDA",
    "keystone-sda-ats": "Keystone-SDA",
    "keystone ats": "Keystone-SDA",
    "keystone sda": "Keystone-SDA",
    "awp": "awp",
    "afp": "AFP",
    "agence france-presse": "AFP",
    "reuters": "Reuters",
    "thomson reuters": "Reuters",
    "dpa": "dpa",
    "dpa-afx": "dpa-AFX",
    "ap": "AP",
    "associated press": "AP",
    "the associated press": "AP",
    "apa": "APA",
    "ansa": "ANSA",
    "bloomberg": "Bloomberg",
    "efe": "EFE",
    "belga": "Belga",
    "si": "SI",
    "cash": "cash",
}


class Agencies:
    """Recognises agency names and returns their canonical spelling."""

    def __init__(self, extra: Mapping[str, str] | None = None):
        table = dict(DEFAULT_AGENCIES)
        for spelling, canonical in (extra or {}).items():
            table[spelling.lower()] = canonical
        self._table = table

    def canonical(self, name: str) -> str | None:
        """Canonical name of `name`, or None if it is no agency we know."""
        return self._table.get(" ".join(name.lower().split()))

    def split(self, credit: str) -> list[str] | None:
        """Agencies of a dateline credit such as `awp/sda`, `ats afp`, `Keystone-ATS`.

        Returns None unless every part is a known agency.
        """
        credit = credit.replace("\\/", "/").strip()
        whole = self.canonical(credit)
        if whole:
            return [whole]
        parts = [p for p in re.split(r"[/,\s]+", credit) if p]
        names = [self.canonical(p) for p in parts]
        known = [n for n in names if n is not None]
        if not names or len(known) < len(names):
            return None
        return unique(known)

    def signoff(self, line: str) -> bool:
        """`(SDA/sj)`, `ats/afp/mk`, `awp/sda/ra`, `dpa al rmo`: agencies then initials."""
        line = line.strip().replace("\\/", "/")
        m = re.fullmatch(r"\(?([A-Za-z-]+(?:[/ ][A-Za-z-]{1,12}){1,6})\)?", line)
        if not m:
            return False
        parts = re.split(r"[/ ]", m.group(1))
        if self.canonical(parts[0]) is None:
            return False
        # After the agencies come the editors' initials: short lower-case tokens.
        rest = [p for p in parts[1:] if self.canonical(p) is None]
        return all(len(p) <= 4 and p.islower() for p in rest)


def unique(items: Iterable[T]) -> list[T]:
    """Items without repeats, in order of first appearance."""
    return list(dict.fromkeys(items))
