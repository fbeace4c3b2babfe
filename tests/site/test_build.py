"""`mkdocs build --strict` of small sites, read back as a reader's browser would get them."""

import re

import pytest

from ..conftest import FIXTURES, mkdocs_build, write_site

IPHONE = (FIXTURES / "dispatches" / "fr-apple-iphone-air.txt").read_text(encoding="utf-8")
HOSTILE = """\
Headline with <script>alert("title")</script> & <b>tags</b>

ZURICH, June 3, 2025 (Reuters) - Body with <img src=x onerror=alert(1)> and [a link](javascript:alert(1)).

# not a heading, * not a list, 1. not a list
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = write_site(
        tmp_path_factory.mktemp("site"),
        {
            "2025/09/iphone.txt": IPHONE,
            "2025/06/hostile.txt": HOSTILE,
        },
        docs={"about.md": "# About\n\nHand-written page.\n"},
    )
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    return root / "site"


def test_article_is_at_year_month_slug(built):
    page = (
        built
        / "2025"
        / "09"
        / "apple-presente-l-iphone-air-son-smartphone-le-plus-fin"
        / "index.html"
    )
    html = page.read_text(encoding="utf-8")
    assert "<h1>Apple présente l&#39;iPhone Air, son smartphone le plus fin</h1>" in html
    assert 'datetime="2025-09-09T20:15:00+02:00"' in html
    assert "9 septembre 2025" in html  # date in the article's language
    assert 'lang="fr"' in html
    assert "ATS, Keystone-SDA" in html
    assert "Cupertino" in html


def test_raw_dispatch_is_published_beside_its_article(built):
    folder = built / "2025" / "09" / "apple-presente-l-iphone-air-son-smartphone-le-plus-fin"
    assert (folder / "dispatch.txt").read_text(encoding="utf-8") == IPHONE
    assert 'href="dispatch.txt"' in (folder / "index.html").read_text(encoding="utf-8")


def test_dispatch_text_can_never_inject_html(built):
    [page] = (built / "2025" / "06").glob("*/index.html")
    html = page.read_text(encoding="utf-8")
    assert "<script>alert" not in html and "<img src=x" not in html and "<b>tags</b>" not in html
    assert 'href="javascript:' not in html
    assert "&lt;script&gt;alert" in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    body = html.split('class="wa-body"')[1]
    assert "<h1" not in body and "<ul>" not in body and "<ol>" not in body
    assert "# not a heading, * not a list, 1. not a list" in body


def test_articles_stay_out_of_the_navigation(built):
    about = (built / "about" / "index.html").read_text(encoding="utf-8")
    assert "iPhone Air" not in about.split('class="md-content"')[0]


def test_home_lists_the_latest_dispatches_newest_first(built):
    home = (built / "index.html").read_text(encoding="utf-8")
    first, second = home.index("iPhone Air"), home.index("Headline with")
    assert first < second
    assert 'href="2025/09/apple-presente-l-iphone-air-son-smartphone-le-plus-fin/"' in home


def test_a_site_can_override_the_article_template(tmp_path):
    root = write_site(
        tmp_path,
        {"2025/09/iphone.txt": IPHONE},
        extra="theme:\n  name: material\n  custom_dir: overrides\n",
    )
    text = (
        (root / "mkdocs.yml").read_text().replace("theme:\n  name: material\nplugins", "plugins", 1)
    )
    (root / "mkdocs.yml").write_text(text)
    override = root / "overrides" / "wirearchive" / "article.html"
    override.parent.mkdir(parents=True)
    override.write_text(
        '{% extends "main.html" %}{% block content %}<p id="custom">{{ article.title | e }}</p>{% endblock %}'
    )
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    html = next((root / "site" / "2025" / "09").glob("*/index.html")).read_text(encoding="utf-8")
    assert '<p id="custom">Apple présente' in html


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("2025/06/empty.txt", "", r"articles/2025/06/empty.txt: error: empty file"),
        (
            "2025/06/nodate.txt",
            "Headline only here\n\nLausanne (Keystone-ATS) - Text.\n",
            r"articles/2025/06/nodate.txt:3: error: no date found",
        ),
        (
            "2025/06/key.txt",
            "---\ncolour: blue\n---\n" + IPHONE,
            r"articles/2025/06/key.txt:2: warning: unknown front matter key `colour`",
        ),
        (
            "2025/06/binary.txt",
            b"\x00\x01\x02PNG\x00" * 50,
            r"articles/2025/06/binary.txt: error: cannot read",
        ),
    ],
)
def test_bad_dispatch_fails_a_strict_build_with_file_and_line(tmp_path, name, content, message):
    root = write_site(tmp_path, {name: content, "2025/09/iphone.txt": IPHONE})
    result = mkdocs_build(root)
    assert result.returncode != 0
    assert re.search(message, result.stderr), result.stderr
    assert "Traceback" not in result.stderr


def test_bad_timezone_is_a_configuration_error(tmp_path):
    root = write_site(
        tmp_path, {"2025/09/iphone.txt": IPHONE}, plugin_options="      timezone: Mars/Olympus"
    )
    result = mkdocs_build(root)
    assert result.returncode != 0
    assert "unknown time zone 'Mars/Olympus'" in result.stderr


def test_the_demo_archive_builds_strict(demo_copy):
    result = mkdocs_build(demo_copy)
    assert result.returncode == 0, result.stderr
    pages = list((demo_copy / "site").glob("20[0-9][0-9]/[01][0-9]/*/index.html"))
    assert len(pages) >= 15
