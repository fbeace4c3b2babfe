"""One file under `articles/` to one :class:`Article`: decode, parse, overlay front matter,
find dated events, annotate. The article is built once, finished, and never changed after.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from datetime import tzinfo
from pathlib import PurePosixPath

from . import frontmatter
from .dispatch import (
    Dispatch,
    NotText,
    ParseOptions,
    dates,
    decode,
    language,
    normalize,
    parse_text,
)
from .entities import Annotation, Annotator
from .model import Article, Event, Image, Quote
from .problems import Problem
from .text.markdown import neutralise_html, paragraphs_markdown, plain_paragraphs
from .text.slugs import make_slug
from .timeline.events import find_events

PATH_YEAR = re.compile(r"(?:^|/)(?P<year>(?:19|20)\d{2})(?:/|$)")


@dataclass(frozen=True)
class Loaded:
    """The article of one file (None when it cannot be placed) and the problems found."""

    article: Article | None
    problems: list[Problem]
    dispatch: Dispatch | None = None


def to_json(loaded: Loaded) -> bytes:
    """What the parse cache keeps of a loaded file: its article and problems, as JSON.

    A cache is data, not code: JSON cannot run anything when it is read back (a pickle
    can), and it says plainly what is stored.
    """
    article = loaded.article
    data: dict = {"problems": [[p.path, p.line, p.severity, p.message] for p in loaded.problems]}
    if article is not None:
        data["article"] = {
            **{f.name: getattr(article, f.name) for f in fields(article)},
            "date": article.date.isoformat(),
            "image": article.image.as_dict() if article.image else None,
            "quotes": [q.as_dict() for q in article.quotes],
            "events": [e.as_dict() for e in article.events],
        }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def from_json(data: bytes, tz: tzinfo) -> Loaded:
    """A loaded file from :func:`to_json`, dates back in the site's time zone `tz`."""
    value = json.loads(data)
    problems = [
        Problem(path, line, severity, message)
        for path, line, severity, message in value["problems"]
    ]
    stored = value.get("article")
    if stored is None:
        return Loaded(None, problems)
    article = Article(
        **{
            **stored,
            "date": dt.datetime.fromisoformat(stored["date"]).astimezone(tz),
            "sources": tuple(stored["sources"]),
            "image": Image(**stored["image"]) if stored["image"] else None,
            "entities": tuple(stored["entities"]),
            "quotes": tuple(Quote(**q) for q in stored["quotes"]),
            "events": tuple(Event(**e) for e in stored["events"]),
            "mentions": tuple(tuple(m) for m in stored["mentions"]),
            "notes": tuple(stored["notes"]),
        }
    )
    return Loaded(article, problems)


def fingerprint(text: str) -> str:
    """Hash of the words of a text: the same dispatch pasted twice has the same one."""
    words = re.findall(r"\w+", text.casefold())
    return hashlib.sha256(" ".join(words).encode()).hexdigest()[:16]


def load(
    data: bytes,
    source_file: str,
    options: ParseOptions,
    max_bytes: int = 1_000_000,
    annotator: Annotator | None = None,
) -> Loaded:
    """Read one raw (`.txt`) or curated (`.md`) dispatch. Never raises on bad input.

    With an `annotator`, the article's entities, quotes and mentions are found.
    """
    problems: list[Problem] = []
    if len(data) > max_bytes:
        problems.append(
            Problem(
                source_file,
                None,
                "error",
                f"file is {len(data) / 1e6:.1f} MB, over the {max_bytes / 1e6:.1f} MB "
                "limit for one dispatch: several pasted together?",
            )
        )
    try:
        text = normalize(decode(data).text)
    except NotText as exc:
        return Loaded(None, problems + [Problem(source_file, None, "error", f"cannot read: {exc}")])
    if not text.strip():
        return Loaded(
            None,
            problems + [Problem(source_file, None, "error", "empty file: no dispatch to read")],
        )
    fm, split_problems = frontmatter.split(text, source_file)
    problems += split_problems
    overlay, check_problems = frontmatter.check(fm, source_file)
    problems += check_problems
    if (kind := _agency_format(fm.body)) is not None:
        return Loaded(
            None,
            problems
            + [
                Problem(
                    source_file,
                    fm.body_line,
                    "error",
                    f"this is agency {kind}, not the text of a dispatch: "
                    "paste the story's text instead",
                )
            ],
        )
    dispatch = None
    if source_file.endswith(".md"):
        fields = _curated(fm, overlay, source_file, options, problems)
    else:
        year = PATH_YEAR.search(str(PurePosixPath(source_file).parent))
        dispatch, parse_problems = parse_text(
            fm.body,
            options,
            path=source_file,
            first_line=fm.body_line,
            year_hint=int(year["year"]) if year else None,
        )
        problems += parse_problems
        fields = _from_dispatch(dispatch, overlay, fm, source_file, options, problems)
    if fields is None:
        return Loaded(None, problems, dispatch)
    if annotator is None:  # no glossary: the contributor's ids and quotations are taken as given
        annotation = Annotation(
            tuple(overlay.get("entities", ())),
            tuple(Quote(q.get("speaker"), q["text"]) for q in overlay.get("quotes", ())),
        )
    else:
        image = fields["image"]
        annotation, notes = annotator.annotate(
            fields["title"],
            fields["summary"],
            image.caption if image else None,
            fields["body"],
            front_matter=overlay,
            lines=fm.lines,
            path=source_file,
        )
        problems += notes
    article = Article(
        **fields,
        entities=annotation.entities,
        quotes=annotation.quotes,
        mentions=annotation.mentions,
        slug_from_front_matter="slug" in overlay,
        fingerprint=fingerprint(fm.body),
        raw_text=text,
    )
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
    parsed = dates.parse_iso(str(value), tz)
    if parsed is not None:
        return parsed
    return dates.to_zone(dt.datetime.fromisoformat(str(value).replace("Z", "+00:00")), tz)


def _from_dispatch(
    d: Dispatch,
    overlay: dict,
    fm: frontmatter.FrontMatter,
    path: str,
    options: ParseOptions,
    problems: list[Problem],
) -> dict | None:
    first = fm.body_line
    title = overlay.get("title", d.title)
    if not title:
        problems.append(
            Problem(
                path,
                first,
                "error",
                "no headline found: the first line should be "
                "the headline (or set `title:` in front matter)",
            )
        )
        title = PurePosixPath(path).stem.replace("-", " ").replace("_", " ")
    when = _date(overlay["date"], options.tz) if "date" in overlay else d.date
    if when is None:
        hint = f" (the dateline has `{d.dateline_date}` but no year)" if d.dateline_date else ""
        problems.append(
            Problem(
                path,
                d.date_line or first,
                "error",
                f"no date found{hint}: add a `date: YYYY-MM-DDTHH:MM` line of front "
                "matter; the dispatch is skipped",
            )
        )
        return None
    summary = overlay.get("summary", d.summary)
    if not d.body and not summary:
        problems.append(Problem(path, first, "warning", "no body text found after the headline"))
    lang = overlay.get("language") or d.language or _fallback_language(options)
    image = overlay.get("image", d.image.as_dict() if d.image else None)
    paragraphs = [(summary or "", None)] + [(p.text, p.line) for p in d.body]
    return {
        "source_file": path,
        "title": title,
        "date": when,
        "language": lang,
        "sources": _sources(overlay.get("sources", d.sources), options),
        "rubric": overlay.get("rubric", d.rubric),
        "section": overlay.get("section", d.section),
        "summary": summary,
        "image": _image(image),
        "slug": overlay.get("slug") or make_slug(title, lang),
        "body": paragraphs_markdown([p.text for p in d.body]),
        "events": _dated_events(overlay, paragraphs, when, lang, path, problems),
        "byline": d.byline,
        "credits": d.credits,
        "notes": tuple(p.text for p in d.notes),
        "layout": d.layout,
    }


def _curated(
    fm: frontmatter.FrontMatter,
    overlay: dict,
    path: str,
    options: ParseOptions,
    problems: list[Problem],
) -> dict | None:
    missing = [key for key in ("title", "date") if key not in overlay]
    for key in missing:
        if key not in fm.values:
            problems.append(
                Problem(
                    path, 1, "error", f"curated article needs a `{key}` key in its front matter"
                )
            )
    if missing:
        return None
    body = neutralise_html(fm.body.strip())
    lang = (
        overlay.get("language")
        or language.detect(overlay["title"] + " " + body, options.languages)
        or _fallback_language(options)
    )
    when = _date(overlay["date"], options.tz)
    paragraphs: list[tuple[str, int | None]] = list(plain_paragraphs(fm.body, fm.body_line))
    return {
        "source_file": path,
        "title": overlay["title"],
        "date": when,
        "language": lang,
        "sources": _sources(overlay.get("sources", []), options),
        "rubric": overlay.get("rubric"),
        "section": overlay.get("section"),
        "summary": overlay.get("summary"),
        "image": _image(overlay.get("image")),
        "slug": overlay.get("slug") or make_slug(overlay["title"], lang),
        "body": body,
        "events": _dated_events(overlay, paragraphs, when, lang, path, problems),
    }


def _image(value: Mapping | None) -> Image | None:
    return Image(value["caption"], value.get("credit")) if value else None


def _dated_events(
    overlay: dict,
    paragraphs: Sequence[tuple[str, int | None]],
    when: dt.datetime,
    lang: str,
    path: str,
    problems: list[Problem],
) -> tuple[Event, ...]:
    """The contributor's `events` when front matter gives them, else those found in the text."""
    if "events" in overlay:
        return tuple(
            Event(
                e["date"].isoformat() if isinstance(e["date"], dt.date) else str(e["date"]),
                e["text"],
            )
            for e in overlay["events"]
        )
    found, notes = find_events(paragraphs, when, lang, path)
    problems += notes
    return tuple(found)


def _sources(names: list[str], options: ParseOptions) -> tuple[str, ...]:
    """Agency names in their canonical spelling; names the table does not know are kept."""
    return tuple(dict.fromkeys(options.agency_table.canonical(n) or n for n in names))


def _fallback_language(options: ParseOptions) -> str:
    return options.languages[0] if options.languages else "fr"
