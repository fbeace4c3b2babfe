"""Nothing that comes from a dispatch or a glossary file reaches a page as HTML."""

from ..conftest import mkdocs_build, write_site

HOSTILE_ENTITY = """---
name: Evil <i>Corp</i>
type: company
aliases: [EvilCorp]
description: A company <img src=x onerror=alert(1)> with "quotes" & ampersands.
---
Body of the <b>entity</b>.
"""
DISPATCH = """\
EvilCorp annonce des résultats <script>alert(2)</script>

Genève, 3 juin 2025 (Keystone-ATS) - EvilCorp a publié samedi des chiffres «<em>records</em>», a déclaré son patron.

En septembre, EvilCorp avait déjà annoncé une hausse <svg onload=alert(3)>.
"""


def test_no_page_carries_markup_from_a_dispatch_or_the_glossary(tmp_path):
    root = write_site(
        tmp_path,
        {"2025/06/evil.txt": DISPATCH},
        docs={"entities/evilcorp.md": HOSTILE_ENTITY},
        extra="site_url: https://example.org/archive/\n",
    )
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    pages = {
        p.relative_to(root / "site").as_posix(): p.read_text(encoding="utf-8")
        for p in (root / "site").rglob("*.html")
    }
    assert any(name.startswith("2025/06/") for name in pages)
    assert "entities/evilcorp/index.html" in pages
    for name, html in pages.items():
        for markup in (
            "<img src=x",
            "<script>alert",
            "<svg onload",
            "<em>records",
            "<i>Corp</i>",
            "<b>entity",  # the glossary body's own tag
        ):
            assert markup not in html, f"{markup!r} in {name}"
    article = next(html for name, html in pages.items() if name.startswith("2025/06/"))
    assert "&lt;img src=x onerror=alert(1)&gt;" in article  # the tooltip text, escaped
    assert "Evil &lt;i&gt;Corp&lt;/i&gt;" in article
