"""`sitemap.xml` is what MkDocs' own template writes, in the order of its addresses, whether
`SortedSitemap` writes it or the theme's own template does (site/sitemap.py)."""

from __future__ import annotations

import gzip
from types import SimpleNamespace

from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.config import load_config

from wirearchive.shards import sorted_sitemap
from wirearchive.site.sitemap import SortedSitemap, is_mkdocs_sitemap

from ..conftest import FIXTURES, mkdocs_build, write_site

URLS = st.one_of(
    st.none(),
    st.just(""),
    st.text(alphabet="ab/&<>\"'é1", max_size=8).map(lambda t: f"https://x.org/{t}"),
    st.text(alphabet="ab/&<>\"'é1", max_size=8).map(lambda t: f"/{t}"),
)
PAGES = st.lists(
    st.builds(
        lambda link, abs_url, canonical, date: SimpleNamespace(
            page=SimpleNamespace(
                is_link=link, abs_url=abs_url, canonical_url=canonical, update_date=date
            )
        ),
        st.booleans(),
        URLS,
        URLS,
        st.one_of(st.none(), st.just(""), st.dates().map(str)),
    ),
    max_size=12,
)


def _mkdocs_template(tmp_path):
    root = write_site(tmp_path, {})
    template = load_config(str(root / "mkdocs.yml")).theme.get_env().get_template("sitemap.xml")
    assert is_mkdocs_sitemap(template)
    return template


@settings(max_examples=200, deadline=None)
@given(pages=PAGES)
def test_the_sitemap_is_mkdocs_templates_sorted_byte_for_byte(tmp_path_factory, pages):
    template = _mkdocs_template(tmp_path_factory.mktemp("site"))
    expected = sorted_sitemap(template.render(pages=pages))
    assert SortedSitemap().render({"pages": pages}) == expected


IPHONE = (FIXTURES / "dispatches" / "fr-apple-iphone-air.txt").read_text(encoding="utf-8")


def test_a_theme_with_its_own_sitemap_keeps_it_sorted(tmp_path):
    """A `sitemap.xml` of the theme's own (here in `custom_dir`) is rendered by MkDocs and
    sorted after the build; MkDocs' own is written by `SortedSitemap`. Both sort the same
    entries, and the gzip holds the same text."""
    url = "site_url: https://example.org/archive/\n"
    own = write_site(tmp_path / "own", {"2025/09/iphone.txt": IPHONE}, extra=url)
    theirs = write_site(tmp_path / "theirs", {"2025/09/iphone.txt": IPHONE}, extra=url)
    (theirs / "overrides").mkdir()
    # MkDocs' template, written again with other whitespace: only the entries compare.
    (theirs / "overrides" / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<urlset>\n'
        "{%- for file in pages %}{% if not file.page.is_link %}\n"
        "  <url><loc>{{ file.page.canonical_url or file.page.abs_url }}</loc></url>"
        "{%- endif %}{% endfor %}\n</urlset>\n",
        encoding="utf-8",
    )
    config = (theirs / "mkdocs.yml").read_text(encoding="utf-8")
    (theirs / "mkdocs.yml").write_text(
        config.replace("  name: material\n", "  name: material\n  custom_dir: overrides\n"),
        encoding="utf-8",
    )
    for root in (own, theirs):
        result = mkdocs_build(root)
        assert result.returncode == 0, result.stderr
    mine = (own / "site" / "sitemap.xml").read_text(encoding="utf-8")
    other = (theirs / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert other.startswith("<?xml") and "<urlset>\n  <url><loc>" in other
    locs = [
        line.split("<loc>")[1].split("</loc>")[0] for line in mine.splitlines() if "<loc>" in line
    ]
    their_locs = [
        line.split("<loc>")[1].split("</loc>")[0] for line in other.splitlines() if "<loc>" in line
    ]
    assert len(locs) > 5 and locs == sorted(locs) and their_locs == locs
    for root, text in ((own, mine), (theirs, other)):
        with gzip.open(root / "site" / "sitemap.xml.gz") as packed:
            assert packed.read().decode("utf-8") == text


def test_the_plugin_writes_mkdocs_own_sitemap_and_leaves_a_themes(tmp_path):
    root = write_site(tmp_path, {})
    config = load_config(str(root / "mkdocs.yml"))
    config = config.plugins.on_config(config)
    plugin = config.plugins["wirearchive"]
    template = config.theme.get_env().get_template("sitemap.xml")
    assert isinstance(plugin.on_pre_template(template, "sitemap.xml", config), SortedSitemap)
    assert plugin.sitemap_sorted  # not sorted again after the build
    other = config.theme.get_env().from_string("<urlset/>")
    plugin.sitemap_sorted = False
    assert plugin.on_pre_template(other, "sitemap.xml", config) is other
    assert not plugin.sitemap_sorted
