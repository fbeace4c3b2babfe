"""Progress of a long run: how far it is, for a reader at a terminal or a CI log.

On a terminal one line is rewritten in place; anywhere else (CI logs, MkDocs' log) a line
is written at every tenth of the way, so that a log stays short and readable. Short runs
say nothing: below `minimum` items a run is over before anyone looks.
"""

from __future__ import annotations

import time
from collections.abc import Callable


class Progress:
    """Counts `total` items of a run called `label`, reporting through `write`."""

    def __init__(
        self,
        total: int,
        label: str,
        write: Callable[[str], None],
        *,
        terminal: bool = False,
        minimum: int = 500,
    ) -> None:
        self.total = total
        self.label = label
        self.write = write
        self.terminal = terminal
        self.quiet = total < minimum
        self.done = 0
        self.started = time.monotonic()
        self._next = total // 10 or 1

    def advance(self, count: int = 1) -> None:
        self.done += count
        if self.quiet:
            return
        if self.terminal or self.done >= self._next or self.done == self.total:
            end = "\r" if self.terminal and self.done < self.total else ""
            seconds = time.monotonic() - self.started
            self.write(f"{self.label}: {self.done:,} of {self.total:,} ({seconds:.0f} s){end}")
            while self._next <= self.done:
                self._next += self.total // 10 or 1
