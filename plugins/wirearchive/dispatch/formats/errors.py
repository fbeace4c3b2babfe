"""The one exception the readers raise inside this package; `read_item` turns it into a Problem."""

from __future__ import annotations


class FormatError(Exception):
    """The file cannot be read as an item of its format: says what (element or key) and where."""

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.line = line
