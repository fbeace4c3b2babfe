"""The contributor's loop (issue 12.7): `mkdocs serve` shows an edited dispatch, and the
README's address is where it serves the demo."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from urllib.parse import urlsplit

import pytest

from ..conftest import FIXTURES, ROOT, benchmark, mkdocs_build, write_site

SERVE = benchmark("serve")  # benchmarks/serve.py: a free port, waiting for a served page
IPHONE = (FIXTURES / "dispatches" / "fr-apple-iphone-air.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("dirty", [False, True], ids=["serve", "serve --dirty"])
def test_serve_rebuilds_when_a_dispatch_changes(tmp_path, dirty):
    """An edited dispatch and a new one show on the home page, a hand-written page whose
    template reads the archive (`mkdocs serve --dirty` left it as it was: site/dirty.py)."""
    root = write_site(
        tmp_path,
        {"2025/09/iphone.txt": IPHONE},
        docs={"index.md": "---\ntemplate: wirearchive/home.html\n---\n\n# Archive\n"},
    )
    port = SERVE.free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "serve",
            "-a",
            f"127.0.0.1:{port}",
            *(["--dirty"] if dirty else []),
        ],
        cwd=root,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        home = f"http://127.0.0.1:{port}/"
        SERVE.wait_for(home, "Apple présente", 120)
        dispatch = root / "articles" / "2025" / "09" / "iphone.txt"
        dispatch.write_text(
            dispatch.read_text(encoding="utf-8").replace(
                "Apple présente l'iPhone Air", "Apple dévoile l'iPhone Air"
            ),
            encoding="utf-8",
        )
        SERVE.wait_for(home, "Apple dévoile", 60)
        (root / "articles" / "2025" / "10" / "added.txt").parent.mkdir()
        (root / "articles" / "2025" / "10" / "added.txt").write_text(
            "Un nouveau venu dans l'archive\n\nGenève, 28 octobre 2025 (Keystone-ATS) - Une "
            "phrase pour l'essai, selon un communiqué.\n",
            encoding="utf-8",
        )
        SERVE.wait_for(home, "Un nouveau venu dans", 60)
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_the_readme_gives_the_address_serve_answers_at():
    """`mkdocs serve` mounts the site at the path of its site_url: the README's address is it."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    host, address = re.search(
        r"```sh\n(.*mkdocs serve -a (\S+).*)\n```.*?<(http://[^>]+)>", readme, re.S
    ).group(2, 3)
    site_url = re.search(
        r"(?m)^site_url:\s*(\S+)", (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    )[1]
    assert address == f"http://{host}{urlsplit(site_url).path}"


# The builds of `mkdocs serve` in one process, as `mkdocs.commands.serve` runs them: the
# config loaded again for each, the plugin instance kept (it has `on_startup`).
SERVE_BUILDS = """
import logging
import sys
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
dirty = sys.argv[1] == "dirty"
config = load_config("mkdocs.yml")
config.plugins.on_startup(command="serve", dirty=dirty)
build(config, dirty=dirty)
edited = Path(sys.argv[2])
edited.write_text(edited.read_text("utf-8").replace("bon marché", "peu coûteuse", 1), "utf-8")
Path(sys.argv[3]).write_text(sys.argv[4], "utf-8")
Path(sys.argv[5]).unlink()
tampered = Path(sys.argv[6])  # a file of site/ another program changed: written again
tampered.write_bytes(tampered.read_bytes().replace(b"Sunrise", b"Sunset"))
build(load_config("mkdocs.yml"), dirty=dirty)
"""
ADDED = (
    "articles/2025/11/added.txt",
    "Un nouveau venu dans l'archive\n\nGenève, 28 novembre 2025 (Keystone-ATS) - Nvidia a "
    "annoncé vendredi un nouvel accord avec Logitech, selon un communiqué.\n",
)


@pytest.mark.parametrize("dirty", [False, True], ids=["serve", "serve --dirty"])
def test_a_serve_build_takes_what_the_last_made_of_unchanged_dispatches(demo_copy, tmp_path, dirty):
    """The second build of `mkdocs serve` takes from the first what it made of the dispatches
    an edit left as they were (wirearchive.carry): their pages' metadata, the timelines and
    pages of timelines they alone make, their feeds, the unchanged glossary, and those
    values' digests in the pages' keys. Its site is still, byte for byte, what a clean build
    of the edited archive gives."""
    from .test_dirty import EDITED, REMOVED
    from .test_page_cache import tree

    run = subprocess.run(
        [
            sys.executable,
            "-c",
            SERVE_BUILDS,
            "dirty" if dirty else "clean",
            EDITED,
            *ADDED,
            REMOVED,
            "site/2024/11/sunrise-feiert-comeback-an-der-schweizer-boerse/dispatch.txt",
        ],
        cwd=demo_copy,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    logs = re.findall(r"taken from the last build: (.*)", run.stderr)
    assert logs[0] == "nothing"  # the first build
    taken = {
        kind: int(n.replace(",", "")) for n, kind in re.findall(r"([\d,]+) ([a-z ]+)", logs[1])
    }
    articles = sum(path.is_file() for path in (demo_copy / "articles").rglob("*"))
    # Every article but the edited one and the new one (the removed one is gone).
    if not dirty:
        assert taken["article metadata"] == articles - 2
    assert taken["entity timeline"] > 0 and taken["timeline page"] > 0
    assert taken["digest"] >= articles - 2  # the unchanged articles' at least
    assert taken["glossary"] == 1  # its files are the same
    assert taken["page key"] > 0  # of articles with the same neighbours
    # The site's feeds and those of the entities the edits left alone.
    assert 0 < taken["feed"] < len(list((demo_copy / "site").rglob("feed.*")))
    if dirty:  # a dirty build keys every page (by what makes it: PageCache._recipe)
        # and makes an article's metadata only for a page it renders again
        assert taken["article metadata"] < articles - 2
        # the unchanged dispatches' search texts, left in site/ neither read nor hashed (the
        # dispatches as delivered are left by the build record, unmade: site/dirty.py; the
        # one changed in site/ is written again, as the clean build below compares)
        assert taken["written"] >= articles - 3

    clean = tmp_path / "clean"
    shutil.copytree(demo_copy, clean, ignore=shutil.ignore_patterns(".cache", "site"))
    built = mkdocs_build(clean)
    assert built.returncode == 0, built.stderr[-3000:]
    assert tree(demo_copy / "site") == tree(clean / "site")
