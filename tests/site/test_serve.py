"""The contributor's loop (issue 12.7): `mkdocs serve` shows an edited dispatch, and the
README's address is where it serves the demo."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from urllib.parse import urlsplit

from ..conftest import FIXTURES, ROOT, write_site

IPHONE = (FIXTURES / "dispatches" / "fr-apple-iphone-air.txt").read_text(encoding="utf-8")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, ""
    except OSError:
        return 0, ""


def wait_for(url: str, text: str, seconds: float) -> str:
    """The page at `url` once it holds `text`; fails after `seconds`."""
    deadline = time.monotonic() + seconds
    body = ""
    while time.monotonic() < deadline:
        status, body = fetch(url)
        if status == 200 and text in body:
            return body
        time.sleep(0.5)
    raise AssertionError(f"{url} did not show {text!r} within {seconds} s")


def test_serve_rebuilds_when_a_dispatch_changes(tmp_path):
    root = write_site(tmp_path, {"2025/09/iphone.txt": IPHONE})
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=root,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        home = f"http://127.0.0.1:{port}/"
        wait_for(home, "Apple présente", 120)
        dispatch = root / "articles" / "2025" / "09" / "iphone.txt"
        dispatch.write_text(
            dispatch.read_text(encoding="utf-8").replace(
                "Apple présente l'iPhone Air", "Apple dévoile l'iPhone Air"
            ),
            encoding="utf-8",
        )
        wait_for(home, "Apple dévoile", 60)
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
