"""Adding dispatches to the archive: `wirearchive add`.

A contributor pastes a dispatch; :func:`add` reads it as the build would, refuses it if
the archive already holds the same text, and otherwise stores it under
`<articles_dir>/<yyyy>/<mm>/<slug>.txt` from its parsed date and headline. What it could
not understand comes back as the front matter lines that would fix it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from zoneinfo import ZoneInfo

from . import frontmatter
from .archive import SIDECAR, find_sources, read_archive
from .article import FORMAT_SUFFIXES, Loaded, fingerprint, load
from .dispatch import NotText, dates, decode, normalize
from .dispatch.formats import detect_format, read_item
from .entities import Annotator
from .problems import Problem
from .project import Project
from .text.slugs import numbered

STDIN = "-"
UTC = ZoneInfo("UTC")


@dataclass
class Added:
    """What became of one pasted dispatch.

    `stored` is the file written (relative to the site root), or None when the dispatch
    was refused; `reason` then says why. `fixes` are front matter lines to add.
    """

    name: str
    stored: str | None
    loaded: Loaded | None
    reason: str | None = None
    fixes: list[str] = field(default_factory=list)
    target: str | None = None  # where it is (or, in a dry run, would be) stored

    @property
    def problems(self) -> list[Problem]:
        return self.loaded.problems if self.loaded else []


def text_fingerprint(data: bytes) -> str | None:
    """The fingerprint the archive gives a file's dispatch (front matter left out; of an
    agency's item, the words of its story)."""
    if detect_format(data) is not None:
        item, _ = read_item(data, "", UTC)
        return fingerprint(item.body) if item is not None else None
    try:
        text = normalize(decode(data).text)
    except NotText:
        return None
    fm, _ = frontmatter.split(text, "")
    return fingerprint(fm.body)


def known_dispatches(root: Path, articles_dir: str) -> dict[str, str]:
    """Fingerprint → path (relative to `root`) of every dispatch already in the archive."""
    known: dict[str, str] = {}
    for path in find_sources(root / articles_dir):
        try:
            key = text_fingerprint(path.read_bytes())
        except OSError:
            continue
        if key is not None:
            known.setdefault(key, path.relative_to(root).as_posix())
    return known


def stored_text(data: bytes) -> str:
    """The dispatch as it is written to the archive: UTF-8, LF line ends, ending in one."""
    text = decode(data).text.replace("\r\n", "\n").replace("\r", "\n")
    return text.rstrip("\n") + "\n"


def with_date(data: bytes, date: str) -> bytes:
    """The dispatch with a `date:` line of front matter, for one that gives no date.

    A date already in its front matter is kept: the contributor's own line wins. An agency's
    item is kept as delivered: its date goes in a sidecar (see :func:`add`).
    """
    if detect_format(data) is not None:
        return data
    text = stored_text(data)
    fm, _ = frontmatter.split(text, "")
    if "date" in fm.values:
        return text.encode("utf-8")
    if text.startswith("---\n"):
        return f"---\ndate: {date}\n{text[4:]}".encode()
    return f"---\ndate: {date}\n---\n{text}".encode()


def add(
    data: bytes,
    name: str,
    project: Project,
    *,
    known: dict[str, str],
    annotator: Annotator | None = None,
    dry_run: bool = False,
    date: str | None = None,
) -> Added:
    """Store one dispatch in the project's archive, unless it is a duplicate or undated.

    `known` (from :func:`known_dispatches`) is updated with the dispatch once stored, so
    the same text given twice in one run is refused the second time. A file given from
    inside the archive is moved to its place rather than copied. With `dry_run`, nothing
    is written: `target` says where it would go. Nothing is ever written outside the
    project's articles folder. An agency's item (NewsML, NITF, NewsML-G2, ninjs, SDA XML) is
    stored as delivered, bytes unchanged, with a suffix that says its format; a `date` it
    needs goes in the sidecar `<file>.yml` beside it.
    """
    root, articles = project.root, project.articles_path
    # the language model is read from its wheel, not kept under .cache/: add writes nothing
    # outside the articles folder
    options = replace(project.options, model_folder=None)
    own_path = _inside(Path(name), articles, root) if name != STDIN else None
    fmt = detect_format(data)
    sidecar = f"date: {date}\n".encode() if fmt is not None and date else None
    loaded = load(data, _display(name), options, project.max_bytes, annotator, sidecar)
    if loaded.article is None and loaded.dispatch is None:
        return Added(name, None, loaded, "it is not a dispatch that can be read")
    key = loaded.article.fingerprint if loaded.article else text_fingerprint(data)
    if key is None:
        return Added(name, None, loaded, "it is not a dispatch that can be read")
    if key in known and known[key] != own_path:
        # The parser's notes are about the copy already published: not worth repeating.
        return Added(name, None, None, f"the same dispatch is already in the archive: {known[key]}")
    fixes = front_matter_fixes(loaded)
    if loaded.article is None:
        reason = (
            "without a date it has no place in the archive"
            if _reported(loaded, "no date found")
            else "it cannot be published as it is (see the errors above)"
        )
        return Added(name, None, loaded, reason, fixes)
    article = loaded.article
    folder = articles / article.year / article.month
    suffix = FORMAT_SUFFIXES[fmt] if fmt else (".md" if name.endswith(".md") else ".txt")
    target = free_path(folder, article.slug, suffix, own=root / own_path if own_path else None)
    if not target.resolve().is_relative_to(articles.resolve()):
        return Added(name, None, loaded, f"its place {target} would be outside {articles}")
    relative = target.relative_to(root).as_posix()
    if dry_run:
        return Added(name, None, loaded, None, fixes, target=relative)
    target.parent.mkdir(parents=True, exist_ok=True)
    if fmt is not None:
        target.write_bytes(data)  # as delivered
        if sidecar is not None:
            target.with_name(target.name + SIDECAR).write_bytes(sidecar)
    else:
        target.write_text(stored_text(data), encoding="utf-8")
    if own_path and root / own_path != target:
        (root / own_path).unlink()
    known[key] = relative
    # Read again from its final place, so that paths and notes name the stored file,
    # beside the month's other dispatches, so that its slug is the one the site will use.
    final = load(target.read_bytes(), relative, options, project.max_bytes, annotator, sidecar)
    month = read_archive(
        root,
        target.parent.relative_to(root).as_posix(),
        options,
        max_bytes=project.max_bytes,
        glossary=annotator.glossary if annotator else None,
    )
    for other in month.articles:
        if other.source_file == relative and final.article is not None:
            final = replace(final, article=other)
    return Added(name, relative, final, None, front_matter_fixes(final), target=relative)


def free_path(folder: Path, slug: str, suffix: str = ".txt", *, own: Path | None = None) -> Path:
    """`folder/<slug>.txt`, or `<slug>-2.txt`, ... if that file exists (and is not `own`)."""
    free = numbered(
        slug,
        lambda name: (folder / f"{name}{suffix}").exists() and folder / f"{name}{suffix}" != own,
    )
    return folder / f"{free}{suffix}"


def front_matter_fixes(loaded: Loaded) -> list[str]:
    """Front matter lines that would give the build what the parser did not find."""
    d = loaded.dispatch
    if d is None:
        return []
    fixes = []
    if _reported(loaded, "no date found"):
        fixes.append(date_line(d.dateline_date))
    if _reported(loaded, "no headline found"):
        fixes.append("title: <the headline, as published>")
    if d.language is None and loaded.article is not None:
        fixes.append(
            f"language: {loaded.article.language}  # the detector was unsure: fr, de, en, ..."
        )
    return fixes


def date_line(dateline_date: str | None) -> str:
    """The `date:` line to add, filled in as far as the dateline tells (it has no year)."""
    if dateline_date:
        partial = dates.parse_partial_date(dateline_date, 2000, UTC)
        if partial is not None:
            return (
                f"date: YYYY-{partial.month:02d}-{partial.day:02d}T00:00  "
                f'# the dateline says "{dateline_date}": put in the year and time of filing'
            )
    return "date: YYYY-MM-DDTHH:MM  # when the dispatch was filed, e.g. 2025-10-06T14:30"


def _reported(loaded: Loaded, message: str) -> bool:
    return any(message in p.message for p in loaded.problems)


def _inside(path: Path, folder: Path, root: Path) -> str | None:
    """`path` relative to `root` if it lies in `folder`, else None."""
    path = path.resolve()
    if not path.is_relative_to(folder.resolve()):
        return None
    return path.relative_to(root.resolve()).as_posix()


def _display(name: str) -> str:
    return "<stdin>" if name == STDIN else name


def report(added: Added, *, dry_run: bool = False) -> tuple[str, str]:
    """What `wirearchive add` says of one dispatch: (standard output, standard error).

    The output names the file and the page; the command then prints what `show` prints.
    """
    out, err = [], []
    shown = [p for p in added.problems if p.severity != "info"]
    err += [str(p) for p in shown]
    article = added.loaded.article if added.loaded else None
    if dry_run and added.target and article is not None:
        out.append(f"would add {added.target} -> page {article.url} (nothing written: --dry-run)")
    elif added.stored is None:
        err.append(f"{_display(added.name)}: error: not added: {added.reason}")
    elif article is not None:
        out.append(f"added {added.stored} -> page {article.url}")
    if added.fixes:
        where = (
            f"at the top of {added.stored}"
            if added.stored
            else "at the top of the dispatch, then add it again"
        )
        err.append(f"to correct what was not understood, add these lines {where}:")
        err.append("\n".join(["---", *added.fixes, "---"]))
    return "\n".join(out), "\n".join(err)
