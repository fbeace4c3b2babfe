"""Dispatch text as Markdown that renders exactly as written and never as HTML."""

from __future__ import annotations

import html
import re

import yaml

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
    return "\n\n".join(escape_text(p) for p in paragraphs)


def neutralise_html(markdown: str) -> str:
    """Curated Markdown keeps its formatting, but raw HTML tags are shown as text."""
    return _RAW_HTML.sub("&lt;", markdown)


def page_source(metadata: dict, body: str) -> str:
    """The generated page: YAML front matter, then the Markdown body."""
    front = yaml.safe_dump(metadata, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{front}---\n\n{body}\n"
