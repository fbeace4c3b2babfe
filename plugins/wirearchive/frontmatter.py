"""Front matter: split off a file, loaded safely, checked key by key, and written.

The one loader of the package: dispatches, curated articles and glossary files all go
through :func:`split`. python-frontmatter finds the block; the YAML is read with PyYAML's
safe loader (LibYAML's when PyYAML has it: a glossary has thousands of files), composing
the document once to know the line of each key. Each problem names the file, the line of
the key and the key. Values of the wrong type are errors and are not applied; unknown keys
are warnings.

Dates are not read by YAML: `date: 2025-11-31` stays the text `2025-11-31`, which the
checks below refuse with the file, the line and the reason (YAML's own date constructor
raises on impossible dates, and a traceback is no message). Every value quoted in a
message is cut short (:func:`wirearchive.problems.brief`): an alias bomb stays small.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import frontmatter
import yaml

from .problems import Problem, brief

_HANDLER = frontmatter.YAMLHandler()
_BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TIMESTAMP = "tag:yaml.org,2002:timestamp"


class _Loader(_BASE):  # type: ignore[valid-type,misc]
    """PyYAML's safe loader, without timestamps: dates stay text until checked, even when
    tagged `!!timestamp` (YAML's own constructor raises on `2025-13-40`)."""

    yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != _TIMESTAMP]
        for first, resolvers in _BASE.yaml_implicit_resolvers.items()
    }


_Loader.add_constructor(_TIMESTAMP, lambda loader, node: loader.construct_scalar(node))


SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
LANGUAGE = re.compile(r"^[a-z]{2}$")
DATE_SHAPE = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ]|$)")
EVENT_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


@dataclass
class FrontMatter:
    values: dict = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1  # line of the file where the body starts


def split(text: str, path: str) -> tuple[FrontMatter, list[Problem]]:
    """Separate a leading YAML block from the text and load it safely."""
    if not _HANDLER.detect(text):
        return FrontMatter(body=text), []
    try:
        raw, body = _HANDLER.split(text)
    except ValueError:
        return FrontMatter(body=text), [
            Problem(
                path, 1, "error", "front matter opened with '---' is never closed by a '---' line"
            )
        ]
    body_line = 1 + text[: len(text) - len(body)].count("\n")
    if body.startswith("\n"):
        body, body_line = body[1:], body_line + 1
    fm = FrontMatter(body=body, body_line=body_line)
    try:
        node, values = _load(raw)
    except RecursionError:
        return fm, [Problem(path, 1, "error", "front matter is nested too deeply to read")]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = 1 + mark.line if mark else 1
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        return fm, [Problem(path, line, "error", f"front matter is not valid YAML: {reason}")]
    if values is None:
        return fm, []
    if not isinstance(values, dict):
        return fm, [
            Problem(
                path,
                1,
                "error",
                f"front matter must be a mapping of keys to values, not a {type(values).__name__}",
            )
        ]
    # `raw` starts with the newline ending the opening `---` line: YAML line n is file line n + 1.
    fm.lines = {str(key.value): 1 + key.start_mark.line for key, _ in node.value}
    fm.values = {}
    problems = []
    clean = _Cleaner()
    for key, value in values.items():
        clean.changed = False
        fm.values[clean(key)] = clean(value)
        if clean.changed:
            problems.append(
                Problem(
                    path,
                    fm.lines.get(str(key)),
                    "warning",
                    f"front matter key `{key}` holds control characters "
                    "(NUL, escape, ...): they are left out",
                )
            )
    return fm, problems


CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


class _Cleaner:
    """Front-matter values with control characters (NUL, escape...) left out of their
    strings, at any depth: a title is text, and XML (feeds) cannot even hold them. Shared
    parts (YAML aliases) are cleaned once, so an alias bomb costs no more than its distinct
    parts; `changed` says whether anything was left out."""

    def __init__(self) -> None:
        self.done: dict[int, object] = {}
        self.changed = False

    def __call__(self, value):
        if isinstance(value, str):
            if CONTROLS.search(value):
                self.changed = True
                return CONTROLS.sub("", value)
            return value
        if not isinstance(value, (list, dict)):
            return value
        if id(value) in self.done:
            return self.done[id(value)]
        if isinstance(value, list):
            cleaned: list = []
            self.done[id(value)] = cleaned
            cleaned.extend(self(v) for v in value)
            return cleaned
        mapping: dict = {}
        self.done[id(value)] = mapping
        for key, item in value.items():
            mapping[self(key)] = self(item)
        return mapping


def split_block(data: bytes, path: str) -> tuple[FrontMatter, list[Problem]]:
    """The front matter of a sidecar file: the whole file is the YAML block (no `---`).

    An agency's XML or JSON is stored as delivered, so its corrections live beside it in
    `<file>.yml`; lines are those of that file.
    """
    try:
        text = data.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
    except UnicodeDecodeError as exc:
        return FrontMatter(), [
            Problem(path, None, "error", f"cannot read: not UTF-8 ({exc.reason})")
        ]
    fm, problems = split(f"---\n{text.rstrip()}\n---\n", path)
    shifted = [
        Problem(p.path, p.line - 1 if p.line else p.line, p.severity, p.message) for p in problems
    ]
    return FrontMatter(fm.values, {k: line - 1 for k, line in fm.lines.items()}), shifted


def _load(raw: str):
    """The YAML document's node (for the lines of its keys) and its values, parsed once."""
    loader = _Loader(raw)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None)
    finally:
        loader.dispose()


def dump(metadata: dict, body: str) -> str:
    """A page as `wirearchive show` prints it: YAML front matter, then the Markdown body."""
    front = yaml.safe_dump(metadata, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{front}---\n\n{body}\n"


# ----------------------------------------------------------------------------- checking


def _str(value) -> str | None:
    return None if isinstance(value, str) and value.strip() else "must be a non-empty string"


def _optional_str(value) -> str | None:
    return None if value is None or isinstance(value, str) else "must be a string or null"


def _str_list(value) -> str | None:
    if isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value):
        return None
    return "must be a list of strings"


def date_value(value: object) -> dt.datetime:
    """The date-time a front-matter `date` gives: a date is midnight, a naive time is the
    site's wall-clock time (zoned by the caller). Raises ValueError when it is none; the
    one reading of a date, for the check below and for the article alike."""
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time(0, 0))
    if isinstance(value, str):
        return dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    raise ValueError("not a date")


def _date(value) -> str | None:
    try:
        date_value(value)
        return None
    except ValueError as exc:
        if isinstance(value, str) and DATE_SHAPE.match(value.strip()):
            return f"is not a date of the calendar ({exc})"
    return "must be an ISO 8601 date or date-time, such as 2026-02-01 or 2026-02-01T09:12:00+01:00"


def _language(value) -> str | None:
    return (
        None
        if isinstance(value, str) and LANGUAGE.match(value)
        else "must be a two-letter ISO 639-1 code such as fr, de or en"
    )


def _slug(value) -> str | None:
    return (
        None
        if isinstance(value, str) and SLUG.match(value)
        else "must be lower-case ASCII letters, digits and single hyphens"
    )


def _image(value) -> str | None:
    if value is None:
        return None
    if (
        isinstance(value, dict)
        and isinstance(value.get("caption"), str)
        and set(value) <= {"caption", "credit"}
        and _optional_str(value.get("credit")) is None
    ):
        return None
    return "must be null or a mapping with `caption` (string) and optional `credit`"


def _quotes(value) -> str | None:
    if isinstance(value, list) and all(
        isinstance(q, dict)
        and isinstance(q.get("text"), str)
        and set(q) <= {"speaker", "text"}
        and _optional_str(q.get("speaker")) is None
        for q in value
    ):
        return None
    return "must be a list of {speaker, text} mappings"


def _events(value) -> str | None:
    if not isinstance(value, list):
        return "must be a list of {date, text} mappings"
    for event in value:
        if not (isinstance(event, dict) and isinstance(event.get("text"), str)):
            return "must be a list of {date, text} mappings"
        unknown = set(event) - {"date", "text", "kind", "until", "about"}
        if unknown:
            return f"has an event with unknown keys {sorted(map(str, unknown))}"
        if event.get("kind", "past") not in ("past", "planned", "deadline"):
            return "has an event `kind` that is not past, planned or deadline"
        until = partial_date(event.get("until"))
        if until is not None and not (
            isinstance(until, str) and EVENT_DATE.match(until) and _valid_partial(until)
        ):
            return "has an event `until` that is not YYYY, YYYY-MM or YYYY-MM-DD"
        about = event.get("about", [])
        if not (isinstance(about, list) and all(isinstance(i, str) for i in about)):
            return "has an event `about` that is not a list of glossary ids"
        when = partial_date(event.get("date"))
        if not (isinstance(when, str) and EVENT_DATE.match(when) and _valid_partial(when)):
            shown = brief(event.get("date"))
            return f"has an event date {shown} that is not YYYY, YYYY-MM or YYYY-MM-DD"
    return None


def partial_date(value: object) -> object:
    """A partial date as YAML may give it (`2026`, `2025-09`, a date) as text; else as is."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:04d}"
    return value


def _valid_partial(text: str) -> bool:
    parts = [int(p) for p in text.split("-")]
    try:
        dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
        return True
    except ValueError:
        return False


CHECKS: dict[str, Callable[[object], str | None]] = {
    "title": _str,
    "date": _date,
    "language": _language,
    "sources": _str_list,
    "rubric": _optional_str,
    "section": _optional_str,
    "summary": _optional_str,
    "image": _image,
    "slug": _slug,
    "entities": _str_list,
    "entities_exclude": _str_list,
    "quotes": _quotes,
    "events": _events,
}


def check(fm: FrontMatter, path: str) -> tuple[dict, list[Problem]]:
    """The values that may be applied, and a problem for each key that may not."""
    good: dict = {}
    problems: list[Problem] = []
    for key, value in fm.values.items():
        line = fm.lines.get(str(key))
        validate = CHECKS.get(str(key))
        if validate is None:
            known = ", ".join(CHECKS)
            problems.append(
                Problem(
                    path, line, "warning", f"unknown front matter key `{key}` (known keys: {known})"
                )
            )
            continue
        reason = validate(value)
        if reason:
            problems.append(
                Problem(
                    path, line, "error", f"front matter key `{key}` {reason}, got {brief(value)}"
                )
            )
        else:
            good[key] = value
    return good, problems
