"""Search in a built site: the index files, Material's box wired to our worker, /search/."""

from __future__ import annotations

import json
import shutil

import pytest

from tests.conftest import FIXTURES, mkdocs_build, write_site

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
    for part in manifest["parts"]:
        assert (site / "site" / part["index"]).is_file()
        assert (site / "site" / part["docs"]).is_file()
    assert all((site / "site" / path).is_file() for path in manifest["head"].values())


def test_material_box_talks_to_our_worker(site):
    workers = list((site / "site" / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
    assert len(workers) == 1
    worker = workers[0].read_text(encoding="utf-8")
    assert worker.startswith('const WA_ROOT = "../../../";')
    for name in json.loads(worker.split("const WA_SCRIPTS = ", 1)[1].split(";\n", 1)[0]):
        assert (site / "site" / "assets" / "wirearchive" / "search" / name).is_file(), name
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


def test_index_parts_are_cached_under_the_site_root(site):
    assert len(list((site / ".cache" / "search").glob("*.json"))) == 2
