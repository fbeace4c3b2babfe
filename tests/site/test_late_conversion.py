"""The archive's pages are converted when they are rendered, not all when MkDocs reads them
(site/plugin.py `_convert`): the build never holds every page's HTML at once (85 MB at
10,000 dispatches, most of its peak over plain Material's), and whichever process renders a
page converts it. Every plugin still has the page as MkDocs' loop would give it."""

from __future__ import annotations

import json
import textwrap

from ..conftest import FIXTURES, mkdocs_build, write_site

# A hook runs after every plugin (MkDocs 1.6), so after the archive's.
HOOK = """
import json
from pathlib import Path

seen = {"html_at_env": {}, "content_events": {}}


def on_page_markdown(markdown, page, config, files):
    # a later plugin's Markdown: it reaches the page it gave it to
    return markdown + "\\n\\nLATER-PLUGIN-MARK\\n" if markdown else markdown


def on_page_content(html, page, config, files):
    if "LATER-PLUGIN-MARK" in html:
        seen["content_events"][page.file.src_uri] = (
            seen["content_events"].get(page.file.src_uri, 0) + 1
        )
    return html.replace("LATER-PLUGIN-MARK", "later-plugin-mark-in-html")


def on_env(env, config, files):
    for file in files.documentation_pages():
        if file.generated_by and file.page is not None:
            seen["html_at_env"][file.src_uri] = len(file.page.content or "")
    return env


def on_post_build(config):
    Path(config.config_file_path).with_name("seen.json").write_text(json.dumps(seen))
"""


def test_archive_pages_are_converted_when_rendered_with_every_plugins_events(tmp_path):
    iphone = (FIXTURES / "dispatches" / "fr-apple-iphone-air.txt").read_text(encoding="utf-8")
    root = write_site(
        tmp_path,
        {"2025/09/iphone.txt": iphone},
        plugin_options="      workers: 1",
        extra="hooks: [hook.py]\n",
    )
    (root / "hook.py").write_text(textwrap.dedent(HOOK), encoding="utf-8")
    done = mkdocs_build(root)
    assert done.returncode == 0, done.stderr[-3000:]
    seen = json.loads((root / "seen.json").read_text())

    held = seen["html_at_env"]
    (article,) = (src for src in held if src.startswith("2025/09/"))
    # Read, not converted: no HTML held once every page is read (before: the article's)
    assert held[article] == 0
    # The later plugin's Markdown reached the HTML, and its `on_page_content` had it once
    assert seen["content_events"][article] == 1
    html = (root / "site" / article.removesuffix(".md") / "index.html").read_text("utf-8")
    assert "later-plugin-mark-in-html" in html
    assert "LATER-PLUGIN-MARK" not in html
