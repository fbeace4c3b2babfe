"""Browser tests: the built demo site, served on 127.0.0.1 under a sub-path, in Debian's chromium.

They skip, saying why, only when /usr/bin/chromium is missing on a developer's machine; under
CI (the `CI` variable set) a missing browser fails them: CI must run them.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT, mkdocs_build
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
def demo_url(tmp_path_factory) -> Iterator[str]:
    """The repository's demo site, built and served under a sub-path: its URL."""
    require_chromium()
    root = tmp_path_factory.mktemp("demo")
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    for name in ("docs", "articles"):
        shutil.copytree(ROOT / name, root / name)
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    with serve(root / "site", SUB_PATH) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def local_context(browser, url: str):
    """A fresh browser profile that may reach the local server only: nothing from outside loads."""
    context = browser.new_context()
    local = url.removesuffix(SUB_PATH)
    context.route(
        "**/*",
        lambda route: route.continue_() if route.request.url.startswith(local) else route.abort(),
    )
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
