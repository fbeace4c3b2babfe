"""The plugin's options: checked when the config loads, honoured everywhere they apply."""

from __future__ import annotations

import json

import pytest

from ..conftest import FIXTURES, mkdocs_build, write_site

IPHONE = (FIXTURES / "dispatches" / "fr-apple-iphone-air.txt").read_text(encoding="utf-8")
ORACLE = (FIXTURES / "dispatches" / "de-oracle-aktie-kurssprung.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "options, message",
    [
        ("languages: [fr, xx]", "cannot serve 'xx': supported languages are fr, de, en, it"),
        ("languages: []", "name at least one language"),
        ("timezone: Mars/Olympus", "unknown time zone 'Mars/Olympus'"),
        ("home_count: 0", "must be greater than 0, got 0"),
        ("max_dispatch_bytes: -5", "must be greater than 0, got -5"),
        ("workers: 0", "must be greater than 0, got 0"),
        ("cache: maybe", "Expected type: <class 'bool'>"),
    ],
)
def test_a_bad_option_is_a_configuration_error_not_a_traceback(tmp_path, options, message):
    root = write_site(tmp_path, {"2025/09/a.txt": IPHONE}, plugin_options="      " + options)
    result = mkdocs_build(root)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "Config value 'plugins'" in result.stderr and message in result.stderr
    assert not (root / "site").exists()


def test_languages_choose_the_stemmers_and_stop_words_search_ships(tmp_path):
    root = write_site(
        tmp_path,
        {"2025/09/a.txt": IPHONE, "2025/09/b.txt": ORACLE},
        plugin_options="      languages: [fr, de]",
    )
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    manifest = json.loads((root / "site" / "search" / "manifest.json").read_text("utf-8"))
    assert manifest["pipeline"]["languages"] == ["fr", "de"]
    assert sorted(manifest["pipeline"]["stopWords"]) == ["de", "fr"]
    workers = list((root / "site" / "assets" / "javascripts" / "workers").glob("search.*.js"))
    worker = workers[0].read_text("utf-8")
    assert "lunr.fr." in worker and "lunr.de." in worker and "lunr.it." not in worker


def test_cache_false_keeps_no_cache_at_all(tmp_path):
    root = write_site(tmp_path, {"2025/09/a.txt": IPHONE}, plugin_options="      cache: false")
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    assert not (root / ".cache").exists()


def test_caches_are_kept_under_the_site_root_when_on(tmp_path):
    root = write_site(tmp_path, {"2025/09/a.txt": IPHONE})
    assert mkdocs_build(root).returncode == 0
    assert (root / ".cache" / "parse" / "parse.sqlite").is_file()
    assert list((root / ".cache" / "search").glob("*.json"))


def test_enabled_false_builds_the_hand_written_site_alone(tmp_path):
    root = write_site(
        tmp_path,
        {"2025/09/a.txt": IPHONE},
        plugin_options="      enabled: false",
        docs={"index.md": "# Home\n"},
    )
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    assert (root / "site" / "index.html").is_file()
    assert (
        not (root / "site" / "2025").exists() and not (root / "site" / "search" / "parts").exists()
    )
