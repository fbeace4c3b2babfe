"""What one build made that the next build of the same process may take as it is.

`mkdocs serve` keeps one instance of the plugin through its builds, and the dispatches a
build read are kept for the next (`archive.read_archive(kept=...)`): an unchanged dispatch is
the very same `Article` object in the next build. What is made from unchanged articles alone
(a timeline's entries, an entity's timeline, a page of a timeline, an article page's
metadata, the digest of any of them in a page's key) is then the same, and a reload need not
make it again: a reload of a 10,000-dispatch archive made all of it for one edit.

A value is kept under a key that names it (a page's path, an entity's id; or the `id()` of
the one object it was made from, which the value then holds, so that no other object can
take that id while it is carried), with what it was made from (`made_of`). It is taken only
when asked for from the very same objects (`is`, not `==`; an equal string or number will
do). What a value was made from must never change: articles and what is made of them are
frozen, or built once and only read.

A build keeps what it made or took (`keep`, `recall`); `next_build` makes that the last
build's, and what the next build does not take is let go at its end (`end_build`): what is
carried between two builds is at most what one build used.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Sequence
from typing import Any, TypeVar

MISSING: Any = object()
T = TypeVar("T")


class Carried:
    """Values made by this build and the last one, by keys of what they were made from."""

    def __init__(self) -> None:
        self._now: dict[Hashable, Any] = {}
        self._last: dict[Hashable, Any] = {}
        self.taken: Counter[str] = Counter()  # values this build took from the last, by kind
        # ids of the values `made_of` gave this build, made or taken: what it holds
        self.given: set[int] = set()

    def recall(self, kind: str, key: Hashable, valid: Callable[[Any], bool] | None = None) -> Any:
        """The value kept under `key` by this build, or else by the last one (then this build
        keeps it), if `valid` holds for it; else MISSING."""
        value = self._now.get((kind, key), MISSING)
        if value is not MISSING:
            return value if valid is None or valid(value) else MISSING
        value = self._last.pop((kind, key), MISSING)
        if value is MISSING or (valid is not None and not valid(value)):
            return MISSING
        self._now[(kind, key)] = value
        self.taken[kind] += 1
        return value

    def last(self, kind: str, key: Hashable) -> Any:
        """The value the last build kept under `key`, not taken (it may be made anew from
        it), or MISSING."""
        return self._last.get((kind, key), MISSING)

    def keep(self, kind: str, key: Hashable, value: Any) -> None:
        self._now[(kind, key)] = value

    def next_build(self) -> None:
        """A build starts: what the last one kept may be taken."""
        self._last, self._now = self._now, {}
        self.taken = Counter()
        self.given = set()

    def end_build(self) -> None:
        """A build ended: what it did not take of the last one's is let go."""
        self._last = {}


class CarriedEntries:
    """The entries of timelines by the id of their event (or article, for a publication),
    as `timeline.entries_of` reads and writes them (`get`, item assignment), carried over
    builds by a `Carried`."""

    def __init__(self, carried: Carried) -> None:
        self.carried = carried

    def get(self, key: int) -> Any:
        value = self.carried.recall("entry", key)
        return None if value is MISSING else value

    def __setitem__(self, key: int, value: Any) -> None:
        self.carried.keep("entry", key, value)


def made_of(
    carried: Carried | None, kind: str, key: Hashable, sources: Sequence[Any], make: Callable[[], T]
) -> T:
    """`make()`, or the value the last build made under `key` from the very same `sources`
    (each the same object, or an equal string or number, in the same order); without
    `carried`, `make()`."""
    if carried is None:
        return make()
    found = carried.recall(kind, key, lambda found: same_sources(found[0], sources))
    if found is not MISSING:
        value = found[1]
    else:
        value = make()
        carried.keep(kind, key, (tuple(sources), value))
    carried.given.add(id(value))
    return value


def same_sources(made_from: Sequence[Any], sources: Sequence[Any]) -> bool:
    """Whether `sources` are what a value was made from, as `made_of` compares them."""
    return len(made_from) == len(sources) and all(map(_same_source, made_from, sources))


# Immutable values that are the same when equal: a string made again (a page's src_uri) is
# as good as the one a value was made from.
_VALUES = frozenset({str, int, float, bool, type(None)})


def _same_source(then: Any, now: Any) -> bool:
    return then is now or (type(then) in _VALUES and type(then) is type(now) and then == now)
