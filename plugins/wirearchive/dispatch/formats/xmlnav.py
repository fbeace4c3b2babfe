"""Finding elements by local name, whatever namespace (or none) a provider put them in.

NewsML 1.x items come without a namespace, NewsML-G2 with IPTC's, XHTML inside G2 with the
W3C's, and providers add their own prefixes. Readers ask for local names, lower-cased.
"""

from __future__ import annotations

from collections.abc import Iterator

from .textblocks import Resolver, collapse, inline_text, local


def kids(element, name: str) -> list:
    """Children of `element` called `name`."""
    if element is None:
        return []
    return [c for c in element if local(c) == name]


def kid(element, *path: str):
    """The first element down a path of child names, or None."""
    for name in path:
        if element is None:
            return None
        element = next((c for c in element if local(c) == name), None)
    return element


def every(element, name: str) -> Iterator:
    """Descendants of `element` (itself included) called `name`, in document order."""
    if element is None:
        return iter(())
    return (e for e in element.iter() if local(e) == name)


def first(element, name: str):
    """The first descendant called `name`, or None."""
    return next(every(element, name), None)


def attr(element, name: str) -> str | None:
    """An attribute by local name, any case (`xml:lang` is `lang`, `FormalName` is
    `formalname`), stripped; None when absent or empty."""
    if element is None:
        return None
    for key, value in element.attrib.items():
        if key.rsplit("}", 1)[-1].lower() == name:
            value = value.strip()
            return value or None
    return None


def text(element, resolve: Resolver | None = None) -> str | None:
    """An element's text, white space collapsed; None when absent or empty."""
    if element is None:
        return None
    return collapse(inline_text(element, resolve)) or None


def line(element) -> int | None:
    """The source line of an element."""
    return element.sourceline if element is not None else None
