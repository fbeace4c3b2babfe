"""The glossary: one Markdown file per entity, `<glossary_dir>/<id>.md`, read and checked.

Front matter keys: `name`, `type` (one of `TYPES`), `aliases` (list), optional `wikidata`
(a Q-id), `description` (one sentence, shown in tooltips) and `fold`; then an optional
Markdown body. An alias is a string, or a mapping `{text: ..., fold: [case, accents]}`.

The rules of the keys and of aliases are in :mod:`.aliases`.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from .. import frontmatter
from ..carry import MISSING, Carried
from ..problems import Problem
from .aliases import ID, check_aliases, parse_entity
from .model import Entity, Glossary

INDEX_NAMES = ("index.md", "README.md")


def load_glossary(
    folder: Path, root: Path, docs_dir: Path | None = None, carried: Carried | None = None
) -> Glossary:
    """Read every `<id>.md` of `folder`. Problem paths are relative to `root` (the site).

    `docs_dir` (default: the folder's parent) places entity pages in the site. Never
    raises on bad input: a file that cannot be used is reported and left out. `carried`:
    what the last build of this process read (`mkdocs serve`), whose glossary is given
    again, the same object, when its files are the same (its `fingerprint`): what is made of
    it (an article page's links and chips) can then be taken from that build too.
    """
    folder = Path(folder)
    docs_dir = Path(docs_dir) if docs_dir is not None else folder.parent
    prefix = _relative(folder, docs_dir)
    if not folder.is_dir():
        return Glossary(folder=prefix, index_src=f"{prefix}/index.md")
    shown_folder = _relative(folder, root)
    digest = hashlib.sha256(prefix.encode())
    paths = [
        path
        for path in sorted(folder.rglob("*"), key=lambda p: p.as_posix())
        if path.is_file() and path.suffix in (".md", ".markdown") and not path.name.startswith(".")
    ]
    for path in paths:
        relative = path.relative_to(folder)
        digest.update(b"\0" + relative.as_posix().encode() + b"\0" + _bytes(path))
    fingerprint = digest.hexdigest()[:16]
    place = (str(folder), str(root), str(docs_dir))
    if carried is not None:
        found = carried.recall("glossary", place, lambda kept: kept.fingerprint == fingerprint)
        if found is not MISSING and found.fingerprint == fingerprint:  # (this build's: too)
            return found
    problems: list[Problem] = []
    loaded: list[Entity] = []
    for path in paths:
        relative = path.relative_to(folder)
        shown = f"{shown_folder}/{relative.as_posix()}"
        if len(relative.parts) == 1 and relative.name in INDEX_NAMES:
            continue
        if len(relative.parts) > 1:
            problems.append(
                Problem(
                    shown,
                    None,
                    "error",
                    f"entity files must sit directly in {shown_folder}/: an id cannot contain `/`",
                )
            )
            continue
        entity = _read_entity(path, shown, f"{prefix}/{relative.as_posix()}", problems)
        if entity is not None:
            loaded.append(entity)
    entities = _unique(loaded, problems)
    problems.extend(check_aliases(entities.values()))
    glossary = Glossary(entities, tuple(problems), prefix, f"{prefix}/index.md", fingerprint)
    if carried is not None:
        carried.keep("glossary", place, glossary)
    return glossary


def _bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b""


def _relative(path: Path, base: Path) -> str:
    try:
        return Path(path).resolve().relative_to(Path(base).resolve()).as_posix()
    except ValueError:
        return Path(path).as_posix()


def _read_entity(path: Path, shown: str, src_uri: str, problems: list[Problem]) -> Entity | None:
    ident = path.stem
    if not ID.match(ident):
        problems.append(
            Problem(
                shown,
                None,
                "error",
                f"entity id `{ident}` (the file name) must be lower-case ASCII letters, digits "
                "and single hyphens, such as `jensen-huang`",
            )
        )
        return None
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(Problem(shown, None, "error", f"cannot read entity file: {exc}"))
        return None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    fm, split_problems = frontmatter.split(text, shown)
    problems.extend(split_problems)
    if any(p.severity == "error" for p in split_problems):
        return None
    values, lines, body = fm.values, fm.lines, fm.body
    if not values:
        problems.append(
            Problem(
                shown, 1, "error", "entity file needs front matter with at least `name` and `type`"
            )
        )
        return None
    return parse_entity(ident, values, lines, body, shown, src_uri, problems)


def _unique(entities: list[Entity], problems: list[Problem]) -> dict[str, Entity]:
    by_id: dict[str, Entity] = {}
    for entity in entities:
        if entity.id in by_id:
            problems.append(
                Problem(
                    entity.source,
                    None,
                    "error",
                    f"duplicate entity id `{entity.id}`: "
                    f"{by_id[entity.id].source} already defines it",
                )
            )
            continue
        by_id[entity.id] = entity
    return dict(sorted(by_id.items()))
