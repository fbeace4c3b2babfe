"""Building a large archive in shards: independent builds, one published site.

Past what one machine builds in good time, the archive is built as independent MkDocs
builds, a job each (a GitHub Actions matrix, `.github/workflows/pages-sharded.yml`):

- the *shared* shard (`shard: shared`) builds everything but the articles: home, archive by
  date, sources, rubrics, languages, timelines, glossary and entity pages, feeds, search;
- a *years* shard (`shard: "2024"`, `"2020-2023"`, `"2024,2025"`) builds the articles of its
  years, under `<yyyy>/`, and nothing of it but those folders is kept.

Every shard reads the whole archive (through the parse cache, which CI keeps between runs):
an article's neighbours and an entity page's lists are the same in every build, and no
build needs another's output. :func:`merge` then puts the shards together: the shared tree,
each years shard's `<yyyy>/` folders, and one sitemap listing every page, sorted by address
as every Wirearchive build writes it, so that the merged site is the one build's, byte for
byte.
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

SHARED = "shared"
YEAR = re.compile(r"\d{4}")
RANGE = r"(?:\d{4}(?:-(?:\d{4})?)?|-\d{4})"  # 2024, 2020-2023, 2024- (onwards), -2019
YEARS = re.compile(rf"^{RANGE}(?:,{RANGE})*$")
URL_ENTRY = re.compile(r"[ \t]*<url>.*?</url>\n?", re.S)
LOC = re.compile(r"<loc>(.*?)</loc>", re.S)
MARK = "wirearchive-shard.json"  # what a shard's build was, for merge (not a hidden file:
# actions/upload-artifact leaves those out)
FIRST, LAST = 0, 9999


@dataclass(frozen=True)
class Shard:
    """Which part of the site one build makes: ranges of years (None: the shared part)."""

    ranges: tuple[tuple[int, int], ...] | None
    spec: str = SHARED

    @property
    def shared(self) -> bool:
        return self.ranges is None

    def owns(self, path: str) -> bool:
        """Whether this shard builds the file at `path` (a src_uri or dest_uri): a years
        shard the files under its `<yyyy>/` folders, the shared shard all others."""
        first = path.split("/", 1)[0]
        if self.ranges is None:
            return not YEAR.fullmatch(first)
        return bool(YEAR.fullmatch(first)) and any(lo <= int(first) <= hi for lo, hi in self.ranges)


def parse_shard(value: str) -> Shard:
    """`shared`, or years: `2024`, `2020-2023`, `2024-` (and later), `-2019` (and earlier),
    several with commas (`2019,2024-`). Raises ValueError otherwise."""
    value = value.strip()
    if value == SHARED:
        return Shard(None)
    if not YEARS.match(value):
        raise ValueError(
            f"{value!r} is neither `shared` nor years such as 2024, 2020-2023, 2024- or -2019"
        )
    ranges = []
    for part in value.split(","):
        first, dash, last = part.partition("-")
        lo = int(first) if first else FIRST
        hi = int(last) if last else (LAST if dash else lo)
        if lo > hi:
            raise ValueError(f"{part!r}: the years run backwards")
        ranges.append((lo, hi))
    return Shard(tuple(sorted(ranges)), value)


def plan(years: Mapping[int, int], count: int) -> list[str]:
    """The shards of a build in `count` years shards (fewer if there are fewer years), plus
    the shared one: consecutive years, each shard with about as many dispatches (`years`:
    dispatches by year). The first is open before, the last open after, so that together
    they hold every year, even one no folder name gave."""
    ordered = sorted(y for y, n in years.items() if n > 0)
    total = sum(years[y] for y in ordered)
    groups: list[list[int]] = []
    done = 0
    for year in ordered:
        # A new shard when this year's middle lies past the current shard's share.
        if not groups or (
            len(groups) < count and done + years[year] / 2 > total * len(groups) / count
        ):
            groups.append([])
        groups[-1].append(year)
        done += years[year]
    if len(groups) < 2:
        return [SHARED, f"-{LAST}"]  # every year in one shard
    specs = [f"-{groups[0][-1]}"]
    specs += [f"{g[0]}-{g[-1]}" if g[0] != g[-1] else str(g[0]) for g in groups[1:-1]]
    specs.append(f"{groups[-1][0]}-")
    return [SHARED, *specs]


def sorted_sitemap(xml: str) -> str:
    """A sitemap with its `<url>` entries in the order of their addresses."""
    entries = URL_ENTRY.findall(xml)
    if not entries:
        return xml
    start = xml.index(entries[0])
    end = xml.rindex(entries[-1]) + len(entries[-1])
    ordered = sorted(entries, key=_address)
    return xml[:start] + "".join(ordered) + xml[end:]


def write_sitemap(site: Path, xml: str) -> None:
    """`sitemap.xml` and its gzip, whose header keeps the time MkDocs gave it (reproducible)."""
    (site / "sitemap.xml").write_text(xml, encoding="utf-8")
    packed = site / "sitemap.xml.gz"
    mtime = int.from_bytes(packed.read_bytes()[4:8], "little") if packed.is_file() else 0
    with (
        packed.open("wb") as raw,
        gzip.GzipFile(fileobj=raw, filename=str(packed), mode="wb", mtime=mtime) as out,
    ):
        out.write(xml.encode("utf-8"))


class MergeError(Exception):
    """Shards that do not make one site: a part missing or made twice, differently."""


def mark(site: Path, shard: Shard) -> None:
    """Note in a shard's output which shard it is, for :func:`merge` to check."""
    (site / MARK).write_text(json.dumps({"shard": shard.spec}) + "\n", encoding="utf-8")


def shard_of(site: Path) -> Shard:
    """The shard built into `site`, as its build noted it."""
    try:
        return parse_shard(json.loads((site / MARK).read_text("utf-8"))["shard"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise MergeError(f"{site}: not the output of a shard's build (no valid {MARK})") from exc


def check_parts(shards: list[Shard]) -> None:
    """That the parts make one site: one shared shard, and years shards holding every year
    once (open ranges, `-2019` and `2024-`, hold the years no one knew of)."""
    shared = sum(shard.shared for shard in shards)
    if shared != 1:
        raise MergeError(f"{'no' if not shared else 'more than one'} shared shard among the parts")
    ranges = sorted((lo, hi, s.spec) for s in shards for lo, hi in s.ranges or ())
    expected = FIRST
    for lo, hi, spec in ranges:
        if lo < expected:
            raise MergeError(f"shard {spec!r} holds years another shard holds too")
        if lo > expected:
            raise MergeError(f"no shard holds the years {expected:04d} to {lo - 1:04d}")
        expected = hi + 1
    if expected <= LAST:
        raise MergeError(f"no shard holds the years from {expected:04d} (end the last with `-`)")


def merge(parts: list[Path], out: Path) -> int:
    """One site, in `out` (emptied first), from the outputs of a sharded build's shards, in
    any order: the shared shard's output, the years shards' `<yyyy>/` folders, one sitemap of
    every page. Returns the number of files. Raises MergeError for parts that are not one
    site."""
    found = {site: shard_of(site) for site in parts}
    check_parts(list(found.values()))
    shared = next(site for site, shard in found.items() if shard.shared)
    years = [site for site in parts if site != shared]
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(
        shared, out, ignore=lambda folder, names: [MARK] if folder == str(shared) else []
    )
    xml = (shared / "sitemap.xml").read_text("utf-8")
    entries: list[str] = URL_ENTRY.findall(xml)
    for site in years:
        for folder in sorted(p for p in site.iterdir() if p.is_dir() and YEAR.fullmatch(p.name)):
            for path in sorted(folder.rglob("*")):
                target = out / path.relative_to(site)
                if not path.is_file():
                    continue
                if target.exists() and target.read_bytes() != path.read_bytes():
                    raise MergeError(f"{target.relative_to(out)} is made differently by two shards")
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, target)
        # A shard's sitemap lists the pages it rendered: its own.
        entries += URL_ENTRY.findall((site / "sitemap.xml").read_text("utf-8"))
    if entries:
        shared_entries = URL_ENTRY.findall(xml)
        start = xml.index(shared_entries[0]) if shared_entries else xml.index("</urlset>")
        end = xml.rindex(shared_entries[-1]) + len(shared_entries[-1]) if shared_entries else start
        xml = xml[:start] + "".join(dict.fromkeys(entries)) + xml[end:]
    write_sitemap(out, sorted_sitemap(xml))
    return sum(1 for p in out.rglob("*") if p.is_file())


def _address(entry: str) -> str:
    found = LOC.search(entry)
    return found[1] if found else ""
