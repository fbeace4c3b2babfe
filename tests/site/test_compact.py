"""Pages without their templates' indentation (site/compact.py): smaller, and the same page to
a browser: the same elements, attributes and text, whitespace shown as it was."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from wirearchive.site.compact import compact

from ..conftest import copy_demo, mkdocs_build


def test_indentation_and_blank_lines_go_and_line_breaks_stay():
    html = "<ul>\n    <li>a</li>\n  \n\t<li>b\n      c</li>\n</ul>\n"
    assert compact(html) == "<ul>\n<li>a</li>\n<li>b\nc</li>\n</ul>\n"
    assert compact(compact(html)) == compact(html)


def test_preformatted_code_scripts_and_no_break_spaces_are_kept():
    kept = (
        "<pre><code>def f():\n    return 1\n\n  # end</code></pre>",
        "<textarea>\n  two\n\n  lines</textarea>",
        "<p>Run <code>a\n   b</code> and <KBD>Ctrl\n  C</KBD></p>",
        '<script>\n  var s = "a\n    b";\n</script>',
        "<style>\n  p { color: red }\n</style>",
    )
    for part in kept:
        assert compact(f"<div>\n    {part}\n    </div>") == f"<div>\n{part}\n</div>"
    assert compact("<p>\n\u00a0 deux</p>") == "<p>\n\u00a0 deux</p>"  # text, not indentation
    assert compact("<pre>\n  never closed") == "<pre>\n  never closed"


class Page(HTMLParser):
    """A page as a browser reads it: tags and attributes, and text with its whitespace
    collapsed as HTML shows it, except inside `pre` and `textarea`."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.events: list[tuple] = []
        self.verbatim = 0

    def handle_starttag(self, tag, attrs):
        self.events.append(("start", tag, tuple(attrs)))
        self.verbatim += tag in ("pre", "textarea")

    def handle_endtag(self, tag):
        self.events.append(("end", tag))
        self.verbatim -= tag in ("pre", "textarea")

    def handle_data(self, data):
        if not self.verbatim:
            data = re.sub(r"[ \t\r\n]+", " ", data)
        if self.events and self.events[-1][0] == "text":  # one run of text, however split
            data = self.events.pop()[1] + data
        self.events.append(("text", data))


def read(path: Path) -> list[tuple]:
    page = Page()
    page.feed(path.read_text("utf-8"))
    page.close()
    return page.events


def test_every_page_of_the_demo_reads_the_same_and_weighs_less(tmp_path):
    compacted, indented = tmp_path / "compact", tmp_path / "indented"
    for root in (compacted, indented):
        root.mkdir()
        copy_demo(root)
    config = indented / "mkdocs.yml"
    config.write_text(
        config.read_text("utf-8").replace(
            "  - wirearchive:\n", "  - wirearchive:\n      compact_html: false\n", 1
        ),
        "utf-8",
    )
    for root in (compacted, indented):
        built = mkdocs_build(root)
        assert built.returncode == 0, built.stderr[-3000:]
    pages = sorted(p.relative_to(indented / "site") for p in (indented / "site").rglob("*.html"))
    assert len(pages) > 100
    assert (
        sorted(p.relative_to(compacted / "site") for p in (compacted / "site").rglob("*.html"))
        == pages
    )
    before = after = 0
    for page in pages:
        assert read(compacted / "site" / page) == read(indented / "site" / page), page
        before += (indented / "site" / page).stat().st_size
        after += (compacted / "site" / page).stat().st_size
    assert after < 0.93 * before, (before, after)
