"""Pages kept from earlier builds: a warm build after an edit is the same site as a clean
build of the edited archive, byte for byte, and reuses the pages the edit did not touch."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from ..conftest import mkdocs_build


def tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def reused(log: str) -> tuple[int, int]:
    found = re.search(r"pages: (\d+) of (\d+) that can be kept were reused", log)
    assert found, log[-2000:]
    return int(found[1]), int(found[2])


def test_a_warm_build_after_an_edit_is_the_clean_build_of_the_edit(demo_copy, tmp_path):
    assert mkdocs_build(demo_copy).returncode == 0
    first = reused(mkdocs_build(demo_copy).stderr)
    assert first[0] == first[1] > 20  # nothing changed: every page that can be kept is reused

    # An edit: another headline and body for one dispatch (its page, its neighbours' links,
    # the lists that name it change), and a new dispatch (the month's pages change).
    edited = demo_copy / "articles/2025/10/qualcomm-rachete-l-italien-arduino.txt"
    text = edited.read_text("utf-8")
    edited.write_text(
        text.replace("Qualcomm rachète", "Qualcomm acquiert", 1).replace(
            "Arduino", "Arduino SA", 3
        ),
        "utf-8",
    )
    added = demo_copy / "articles/2025/10/added.txt"
    added.write_text(
        "Un nouveau venu dans l'archive\n\nGenève, 30 octobre 2025 (Keystone-ATS) - Nvidia a "
        "annoncé jeudi un nouvel accord, selon un communiqué.\n",
        "utf-8",
    )
    warm = mkdocs_build(demo_copy)
    assert warm.returncode == 0, warm.stderr
    count, keepable = reused(warm.stderr)
    assert 0 < count < keepable  # some pages reused, the changed ones rendered again

    clean = tmp_path / "clean"
    shutil.copytree(demo_copy, clean, ignore=shutil.ignore_patterns(".cache", "site"))
    assert mkdocs_build(clean).returncode == 0
    assert tree(demo_copy / "site") == tree(clean / "site")


def test_page_keys_remember_only_what_pages_share(tmp_path):
    """A page's key is the same however often its values were seen, and the memo behind it
    keeps the values many pages share, not every event and pair of every page: a memo entry
    per small value held about 300 MB for the whole of a 10,000-dispatch build."""
    from wirearchive.archive import Archive
    from wirearchive.browse import browse_of
    from wirearchive.cache import FileCache
    from wirearchive.model import Event
    from wirearchive.site.generators import Generated
    from wirearchive.site.pagecache import PageCache

    events = [Event(f"2025-01-{day:02d}", f"Event {day}", about=("acme",)) for day in range(1, 29)]
    shared = {"year": "2025", "events": events}

    def page(number: int) -> Generated:
        context = {"shared": shared, "own": [(number, "pair"), {"small": [number]}]}
        return Generated(f"p{number}.md", "", "wirearchive/listing.html", context)

    first = PageCache(FileCache(tmp_path, ""), "site", browse_of(Archive()))
    keys = [first.look_up(f"p{n}.md", page(n)) or first.keys[f"p{n}.md"] for n in range(50)]
    again = PageCache(FileCache(tmp_path, ""), "site", browse_of(Archive()))
    again.look_up("p7.md", page(7))
    assert again.keys["p7.md"] == keys[7]  # a fresh memo: the same key
    assert len(set(keys)) == 50
    remembered = [value for value, _ in first._digests.values()]
    assert remembered == [events]  # the one large shared list; no event, pair or small dict


def test_an_entity_page_is_kept_and_still_searched(demo_copy):
    """An entity's page (a hand-written page Material's search indexes) is converted on every
    build, for the search, and its template's rendering is kept: the second build prints what
    the page cache holds for it."""
    import gzip
    import json

    assert mkdocs_build(demo_copy).returncode == 0
    page = demo_copy / "site" / "entities" / "abb" / "index.html"
    html = page.read_bytes()
    kept = [
        p
        for p in (demo_copy / ".cache" / "pages").iterdir()
        if gzip.decompress(p.read_bytes()) == html
    ]
    assert len(kept) == 1
    changed = html.replace(b"</article>", b"<p>from the page cache</p></article>", 1)
    kept[0].write_bytes(gzip.compress(changed))
    warm = mkdocs_build(demo_copy)
    assert warm.returncode == 0, warm.stderr
    assert b"from the page cache" in page.read_bytes()
    index = json.loads((demo_copy / "site" / "search" / "search_index.json").read_bytes())
    found = [d for d in index["docs"] if d["location"].startswith("entities/abb/")]
    assert found and "ABB" in found[0]["title"]


def test_a_site_with_hooks_builds_and_an_edited_hook_renders_pages_again(demo_copy):
    """A hook (MkDocs' `hooks:`, a module of the site's own) may change any page: its code is
    in the key of every kept page. (A site with hooks did not build: a hook has no settings.)"""
    hook = demo_copy / "hook.py"
    code = (
        "def on_page_markdown(markdown, page, config, files):\n"
        "    return markdown + '\\n\\nMot-du-crochet-{}\\n'\n"
    )
    hook.write_text(code.format("un"), encoding="utf-8")
    config = demo_copy / "mkdocs.yml"
    config.write_text(config.read_text("utf-8") + "\nhooks: [hook.py]\n", encoding="utf-8")
    first = mkdocs_build(demo_copy)
    assert first.returncode == 0, first.stderr
    page = next((demo_copy / "site" / "2025").rglob("index.html"))
    assert "Mot-du-crochet-un" in page.read_text("utf-8")
    hook.write_text(code.format("deux"), encoding="utf-8")
    warm = mkdocs_build(demo_copy)
    assert warm.returncode == 0, warm.stderr
    assert reused(warm.stderr)[0] == 0
    html = page.read_text("utf-8")
    assert "Mot-du-crochet-deux" in html and "Mot-du-crochet-un" not in html


def test_kept_pages_are_compressed_and_an_earlier_versions_pages_go(demo_copy):
    """The page cache is a second copy of the site's HTML: it keeps each page gzip-compressed
    (`zcat` shows it), each one the very bytes of the page in site/, and a build forgets the
    uncompressed pages an earlier version kept (`<key>.json`) rather than hold them forever."""
    import gzip

    folder = demo_copy / ".cache" / "pages"
    folder.mkdir(parents=True)
    earlier = folder / ("0" * 64 + ".json")
    earlier.write_bytes(b"<html>kept by an earlier version</html>")
    assert mkdocs_build(demo_copy).returncode == 0
    assert not earlier.exists()
    kept = {gzip.decompress(p.read_bytes()): p for p in folder.iterdir()}
    assert all(p.name.endswith(".html.gz") for p in kept.values())
    site = demo_copy / "site"
    pages = [p for p in site.rglob("*.html") if p.read_bytes() in kept]
    assert len(pages) == len(kept) > 100  # every kept page is a page of the site, as written
    kept_bytes = sum(p.stat().st_size for p in kept.values())
    assert kept_bytes < sum(p.stat().st_size for p in pages) / 3


def cut_short(data: bytes) -> bytes:
    return data[:40]


def bytes_changed(data: bytes) -> bytes:
    """Its compressed stream garbled after the header (zlib's error, not gzip's)."""
    return data[:20] + bytes(b ^ 0xFF for b in data[20:60]) + data[60:]


@pytest.mark.parametrize("damage", [cut_short, bytes_changed])
def test_a_damaged_kept_page_stops_the_build_naming_its_file(demo_copy, damage):
    """A kept page that cannot be decompressed (a disk's fault, a hand's) is not printed as it
    is: the build stops and says which file to delete."""
    assert mkdocs_build(demo_copy).returncode == 0
    folder = demo_copy / ".cache" / "pages"
    damaged = sorted(folder.iterdir())[0]
    damaged.write_bytes(damage(damaged.read_bytes()))
    again = mkdocs_build(demo_copy)
    assert again.returncode != 0
    assert damaged.name in again.stderr and "cannot be read" in again.stderr
    damaged.unlink()
    assert mkdocs_build(demo_copy).returncode == 0
