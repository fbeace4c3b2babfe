"""Search in a built site: the index files, Material's box wired to our worker, /search/."""

from __future__ import annotations

import json
import shutil

import pytest

from tests.conftest import FIXTURES, mkdocs_build, write_site
from wirearchive.site.generators.search import plural_samples

SEARCH_PLUGIN = "  - search\n"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("searchsite")
    write_site(root, {})
    shutil.copytree(FIXTURES / "search" / "archive", root / "articles", dirs_exist_ok=True)
    config = (
        (root / "mkdocs.yml")
        .read_text(encoding="utf-8")
        .replace("plugins:\n", "plugins:\n" + SEARCH_PLUGIN)
    )
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    (root / "docs" / "about.md").write_text("# About\n\nA hand-written page.\n", encoding="utf-8")
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    return root


def test_index_files_are_published(site):
    manifest = json.loads((site / "site" / "search" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["count"] == 4
    paths = [path for _, path in manifest["shards"]] + manifest["docs"]["parts"]
    assert all((site / "site" / path).is_file() for path in paths)
    rows = json.loads((site / "site" / manifest["docs"]["parts"][0]).read_text(encoding="utf-8"))
    for _url, _title, _date, _sources, _language, text, _preview in rows.values():
        assert (site / "site" / "search" / "text" / f"{text}.json").is_file()


def test_material_box_talks_to_our_worker(site):
    workers = list((site / "site" / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
    assert len(workers) == 1
    worker = workers[0].read_text(encoding="utf-8")
    assert worker.startswith('const WA_ROOT = "../../../";')
    assert 'const WA_LOCALE = "en";' in worker  # the theme's language: the box's dates
    # one file: lunr, the stemmers, our pipeline, engine and worker, each named with its licence
    names = [line.split()[1] for line in worker.splitlines() if line.startswith("/* assets/")]
    assert names == [
        "assets/wirearchive/search/vendor/lunr.min.js",
        "assets/wirearchive/search/vendor/lunr.stemmer.support.min.js",
        "assets/wirearchive/search/vendor/lunr.fr.min.js",
        "assets/wirearchive/search/vendor/lunr.de.min.js",
        "assets/wirearchive/search/vendor/lunr.it.min.js",
        "assets/wirearchive/search/pipeline.js",
        "assets/wirearchive/search/engine.js",
        "assets/wirearchive/search/worker.js",
    ]
    assert "(licence: assets/wirearchive/search/vendor/LICENSE.lunr-languages)" in worker
    assert (
        site / "site" / "assets" / "wirearchive" / "search" / "vendor" / "LICENSE.lunr-languages"
    ).is_file()


def test_material_index_keeps_only_hand_written_pages(site):
    index = json.loads((site / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert "about/" in locations and "search/" in locations
    assert not any(location.startswith("2025/") for location in locations)


def test_search_page_has_a_labelled_form_and_its_script(site):
    html = (site / "site" / "search" / "index.html").read_text(encoding="utf-8")
    assert 'role="search"' in html
    for field in ("query", "entity", "source", "language", "from", "to"):
        assert f'id="wa-{field}" name="{field}"' in html
        assert f'<label for="wa-{field}">' in html
    script = next(
        src.split('"', 1)[0]
        for src in html.split('<script src="')[1:]
        if "wirearchive/search/page." in src
    )
    assert script.startswith("../assets/wirearchive/search/page.")
    assert (site / "site" / "search" / script).resolve().is_file()


def test_search_page_has_its_stylesheet_and_strings(site):
    html = (site / "site" / "search" / "index.html").read_text(encoding="utf-8")
    style = next(
        href.split('"', 1)[0]
        for href in html.split('<link rel="stylesheet" href="')[1:]
        if "wirearchive/search/search." in href
    )
    assert (site / "site" / "search" / style).resolve().is_file()
    words = html.split("data-wa-search-strings>", 1)[1].split("</div>", 1)[0]
    assert '<span data-wa-string="found" data-wa-plural="other">{n} dispatches found.' in words
    assert '<span data-wa-string="found" data-wa-plural="one">{n} dispatch found.' in words
    assert '<span data-wa-string="types" data-wa-plural="company">Company</span>' in words


def test_glossary_entries_are_in_the_index(tmp_path):
    root = tmp_path / "site"
    write_site(root, {})
    shutil.copytree(FIXTURES / "search" / "archive", root / "articles", dirs_exist_ok=True)
    entities = root / "docs" / "entities"
    entities.mkdir(parents=True, exist_ok=True)
    (entities / "chipwerk.md").write_text(
        "---\nname: Chipwerk\ntype: company\naliases: [Chipwerk AG]\n"
        "description: Un fabricant zurichois <de> puces.\n---\n",
        encoding="utf-8",
    )
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    manifest = json.loads((root / "site" / "search" / "manifest.json").read_text("utf-8"))
    (part,) = manifest["glossary"]["parts"]
    entries = json.loads((root / "site" / part).read_text("utf-8"))
    assert entries == [
        [
            "chipwerk",
            "Chipwerk",
            "company",
            "Un fabricant zurichois <de> puces.",  # text: the page sets it as text
            "entities/chipwerk/",
            0,
            ["Chipwerk", "Chipwerk AG"],
        ]
    ]


def test_index_parts_are_cached_under_the_site_root(site):
    assert len(list((site / ".cache" / "search").glob("*.json"))) == 2  # one a month


@pytest.mark.parametrize(
    "language, samples",
    [
        ("en", {"other": 0, "one": 1}),
        ("fr", {"one": 0, "other": 2, "many": 1_000_000}),
        ("de", {"other": 0, "one": 1}),
    ],
)
def test_the_search_page_has_a_message_for_each_plural_category(language, samples):
    assert plural_samples(language) == samples
