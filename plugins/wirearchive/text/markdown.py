"""Markdown and plain text, both ways: the one place that converts between them.

- :func:`escape_text` and :func:`paragraphs_markdown` write dispatch text as Markdown that
  shows it exactly as written, never as markup or HTML;
- :func:`neutralise_html` keeps a curated article's Markdown but shows its raw HTML as text;
- :func:`read` turns a body into plain text (escapes and character references resolved,
  link targets, URLs and code left out) and records, for each character, where it comes
  from and whether a link may be put around it: not in headings, in the text of an
  existing link, inside brackets, or across emphasis markers. :func:`link` then wraps
  chosen spans in Markdown links without touching anything else, so the Markdown stays
  valid;
- :func:`plain_paragraphs` and :func:`plain_text` give what a reader sees, for dated
  events, search and feeds.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
HEADING = re.compile(r"^ {0,3}#{1,6}(?=\s|$)")
SETEXT = re.compile(r"^ {0,3}(=+|-+)\s*$")
REFERENCE = re.compile(r"^ {0,3}\[[^\]]+\]:\s*\S")
BLOCK_MARKERS = re.compile(r"^ {0,3}(?:>\s?)*(?:(?:[-+*]|\d{1,9}[.)])\s+)?")
CHAR_REF = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
URL = re.compile(r"(?:https?://|ftp://|www\.)[^\s<>]*[^\s<>.,;:!?)\]\"'»”]")
AUTOLINK = re.compile(r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)>")
ESCAPABLE = set("\\`*_{}[]()#+-.!<>|\"'~&:;=/$%^")

# Characters Python-Markdown gives a meaning to, inline.
_INLINE = re.compile(r"([\\`*_\[\]{}!])")
# Line starts that would make a heading, list, quote, rule or code block.
_BLOCK_START = re.compile(r"^(#|[-+*](?=\s)|-+$)")
_ORDERED = re.compile(r"^(\d+)([.)])(?=\s|$)")
# Raw HTML in curated Markdown: any tag or comment, but not autolinks like <https://...>.
_RAW_HTML = re.compile(r"<(?!(?:https?|mailto):[^>\s]+>)(?=[A-Za-z/!?])")


def escape_text(text: str) -> str:
    """One paragraph of dispatch text as Markdown source that shows it verbatim."""
    text = html.escape(text, quote=False)
    text = _INLINE.sub(r"\\\1", text)
    text = _BLOCK_START.sub(r"\\\1", text, count=1)
    return _ORDERED.sub(r"\1\\\2", text, count=1)


def paragraphs_markdown(paragraphs: list[str]) -> str:
    """Paragraphs of dispatch text as Markdown, one block each."""
    return "\n\n".join(escape_text(p) for p in paragraphs)


def neutralise_html(markdown: str) -> str:
    """Curated Markdown keeps its formatting, but raw HTML tags are shown as text."""
    return _RAW_HTML.sub("&lt;", markdown)


@dataclass
class TextView:
    """Plain text of a Markdown body; `starts[i]:ends[i]` is the Markdown of `text[i]`."""

    text: str = ""
    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    linkable: list[bool] = field(default_factory=list)

    def add(self, char: str, start: int, end: int, linkable: bool) -> None:
        """One character of text, written `markdown[start:end]`."""
        self._chars.append(char)
        self.starts.append(start)
        self.ends.append(end)
        self.linkable.append(linkable)

    def add_run(self, text: str, start: int, linkable: bool) -> None:
        """Text written as is, from `markdown[start]` on."""
        self._chars.append(text)
        self.starts.extend(range(start, start + len(text)))
        self.ends.extend(range(start + 1, start + len(text) + 1))
        self.linkable.extend([linkable] * len(text))

    def __post_init__(self) -> None:
        self._chars: list[str] = list(self.text)

    def finish(self) -> TextView:
        self.text = "".join(self._chars)
        return self

    def source_span(self, start: int, end: int) -> tuple[int, int] | None:
        """The Markdown span of `text[start:end]` if a link may wrap it, else None."""
        if start >= end or end > len(self.text):
            return None
        for i in range(start, end):
            if not self.linkable[i] or (i + 1 < end and self.ends[i] != self.starts[i + 1]):
                return None
        return self.starts[start], self.ends[end - 1]


def read(markdown: str) -> TextView:
    """The text a reader sees of `markdown`, block by block, paragraphs split by blank lines."""
    view = TextView()
    fence: str | None = None
    offset = 0
    lines = markdown.split("\n")
    previous_blank = True
    for number, line in enumerate(lines):
        start, offset = offset, offset + len(line) + 1
        if fence is not None:
            if line.strip().startswith(fence):
                fence = None
            view.add("\n", start + len(line), start + len(line), False)
            continue
        match = FENCE.match(line)
        if match:
            fence = match.group(1)[0] * 3
            view.add("\n", start + len(line), start + len(line), False)
            continue
        blank = not line.strip()
        indented_code = (
            previous_blank and (line.startswith("    ") or line.startswith("\t")) and not blank
        )
        nxt = lines[number + 1] if number + 1 < len(lines) else ""
        if (
            blank
            or indented_code
            or REFERENCE.match(line)
            or (SETEXT.match(line) and not previous_blank)
        ):
            view.add("\n", start + len(line), start + len(line), False)
            previous_blank = blank or (indented_code and previous_blank)
            continue
        heading = bool(HEADING.match(line)) or bool(SETEXT.match(nxt))
        marker = HEADING.match(line) or BLOCK_MARKERS.match(line)
        _inline(view, line, start, marker.end() if marker else 0, not heading)
        view.add("\n", start + len(line), start + len(line), False)
        previous_blank = False
    return view.finish()


# Where something other than plain text may start: escapes, references, code, autolinks,
# links and brackets, emphasis, URLs and e-mail addresses.
SPECIAL = re.compile(r"[\\&`<!\[*_]|(?:https?://|ftp://|www\.)")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def _inline(
    view: TextView, line: str, base: int, i: int, linkable: bool, end: int | None = None
) -> None:
    end = len(line) if end is None else end
    emails = [m.start() for m in EMAIL.finditer(line, i, end)] if "@" in line else []
    while i < end:
        special = SPECIAL.search(line, i, end)
        at = special.start() if special else end
        while emails and emails[0] < i:
            emails.pop(0)
        if emails and emails[0] < at:
            at = emails[0]
        if at >= end:
            view.add_run(line[i:end], base + i, linkable)
            return
        if at > i:
            view.add_run(line[i:at], base + i, linkable)
        i = _special(view, line, base, at, end, linkable)


def _special(view: TextView, line: str, base: int, i: int, end: int, linkable: bool) -> int:
    """Read the token at `line[i]`; the index after it."""
    char = line[i]
    if char == "\\" and i + 1 < end and line[i + 1] in ESCAPABLE:
        view.add(line[i + 1], base + i, base + i + 2, linkable)
        return i + 2
    if char == "&":
        ref = CHAR_REF.match(line, i)
        if ref and ref.end() <= end and len(html.unescape(ref.group())) == 1:
            view.add(html.unescape(ref.group()), base + i, base + ref.end(), linkable)
            return ref.end()
    if char == "`":
        run = len(line[i:end]) - len(line[i:end].lstrip("`"))
        close = line.find("`" * run, i + run, end)
        if close != -1:
            view.add(" ", base + i, base + close + run, False)
            return close + run
        view.add_run(line[i : i + run], base + i, linkable)
        return i + run
    if char == "<":
        auto = AUTOLINK.match(line, i)
        if auto and auto.end() <= end:
            view.add(" ", base + i, base + auto.end(), False)
            return auto.end()
    if char == "[" or (char == "!" and line[i + 1 : i + 2] == "["):
        return _bracket(view, line, base, i, end)
    if char in "*_":
        run_end = i
        while run_end < end and line[run_end] == char:
            run_end += 1
        intraword = (
            char == "_"
            and i > 0
            and run_end < end
            and line[i - 1].isalnum()
            and line[run_end].isalnum()
        )
        if not intraword:
            return run_end  # emphasis markers are not text; spans across them are not linked
        view.add_run(line[i:run_end], base + i, linkable)
        return run_end
    if char.isalnum() or char in "._+-":
        url = URL.match(line, i) or EMAIL.match(line, i)
        if url and url.end() <= end and (i == 0 or not line[i - 1].isalnum()):
            view.add(" ", base + i, base + url.end(), False)
            return url.end()
    view.add(char, base + i, base + i + 1, linkable)
    return i + 1


def _closing(line: str, i: int, end: int, opening: str, closing: str) -> int:
    """Index of the bracket closing the one at `i`, or -1."""
    depth = 0
    j = i
    while j < end:
        c = line[j]
        if c == "\\":
            j += 2
            continue
        if c == opening:
            depth += 1
        elif c == closing:
            depth -= 1
            if depth == 0:
                return j
        j += 1
    return -1


def _bracket(view: TextView, line: str, base: int, i: int, end: int) -> int:
    """A link, image or bracketed text: its text is seen but never linked again."""
    open_at = i + 1 if line[i] == "!" else i
    close = _closing(line, open_at, end, "[", "]")
    if close == -1:
        view.add(line[i], base + i, base + i + 1, False)
        return i + 1
    _inline(view, line, base, open_at + 1, False, close)
    after = close + 1
    if after < end and line[after] in "([":
        target_close = _closing(line, after, end, line[after], ")" if line[after] == "(" else "]")
        if target_close != -1:
            return target_close + 1
    return after


# ----------------------------------------------------------------------------- linking


def link_title(text: str) -> str:
    """Text for a Markdown link title in double quotes."""
    # Python-Markdown keeps character references in titles as they are: the browser decodes them.
    return (
        " ".join(text.split()).replace("&", "&amp;").replace('"', "&quot;").replace("\\", "&#92;")
    )


def link(markdown: str, spans: Sequence[tuple[int, int, str, str | None]]) -> str:
    """`markdown` with each `(start, end, url, title)` span wrapped in a Markdown link."""
    out: list[str] = []
    at = 0
    for start, end, url, title in sorted(spans):
        if start < at:
            continue
        out.append(markdown[at:start])
        suffix = f' "{link_title(title)}"' if title else ""
        out.append(f"[{markdown[start:end]}]({url}{suffix})")
        at = end
    out.append(markdown[at:])
    return "".join(out)


# ----------------------------------------------------------------------------- plain text


def plain_paragraphs(markdown: str, first_line: int = 1) -> list[tuple[str, int]]:
    """What a reader sees of `markdown`, paragraph by paragraph: `(text, line)`, where
    `line` is the line of the paragraph's start (the Markdown's first line is `first_line`).

    Code blocks, link targets and URLs are left out; escapes and character references are
    resolved, so `AT\\&amp;T` reads `AT&T`.
    """
    view = read(markdown)
    found: list[tuple[str, int]] = []
    for match in _PARAGRAPH.finditer(view.text):
        text = " ".join(match.group().split())
        if text:
            line = first_line + markdown.count("\n", 0, view.starts[match.start()])
            found.append((text, line))
    return found


_PARAGRAPH = re.compile(r"[^\n]+(?:\n[^\n]+)*")


def plain_text(markdown: str) -> str:
    """What a reader sees of `markdown`, paragraphs separated by a blank line."""
    return "\n\n".join(text for text, _ in plain_paragraphs(markdown))
