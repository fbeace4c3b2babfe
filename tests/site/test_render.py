"""`mkdocs serve`'s builds compile each template once (site/render.py, `HeldTemplates`)."""

from __future__ import annotations

import jinja2
import pytest

from wirearchive.site.render import HeldTemplates


@pytest.fixture
def compiled(monkeypatch) -> list[str]:
    """The names of the templates Jinja compiles from a loader's source."""
    names: list[str] = []
    compile_ = jinja2.Environment.compile

    def spy(self, source, name=None, filename=None, raw=False, defer_init=False):
        if name is not None:
            names.append(name)
        return compile_(self, source, name, filename, raw, defer_init)

    monkeypatch.setattr(jinja2.Environment, "compile", spy)
    return names


def test_a_template_is_compiled_once_while_its_source_and_the_compiler_stay_the_same(compiled):
    sources = {"page.html": "{% extends 'base.html' %}{% block b %}{{ x }}{% endblock %}",
               "base.html": "<p>{% block b %}{% endblock %}</p>"}  # fmt: skip
    held = HeldTemplates()

    def render(**options) -> str:
        env = jinja2.Environment(loader=jinja2.DictLoader(sources), **options)  # a new build's
        held.use(env)
        return env.get_template("page.html").render(x="<b>")

    assert render() == "<p><b></p>" and sorted(compiled) == ["base.html", "page.html"]
    compiled.clear()
    assert render() == "<p><b></p>" and compiled == []  # the next build compiles nothing
    sources["base.html"] = "<div>{% block b %}{% endblock %}</div>"
    assert render() == "<div><b></div>" and compiled == ["base.html"]  # an edited template
    compiled.clear()
    # Another way of compiling (here: escaping) compiles everything again.
    assert render(autoescape=True) == "<div>&lt;b&gt;</div>"
    assert sorted(compiled) == ["base.html", "page.html"]


def test_mkdocs_serve_compiles_no_template_again_in_its_next_build(tmp_path, compiled):
    """Each build of `mkdocs serve` has a new Jinja environment (MkDocs makes one per
    build): a template the last build compiled is not compiled again, and the pages are the
    same."""
    from ..conftest import served

    def pages(site) -> dict:
        return {p.relative_to(site): p.read_bytes() for p in site.rglob("*.html")}

    with served(tmp_path) as serve:
        serve.build()
        first = pages(serve.site)
        assert any(name.startswith("wirearchive/") for name in compiled)
        assert "main.html" in compiled
        before = list(compiled)
        compiled.clear()
        serve.build()
        # only what the first build did not use (a page taken from the page cache)
        assert compiled == ["wirearchive/cached.html"] and not set(compiled) & set(before)
        assert pages(serve.site) == first


def test_a_run_after_mkdocs_serve_in_the_same_process_starts_afresh(tmp_path):
    """MkDocs keeps one instance of the plugin for the whole process: a build run after a
    serve run (in a test, a script) holds nothing of it: no carried values, no idle
    collector, no compiled templates, no files read."""
    from ..conftest import served

    with served(tmp_path) as serve:
        serve.build()
        plugin = serve.plugin
        assert plugin.carried is not None and plugin.templates.held and plugin.kept
    plugin.on_startup(command="build", dirty=False)
    assert plugin.carried is None and plugin.idle is None and plugin.held is None
    assert plugin.templates.held == {} and plugin.kept == {} and plugin.stamps == {}
