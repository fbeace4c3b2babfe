"""Serve a built site under a sub-path and crawl it the way readers and their tools reach it.

Reusable by any test that builds a site::

    with serve(site_dir, "/REPO/") as base:          # http://127.0.0.1:PORT/REPO/
        crawl = crawl_site(base, site_url="https://ORG.github.io/REPO/")
    assert not crawl.broken, crawl.describe()

The server behaves as GitHub Pages does for a project site: `site_dir` is published under
`/REPO/` only, a folder without `index.html` is not listed, and any missing path is
answered by `404.html` with status 404. The crawler starts from the home page and follows
every link, asset and script of every HTML page, plus the links that readers reach without
an `<a>`: RSS/Atom and JSON Feed items, sitemap entries, Material's search index (what a
search result links to) and the links of the 404 page seen from a deep missing path.
Absolute URLs under `site_url` are mapped onto the server. A link that leaves the sub-path
on the same host, answers with an error, or names a fragment (`#id`) that the target page
does not have, is broken.
"""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request
from collections import deque
from contextlib import contextmanager
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlsplit
from xml.etree import ElementTree

SKIPPED_SCHEMES = ("mailto:", "tel:", "javascript:", "data:")
LINK_ATTRIBUTES = {"href", "src", "poster", "action"}
MISSING_PATH = "wirearchive-sitecheck/does/not/exist/"
SPLIT_SEARCH_MANIFEST = "search/manifest.json"


# ----------------------------------------------------------------------------- serving


def _handler(site_dir: Path, prefix: str):
    class SubPathHandler(SimpleHTTPRequestHandler):
        """`site_dir` under `prefix` only; 404.html for anything missing, as GitHub Pages."""

        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(site_dir), **kwargs)

        def send_head(self):
            path = urlsplit(self.path).path
            if path == prefix.rstrip("/"):
                self.send_response(301)
                self.send_header("Location", prefix)
                self.end_headers()
                return None
            if not path.startswith(prefix):
                self.send_error(404)
                return None
            return super().send_head()

        def translate_path(self, path):
            path = urlsplit(path).path
            return super().translate_path("/" + path[len(prefix) :])

        def list_directory(self, path):
            self.send_error(404)
            return None

        def send_error(self, code, message=None, explain=None):
            page = site_dir / "404.html"
            if code != 404 or not page.is_file():
                return super().send_error(code, message, explain)
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def log_message(self, format, *args):
            pass

    return SubPathHandler


@contextmanager
def serve(site_dir: Path, prefix: str = "/REPO/"):
    """Serve `site_dir` at http://127.0.0.1:PORT`prefix`; yields that base URL."""
    prefix = "/" + prefix.strip("/") + "/"
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(Path(site_dir), prefix))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()


# ----------------------------------------------------------------------------- reading pages


class _PageParser(HTMLParser):
    """Links, ids and Material's page config of one HTML page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.config_json: list[str] = []
        self._in_config = False

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        for name, value in attrs:
            if value is None:
                continue
            if name in LINK_ATTRIBUTES and not (tag == "form" and name == "action" and not value):
                self.links.append(value)
            elif name == "srcset":
                self.links += [
                    part.strip().split(" ")[0] for part in value.split(",") if part.strip()
                ]
            elif name == "id" or (name == "name" and tag == "a"):
                self.ids.add(value)
        if (
            tag == "meta"
            and values.get("http-equiv", "").lower() == "refresh"
            and "url=" in (values.get("content") or "").lower()
        ):
            self.links.append(values["content"].split("=", 1)[1].strip())
        self._in_config = tag == "script" and values.get("id") == "__config"

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        self._in_config = False

    def handle_data(self, data):
        if self._in_config:
            self.config_json.append(data)

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_config = False


@dataclass
class Broken:
    """A link from `source` to `target` that a reader could not follow."""

    source: str
    target: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source} -> {self.target}: {self.reason}"


@dataclass
class Crawl:
    """What the crawl reached and what it found broken."""

    base: str
    pages: set[str] = field(default_factory=set)
    files: dict[str, int] = field(default_factory=dict)
    external: set[str] = field(default_factory=set)
    broken: list[Broken] = field(default_factory=list)
    feeds: dict[str, int] = field(default_factory=dict)
    search_locations: int = 0

    def describe(self, limit: int = 40) -> str:
        lines = [str(b) for b in sorted(self.broken, key=lambda b: (b.target, b.source))]
        more = f"\n... and {len(lines) - limit} more" if len(lines) > limit else ""
        return f"{len(lines)} broken links:\n" + "\n".join(lines[:limit]) + more


class _Crawler:
    def __init__(self, base: str, site_url: str | None):
        self.crawl = Crawl(base)
        self.base = base
        self.site_url = site_url
        self.ids: dict[str, set[str]] = {}
        self.bodies: dict[str, tuple[int, str, bytes]] = {}
        self.fragments: list[tuple[str, str, str]] = []  # (source, page, fragment)
        self.queue: deque[str] = deque()

    # -- fetching

    def fetch(self, url: str) -> tuple[int, str, bytes]:
        if url not in self.bodies:
            try:
                with urllib.request.urlopen(url, timeout=30) as response:
                    self.bodies[url] = (
                        response.status,
                        response.headers.get_content_type(),
                        response.read(),
                    )
            except urllib.error.HTTPError as exc:
                self.bodies[url] = (exc.code, exc.headers.get_content_type(), exc.read())
        return self.bodies[url]

    # -- resolving

    def local(self, url: str) -> str | None:
        """`url` on the test server, or None for another site."""
        if self.site_url and url.startswith(self.site_url):
            return self.base + url[len(self.site_url) :]
        parts, base = urlsplit(url), urlsplit(self.base)
        return url if (parts.scheme, parts.netloc) == (base.scheme, base.netloc) else None

    def follow(self, source: str, link: str, *, internal: bool = False) -> None:
        """Check one link found on `source` (resolved against it) and queue pages."""
        link = link.strip()
        if not link or link.startswith(SKIPPED_SCHEMES):
            return
        absolute = urljoin(source, link)
        target = self.local(absolute)
        if (
            target is None
            and self.site_url
            and urlsplit(absolute).netloc == urlsplit(self.site_url).netloc
        ):
            self.crawl.broken.append(
                Broken(source, link, f"leaves the sub-path of {self.site_url}")
            )
            return
        if target is None:
            if internal:
                self.crawl.broken.append(
                    Broken(source, absolute, f"points outside the site ({self.site_url})")
                )
            else:
                self.crawl.external.add(absolute)
            return
        page, fragment = urldefrag(target)
        if not page.startswith(self.base):
            self.crawl.broken.append(
                Broken(source, link, f"leaves the sub-path: resolves to {urlsplit(page).path}")
            )
            return
        status, kind, _ = self.fetch(page)
        self.crawl.files[page] = status
        if status != 200:
            self.crawl.broken.append(
                Broken(source, link, f"HTTP {status} for {urlsplit(page).path}")
            )
            return
        if fragment:
            self.fragments.append((source, page, unquote(fragment)))
        if kind == "text/html" and page not in self.crawl.pages:
            self.crawl.pages.add(page)
            self.queue.append(page)
        elif page not in self.crawl.pages:
            self.crawl.pages.add(page)
            self.read_data_file(page, kind)

    # -- what each kind of file links to

    def read_page(self, url: str) -> None:
        _, _, body = self.fetch(url)
        parser = _PageParser()
        parser.feed(body.decode("utf-8", errors="replace"))
        self.ids[url] = parser.ids
        for link in parser.links:
            self.follow(url, link)
        for text in parser.config_json:
            self.read_material_config(url, text)

    def read_material_config(self, url: str, text: str) -> None:
        try:
            config = json.loads(text)
        except json.JSONDecodeError:
            self.crawl.broken.append(Broken(url, "#__config", "Material's page config is not JSON"))
            return
        if "base" not in config:
            return
        root = urljoin(url, config["base"].rstrip("/") + "/")
        self.follow(url, root)
        if config.get("search"):
            self.follow(url, config["search"])
        index = urljoin(root, "search/search_index.json")
        if (root, index) not in getattr(self, "_indexes", set()):
            self._indexes = getattr(self, "_indexes", set()) | {(root, index)}
            status, _, _ = self.fetch(index)
            if status == 200:
                self.read_search_index(index, root)

    def read_search_index(self, index: str, root: str) -> None:
        _, _, body = self.fetch(index)
        docs = json.loads(body).get("docs", [])
        self.crawl.search_locations += len(docs)
        for doc in docs:
            self.follow(
                index + f" (search result {doc.get('title', '')!r})",
                urljoin(root, doc.get("location", "")),
            )

    def read_split_search_index(self, manifest: str) -> None:
        """Wirearchive's own index: every part the manifest names, every result's page."""
        _, _, body = self.fetch(manifest)
        root = urljoin(manifest, "../")
        paths: list[str] = []
        _strings(json.loads(body), paths)
        for path in sorted({p for p in paths if p.startswith("search/") and p.endswith(".json")}):
            source = f"{manifest} (part {path})"
            self.follow(manifest, urljoin(root, path))
            status, _, part = self.fetch(urljoin(root, path))
            if status != 200 or "-docs." not in path:
                continue
            for ref, doc in json.loads(part).items():
                url = _result_url(doc)
                if url is None:
                    self.crawl.broken.append(
                        Broken(source, ref, "a search result without a page URL")
                    )
                    continue
                self.crawl.search_locations += 1
                self.follow(f"{source} (result {ref})", urljoin(root, url))

    def read_data_file(self, url: str, kind: str) -> None:
        path = urlsplit(url).path
        _, _, body = self.fetch(url)
        if kind == "application/json" and path.endswith("feed.json"):
            feed = json.loads(body)
            items = feed.get("items", [])
            self.crawl.feeds[url] = len(items)
            for key in ("home_page_url", "feed_url"):
                if feed.get(key):
                    self.follow(url, feed[key], internal=True)
            for item in items:
                if item.get("url"):
                    self.follow(url, item["url"], internal=True)
        elif path.endswith((".xml", ".rss", ".atom")):
            self.read_xml(url, body)

    def read_xml(self, url: str, body: bytes) -> None:
        try:
            root = ElementTree.fromstring(body)
        except ElementTree.ParseError as exc:
            self.crawl.broken.append(Broken(url, url, f"not well-formed XML: {exc}"))
            return
        tag = root.tag.rsplit("}", 1)[-1]
        links: list[str] = []
        if tag == "urlset":  # sitemap
            links = [e.text for e in root.iter() if e.tag.endswith("}loc") and e.text]
        elif tag == "rss":
            items = list(root.iter("item"))
            self.crawl.feeds[url] = len(items)
            links = [e.text for e in root.iter("link") if e.text]
            links += [
                g.text
                for g in root.iter("guid")
                if g.text and g.get("isPermaLink", "true") == "true"
            ]
        elif tag == "feed":  # Atom
            self.crawl.feeds[url] = sum(1 for e in root if e.tag.endswith("}entry"))
            links = [
                e.get("href") for e in root.iter() if e.tag.endswith("}link") and e.get("href")
            ]
        for link in links:
            self.follow(url, link, internal=True)

    # -- the whole crawl

    def run(self, start: str, extra: list[str]) -> Crawl:
        self.follow(start, start)
        for url in extra:
            self.follow(start, url)
        while self.queue:
            self.read_page(self.queue.popleft())
        self.read_not_found_page()
        manifest = self.base + SPLIT_SEARCH_MANIFEST
        if self.fetch(manifest)[0] == 200:
            self.read_split_search_index(manifest)
        while self.queue:
            self.read_page(self.queue.popleft())
        for source, page, fragment in self.fragments:
            if page in self.ids and fragment not in self.ids[page]:
                self.crawl.broken.append(
                    Broken(source, f"{page}#{fragment}", f"no element with id {fragment!r}")
                )
        return self.crawl

    def read_not_found_page(self) -> None:
        missing = self.base + MISSING_PATH
        status, kind, body = self.fetch(missing)
        if status != 404:
            self.crawl.broken.append(
                Broken(missing, missing, f"a missing page answers HTTP {status}, not 404")
            )
            return
        if kind != "text/html" or not body:
            return
        parser = _PageParser()
        parser.feed(body.decode("utf-8", errors="replace"))
        for link in parser.links:
            self.follow(missing + " (404 page)", urljoin(missing, link))
        queued = list(self.queue)
        self.queue.clear()
        for page in queued:
            self.read_page(page)


def _strings(value, found: list[str]) -> None:
    if isinstance(value, str):
        found.append(value)
    elif isinstance(value, dict):
        for item in value.values():
            _strings(item, found)
    elif isinstance(value, list):
        for item in value:
            _strings(item, found)


def _result_url(doc) -> str | None:
    """The page a search result links to: `url`/`location` of a record, or the first
    string of a row that is a page address (they end in `/`)."""
    if isinstance(doc, dict):
        return doc.get("url") or doc.get("location")
    if isinstance(doc, list):
        return next(
            (v for v in doc if isinstance(v, str) and v.endswith("/") and " " not in v), None
        )
    return None


def crawl_site(
    base: str,
    *,
    site_url: str | None = None,
    extra: tuple[str, ...] = ("feed.xml", "feed.json", "sitemap.xml"),
) -> Crawl:
    """Crawl the site served at `base` from its home page; `extra` are entry points readers
    reach from outside (feed readers, search engines), checked when they exist."""
    crawler = _Crawler(base, site_url)
    present = []
    for name in extra:
        status, _, _ = crawler.fetch(base + name)
        if status == 200:
            present.append(base + name)
    return crawler.run(base, present)
