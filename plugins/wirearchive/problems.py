"""Problems found in input files: the one type every layer reports with.

It sits at the bottom of the package so that the parser, the glossary, the archive, the
site and the command line all speak of a bad file the same way: its path, the line where
known, how serious it is, and what is wrong.
"""

from __future__ import annotations

import reprlib
from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning", "info"]


@dataclass(frozen=True)
class Problem:
    """Something wrong with one input file, located as precisely as known."""

    path: str
    line: int | None
    severity: Severity
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.severity}: {self.message}"


_BRIEF = reprlib.Repr()
_BRIEF.maxlevel, _BRIEF.maxstring, _BRIEF.maxother = 2, 80, 80
_BRIEF.maxlist = _BRIEF.maxtuple = _BRIEF.maxdict = _BRIEF.maxset = 5


def brief(value: object) -> str:
    """`repr(value)`, short: a value quoted in a message is never more than a line.

    Front matter is input: a YAML alias bomb makes a value whose full repr would not fit
    in memory.
    """
    return _BRIEF.repr(value)


def errors(problems: list[Problem]) -> list[Problem]:
    """The problems that stop a file (or the archive) from being published as it is."""
    return [p for p in problems if p.severity == "error"]
