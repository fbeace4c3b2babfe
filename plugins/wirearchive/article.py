"""One file under `articles/` to one :class:`Article`: decode, parse, overlay front matter."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from pathlib import PurePosixPath

from slugify import slugify

from . import frontmatter
from .dispatch import Article, Dispatch, Image, NotText, ParseOptions, Problem, decode, language, normalize, parse_text
from .dispatch import dates
from .entities import Glossary, annotate
from .markdown import neutralise_html, paragraphs_markdown
from .timeline.events import find_events, markdown_paragraphs

SLUG_MAX = 60
PATH_YEAR = re.compile(r"(?:^|/)(?P<year>(?:19|20)\d{2})(?:/|$)")


@dataclass
class Loaded:
    """The article of one file (None when it cannot be placed) and the problems found."""

    article: Article | None
    problems: list[Problem]
    dispatch: Dispatch | None = None


# German spells umlauts out when it drops them: `fünf` is `fuenf`, not `funf`.
TRANSLITERATION = {"de": [["ä", "ae"], ["ö", "oe"], ["ü", "ue"], ["Ä", "Ae"], ["Ö", "Oe"], ["Ü", "Ue"], ["ß", "ss"]]}


def make_slug(title: str, language: str | None = None) -> str:
    """ASCII slug of a headline, cut at a word boundary, umlauts spelled out in German."""
    slug = slugify(title, max_length=SLUG_MAX, word_boundary=True, save_order=True,
                   replacements=TRANSLITERATION.get(language or "", ()))
    return slug or "dispatch"


def fingerprint(text: str) -> str:
    """Hash of the words of a text: the same dispatch pasted twice has the same one."""
    words = re.findall(r"\w+", text.casefold())
    return hashlib.sha256(" ".join(words).encode()).hexdigest()[:16]


def load(data: bytes, source_file: str, options: ParseOptions, max_bytes: int = 1_000_000,
         glossary: Glossary | None = None) -> Loaded:
    """Read one raw (`.txt`) or curated (`.md`) dispatch. Never raises on bad input.

    With a `glossary`, the article's entities, quotes and mentions are filled in.
    """
    problems: list[Problem] = []
    if len(data) > max_bytes:
        problems.append(Problem(source_file, None, "error",
                                f"file is {len(data) / 1e6:.1f} MB, over the {max_bytes / 1e6:.1f} MB limit for one dispatch: several pasted together?"))
    try:
        text = normalize(decode(data).text)
    except NotText as exc:
        return Loaded(None, problems + [Problem(source_file, None, "error", f"cannot read: {exc}")])
    if not text.strip():
        return Loaded(None, problems + [Problem(source_file, None, "error", "empty file: no dispatch to read")])
    fm, split_problems = frontmatter.split(text, source_file)
    problems += split_problems
    overlay, check_problems = frontmatter.check(fm, source_file)
    problems += check_problems
    if (kind := _agency_format(fm.body)) is not None:
        return Loaded(None, problems + [Problem(source_file, fm.body_line, "error",
                                                f"this is agency {kind}, not the text of a dispatch: paste the story's text instead")])
    if source_file.endswith(".md"):
        dispatch = None
        article = _curated(fm, overlay, source_file, options, problems)
    else:
        year = PATH_YEAR.search(str(PurePosixPath(source_file).parent))
        dispatch, parse_problems = parse_text(fm.body, options, path=source_file, first_line=fm.body_line,
                                              year_hint=int(year["year"]) if year else None)
        problems += parse_problems
        article = _from_dispatch(dispatch, overlay, fm, source_file, options, problems)
    if article is not None:
        article.slug_from_front_matter = "slug" in overlay
        article.fingerprint = fingerprint(fm.body)
        article.raw_text = text
        if glossary is not None:
            problems += annotate(article, glossary, overlay, fm.lines)
    return Loaded(article, problems, dispatch)


def _agency_format(text: str) -> str | None:
    """Agencies' machine formats, which are not read yet (NewsML, NITF, ninjs)."""
    start = text.lstrip()[:200]
    if re.match(r"<(?:\?xml|[A-Za-z][\w:-]*[\s>])", start):
        return "XML (NewsML, NITF)"
    if re.match(r"\{\s*\"", start):
        return "JSON (ninjs)"
    return None


def _date(value, tz) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return dates.to_zone(value, tz)
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time(0, 0), tzinfo=tz)
    return dates.parse_iso(str(value), tz) or dates.to_zone(dt.datetime.fromisoformat(str(value).replace("Z", "+00:00")), tz)


def _from_dispatch(d: Dispatch, overlay: dict, fm, path: str, options: ParseOptions, problems: list[Problem]) -> Article | None:
    first = fm.body_line
    title = overlay.get("title", d.title)
    if not title:
        problems.append(Problem(path, first, "error", "no headline found: the first line should be the headline (or set `title:` in front matter)"))
        title = PurePosixPath(path).stem.replace("-", " ").replace("_", " ")
    when = _date(overlay["date"], options.tz) if "date" in overlay else d.date
    if when is None:
        hint = f" (the dateline has `{d.dateline_date}` but no year)" if d.dateline_date else ""
        problems.append(Problem(path, d.date_line or first, "error",
                                f"no date found{hint}: add a `date: YYYY-MM-DDTHH:MM` line of front matter; the dispatch is skipped"))
        return None
    if not d.body and not overlay.get("summary", d.summary):
        problems.append(Problem(path, first, "warning", "no body text found after the headline"))
    lang = overlay.get("language") or d.language or _fallback_language(options)
    image = overlay.get("image", d.image.as_dict() if d.image else None)
    return Article(
        source_file=path,
        title=title,
        date=when,
        language=lang,
        sources=_sources(overlay.get("sources", d.sources), options),
        rubric=overlay.get("rubric", d.rubric),
        section=overlay.get("section", d.section),
        summary=overlay.get("summary", d.summary),
        image=_image(image),
        slug=overlay.get("slug") or make_slug(title, lang),
        body=paragraphs_markdown([p.text for p in d.body]),
        entities=list(overlay.get("entities", [])),
        quotes=list(overlay.get("quotes", [])),
        events=_dated_events(overlay, [(overlay.get("summary", d.summary) or "", None)] + [(p.text, p.line) for p in d.body],
                             when, lang, path, problems),
        byline=d.byline,
        credits=d.credits,
        notes=[p.text for p in d.notes],
        layout=d.layout,
    )


def _curated(fm, overlay: dict, path: str, options: ParseOptions, problems: list[Problem]) -> Article | None:
    missing = [key for key in ("title", "date") if key not in overlay]
    for key in missing:
        if key not in fm.values:
            problems.append(Problem(path, 1, "error", f"curated article needs a `{key}` key in its front matter"))
    if missing:
        return None
    body = neutralise_html(fm.body.strip())
    lang = overlay.get("language") or language.detect(overlay["title"] + " " + body, options.languages) or _fallback_language(options)
    return Article(
        source_file=path,
        title=overlay["title"],
        date=_date(overlay["date"], options.tz),
        language=lang,
        sources=_sources(overlay.get("sources", []), options),
        rubric=overlay.get("rubric"),
        section=overlay.get("section"),
        summary=overlay.get("summary"),
        image=_image(overlay.get("image")),
        slug=overlay.get("slug") or make_slug(overlay["title"], lang),
        body=body,
        entities=list(overlay.get("entities", [])),
        quotes=list(overlay.get("quotes", [])),
        events=_dated_events(overlay, markdown_paragraphs(fm.body, fm.body_line), _date(overlay["date"], options.tz), lang,
                             path, problems),
    )


def _image(value: dict | None):
    return Image(value["caption"], value.get("credit")) if value else None


def _events(events: list) -> list[dict]:
    return [{"date": e["date"].isoformat() if isinstance(e["date"], dt.date) else str(e["date"]), "text": e["text"]} for e in events]


def _dated_events(overlay: dict, paragraphs: list[tuple[str, int | None]], when: dt.datetime, lang: str, path: str,
                  problems: list[Problem]) -> list[dict]:
    """The contributor's `events` when front matter gives them, else the events found in the text."""
    if "events" in overlay:
        return _events(overlay["events"])
    found, notes = find_events(paragraphs, when, lang, path)
    problems += notes
    return found


def _sources(names: list[str], options: ParseOptions) -> list[str]:
    """Agency names in their canonical spelling; names the table does not know are kept."""
    return list(dict.fromkeys(options.agency_table.canonical(n) or n for n in names))


def _fallback_language(options: ParseOptions) -> str:
    return options.languages[0] if options.languages else "fr"
