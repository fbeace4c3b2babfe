"""The site works under `https://ORG.github.io/REPO/`: every link resolves there."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import FIXTURES
from tests.deploy.conftest import PREFIX, SITE_URL, demo_site
from tests.sitecheck import crawl_site, serve
from wirearchive.archive import read_archive
from wirearchive.dispatch import ParseOptions


def test_the_crawler_finds_every_kind_of_broken_link():
    with serve(FIXTURES / "sitecheck" / "broken", PREFIX) as base:
        crawl = crawl_site(base, site_url=SITE_URL)
    found = {
        (b.target.replace(base, "/REPO/"), b.reason.split(":")[0].split(" for ")[0])
        for b in crawl.broken
    }
    assert found == {
        ("/good/", "leaves the sub-path"),  # root-absolute link
        (
            "https://ORG.github.io/other-repo/",
            "leaves the sub-path of https",
        ),  # absolute, same host
        ("gone/", "HTTP 404"),  # missing page
        ("missing.css", "HTTP 404"),  # missing asset
        ("good/photo@2x.png", "HTTP 404"),  # srcset candidate
        ("/REPO/good/#nowhere", "no element with id 'nowhere'"),  # missing anchor
        ("/REPO/removed/", "HTTP 404"),  # search result
        ("https://ORG.github.io/REPO/gone-from-feed/", "HTTP 404"),  # RSS item
        ("https://ORG.github.io/REPO/gone-from-json-feed/", "HTTP 404"),  # JSON Feed item
        ("https://example.com/good/", "points outside the site (https"),  # feed item, wrong host
        (
            "/REPO/wirearchive-sitecheck/does/not/exist/good/",
            "HTTP 404",
        ),  # relative link on the 404 page
        ("/REPO/withdrawn/", "HTTP 404"),  # result of the split search index
        ("/REPO/search/parts/202511.missing.json", "HTTP 404"),  # part the manifest names
        ("/REPO/search/parts/202511-docs.missing.json", "HTTP 404"),
    }
    assert crawl.external == {"https://elsewhere.example/page"}


def test_every_page_of_the_demo_resolves_under_the_sub_path(published):
    with serve(published, PREFIX) as base:
        crawl = crawl_site(base, site_url=SITE_URL)
    assert not crawl.broken, crawl.describe()
    reached = {url.replace(base, "") for url in crawl.pages}
    archive = read_archive(published.parent, "articles", ParseOptions())
    articles = {article.url for article in archive.articles}
    assert len(articles) >= 18
    assert articles <= reached, f"article pages no link reaches: {sorted(articles - reached)}"
    assert {a + "dispatch.txt" for a in articles} <= reached, (
        "raw dispatches are published beside their pages"
    )
    html_pages = {p.relative_to(published).as_posix() for p in published.rglob("index.html")}
    unreached = {p for p in html_pages if p.removesuffix("index.html") not in reached}
    assert not unreached, f"pages that no link, feed or search result reaches: {sorted(unreached)}"
    assert crawl.search_locations >= len(articles)


def test_mkdocs_gh_deploy_still_publishes_the_site(tmp_path):
    remote = tmp_path / "remote.git"
    site = demo_site(tmp_path / "repo")
    git = [
        "git",
        "-c",
        "user.name=Test",
        "-c",
        "user.email=test@example.org",
        "-c",
        "init.defaultBranch=main",
    ]
    subprocess.run([*git, "init", "--bare", str(remote)], check=True, capture_output=True)
    subprocess.run([*git, "init"], cwd=site, check=True, capture_output=True)
    subprocess.run([*git, "add", "."], cwd=site, check=True, capture_output=True)
    subprocess.run([*git, "commit", "-m", "demo"], cwd=site, check=True, capture_output=True)
    subprocess.run(
        [*git, "remote", "add", "origin", str(remote)], cwd=site, check=True, capture_output=True
    )
    env = {
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.org",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.org",
    }
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "gh-deploy", "--strict", "--force", "--no-history"],
        cwd=site,
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, **env},
    )
    assert result.returncode == 0, result.stderr
    tree = subprocess.run(
        ["git", "ls-tree", "-r", "--name-only", "gh-pages"],
        cwd=remote,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert ".nojekyll" in tree and "index.html" in tree and "404.html" in tree
    assert "2025/10/amd-to-supply-openai-with-chips-in-multi-gigawatt-deal/index.html" in tree
