"""HTML from contributors, made safe to publish: an allow-list, not a block-list.

Curated articles and glossary entries are Markdown written by strangers (a pull request is
all it takes), and Markdown lets HTML and any link through. What MkDocs renders from them
goes through :func:`sanitize_html` (nh3, the maintained binding to the ammonia sanitiser)
before it is published: structural and inline tags only; links only to `http(s)`, `mailto`
and relative addresses; images only from the site itself (an image from elsewhere is a
call to a third party on every visit); no event handlers, `style`, iframes, objects,
forms, SVG or MathML. Dispatch text never needs this: it is plain text, escaped once by the
template that prints it.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import nh3

TAGS = {
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "caption",
    "cite",
    "code",
    "dd",
    "del",
    "details",
    "dfn",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "q",
    "s",
    "samp",
    "small",
    "span",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "time",
    "tr",
    "u",
    "ul",
    "var",
    "wbr",
}
ATTRIBUTES = {
    "*": {"id", "lang", "title"},
    "a": {"href", "hreflang"},
    "abbr": {"title"},
    "img": {"src", "alt", "width", "height"},
    "ol": {"start"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align", "scope"},
    "time": {"datetime"},
    "ins": {"datetime"},
    "del": {"datetime"},
    "q": {"cite"},
    "blockquote": {"cite"},
}
SCHEMES = {"http", "https", "mailto"}
# Classes the site's own Markdown extensions give (a heading's permalink): kept for styling.
CLASSES = {"a": {"headerlink"}}


def _filter(tag: str, attribute: str, value: str) -> str | None:
    if tag == "img" and attribute == "src" and (urlsplit(value).scheme or value.startswith("//")):
        return None  # an image from elsewhere: a third party would see every reader
    return value


def sanitize_html(html: str) -> str:
    """`html` with everything outside the allow-list removed (the text inside kept)."""
    return nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        attribute_filter=_filter,
        url_schemes=SCHEMES,
        allowed_classes=CLASSES,
        link_rel=None,
        strip_comments=True,
    )
