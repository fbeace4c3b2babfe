"""First mentions linked in an article's Markdown body, never where a link does not belong."""

from __future__ import annotations

import markdown as python_markdown
import pytest

from tests.articles import make_article
from wirearchive.entities import Annotator
from wirearchive.model import Article
from wirearchive.site.generators.articles import linked_body
from wirearchive.text.markdown import link, paragraphs_markdown


def article(body: str, glossary, title: str = "Une dépêche") -> Article:
    found = Annotator(glossary).find(title, None, None, body)
    return make_article(
        "x", "2025-12-03T00:00+00:00", title=title, body=body, mentions=tuple(found.links)
    )


def linked(body: str, glossary) -> str:
    return linked_body(article(body, glossary), glossary, "2025/12/x.md")


def rendered(body: str, glossary) -> str:
    return python_markdown.markdown(linked(body, glossary))


@pytest.mark.parametrize(
    "body, where",
    [
        ("# Nvidia en tête\n\nRien d'autre.", "heading"),
        ("Nvidia en tête\n============\n\nRien d'autre.", "setext heading"),
        ("Voir [le site de Nvidia](https://example.org/nvidia) pour plus.", "existing link"),
        ("Voir [Nvidia][ref].\n\n[ref]: https://example.org", "reference link"),
        ("Le code `Nvidia.run()` reste court.", "inline code"),
        ("```\nNvidia\n```\n\nFin.", "fenced code"),
        ("Texte.\n\n    Nvidia en code\n\nFin.", "indented code"),
        ("Voir https://example.org/Nvidia/OpenAI ou www.example.org/Nvidia.", "bare URL"),
        ("Voir <https://example.org/Nvidia> pour plus.", "autolink"),
        ("Le site **Nvi**dia n'est pas un nom.", "across emphasis"),
    ],
)
def test_no_link_where_a_link_does_not_belong(glossary, body, where):
    assert linked(body, glossary) == body, where


def test_only_the_first_mention_in_the_body_is_linked(glossary):
    body = "Nvidia et OpenAI. Puis Nvidia encore, et OpenAI."
    out = linked(body, glossary)
    assert out.count("](../../glossary/nvidia.md") == 1
    assert out.count("](../../glossary/openai.md") == 1
    assert out.startswith('[Nvidia](../../glossary/nvidia.md "Concepteur')


def test_heading_mention_does_not_use_up_the_link(glossary):
    out = linked("## Nvidia\n\nLe groupe Nvidia progresse.", glossary)
    assert out.startswith("## Nvidia\n\nLe groupe [Nvidia](")


def test_escaped_dispatch_text_stays_escaped(glossary):
    body = paragraphs_markdown(
        ["Nvidia & OpenAI: *pas* <b>gras</b> [1] d'OpenAI_x \\o/", "# Pas un titre Nvidia"]
    )
    html = rendered(body, glossary)
    assert "&lt;b&gt;gras&lt;/b&gt;" in html and "<b>" not in html
    assert "*pas*" in html and "[1]" in html and "\\o/" in html
    assert "# Pas un titre" in html and "<h1>" not in html
    assert html.count('href="../../glossary/nvidia.md"') == 1
    assert html.count('href="../../glossary/openai.md"') == 1


def test_link_inside_emphasis_keeps_the_emphasis(glossary):
    html = rendered("Le groupe *Nvidia* et **Jensen Huang**.", glossary)
    assert '<em><a href="../../glossary/nvidia.md"' in html
    assert '<strong><a href="../../glossary/jensen-huang.md"' in html


def test_title_text_is_escaped_in_the_link(glossary, tmp_path):
    out = link('Un "nom" ici', [(0, 2, "x.md", 'Dit "bonjour" & <adieu> \\ fin')])
    html = python_markdown.markdown(out)
    assert 'title="Dit &quot;bonjour&quot; &amp; &lt;adieu&gt; &#92; fin"' in html
