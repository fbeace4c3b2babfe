"""Browser tests: the built demo site, served on 127.0.0.1 under a sub-path, in Debian's chromium.

They skip, saying why, only when /usr/bin/chromium is missing on a developer's machine; under
CI (the `CI` variable set) a missing browser fails them: CI must run them.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.conftest import copy_demo, mkdocs_build
from tests.sitecheck import serve

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SUB_PATH = "/newsroom/archive/"


def require_chromium() -> None:
    if CHROMIUM.exists():
        return
    if os.environ.get("CI"):
        pytest.fail(
            f"{CHROMIUM} is missing: CI must run the browser tests (.ci/run installs Debian's chromium)"
        )
    pytest.skip(
        f"{CHROMIUM} is missing on this machine: install Debian's chromium to run the browser tests"
    )


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory) -> Path:
    """The repository's demo site, built: its folder."""
    require_chromium()
    root = copy_demo(tmp_path_factory.mktemp("demo"))
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    return root / "site"


@pytest.fixture(scope="session")
def demo_url(demo_site) -> Iterator[str]:
    """The demo site served under a sub-path (not its site_url's): its URL."""
    with serve(demo_site, SUB_PATH) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def local_context(browser, url: str, **options):
    """A fresh browser profile that may reach the local server only: nothing from outside
    loads, and what a page asked of another host is listed in `context.blocked`."""
    context = browser.new_context(**options)
    local = "{0.scheme}://{0.netloc}/".format(urlsplit(url))
    blocked: list[str] = []

    def route(route):
        if route.request.url.startswith(local):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    context.route("**/*", route)
    context.blocked = blocked
    return context


@pytest.fixture
def context(browser, demo_url):
    context = local_context(browser, demo_url)
    yield context
    context.close()


@pytest.fixture
def page(context):
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    assert not errors, f"script errors on the page: {errors}"
