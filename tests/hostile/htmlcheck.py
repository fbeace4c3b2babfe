"""What a built page or feed may carry, checked the way a browser or a feed reader reads it.

Pages are parsed with html5lib (the HTML5 parsing algorithm browsers use), so what is
checked is the document a browser builds, not the bytes: character references in
attributes are decoded, tabs and newlines inside a URL are dropped as the URL parser
drops them, SVG and MathML elements are recognised by their namespace.

A page breaks the rules when it has:

- an event-handler attribute (`onload`, `onerror`, ...) on any element;
- a URL attribute (`href`, `src`, `action`, `formaction`, `xlink:href`, `srcset`, an SVG
  animation's `values`, a meta refresh, ...) with a scheme other than http, https and mailto
  (relative URLs have none);
- a `<script>`, `<style>`, `<svg>`, `<math>`, `<iframe>`, `<object>`, `<embed>`, `<form>`,
  `<frame>`, `<applet>` or `<base>` element, or a `style` attribute, that the theme and the
  archive do not make themselves; and any `<link>` or `<meta>` in the body.

What the theme and the archive make themselves is learnt from a site built from benign
input with the same configuration (:class:`Baseline`): Material's inline scripts, icons
(inline SVG), its search form and font styles, the archive's scripts under `assets/`.
"""

from __future__ import annotations

import json
import posixpath
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import html5lib

SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
URL_ATTRIBUTES = frozenset(
    {
        "href",
        "src",
        "action",
        "formaction",
        "poster",
        "data",
        "background",
        "cite",
        "longdesc",
        "codebase",
        "archive",
        "manifest",
        "ping",
        "lowsrc",
        "dynsrc",
        "icon",
        "usemap",
        "profile",
        "itemtype",
    }
)
# Elements that run code, load content or restyle the page: only the theme's own may appear.
THEME_ONLY = frozenset(
    {"script", "style", "svg", "math", "iframe", "object", "embed", "form", "frame", "applet"}
)
# Elements that change the whole document wherever they are: never in the body.
NEVER_IN_BODY = frozenset({"base", "link", "meta", "frameset"})
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
_STRIPPED = re.compile(r"[\t\n\r]")
_EDGES = "".join(chr(c) for c in range(0x21))  # C0 controls and space, stripped at the ends
_RELATIVE_ROOT = re.compile(r"(?:\.\./)*\.\.(?=[/\"'),]|$)|(?<=[\"'(])\.(?=[\"')])")
_REFRESH_URL = re.compile(r"url\s*=\s*['\"]?([^'\"]*)", re.I)


def local_name(name: str) -> str:
    """`{http://www.w3.org/2000/svg}svg` -> `svg`; `{...xlink}href` -> `href`."""
    return name.rsplit("}", 1)[-1].lower()


def scheme_of(url: str) -> str | None:
    """The scheme a browser sees in `url` (lower case), or None for a relative URL.

    As the URL standard says: C0 controls and spaces are stripped at both ends, and tabs
    and newlines removed anywhere, before the scheme is read.
    """
    cleaned = _STRIPPED.sub("", url.strip(_EDGES))
    match = _SCHEME.match(cleaned)
    return match.group(1).lower() if match else None


def bad_url(url: str) -> bool:
    scheme = scheme_of(url)
    return scheme is not None and scheme not in SAFE_SCHEMES


def _urls(element: ET.Element, name: str, value: str) -> list[str]:
    """The URLs an attribute holds (several in `srcset` and in SVG animation values)."""
    if name in URL_ATTRIBUTES:
        return [value]
    if name in ("srcset", "imagesrcset"):
        return [part.strip().split(" ")[0] for part in value.split(",") if part.strip()]
    if name in ("values", "from", "to", "by") and local_name(str(element.tag)) in (
        "animate",
        "set",
    ):
        return value.split(";")
    if name == "content" and element.get("http-equiv", "").lower() == "refresh":
        match = _REFRESH_URL.search(value)
        return [match.group(1)] if match else []
    return []


def parse(html: str | bytes) -> ET.Element:
    return html5lib.parse(html, treebuilder="etree", namespaceHTMLElements=False)


def parse_fragment(html: str) -> ET.Element:
    """`html` as a feed reader reads an item's HTML: a fragment in a `<div>`."""
    return html5lib.parseFragment(html, treebuilder="etree", namespaceHTMLElements=False)


def _normalise(text: str) -> str:
    """Text of the theme's own markup with its relative paths (`../../..`) made depth-free."""
    return _RELATIVE_ROOT.sub("ROOT", " ".join(text.split()))


def fingerprint(element: ET.Element) -> str:
    """What identifies the theme's own element: its markup, paths made depth-free.

    A form is known by its start tag (its fields are checked one by one); anything else by
    all of its markup, so a script or an icon with anything added is not the theme's.
    """
    name = local_name(str(element.tag))
    if name == "form":
        attributes = sorted((local_name(k), v) for k, v in element.attrib.items())
        return _normalise(f"form {attributes}")
    return _normalise(ET.tostring(element, encoding="unicode", method="xml"))


@dataclass
class Baseline:
    """The theme's and the archive's own elements and `style` attributes."""

    elements: set[str] = field(default_factory=set)
    styles: set[str] = field(default_factory=set)

    @classmethod
    def from_site(cls, site_dir: Path) -> Baseline:
        baseline = cls()
        for page in sorted(site_dir.rglob("*.html")):
            for element in parse(page.read_bytes()).iter():
                if not isinstance(element.tag, str):
                    continue
                if local_name(element.tag) in THEME_ONLY:
                    baseline.elements.add(fingerprint(element))
                if "style" in element.attrib:
                    baseline.styles.add(element.attrib["style"])
        return baseline


def _body(document: ET.Element) -> ET.Element | None:
    if local_name(str(document.tag)) == "body":
        return document
    return next((e for e in document.iter() if local_name(str(e.tag)) == "body"), None)


def findings(document: ET.Element, baseline: Baseline | None = None) -> list[str]:
    """Everything in a parsed page (or fragment) that breaks the rules, one line each."""
    baseline = baseline or Baseline()
    found: list[str] = []
    body = _body(document)
    in_body = {id(e) for e in body.iter()} if body is not None else {id(e) for e in document.iter()}
    for element in document.iter():
        if not isinstance(element.tag, str):
            continue  # comments
        name = local_name(element.tag)
        for key, value in element.attrib.items():
            attribute = local_name(key)
            if attribute.startswith("on"):
                found.append(f"<{name} {attribute}={value!r}>: event handler")
            elif attribute == "style" and value not in baseline.styles:
                found.append(f"<{name} style={value!r}>: style attribute")
            for url in _urls(element, attribute, value):
                if bad_url(url):
                    found.append(f"<{name} {attribute}={url!r}>: {scheme_of(url)}: URL")
        if name in THEME_ONLY and fingerprint(element) not in baseline.elements:
            text = ET.tostring(element, encoding="unicode", method="xml")
            found.append(f"<{name}> not made by the theme: {text[:160]!r}")
        if name in NEVER_IN_BODY and id(element) in in_body:
            found.append(f"<{name} {dict(element.attrib)!r}> in the body")
    return found


def page_findings(html: str | bytes, baseline: Baseline | None = None) -> list[str]:
    return findings(parse(html), baseline)


def fragment_findings(html: str) -> list[str]:
    """Findings in HTML that a feed reader renders (an RSS description, a TimelineJS text)."""
    return findings(parse_fragment(html))


# ----------------------------------------------------------------------------- feeds


def rss_findings(xml: bytes) -> list[str]:
    """An RSS 2.0 feed: every title and description as the HTML readers render, every link."""
    found: list[str] = []
    channel = ET.fromstring(xml).find("channel")
    assert channel is not None, "not an RSS 2.0 feed"
    for item in [channel, *channel.iter("item")]:
        for tag in ("title", "description"):
            for element in item.findall(tag):
                found += [f"{tag}: {f}" for f in fragment_findings(element.text or "")]
        for tag in ("link", "guid", "comments"):
            for element in item.findall(tag):
                if scheme_of(element.text or "") not in ("http", "https"):
                    found.append(f"{tag}: {element.text!r} is not an http(s) URL")
        for element in item.iter():
            for attribute in ("href", "url"):
                value = element.get(attribute)
                if value is not None and scheme_of(value) not in ("http", "https"):
                    found.append(f"{element.tag} {attribute}={value!r} is not an http(s) URL")
    return found


JSON_FEED_URLS = ("home_page_url", "feed_url", "url", "external_url", "image", "banner_image")


def json_feed_findings(text: str) -> list[str]:
    """A JSON Feed 1.1: `content_html` as HTML, every URL http(s); text fields are text."""
    found: list[str] = []
    document = json.loads(text)
    for item in [document, *document.get("items", [])]:
        for key in JSON_FEED_URLS:
            if key in item and scheme_of(item[key]) not in ("http", "https"):
                found.append(f"{key}: {item[key]!r} is not an http(s) URL")
        if "content_html" in item:
            found += [f"content_html: {f}" for f in fragment_findings(item["content_html"])]
    return found


def timelinejs_findings(text: str) -> list[str]:
    """A TimelineJS document: its headlines and texts are HTML to TimelineJS."""
    document = json.loads(text)
    found: list[str] = []
    for slide in [document.get("title", {}), *document.get("events", [])]:
        for key in ("headline", "text"):
            value = slide.get("text", {}).get(key, "")
            found += [f"{key}: {f}" for f in fragment_findings(value)]
    return found


# ----------------------------------------------------------------------------- text


def visible_text(element: ET.Element) -> str:
    """The text a reader sees in `element`, whitespace collapsed (scripts and styles left out)."""
    parts: list[str] = []

    def walk(node: ET.Element) -> None:
        if isinstance(node.tag, str) and local_name(node.tag) not in ("script", "style"):
            parts.append(node.text or "")
            for child in node:
                walk(child)
        if node is not element:
            parts.append(node.tail or "")

    walk(element)
    return " ".join("".join(parts).split())


def elements(document: ET.Element, name: str, cls: str | None = None) -> Iterator[ET.Element]:
    for element in document.iter():
        if (
            isinstance(element.tag, str)
            and local_name(element.tag) == name
            and (cls is None or cls in element.get("class", "").split())
        ):
            yield element


def links(document: ET.Element) -> Iterable[tuple[str, str]]:
    """`(href, text)` of every `<a href>` of a page."""
    for a in elements(document, "a"):
        if "href" in a.attrib:
            yield a.attrib["href"], visible_text(a)


def resolve(page: str, href: str) -> str:
    """A relative `href` of the page at `page` (site path of its index.html) from the root."""
    base = posixpath.dirname(page)
    target = href.split("#", 1)[0]
    joined = posixpath.normpath(posixpath.join(base, target)) if target else page
    if target.endswith("/") and not joined.endswith("/"):
        joined += "/"
    return joined
