"""Page keys (site/pagecache.py): an article stands for the digest of its parse cache entry
and every field the archive changed since; any change to what a page shows changes its key."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from functools import partial
from pathlib import Path

import pytest
from markupsafe import Markup

from wirearchive.archive import Archive, read_archive
from wirearchive.browse import browse_of
from wirearchive.cache import FileCache
from wirearchive.dispatch import ParseOptions
from wirearchive.model import Article, Event
from wirearchive.site.generators import Generated
from wirearchive.site.pagecache import PageCache, Uncacheable
from wirearchive.timeline.timeline import Entry

from ..conftest import FIXTURES

DISPATCH = (FIXTURES / "dispatches" / "fr-apple-iphone-air.txt").read_text("utf-8")
REVISIONS = FIXTURES / "revisions"


def _site(root: Path) -> Path:
    """The same dispatch twice in one month (the second gets the slug `-2` from the archive)
    and two versions of a story (one article, its first version as revision)."""
    files = {
        "2025/09/a.txt": DISPATCH,
        "2025/09/b.txt": DISPATCH + "\nUne phrase de plus.\n",
        "2026/03/first.txt": "---\ndate: 2026-03-20T08:00\n---\n"
        + (REVISIONS / "chipwerk-first.txt").read_text("utf-8"),
        "2026/03/second.txt": "---\ndate: 2026-03-20T10:30\n---\n"
        + (REVISIONS / "chipwerk-second.txt").read_text("utf-8"),
    }
    for name, text in files.items():
        path = root / "articles" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    return root


def _read(root: Path) -> Archive:
    return read_archive(root, "articles", ParseOptions(), workers=1, cache_dir=root / "parse")


def _keys(tmp_path: Path, archive: Archive) -> PageCache:
    return PageCache(FileCache(tmp_path / "pages", ""), "site", browse_of(archive))


def test_an_article_is_its_cache_entry_and_what_the_archive_changed(tmp_path):
    archive = _read(_site(tmp_path))
    cache = _keys(tmp_path, archive)
    by_file = {a.source_file.rsplit("/", 1)[1]: a for a in archive.articles}
    assert set(by_file) == {"a.txt", "b.txt", "second.txt"}
    for article in archive.articles:
        read, digest = archive.origins[article.source_file]
        form = cache._article(article)
        assert form[1] == digest
    # What the archive set after reading: the second dispatch's slug, the story's date, slug
    # and revisions; the article as read otherwise.
    slugs = [by_file[n].slug for n in ("a.txt", "b.txt")]
    assert slugs[1] == slugs[0] + "-2"
    assert set(cache._article(by_file["b.txt"])[3]) == {"slug"}
    assert cache._article(by_file["a.txt"])[3] == {}
    story = by_file["second.txt"]
    assert len(story.revisions) == 1
    assert {"date", "slug"} <= set(cache._article(story)[3])
    assert cache._article(story)[2] == [cache._plain(story.revisions[0].article)]


@pytest.mark.parametrize(
    "change",
    [
        {"slug": "autre"},
        {"date": dt.datetime(2025, 9, 10, 8, 0, tzinfo=dt.UTC)},
        {"title": "Un autre titre"},
        {"body": "Un autre texte."},
        {"events": (Event("2025-09-09", "Autre chose"),)},
        {"slug_from_front_matter": True},
    ],
)
def test_any_change_to_an_article_changes_its_key(tmp_path, change):
    archive = _read(_site(tmp_path))
    cache = _keys(tmp_path, archive)
    article = archive.articles[-1]
    changed = replace(article, **change)
    assert cache._plain(changed) != cache._plain(article)


def test_a_new_revision_changes_the_story_key(tmp_path):
    archive = _read(_site(tmp_path))
    cache = _keys(tmp_path, archive)
    (story,) = [a for a in archive.articles if a.revisions]
    other = replace(story.revisions[0].article, title="Une autre version")
    revision = replace(story.revisions[0], article=other)
    assert cache._plain(replace(story, revisions=(revision,))) != cache._plain(story)
    assert cache._plain(replace(story, revisions=())) != cache._plain(story)


def test_an_article_read_from_the_parse_cache_keeps_its_key(tmp_path):
    """The page keys of a build that parsed every file are those of the next build, which
    reads them from the parse cache: a warm build finds the pages a cold one kept."""
    root = _site(tmp_path)
    first = _read(root)
    assert first.parsed == 4
    again = _read(root)
    assert again.parsed == 0
    one, two = _keys(tmp_path, first), _keys(tmp_path, again)
    assert [one._plain(a) for a in first.articles] == [two._plain(a) for a in again.articles]
    assert first.origins.keys() == again.origins.keys()
    assert all(first.origins[k][1] == again.origins[k][1] for k in first.origins)


def test_an_edited_file_changes_its_articles_key(tmp_path):
    root = _site(tmp_path)
    before = _read(root)
    path = root / "articles" / "2025" / "09" / "a.txt"
    path.write_text(path.read_text("utf-8") + "\nUne phrase ajoutée.\n", "utf-8")
    after = _read(root)
    assert after.parsed == 1

    def key(archive: Archive) -> object:
        (article,) = [a for a in archive.articles if a.source_file.endswith("/a.txt")]
        return _keys(tmp_path, archive)._plain(article)

    assert key(before) != key(after)


def test_an_article_without_an_origin_is_serialised_whole(tmp_path):
    archive = _read(_site(tmp_path))
    article = archive.articles[0]
    lone = _keys(tmp_path, Archive(articles=[article]))  # no parse cache: no origins
    with_origin = _keys(tmp_path, archive)
    assert lone._plain(article) != with_origin._plain(article)
    assert lone._plain(replace(article, slug="autre")) != lone._plain(article)


def test_values_are_plain_data_by_their_type(tmp_path):
    cache = _keys(tmp_path, Archive())
    article = Article(
        "articles/a.txt", "Titre", dt.datetime(2025, 9, 9, tzinfo=dt.UTC), "fr", ("ATS",),
        None, None, None, None, "titre", "Texte.",
    )  # fmt: skip
    event = Event("2025-09", "Un fait", "planned", None, ("acme",))
    entry = Entry("2025-09", "event", "Un fait", article, event)
    plain = cache._plain(
        {"e": entry, "m": Markup("<b>x</b>"), "d": dt.date(2025, 9, 9), "s": {2, 1}, "n": None}
    )
    linked = ["2025/09/titre/", "Titre", "fr", "2025-09-09T00:00:00+00:00", ["ATS"]]
    assert plain["e"][0] == "entry"
    # a timeline's line: one line of JSON, what it shows of its article, its event's fields
    assert json.loads(plain["e"][1]) == [
        *("2025-09", "event", "Un fait", *linked),
        *("2025-09", "Un fait", "planned", None, ["acme"]),
    ]
    assert "\n" not in plain["e"][1]
    assert {k: v for k, v in plain.items() if k != "e"} == {
        "m": ["markup", "<b>x</b>"],
        "d": "2025-09-09",
        "s": ["1", "2"],
        "n": None,
    }
    assert cache._plain(replace(event, about=("autre",))) != cache._plain(event)
    other = replace(entry, event=replace(event, until="2026"))
    assert cache._plain(other) != cache._plain(entry)
    # a line entries_of would not make (not its article's very title) is listed in full
    published = Entry("2025-09-09", "publication", "".join("Titre"), article)
    shown = cache._plain(published)
    assert json.loads(shown[1]) == ["2025-09-09", "publication", "Titre", *linked]
    # an entry's dispatch by what the entry shows of it: another body, the same entry
    assert cache._plain(replace(entry, article=replace(article, body="Autre."))) == plain["e"]
    assert cache._plain(replace(entry, article=replace(article, title="Autre"))) != plain["e"]
    with pytest.raises(Uncacheable):
        cache._plain({"f": lambda: None})


def test_a_page_whose_article_was_reslugged_is_rendered_again(tmp_path):
    archive = _read(_site(tmp_path))
    cache = _keys(tmp_path, archive)
    article = archive.articles[-1]

    def page(shown: Article) -> Generated:
        return Generated("p.md", "", "wirearchive/listing.html", {"articles": [shown]})

    assert cache.look_up("p.md", page(article)) is None
    cache.keep("p.md", "<html>")
    again = _keys(tmp_path, archive)
    assert again.look_up("p.md", page(article)) is not None
    moved = _keys(tmp_path, archive)
    assert moved.look_up("p.md", page(replace(article, slug="ailleurs"))) is None


def test_data_classes_of_any_number_of_fields(tmp_path):
    from dataclasses import make_dataclass

    cache = _keys(tmp_path, Archive())
    none, one = make_dataclass("None_", []), make_dataclass("One", [("a", list)])
    assert cache._plain(none()) == ["None_", {}]
    assert cache._plain(one([1, "x"])) == ["One", {"a": [1, "x"]}]
    assert cache._plain(one([2])) != cache._plain(one([1]))


def _theme_install(site_packages: Path, digest: str) -> tuple[Path, object]:
    """A theme as pip installs it: its files, and a distribution whose RECORD lists them."""
    from importlib.metadata import PathDistribution

    templates = site_packages / "fancytheme" / "templates"
    templates.mkdir(parents=True, exist_ok=True)
    (templates / "main.html").write_text("{{ page.content }}", "utf-8")
    info = site_packages / "fancytheme-1.0.dist-info"
    info.mkdir(exist_ok=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: fancytheme\nVersion: 1.0\n")
    (info / "RECORD").write_text(f"fancytheme/templates/main.html,sha256={digest},18\n")
    return templates, PathDistribution(info)


def test_an_installed_themes_files_stand_for_its_record(tmp_path):
    from wirearchive.site.pagecache import installed_record

    templates, dist = _theme_install(tmp_path / "site-packages", "AAA")
    first = installed_record(templates, dist)
    assert first is not None and b"fancytheme/templates/main.html,sha256=AAA" in first
    _theme_install(tmp_path / "site-packages", "BBB")  # another version installed
    assert installed_record(templates, dist) not in (None, first)
    # A folder the distribution did not install (a theme developed in place, an editable
    # install): its files are hashed one by one.
    elsewhere = tmp_path / "checkout" / "fancytheme" / "templates"
    elsewhere.mkdir(parents=True)
    assert installed_record(elsewhere, dist) is None
    assert installed_record(templates, None) is None


def test_the_site_key_reads_no_file_of_an_installed_theme(tmp_path, monkeypatch):
    """Material's templates folder holds 14,500 files (12 MB, its icons): reading and hashing
    them was about a second of every build, a dirty one included."""
    from mkdocs.config.defaults import MkDocsConfig

    from wirearchive.site.pagecache import site_key

    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Home\n", "utf-8")
    config = MkDocsConfig(config_file_path=str(tmp_path / "mkdocs.yml"))
    config.load_dict({"site_name": "S", "docs_dir": "docs", "theme": {"name": "material"}})
    errors, _ = config.validate()
    assert not errors
    material = Path(config.theme.dirs[0]).resolve()
    assert material.name == "templates" and (material / ".icons").is_dir()
    read: list[Path] = []
    real = Path.read_bytes

    def read_bytes(path: Path) -> bytes:
        read.append(path)
        return real(path)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    key = site_key(config, [Path(d) for d in config.theme.dirs], True)
    assert read, "the site's own pages are read"
    assert not [p for p in read if material in p.resolve().parents]
    # the site's Markdown is still read: an edited page gives another key
    (tmp_path / "docs" / "index.md").write_text("# Accueil\n", "utf-8")
    assert site_key(config, [Path(d) for d in config.theme.dirs], True) != key


def test_templates_show_no_more_of_a_linked_dispatch_than_page_keys_hold():
    """A page is keyed by what it shows of the dispatches it links to (LINKED_FIELDS: a
    timeline entry's, an article's neighbours and related ones) and by a facet's number of
    dispatches, not by their text: a template showing more would be kept stale after an
    edit. Any change to these templates' reads must change the keys with them."""
    import re

    import wirearchive.site
    from wirearchive.site.pagecache import LINKED_FIELDS

    folder = Path(wirearchive.site.__file__).parent / "templates" / "wirearchive"
    sources = {
        p.relative_to(folder).as_posix(): p.read_text("utf-8") for p in folder.rglob("*.html")
    }
    text = "\n".join(sources.values())
    shown = set(re.findall(r"entry\.article\.(\w+)", text))
    assert {"url", "title"} <= shown <= set(LINKED_FIELDS)
    assert not re.search(r"entry\.article(?!\.\w)", text)  # never handed on whole
    neighbours = sources["partials/neighbours.html"]
    assert "browse.previous" in neighbours and "browse.related" in neighbours
    for name in ("older", "newer", "other"):
        assert set(re.findall(rf"\b{name}\.(\w+)", neighbours)) <= set(LINKED_FIELDS), name
        assert not re.search(rf"\({name}\b(?!\.)|\b{name}\s*\|", neighbours), name  # not handed on
    assert [p for p in sources if "browse.previous" in sources[p]] == ["partials/neighbours.html"]
    # A facet's or a period's dispatches are only counted (`archive` is not in page keys:
    # the site key holds whether it has articles).
    assert "facet.articles" in text and "m.articles" in text
    assert not re.search(r"(?<!\barchive)\.articles(?!\s*\|\s*length)", text)


def test_an_articles_markdown_is_made_once_for_its_key_and_its_page(tmp_path):
    """A page being read (`look_up`) keeps the Markdown made for its key, for MkDocs; keyed
    before any page is read (a dirty build), it is made for the digest and let go. The key
    is the same as for the Markdown given as it is."""
    cache = _keys(tmp_path, Archive())
    made: list[str] = []

    def make() -> str:
        made.append("x")
        return "Texte de la dépêche."

    read = Generated("a.md", "", "wirearchive/listing.html", {}, make=make)
    cache.look_up("a.md", read)
    assert (made, read.make, read.content) == (["x"], None, "Texte de la dépêche.")
    early = Generated("b.md", "", "wirearchive/listing.html", {}, make=make)
    cache.key_of("b.md", early)
    assert (len(made), early.make, early.content) == (2, make, "")
    given = Generated("a.md", "Texte de la dépêche.", "wirearchive/listing.html", {})
    assert _keys(tmp_path / "other", Archive()).key_of("a.md", given) == cache.keys["a.md"]


def test_an_articles_page_is_keyed_by_what_makes_its_markdown_and_metadata(tmp_path):
    """An article's Markdown and front matter are made by a function of the article and the
    glossary (a `partial`, its recipe): the page's key holds the recipe, and neither is made
    for it (a dirty build keys every page; a kept page is never converted). The key is the
    same in another build of the same archive, and another for another or an edited article."""
    made: list[str] = []

    def body(article: Article, glossary: object, page: str) -> str:
        made.append(page)
        return article.body

    def front_matter(page: str, article: Article, latest: Article, **keywords) -> dict:
        made.append(page)
        return latest.metadata()

    def item(article: Article, **keywords) -> Generated:
        page = article.url + "index.md"
        return Generated(
            page,
            "",
            "wirearchive/listing.html",
            {},
            make=partial(body, article, None, page),
            make_meta=partial(front_matter, page, article, article, **keywords),
        )

    def key(root: Path, name: str, **keywords) -> str | None:
        archive = _read(root)
        [article] = [a for a in archive.articles if a.source_file.endswith(name)]
        return _keys(root / "keys", archive).key_of("page.md", item(article, **keywords))

    root = _site(tmp_path)
    first = key(root, "a.txt", carried=None)
    assert made == [] and first is not None
    assert key(root, "a.txt") == first  # another build, its own cache of keys
    assert key(root, "b.txt") != first
    # A keyword other than `carried` may change what is made: then it is made for the key.
    assert key(root, "a.txt", strict=True) not in (None, first) and len(made) == 1
    edited = root / "articles" / "2025" / "09" / "a.txt"
    edited.write_text(DISPATCH.replace("iPhone", "iPad", 1), "utf-8")
    assert key(root, "a.txt") != first


def test_a_timeline_line_is_keyed_by_its_dispatch_not_by_its_text(tmp_path):
    """A line entries_of makes stands for what timelines show of its dispatch (LINKED_FIELDS and
    its events) and which event it is: its text is not listed again in the key of every
    timeline page that shows it. What shows changes the key; what does not, does not."""
    import json

    from wirearchive.timeline.timeline import entries_of

    long = "Le conseil a annoncé un plan de plusieurs années " * 6
    article = Article(
        "articles/a.txt", "Titre", dt.datetime(2025, 9, 9, tzinfo=dt.UTC), "fr", ("ATS",),
        None, None, None, None, "titre", "Texte.",
        events=(Event("2025-09", long, "planned", None, ("acme",)), Event("2026", "Un autre fait")),
    )  # fmt: skip

    def lines(article: Article) -> list:
        cache = _keys(tmp_path, Archive())
        return [cache._plain(e) for e in entries_of([article])]

    first = lines(article)
    assert len(first) == 3 and all(len(json.dumps(line)) < 120 for line in first)
    assert lines(replace(article, body="Autre texte.")) == first  # not shown on a timeline
    for changed in (
        replace(article, title="Autre"),
        replace(article, sources=("Keystone-SDA",)),
        replace(article, events=(replace(article.events[0], until="2027"), article.events[1])),
        replace(article, events=(replace(article.events[0], text="Autre."), article.events[1])),
    ):
        assert lines(changed) != first
    # the lines of one article differ from each other, as their events do
    assert len({json.dumps(line) for line in first}) == 3


def test_a_timeline_is_keyed_by_its_years_months_and_lines_in_order(tmp_path):
    """A timeline (a page's) is its years, each its year-only lines and its months, each its
    lines, one line of text each: the same timeline made twice has the same key; its lines in
    another order, in another month or known to the year only have another."""
    from wirearchive.timeline.timeline import Month, Timeline, Year, build, entries_of

    article = Article(
        "articles/a.txt", "Titre", dt.datetime(2025, 9, 9, tzinfo=dt.UTC), "fr", ("ATS",),
        None, None, None, None, "titre", "Texte.",
        events=(Event("2025", "Dans l'année."), Event("2025-09", "Un fait"), Event("2025-09-02", "Un autre")),
    )  # fmt: skip
    entries = entries_of([article])

    def key(timeline: Timeline) -> str:
        return _keys(tmp_path, Archive())._plain({"timeline": timeline})["timeline"]

    made = build(entries)
    year = made.years[0]
    assert len(year.entries) == 1 and [len(m.entries) for m in year.months] == [3]
    assert key(made) == key(build(entries_of([article])))
    month = year.months[0]
    shuffled = Month(month.key, [month.entries[1], month.entries[0], month.entries[2]])
    moved = Month("2025-08", month.entries)
    for other in (
        Timeline([Year("2025", year.entries, [shuffled])]),
        Timeline([Year("2025", year.entries, [moved])]),
        Timeline([Year("2025", [], [Month(month.key, [*year.entries, *month.entries])])]),
        Timeline([Year("2025", [*year.entries, *month.entries], [])]),
        Timeline([Year("2025", year.entries, [month]), Year("2026")]),
    ):
        assert key(other) != key(made)
