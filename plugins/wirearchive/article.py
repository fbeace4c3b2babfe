"""One file under `articles/` to one :class:`Article`: decode, parse, overlay front matter,
find dated events, annotate. The article is built once, finished, and never changed after.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields, replace
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
from .dispatch.formats import AgencyItem, detect_format, read_item
from .entities import Annotation, Annotator
from .model import Article, Event, Image, Quote
from .problems import Problem
from .text.markdown import neutralise_html, paragraphs_markdown, plain_paragraphs
from .text.slugs import make_slug
from .timeline.events import dated_events

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
            "version_time": _iso(article.version_time),
            "embargo": _iso(article.embargo),
            "revisions": [],  # versions are grouped by the archive, after the cache
        }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def from_json(data: bytes, tz: tzinfo, shared: dict | None = None) -> Loaded:
    """A loaded file from :func:`to_json`, dates back in the site's time zone `tz`.

    `shared`: one dict for every file of a read. JSON gives each value its own object, and
    most of an archive's small values repeat: an event's date, its entities, an agency, a
    language. Each is taken once from `shared` (the first seen of an equal value), so the
    articles of a read hold one of each. At 10,000 dispatches that was 24 MB of 110 MB: 130,000
    events' dates and entity tuples, read on every build that finds them in the parse cache.
    """
    value = json.loads(data)
    problems = [
        Problem(path, line, severity, message)
        for path, line, severity, message in value["problems"]
    ]
    stored = value.get("article")
    if stored is None:
        return Loaded(None, problems)
    memo = shared if shared is not None else {}

    def one(value):  # the first seen of values equal to `value`
        return memo.setdefault(value, value)

    def ones(values: list) -> tuple:  # the same, of a tuple and of each of its items
        return one(tuple(map(one, values)))

    def event(e: dict) -> Event:
        return Event(
            one(e["date"]),
            e["text"],
            one(e.get("kind", "past")),
            e.get("until"),
            ones(e.get("about", ())),
        )

    article = Article(
        **{
            **stored,
            **{name: one(stored[name]) for name in SHARED_FIELDS},
            "date": dt.datetime.fromisoformat(stored["date"]).astimezone(tz),
            "sources": ones(stored["sources"]),
            "image": Image(**stored["image"]) if stored["image"] else None,
            "entities": tuple(map(one, stored["entities"])),
            "quotes": tuple(Quote(**q) for q in stored["quotes"]),
            "events": tuple(event(e) for e in stored["events"]),
            "mentions": tuple((start, end, one(i)) for start, end, i in stored["mentions"]),
            "notes": tuple(stored["notes"]),
            "version_time": _from_iso(stored["version_time"], tz),
            "embargo": _from_iso(stored["embargo"], tz),
            "revisions": (),
        }
    )
    return Loaded(article, problems)


# An article's fields of a few values across an archive, taken once from a read's `shared`
SHARED_FIELDS = ("language", "rubric", "section", "layout", "raw_format", "raw_encoding")


def _iso(value: dt.datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _from_iso(value: str | None, tz: tzinfo) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value).astimezone(tz) if value is not None else None


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
    sidecar: bytes | None = None,
) -> Loaded:
    """Read one dispatch: raw text (`.txt`), curated Markdown (`.md`) or an item in an
    agency's format (NewsML, NITF, NewsML-G2, ninjs, SDA XML: chosen by content). Never
    raises on bad input.

    With an `annotator`, the article's entities, quotes and mentions are found. `sidecar`
    is the front matter of a file that cannot hold it (an agency's XML or JSON, stored as
    delivered): the YAML of `<file>.yml` beside it.
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
        if len(data) > UNREAD_FACTOR * max_bytes:
            return Loaded(None, problems)  # far too big to be one dispatch: not even read
    if (fmt := detect_format(data)) is not None:
        return _load_item(data, fmt, source_file, options, annotator, sidecar, problems)
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
    if (kind := _machine_format(fm.body)) is not None:
        message = (
            f"this is {kind} in no format read here (NewsML 1.x, NITF, NewsML-G2, ninjs, "
            "SDA XML): paste the story's text instead"
        )
        return Loaded(None, [*problems, Problem(source_file, fm.body_line, "error", message)])
    dispatch = None
    if source_file.endswith(".md"):
        unreadable = any(p.severity == "error" for p in split_problems)
        fields = None if unreadable else _curated(fm, overlay, source_file, options, problems)
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
    fields["fingerprint"] = fingerprint(fm.body)
    return Loaded(
        _finish(fields, overlay, fm.lines, annotator, source_file, problems, options),
        problems,
        dispatch,
    )


UNREAD_FACTOR = 4  # a file over four times `max_bytes` is reported and not read at all
# What `wirearchive add` names a stored item of each format (read by content all the same).
FORMAT_SUFFIXES = {
    "newsml1": ".newsml.xml",
    "nitf": ".nitf.xml",
    "newsml-g2": ".g2.xml",
    "ninjs": ".ninjs.json",
    "sda-xml": ".sda.xml",
}


def _finish(
    fields: dict,
    overlay: dict,
    lines: dict[str, int],
    annotator: Annotator | None,
    path: str,
    problems: list[Problem],
    options: ParseOptions,
    given: tuple[str, ...] = (),
) -> Article:
    """The article of `fields`, annotated and dated (`given`: ids the file itself links,
    kept). `fields["events"]` holds the paragraphs `(text, line)` whose events are found."""
    fields = {
        **fields,
        "events": _dated_events(
            overlay,
            fields["events"],
            fields["date"],
            fields["language"],
            fields["source_file"],
            problems,
            options,
            annotator,
        ),
    }
    if annotator is None:  # no glossary: the contributor's ids and quotations are taken as given
        annotation = Annotation(
            tuple(dict.fromkeys([*overlay.get("entities", ()), *given])),
            tuple(Quote(q.get("speaker"), q["text"]) for q in overlay.get("quotes", ())),
        )
    else:
        image = fields["image"]
        annotation, notes = annotator.annotate(
            fields["title"],
            fields["summary"],
            image.caption if image else None,
            fields["body"],
            front_matter={**overlay, "entities": [*overlay.get("entities", ()), *given]},
            lines=lines,
            path=path,
        )
        problems += notes
    return Article(
        **fields,
        entities=annotation.entities,
        quotes=annotation.quotes,
        mentions=annotation.mentions,
        slug_from_front_matter="slug" in overlay,
    )


def _load_item(
    data: bytes,
    fmt: str,
    path: str,
    options: ParseOptions,
    annotator: Annotator | None,
    sidecar: bytes | None,
    problems: list[Problem],
) -> Loaded:
    """An agency's item: read by its format's reader, completed by its sidecar front matter."""
    item, found = read_item(
        data, path, options.tz, max_bytes=max(len(data), 1), agencies=options.agency_table
    )
    fm = frontmatter.FrontMatter()
    if sidecar is not None:
        fm, sidecar_problems = frontmatter.split_block(sidecar, f"{path}.yml")
        problems += sidecar_problems
    overlay, check_problems = frontmatter.check(fm, f"{path}.yml")
    problems += check_problems
    if item is None:
        return Loaded(None, problems + found)
    for problem in found:  # the reader's "no date" is answered by a `date:` beside the file
        if not problem.message.startswith("no date"):
            problems.append(problem)
        elif "date" not in overlay:
            problems.append(
                replace(
                    problem,
                    message=(
                        f"no date: the item gives no time of filing; write a line `date: "
                        f"YYYY-MM-DDTHH:MM` in {PurePosixPath(path).name}.yml beside it"
                    ),
                )
            )
    fields = _from_item(item, fmt, overlay, path, options, problems)
    if fields is None:
        return Loaded(None, problems)
    known = annotator.glossary if annotator is not None else None
    given = tuple(_glossary_ids(item, known)) if known is not None else ()
    return Loaded(
        _finish(fields, overlay, fm.lines, annotator, f"{path}.yml", problems, options, given),
        problems,
    )


def _glossary_ids(item: AgencyItem, glossary) -> list[str]:
    """Glossary entities the feed itself links to the story, matched by Wikidata id."""
    by_wikidata = {e.wikidata: e.id for e in glossary.entities.values() if e.wikidata}
    return [by_wikidata[e.wikidata] for e in item.entities if e.wikidata in by_wikidata]


def _from_item(
    item: AgencyItem,
    fmt: str,
    overlay: dict,
    path: str,
    options: ParseOptions,
    problems: list[Problem],
) -> dict | None:
    title = overlay.get("title", item.title)
    if not title:
        problems.append(
            Problem(path, None, "error", f"the item has no headline: give `title:` in {path}.yml")
        )
        return None
    when = _date(overlay["date"], options.tz) if "date" in overlay else item.date
    if when is None:
        return None  # the reader said so, naming the sidecar to write
    paragraphs = list(item.paragraphs)
    summary = overlay.get("summary", item.summary)
    if paragraphs and paragraphs[0].kind == "lede" and paragraphs[0].text == item.summary:
        paragraphs = paragraphs[1:]  # the lede is the summary: shown once, above the body
    body_text = [p.text for p in paragraphs]
    lang = (
        overlay.get("language")
        or item.language
        or language.detect(
            " ".join([title, summary or "", *body_text[:12]]),
            options.languages,
            options.model_folder,
        )
        or _fallback_language(options)
    )
    events_from: list[tuple[str, int | None]] = [(summary or "", None)]
    events_from += [(p.text, p.line) for p in paragraphs]
    public = [f for f in item.furniture if f.public and f.label not in ("byline", "credits")]
    return {
        "source_file": path,
        "title": title,
        "date": when,
        "language": lang,
        "sources": _sources(overlay.get("sources", list(item.sources)), options),
        "rubric": overlay.get("rubric", item.rubric),
        "section": overlay.get("section"),
        "summary": summary,
        "image": _image(overlay.get("image")),
        "slug": overlay.get("slug") or make_slug(title, lang),
        "body": paragraphs_markdown(body_text),
        "events": events_from,
        "byline": item.byline,
        "credits": "; ".join(item.credits) or None,
        "notes": tuple(f"{f.label}: {f.text}" for f in public),
        "layout": f"agency item ({fmt})",
        "fingerprint": fingerprint(item.body),
        "agency": _agency_keys(item),
        "raw_format": fmt,
        "raw_encoding": item.encoding,
        "story_key": item.story_key,
        "version": item.version,
        "version_time": item.version_created or when,
        "revision_note": item.revision_note
        or item.instruction
        or (", ".join(item.revision_markers) or None),
        "embargo": item.embargo,
    }


def _agency_keys(item: AgencyItem) -> dict:
    """What `show --json` and the page keep of an item beyond the article's own keys."""
    data = item.as_dict()
    keep = (
        "format",
        "format_version",
        "encoding",
        "item_id",
        "version",
        "story_key",
        "first_created",
        "version_created",
        "urgency",
        "embargo",
        "status",
        "instruction",
        "revision_note",
        "revision_markers",
        "slugline",
        "dateline",
        "dateline_place",
        "signoff",
        "copyright",
        "authors",
        "subjects",
        "entities",
        "keywords",
    )
    return {key: data[key] for key in keep}


def _machine_format(text: str) -> str | None:
    """XML or JSON that no reader took: not the text of a dispatch."""
    start = text.lstrip()[:200]
    if re.match(r"<(?:\?xml|[A-Za-z][\w:-]*[\s>])", start):
        return "XML"
    if re.match(r"[\[{]\s*[\"{\[]", start):
        return "JSON"
    return None


def _date(value, tz) -> dt.datetime:
    """A front-matter date (checked already) in the site's zone; naive is wall-clock time."""
    return dates.to_zone(frontmatter.date_value(value), tz)


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
    when = _date(overlay["date"], options.tz) if "date" in overlay else d.date
    headline = "no headline found: the first line should be the headline (or set `title:` in "
    if when is None:  # one message for the file: it is skipped
        hint = f" (the dateline has `{d.dateline_date}` but no year)" if d.dateline_date else ""
        also = "" if title else f"; and {headline}front matter)"
        problems.append(
            Problem(
                path,
                d.date_line or first,
                "error",
                f"no date found{hint}: add a `date: YYYY-MM-DDTHH:MM` line of front "
                f"matter; the dispatch is skipped{also}",
            )
        )
        return None
    if not title:
        problems.append(Problem(path, first, "error", f"{headline}front matter)"))
        title = PurePosixPath(path).stem.replace("-", " ").replace("_", " ")
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
        "events": paragraphs,
        "byline": d.byline,
        "credits": d.credits,
        "notes": tuple(p.text for p in d.notes),
        "layout": d.layout,
        # A wire's versions of one story share its slugline, its agency and its day.
        "story_key": (
            f"{d.sources[0] if d.sources else ''}:{d.slugline.casefold()}:{when.date().isoformat()}"
        )
        if d.slugline
        else None,
        "version_time": when,
        "revision_note": ", ".join(d.version_marks) or None,
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
        or language.detect(overlay["title"] + " " + body, options.languages, options.model_folder)
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
        "events": paragraphs,
        "raw_format": "markdown",
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
    options: ParseOptions,
    annotator: Annotator | None,
) -> tuple[Event, ...]:
    """The contributor's `events` when front matter gives them, else those found in the
    text, each with what its sentence is about when there is a glossary."""
    if "events" in overlay:
        return tuple(
            Event(
                str(frontmatter.partial_date(e["date"])),
                e["text"],
                e.get("kind", "past"),
                str(frontmatter.partial_date(e["until"])) if e.get("until") is not None else None,
                tuple(e.get("about", ())),
            )
            for e in overlay["events"]
        )
    about = types = None
    if annotator is not None:
        introduced: set[str] = set()  # the people named in full so far, sentence by sentence

        def about(sentence: str) -> list[tuple[int, int, str]]:
            return [
                (m.start, m.end, m.entity) for m in annotator.matcher.find(sentence, introduced)
            ]

        types = annotator.types
    found, notes = dated_events(
        paragraphs, when, lang, path, about=about, types=types, options=options
    )
    problems += notes
    return tuple(Event(e.date, e.text, e.kind, e.until, e.about) for e in found)


def _sources(names: list[str], options: ParseOptions) -> tuple[str, ...]:
    """Agency names in their canonical spelling; names the table does not know are kept."""
    return tuple(dict.fromkeys(options.agency_table.canonical(n) or n for n in names))


def _fallback_language(options: ParseOptions) -> str:
    return options.languages[0] if options.languages else "fr"
