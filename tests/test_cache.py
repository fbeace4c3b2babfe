"""The parse cache: keyed by content, path, settings and code; never changes the result."""

from wirearchive.article import load
from wirearchive.cache import ParseCache, code_version
from wirearchive.dispatch import ParseOptions

from .conftest import FIXTURES

DATA = (FIXTURES / "dispatches" / "fr-apple-iphone-air.txt").read_bytes()


def test_a_stored_result_comes_back_equal(tmp_path):
    loaded = load(DATA, "articles/2025/09/a.txt", ParseOptions())
    with ParseCache(tmp_path, "settings") as cache:
        key = cache.key("articles/2025/09/a.txt", DATA)
        assert cache.get(key) is None
        cache.put_many([(key, loaded)])
    with ParseCache(tmp_path, "settings") as cache:
        again = cache.get(cache.key("articles/2025/09/a.txt", DATA))
    assert again.article.metadata() == loaded.article.metadata()
    assert again.article.body == loaded.article.body and again.problems == loaded.problems


def test_keys_change_with_bytes_path_and_settings(tmp_path):
    with (
        ParseCache(tmp_path, "Europe/Zurich") as cache,
        ParseCache(tmp_path / "other", "America/New_York") as other,
    ):
        base = cache.key("articles/a.txt", DATA)
        assert cache.key("articles/a.txt", DATA) == base
        assert cache.key("articles/b.txt", DATA) != base
        assert cache.key("articles/a.txt", DATA + b" ") != base
        assert other.key("articles/a.txt", DATA) != base


def test_prune_forgets_what_is_not_kept(tmp_path):
    with ParseCache(tmp_path, "s") as cache:
        cache.put_many([("k1", 1), ("k2", 2)])
        cache.prune({"k2"})
        assert cache.get("k1") is None and cache.get("k2") == 2


def test_code_version_is_a_stable_hash():
    assert code_version() == code_version() and len(code_version()) == 64
