"""Rendered pages without the blank lines and indentation their templates leave.

Material's templates and the archive's are indented for the people who read them, and a page
they render carries it: about 2.4 KB of an article's 19 KB page, 3 KB of a timeline page's
70 KB, some 40 MB of a site of 10,000 dispatches (GitHub Pages holds 1 GB). A page here
keeps every line break and loses the whitespace after it: the spaces and tabs that indent a
line, and the lines with nothing else. Browsers show a run of whitespace between words and
tags as one space, so the page looks the same. Kept as they are: the elements whose
whitespace is shown or read as written (`pre`, `textarea`, `code`, `kbd`; Material shows
`code` with `white-space: pre-wrap`) and scripts and styles.

Written here rather than taken from an HTML minifier (minify-html, htmlmin): those remove
quotes around attribute values, optional closing tags and comments as well, and a site's own
checks that read pages with regular expressions may count on them. This is the one change
wanted, and it cannot alter what a page shows.
"""

from __future__ import annotations

import re

# The opening tag of an element whose content is kept as it is, and the closing tag of each.
KEPT = ("pre", "textarea", "code", "kbd", "script", "style")
OPENING = re.compile(rf"<({'|'.join(KEPT)})\b", re.I)
CLOSING = {name: re.compile(rf"</{name}\s*>", re.I) for name in KEPT}
# A line break and the whitespace after it (not a no-break space, which is text).
INDENT = re.compile(r"\n[ \t\r\n]+")


def compact(html: str) -> str:
    """`html` without indentation and blank lines outside the elements above. Applying it
    twice gives what applying it once does."""
    parts: list[str] = []
    start = 0
    while (opening := OPENING.search(html, start)) is not None:
        closing = CLOSING[opening[1].lower()].search(html, opening.end())
        end = closing.end() if closing is not None else len(html)
        parts.append(INDENT.sub("\n", html[start : opening.start()]))
        parts.append(html[opening.start() : end])
        start = end
    parts.append(INDENT.sub("\n", html[start:]))
    return "".join(parts)
