"""The reader's pages of the demo, read back from a strict build (issue 12.2, 12.4, 12.6).

The navigation lists the archive's sections, titled in the site's language, with the site
owner's own `nav` kept; an article page gives the dispatch's text first; /timeline/ has
filters that are links, shows events (not publications) and does not quote narration.
"""

from __future__ import annotations

import re
from pathlib import Path

import html5lib
import pytest

from ..conftest import FIXTURES, copy_demo, mkdocs_build, write_site

SECTIONS = ["Accueil", "Archives", "Chronologie", "Glossaire", "Sources", "Recherche"]


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    root = copy_demo(tmp_path_factory.mktemp("demo"))
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    return root / "site"


def parse(path: Path):
    return html5lib.parse(path.read_text(encoding="utf-8"), namespaceHTMLElements=False)


def by_class(tree, name: str) -> list:
    return [e for e in tree.iter() if name in (e.get("class") or "").split()]


def text_of(element) -> str:
    return " ".join("".join(element.itertext()).split())


def nav_titles(page: Path) -> list[str]:
    """The titles of the primary navigation's top level, as Material renders them."""
    (nav,) = by_class(parse(page), "md-nav--primary")
    (items,) = [ul for ul in nav if ul.tag == "ul"]
    # a page is a link; a section (a folder of pages) a label over its own list
    return [text_of(li.find("a") if li.find("a") is not None else li.find("label")) for li in items]


def test_the_sections_are_in_the_navigation_of_every_page(demo):
    article = next(demo.glob("2025/09/nvidia-prevoit*/index.html"))
    for page in (demo / "index.html", article, demo / "entities" / "nvidia" / "index.html"):
        assert nav_titles(page) == SECTIONS, page
    # the archive's other pages are reached through the sections, not listed
    home = (demo / "index.html").read_text(encoding="utf-8")
    assert "nvidia-prevoit" not in home.split('class="md-content"')[0]


def test_the_owner_nav_is_kept_and_the_sections_follow(tmp_path):
    iphone = (FIXTURES / "dispatches" / "fr-apple-iphone-air.txt").read_text(encoding="utf-8")
    root = write_site(
        tmp_path,
        {"2025/09/iphone.txt": iphone},
        docs={"about.md": "# About us\n", "index.md": "# Welcome\n", "more.md": "# More\n"},
        extra="nav:\n  - Start: index.md\n  - about.md\n  - Timeline: timeline/index.md\n",
    )
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    titles = nav_titles(root / "site" / "about" / "index.html")
    # the owner's, as written (their title for the timeline), then the sections not named
    assert titles == ["Start", "About us", "Timeline", "Archive", "Sources", "Search"]
    assert (
        "more/"
        not in (root / "site" / "index.html")
        .read_text(encoding="utf-8")
        .split('class="md-content"')[0]
    )


def test_without_a_nav_the_site_pages_follow_the_sections(tmp_path):
    root = write_site(
        tmp_path, {}, docs={"about.md": "# About us\n", "guide/howto.md": "# How to\n"}
    )
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    titles = nav_titles(root / "site" / "about" / "index.html")
    assert titles[:4] == ["Home", "Archive", "Timeline", "Sources"]
    assert titles[4:] == ["Search", "About us", "Guide"]  # no glossary here; a folder, a section


def test_an_article_gives_its_text_first(demo):
    page = next(demo.glob("2025/09/nvidia-prevoit*/index.html"))
    html = page.read_text(encoding="utf-8")
    order = [
        html.index("<h1>"),
        html.index('class="wa-lede"'),
        html.index('class="wa-body"'),
        html.index('class="wa-photo-note"'),
        html.index('class="wa-chips"'),
        html.index('class="wa-article-events"'),
    ]
    assert order == sorted(order)
    # the caption of a photo the archive does not publish is a note, not a figure
    assert "<figure" not in html.split('class="wa-article"')[1].split("</article>")[0]
    note = text_of(by_class(parse(page), "wa-photo-note")[0])
    assert note.startswith("Photo de la dépêche d'origine") and "(KEYSTONE/AP)" in note
    # the digest section (`1. Entreprises`) is metadata: not shown
    assert "Entreprises" not in text_of(by_class(parse(page), "md-content")[0])


def test_the_timeline_has_filters_that_are_links_and_shows_events(demo):
    tree = parse(demo / "timeline" / "index.html")
    (filters,) = by_class(tree, "wa-filters")
    links = [a.get("href") for a in filters.iter("a")]
    assert "2025/" in links  # a year
    assert any(re.fullmatch(r"\.\./entities/[a-z0-9-]+/(timeline/|#timeline)", h) for h in links)
    entries = by_class(tree, "wa-tl")
    assert entries and all("wa-tl--event" in e.get("class") for e in entries)
    html = (demo / "timeline" / "index.html").read_text(encoding="utf-8")
    assert "<q" not in html and "Publiée" not in html
    # an entity's filter leads to its timeline, without JavaScript
    target = next(h for h in links if h.endswith("/timeline/"))
    entity_timeline = parse((demo / "timeline" / target).resolve() / "index.html")
    assert by_class(entity_timeline, "wa-tl")
