"""Markdown and plain text: what a reader sees of a body, and dispatch text as Markdown."""

from wirearchive.text.markdown import paragraphs_markdown, plain_paragraphs, plain_text


def test_plain_paragraphs_are_what_a_reader_sees_with_their_lines():
    markdown = (
        "# Titre\n\nUn *texte* avec [un lien](https://example.org) et AT&amp;T\nsur deux lignes.\n\n"
        "```\ncode()\n```\n\n- un point\n"
    )
    assert plain_paragraphs(markdown, 10) == [
        ("Titre", 10),
        ("Un texte avec un lien et AT&T sur deux lignes.", 12),
        ("un point", 19),
    ]


def test_plain_text_of_escaped_dispatch_text_is_the_text():
    text = "Tech & Médias: *pas* <b>gras</b> [1] \\o/"
    assert plain_text(paragraphs_markdown([text, "# Pas un titre"])) == text + "\n\n# Pas un titre"
