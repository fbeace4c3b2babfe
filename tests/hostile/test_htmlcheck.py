"""The checks of the hostile build catch what they claim: each attack planted in a page, a feed
or a log is found, and the benign site's own pages pass."""

from __future__ import annotations

import json
import subprocess

import pytest

from . import htmlcheck
from .site import Built, _names
from .test_hostile_site import escaped_twice

PLANTED = {
    "javascript link": '<a href="javascript:alert(1)">x</a>',
    "upper-case scheme": '<a href="JAVASCRIPT:alert(1)">x</a>',
    "tab in the scheme": '<a href="java\tscript:alert(1)">x</a>',
    "newline in the scheme": '<a href="java\nscript:alert(1)">x</a>',
    "leading space and control": '<a href=" \x01javascript:alert(1)">x</a>',
    "entity-encoded scheme": '<a href="&#106;avascript:alert(1)">x</a>',
    "hex entity, tab entity": '<a href="&#x6A;ava&#x09;script:alert(1)">x</a>',
    "data: image": '<img src="data:image/svg+xml,<svg onload=alert(1)>">',
    "vbscript: link": '<a href="vbscript:msgbox(1)">x</a>',
    "form action": '<form action="javascript:alert(1)"><button>go</button></form>',
    "button formaction": '<button formaction="javascript:alert(1)">go</button>',
    "srcset": '<img srcset="ok.png 1x, javascript:alert(1) 2x">',
    "SVG xlink:href": '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    "SVG animate values": '<svg><animate attributeName="href" values="javascript:alert(1)"/></svg>',
    "meta refresh": '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    "base href": '<base href="https://evil.example/">',
    "onerror": "<img src=x onerror=alert(1)>",
    "onload on body content": "<div onmouseover=alert(1)>x</div>",
    "inline script": "<script>alert(1)</script>",
    "remote script": '<script src="https://evil.example/x.js"></script>',
    "iframe": '<iframe src="https://evil.example/"></iframe>',
    "object": '<object data="x.swf"></object>',
    "embed": '<embed src="x.swf">',
    "style element": "<style>body{display:none}</style>",
    "style attribute": '<p style="position:fixed;inset:0">x</p>',
    "MathML": "<math><mi>x</mi></math>",
    "plain SVG": '<svg><circle r="4"/></svg>',
    "link in the body": '<link rel="stylesheet" href="https://evil.example/x.css">',
}
SAFE = [
    '<a href="https://example.org/">x</a>',
    '<a href="mailto:press@example.org">x</a>',
    '<a href="../../entities/nvidia/" title="A &quot;chip&quot; maker">x</a>',
    '<img src="photo.png" alt="&lt;script&gt;">',
    "<p>&lt;script&gt;alert(1)&lt;/script&gt; as text</p>",
    '<a href="#top">top</a>',
    '<a href="javascript-guide/">a folder named so</a>',
]


def page(body: str) -> str:
    return f"<!doctype html><html><head><title>t</title></head><body>{body}</body></html>"


@pytest.mark.parametrize("html", PLANTED.values(), ids=PLANTED.keys())
def test_a_planted_attack_is_found(html):
    assert htmlcheck.page_findings(page(html)) != []
    assert htmlcheck.fragment_findings(html) != []


@pytest.mark.parametrize("html", SAFE)
def test_safe_markup_passes(html):
    assert htmlcheck.page_findings(page(html)) == []


@pytest.mark.parametrize(
    "url, scheme",
    [
        ("javascript:alert(1)", "javascript"),
        (" \tJaVa\nScRiPt:alert(1)", "javascript"),
        ("\x00\x1fdata:text/html,x", "data"),
        ("https://example.org/", "https"),
        ("../x/", None),
        ("x:y", "x"),
        ("/path:with-colon", None),
        ("#anchor", None),
    ],
)
def test_the_scheme_is_read_as_a_browser_reads_it(url, scheme):
    assert htmlcheck.scheme_of(url) == scheme


def test_the_benign_sites_pages_pass_and_a_planted_link_in_one_is_found(benign_site, baseline):
    pages = sorted(benign_site.site.rglob("*.html"))
    assert len(pages) > 10
    for path in pages:
        assert htmlcheck.page_findings(path.read_bytes(), baseline) == [], path
    article = next(p for p in pages if 'class="wa-body"' in p.read_text(encoding="utf-8"))
    html = article.read_text(encoding="utf-8")
    for attack in ('<a href="javascript:alert(1)">x</a>', "<script>alert(1)</script>", "<svg/>"):
        planted = html.replace('<div class="wa-body">', '<div class="wa-body">' + attack, 1)
        assert htmlcheck.page_findings(planted, baseline) != [], attack
    # The theme's own script, with one character added, is no longer the theme's.
    bundle = html.replace("__md_scope=new URL(", "__md_scope=alert(1),new URL(", 1)
    assert bundle != html and htmlcheck.page_findings(bundle, baseline) != []


def test_rss_descriptions_are_read_as_the_html_readers_render():
    def rss(description: str, link: str = "https://example.org/a/") -> bytes:
        return (
            "<rss version='2.0'><channel><title>t</title><link>https://example.org/</link>"
            f"<description>d</description><item><title>t</title><link>{link}</link>"
            f"<description>{description}</description></item></channel></rss>"
        ).encode()

    assert htmlcheck.rss_findings(rss("&amp;lt;script&amp;gt; as text")) == []
    assert htmlcheck.rss_findings(rss("&lt;script&gt;alert(1)&lt;/script&gt;")) != []
    assert htmlcheck.rss_findings(rss("<![CDATA[<img src=x onerror=alert(1)>]]>")) != []
    assert htmlcheck.rss_findings(rss("ok", link="javascript:alert(1)")) != []


def test_json_feed_urls_and_html_are_checked():
    feed = {"version": "https://jsonfeed.org/version/1.1", "title": "t", "items": []}
    item = {"id": "1", "url": "https://example.org/a/", "content_text": "<script>"}
    assert htmlcheck.json_feed_findings(json.dumps(feed | {"items": [item]})) == []
    bad_url = item | {"url": "javascript:alert(1)"}
    assert htmlcheck.json_feed_findings(json.dumps(feed | {"items": [bad_url]})) != []
    bad_html = item | {"content_html": "<img src=x onerror=alert(1)>"}
    assert htmlcheck.json_feed_findings(json.dumps(feed | {"items": [bad_html]})) != []


def test_timelinejs_headlines_are_checked_as_html():
    slide = {"text": {"headline": "&lt;script&gt;", "text": "ok"}}
    assert htmlcheck.timelinejs_findings(json.dumps({"events": [slide]})) == []
    slide = {"text": {"headline": "<script>alert(1)</script>", "text": "ok"}}
    assert htmlcheck.timelinejs_findings(json.dumps({"events": [slide]})) != []


def test_text_escaped_twice_is_found(tmp_path):
    once = page("<h1>Tech &amp; Médias</h1><a title='A &quot;b&quot;'>x</a>")
    twice = page("<h1>Tech &amp;amp; Médias</h1>")
    in_title = page("<p>x</p>").replace("<title>t</title>", "<title>Tech &amp;amp; Médias</title>")
    built = Built(tmp_path, tmp_path, *[subprocess.CompletedProcess([], 0, "", "")] * 3, {}, {})
    built.__dict__["pages"] = {
        "once.html": htmlcheck.parse(once),
        "twice.html": htmlcheck.parse(twice),
        "title.html": htmlcheck.parse(in_title),
    }
    assert escaped_twice(built, "once.html") == []
    assert escaped_twice(built, "twice.html") == ["&amp;"]
    assert escaped_twice(built, "title.html") == ["&amp;"]
    assert escaped_twice(built, "twice.html", input_text="the input wrote &amp; itself") == []


def test_a_file_is_named_only_where_its_problem_is_reported():
    source = "articles/2025/06/raw-same-dispatch-1.txt"
    assert _names(f"WARNING -  wirearchive: {source}:3: error: bad", source)
    assert _names(f"WARNING -  wirearchive: {source}: error: bad", source)
    assert _names(f"{source}:3: warning: bad", source)
    other = "articles/2025/06/raw-same-dispatch-2.txt"
    assert not _names(f"WARNING -  wirearchive: {other}: error: the same as {source}", source)
    assert not _names(f"WARNING -  wirearchive: {source}x: error: bad", source)


def test_writes_outside_site_and_cache_are_found(tmp_path):
    root = tmp_path / "two" / "levels" / "site-root"
    done = subprocess.CompletedProcess([], 0, "", "")
    before = {"two/levels/site-root/mkdocs.yml": "a"}
    after = before | {
        "two/levels/site-root/site/index.html": "b",
        "two/levels/site-root/.cache/parse/x": "c",
        "two/x": "d",
        "two/levels/site-root/articles/y.txt": "e",
    }
    built = Built(tmp_path, root, done, done, done, before, after)
    assert built.written_outside() == ["two/levels/site-root/articles/y.txt", "two/x"]
