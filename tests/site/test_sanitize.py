"""One escaping boundary: contributors' Markdown is sanitised, dispatch text escaped once.

Curated articles and glossary bodies are Markdown from pull requests: what MkDocs renders
from them is published through an allow-list (nh3). Dispatch text is plain text until a
template prints it, escaped exactly once, in pages, search and feeds alike.
"""

from __future__ import annotations

import json
import re

import html5lib
import pytest

from ..conftest import mkdocs_build, write_site

CURATED = """---
title: Un point sur EvilCorp
date: 2025-06-03T10:00:00+02:00
rubric: Tech & Médias
---

Un [lien piégé](javascript:alert(1)) et un [autre]( JaVaScRiPt:alert(2) ) et
[encodé](&#106;avascript:alert(3)) et [données](data:text/html;base64,PHNjcmlwdD4=) et
[vb](vbscript:msgbox(1)), puis un [vrai lien](https://example.org/) et un [relatif](../).

![image d'ailleurs](https://tracker.example/pixel.png) ![image data](data:image/png;base64,AAAA)

<script>alert(4)</script> <img src=x onerror=alert(5)> <iframe src="https://x.example"></iframe>

<svg onload="alert(6)"><circle r="1"/></svg> <math><mtext>x</mtext></math> <form><input></form>

[ref]: javascript:alert(7)

Voir [la référence][ref] et <https://example.org/auto>.
"""
ENTITY = """---
name: EvilCorp
type: company
description: Une société.
---
Body of the <b>entity</b> <script>alert(8)</script> [clic](javascript:alert(9)).
"""
DISPATCH = """\
Tech & Médias lance un outil

Genève, 3 juin 2025 (Keystone-ATS) - EvilCorp & Co a publié des chiffres pour AT&T.
"""
ALLOWED_SCHEMES = ("http:", "https:", "mailto:")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = write_site(
        tmp_path_factory.mktemp("sanitize"),
        {"2025/06/point.md": CURATED, "2025/06/outil.txt": DISPATCH},
        docs={"entities/evilcorp.md": ENTITY},
        plugin_options="      rubrics: [Tech & Médias, Technologie]",
        extra="site_url: https://example.org/archive/\n",
    )
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    return root / "site"


def pages(site):
    return {p.relative_to(site).as_posix(): p.read_text("utf-8") for p in site.rglob("*.html")}


def links_of(html: str) -> list[str]:
    tree = html5lib.parse(html, namespaceHTMLElements=False)
    return [el.get(attr) for el in tree.iter() for attr in ("href", "src") if el.get(attr)]


def test_no_link_or_image_with_a_scheme_other_than_http_mailto_or_relative(site):
    for name, html in pages(site).items():
        for url in links_of(html):
            scheme = re.match(r"^\s*([A-Za-z][A-Za-z0-9+.-]*):", url)
            assert scheme is None or url.strip().lower().startswith(ALLOWED_SCHEMES), (name, url)


def test_curated_markdown_keeps_safe_links_and_loses_the_rest(site):
    html = (site / "2025/06/un-point-sur-evilcorp/index.html").read_text("utf-8")
    body = html.split('class="wa-body"', 1)[1].split("</article>", 1)[0]
    assert '<a href="https://example.org/">vrai lien</a>' in body
    tree = html5lib.parse(body, namespaceHTMLElements=False)
    elements = list(tree.iter())
    assert not [
        e.tag
        for e in elements
        if e.tag in ("script", "iframe", "svg", "math", "form", "img")
        and e.get("src", "").startswith(("x", "https://tracker"))
    ]
    assert not [e.tag for e in elements if e.tag in ("script", "iframe", "svg", "math", "form")]
    assert not [(e.tag, a) for e in elements for a in e.attrib if a.lower().startswith("on")]
    assert "tracker.example/pixel.png" not in body and "data:" not in body
    assert "lien piégé" in body and "la référence" in body  # the text stays, the link goes
    assert "&lt;script&gt;alert(4)&lt;/script&gt;" in body  # raw HTML is shown as text


def test_a_glossary_body_is_text_not_html(site):
    html = (site / "entities/evilcorp/index.html").read_text("utf-8")
    assert "&lt;b&gt;entity&lt;/b&gt;" in html or "&lt;b>entity&lt;/b>" in html
    assert "<b>entity" not in html and "<script>alert(8)" not in html
    assert "javascript:" not in html


def test_titles_are_escaped_once_on_every_page(site):
    for name, html in pages(site).items():
        assert "&amp;amp;" not in html, name
    rubric = next(n for n in pages(site) if n.startswith("rubrics/") and n != "rubrics/index.html")
    assert "Tech &amp; Médias" in pages(site)[rubric]


def test_search_and_feeds_are_built_from_plain_text(site):
    parts = site / "search" / "parts"
    docs = [json.loads(p.read_text("utf-8")) for p in parts.glob("*-docs.*.json")]
    shown = json.dumps(docs, ensure_ascii=False)
    assert "AT&T" in shown and "&amp;" not in shown
    indexes = [json.loads(p.read_text("utf-8")) for p in parts.glob("2025*.json")]
    terms = {t for index in indexes if "invertedIndex" in index for t, _ in index["invertedIndex"]}
    assert "amp" not in terms
    feed = json.loads((site / "feed.json").read_text("utf-8"))
    assert any(item["title"] == "Tech & Médias lance un outil" for item in feed["items"])
