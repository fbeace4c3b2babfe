"""The contributor's loop (issue 12.7): `mkdocs serve` shows an edited dispatch, and the
README's address is where it serves the demo."""

from __future__ import annotations

import re
import subprocess
import sys
from urllib.parse import urlsplit

import pytest

from ..conftest import FIXTURES, ROOT, benchmark, write_site

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
