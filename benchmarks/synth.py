"""Seeded synthetic archives for benchmarks: the same seed gives the same bytes.

    python benchmarks/synth.py OUT_DIR --count 1000 --seed 1 [--glossary 2000] [--plain DIR]
        [--paragraphs 6 10] [--full]

`make_archive` writes a whole Wirearchive site (mkdocs.yml, docs/, articles/) whose
dispatches mix both raw layouts and three languages, name entities of a synthetic
glossary and carry relative dates, so every stage of the build has work to do.
`make_plain_site` writes the same content as ordinary Markdown pages for a plain
Material for MkDocs build, the baseline benchmarks compare against. `full_config` gives the
Wirearchive site every feature the demo has on (Material's search box, feeds, French theme),
and `SCALE_*` describe the archive of issue 11's table: ~500 words a dispatch, 300 entities.
"""

from __future__ import annotations

import argparse
import random
import shutil
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

LANGUAGES = ("fr", "fr", "fr", "de", "en")  # mostly French, like the real archive

WORDS = {
    "fr": [
        "le",
        "groupe",
        "a",
        "annoncé",
        "une",
        "hausse",
        "de",
        "son",
        "chiffre",
        "d'affaires",
        "grâce",
        "à",
        "la",
        "demande",
        "de",
        "puces",
        "pour",
        "l'intelligence",
        "artificielle",
        "les",
        "investisseurs",
        "ont",
        "salué",
        "les",
        "résultats",
        "publiés",
        "jeudi",
        "la",
        "société",
        "prévoit",
        "d'investir",
        "dans",
        "de",
        "nouvelles",
        "usines",
        "en",
        "Europe",
        "et",
        "aux",
        "États-Unis",
        "selon",
        "un",
        "communiqué",
        "le",
        "marché",
        "des",
        "semi-conducteurs",
        "reste",
        "tendu",
        "malgré",
        "les",
        "restrictions",
        "à",
        "l'exportation",
        "les",
        "analystes",
        "s'attendent",
        "à",
        "une",
        "croissance",
        "soutenue",
        "des",
        "centres",
        "de",
        "données",
        "l'action",
        "a",
        "progressé",
        "en",
        "Bourse",
        "après",
        "l'annonce",
        "du",
        "partenariat",
        "stratégique",
        "avec",
        "plusieurs",
        "fournisseurs",
    ],
    "de": [
        "der",
        "Konzern",
        "hat",
        "seinen",
        "Umsatz",
        "dank",
        "der",
        "Nachfrage",
        "nach",
        "Chips",
        "für",
        "künstliche",
        "Intelligenz",
        "deutlich",
        "gesteigert",
        "die",
        "Anleger",
        "reagierten",
        "erfreut",
        "auf",
        "die",
        "am",
        "Donnerstag",
        "veröffentlichten",
        "Zahlen",
        "das",
        "Unternehmen",
        "will",
        "in",
        "neue",
        "Werke",
        "in",
        "Europa",
        "und",
        "den",
        "USA",
        "investieren",
        "wie",
        "es",
        "in",
        "einer",
        "Mitteilung",
        "hiess",
        "der",
        "Markt",
        "für",
        "Halbleiter",
        "bleibt",
        "angespannt",
        "trotz",
        "der",
        "Exportbeschränkungen",
        "Analysten",
        "erwarten",
        "ein",
        "kräftiges",
        "Wachstum",
        "der",
        "Rechenzentren",
        "die",
        "Aktie",
        "legte",
        "an",
        "der",
        "Börse",
        "zu",
        "nach",
        "der",
        "Ankündigung",
        "der",
        "strategischen",
        "Partnerschaft",
        "mit",
        "mehreren",
        "Lieferanten",
    ],
    "en": [
        "the",
        "group",
        "reported",
        "higher",
        "revenue",
        "on",
        "demand",
        "for",
        "artificial",
        "intelligence",
        "chips",
        "investors",
        "welcomed",
        "the",
        "results",
        "published",
        "on",
        "Thursday",
        "the",
        "company",
        "plans",
        "to",
        "invest",
        "in",
        "new",
        "plants",
        "in",
        "Europe",
        "and",
        "the",
        "United",
        "States",
        "according",
        "to",
        "a",
        "statement",
        "the",
        "semiconductor",
        "market",
        "remains",
        "tight",
        "despite",
        "export",
        "restrictions",
        "analysts",
        "expect",
        "strong",
        "growth",
        "in",
        "data",
        "centers",
        "the",
        "shares",
        "rose",
        "after",
        "the",
        "announcement",
        "of",
        "the",
        "strategic",
        "partnership",
        "with",
        "several",
        "suppliers",
    ],
}
WHEN = {
    "fr": (
        "samedi",
        "lundi",
        "en septembre",
        "en octobre 2025",
        "hier",
        "la semaine dernière",
        "le 14 mars",
    ),
    "de": ("am Montag", "im September", "gestern", "im Oktober 2025", "letzte Woche"),
    "en": ("on Monday", "in September", "yesterday", "in October 2025", "last week"),
}
RUBRICS = {
    "fr": ("Technologie", "Économie", "Multimédia"),
    "de": ("Wirtschaft", "Technologie"),
    "en": ("Tech", "Business"),
}
SECTIONS = {
    "fr": ("1. Entreprises", "2. Marchés", "3. Numérique"),
    "de": ("1. Unternehmen", "2. Märkte"),
    "en": ("1. Companies",),
}
PLACES = ("Zurich", "Genève", "Berne", "Lausanne", "Bâle", "Paris", "Berlin", "Londres", "Taipei")
SYLLABLES = (
    "ka",
    "lo",
    "ri",
    "ven",
    "tor",
    "mi",
    "sa",
    "nex",
    "qua",
    "bel",
    "dor",
    "fin",
    "gra",
    "lux",
    "zen",
    "tek",
)
FIRST_NAMES = ("Anna", "Marc", "Lena", "Paul", "Sofia", "Jonas", "Claire", "Luca", "Nina", "Hugo")


@dataclass
class Entity:
    id: str
    name: str
    type: str
    aliases: list[str]


def make_glossary(count: int, rng: random.Random) -> list[Entity]:
    """`count` distinct invented companies and people, deterministic for the generator."""
    entities: list[Entity] = []
    seen: set[str] = set()
    while len(entities) < count:
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3)))
        if rng.random() < 0.6:
            name, kind, aliases = (
                word.capitalize() + rng.choice(("tech", "soft", " Systems", "chip", " AG", "")),
                "company",
                [],
            )
        else:
            surname = word.capitalize()
            name, kind, aliases = f"{rng.choice(FIRST_NAMES)} {surname}", "person", [surname]
        ident = name.lower().replace(" ", "-")
        if ident in seen or len(word) < 4:
            continue
        seen.add(ident)
        entities.append(Entity(ident, name, kind, aliases))
    return entities


def _sentence(rng: random.Random, lang: str, entities: list[Entity]) -> str:
    words = rng.choices(WORDS[lang], k=rng.randint(12, 24))
    if entities and rng.random() < 0.7:
        words.insert(rng.randint(0, len(words)), rng.choice(entities).name)
    if rng.random() < 0.3:
        words.insert(rng.randint(0, len(words)), rng.choice(WHEN[lang]))
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


# The archive of the scale benchmark (issue 11): ~500 words a dispatch, a 300-entity glossary.
SCALE_GLOSSARY = 300
SCALE_PARAGRAPHS = (6, 10)
# Both sites of a comparison share the theme the demo uses, so differences are Wirearchive's.
THEME = (
    "theme:\n  name: material\n  language: fr\n  font: false\n"
    "  features: [navigation.instant, navigation.top, search.highlight]\n"
)
MATERIAL_SEARCH = "  - search:\n      lang: [fr, de, en]\n"


def _paragraph(rng, lang, entities) -> str:
    return " ".join(_sentence(rng, lang, entities) for _ in range(rng.randint(2, 4)))


def dispatch_text(
    rng: random.Random,
    when: datetime,
    lang: str,
    entities: list[Entity],
    paragraphs: tuple[int, int] = (3, 7),
) -> tuple[str, str]:
    """(headline, raw text) of one synthetic dispatch in one of the two raw layouts."""
    cast = rng.sample(entities, k=min(len(entities), rng.randint(1, 4))) if entities else []
    title_words = rng.choices(WORDS[lang], k=rng.randint(6, 11))
    lead = cast[0].name + " " if cast else ""
    title = (lead + " ".join(title_words)).strip()
    title = title[0].upper() + title[1:]
    body = [_paragraph(rng, lang, cast) for _ in range(rng.randint(*paragraphs))]
    if rng.random() < 0.7:  # layout 1: web copy of a Swiss agency dispatch
        agency, second = ("ATS", "Keystone-ATS") if lang != "de" else ("SDA", "Keystone-SDA")
        stamp = f"{when.day}.{when.month}.{when.year} - {when:%H:%M}"
        lines = [
            f" date {when:%Y-%m-%d}   {rng.choice(SECTIONS[lang])}",
            f"{rng.choice(RUBRICS[lang])} {title}",
            "",
            agency,
            "",
            stamp,
            "",
        ]
        if rng.random() < 0.6:
            caption = _sentence(rng, lang, cast)
            lines += [caption, caption, "KEYSTONE/EPA/Photographe", ""]
        lines += [
            _sentence(rng, lang, cast) + " " + _sentence(rng, lang, cast),
            "",
            second,
            "",
            f"{when:%d.%m.%Y, %H:%M}",
            "",
        ]
        lines += [p + "\n" for p in body]
        return title, "\n".join(lines)
    credit = {"fr": "(Keystone-ATS)", "de": "(awp/sda)", "en": "(Reuters)"}[lang]
    front = f"---\ndate: {when:%Y-%m-%dT%H:%M:00}\n---\n"
    body[0] = f"{rng.choice(PLACES)} {credit} - {body[0]}"
    return title, front + title + "\n\n" + "\n\n".join(body) + "\n"


def make_archive(
    root: Path,
    count: int,
    seed: int = 1,
    *,
    glossary: int = 200,
    paragraphs: tuple[int, int] = (3, 7),
) -> Path:
    """Write a Wirearchive site of `count` dispatches (and a glossary) under `root`.

    `paragraphs`: the range of body paragraphs a dispatch has (of 2-4 sentences each).
    """
    rng = random.Random(seed)
    root = Path(root)
    if root.exists():
        shutil.rmtree(root)
    (root / "docs").mkdir(parents=True)
    entities = make_glossary(glossary, rng)
    write_glossary(root / "docs" / "entities", entities)
    (root / "docs" / "index.md").write_text(
        "---\ntemplate: wirearchive/home.html\n---\n\n# Synthetic archive\n", encoding="utf-8"
    )
    start = datetime(2020, 1, 1, 6, 0)
    span_minutes = 6 * 365 * 24 * 60
    for number in range(count):
        when = start + timedelta(minutes=rng.randrange(span_minutes))
        lang = rng.choice(LANGUAGES)
        _title, text = dispatch_text(rng, when, lang, entities, paragraphs)
        path = root / "articles" / f"{when:%Y}" / f"{when:%m}" / f"d{number:06d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        "site_name: Synthetic archive\nsite_url: https://example.org/archive/\n"
        "theme:\n  name: material\n"
        "plugins:\n  - wirearchive:\n      articles_dir: articles\n",
        encoding="utf-8",
    )
    return root


def write_glossary(folder: Path, entities: list[Entity]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for entity in entities:
        aliases = ", ".join(entity.aliases)
        (folder / f"{entity.id}.md").write_text(
            f"---\nname: {entity.name}\ntype: {entity.type}\naliases: [{aliases}]\n"
            f"description: Entité synthétique {entity.name}.\n---\n",
            encoding="utf-8",
        )


def synthetic_glossary(seed: int, count: int) -> list[Entity]:
    """The glossary `make_archive(..., seed, glossary=count)` wrote (its first draws)."""
    return make_glossary(count, random.Random(seed))


def full_config(root: Path) -> None:
    """The synthetic site's mkdocs.yml with every feature the demo has on.

    Material's search box (answered by Wirearchive's worker), feeds (`site_url`), the
    demo's theme, time zone, languages and home page.
    """
    (Path(root) / "mkdocs.yml").write_text(
        "site_name: Synthetic archive\nsite_url: https://example.org/archive/\n"
        + THEME
        + "plugins:\n"
        + MATERIAL_SEARCH
        + "  - wirearchive:\n      articles_dir: articles\n      timezone: Europe/Zurich\n"
        "      languages: [fr, de, en, it]\n      home_count: 30\n",
        encoding="utf-8",
    )


def plain_page(text: str) -> str:
    """A raw dispatch as the Markdown page of the plain Material baseline."""
    if text.startswith("---\n"):
        text = text.split("---\n", 2)[2]
    lines = [line.strip() for line in text.splitlines()]
    title = next(line for line in lines if line and not line.startswith("date "))
    body = "\n\n".join(line for line in lines if line and line != title)
    return f"# {title}\n\n{body}\n"


def plain_path(source: Path, root: Path, path: Path) -> Path:
    """Where the plain site under `root` keeps the page of dispatch `path` of `source`."""
    return Path(root) / "docs" / path.relative_to(Path(source) / "articles").with_suffix(".md")


def make_plain_site(source: Path, root: Path, *, nav: bool = True, like_demo: bool = False) -> Path:
    """The same dispatches as plain Markdown pages of an ordinary Material site (the baseline).

    `nav=False` keeps the pages out of the navigation (only the home page is listed): with
    every page in it, each page renders the whole nav and the build grows with the square of
    the count. `like_demo`: the demo's theme and search languages, as `full_config` has.
    """
    root = Path(root)
    if root.exists():
        shutil.rmtree(root)
    docs = root / "docs"
    docs.mkdir(parents=True)
    (docs / "index.md").write_text("# Synthetic archive\n", encoding="utf-8")
    for path in sorted((source / "articles").rglob("*.txt")):
        target = plain_path(source, root, path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(plain_page(path.read_text(encoding="utf-8")), encoding="utf-8")
    config = "site_name: Synthetic archive\n"
    if like_demo:
        config += "site_url: https://example.org/archive/\n" + THEME
        config += "plugins:\n" + MATERIAL_SEARCH
    else:
        config += "theme:\n  name: material\nplugins:\n  - search\n"
    if not nav:
        config += "nav:\n  - index.md\n"
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    return root


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--glossary", type=int, default=200)
    parser.add_argument("--paragraphs", type=int, nargs=2, default=(3, 7), metavar=("MIN", "MAX"))
    parser.add_argument("--full", action="store_true", help="every feature on (see full_config)")
    parser.add_argument("--plain", type=Path, help="also write the plain Material baseline here")
    args = parser.parse_args()
    make_archive(
        args.out, args.count, args.seed, glossary=args.glossary, paragraphs=tuple(args.paragraphs)
    )
    if args.full:
        full_config(args.out)
    if args.plain:
        make_plain_site(args.out, args.plain, nav=not args.full, like_demo=args.full)


if __name__ == "__main__":
    main()
