"""The language model kept uncompressed under `.cache/language/`: read back, it classifies
exactly as py3langid's own reading of its wheel's model; a damaged one is read again."""

from pathlib import Path

import pytest

from tests.conftest import FIXTURES, write_site
from wirearchive.archive import read_archive
from wirearchive.dispatch import ParseOptions, language
from wirearchive.project import Project

LANGUAGES = ("fr", "de", "en", "it")
SAMPLES = [
    "Le Conseil fédéral a décidé mardi de relever le plafond des garanties à l'exportation.",
    "Die Firma hat am Dienstag einen Rückgang des Umsatzes um vier Prozent gemeldet.",
    "The company said on Tuesday that revenue fell four percent in the third quarter.",
    "La società ha annunciato martedì un calo del fatturato del quattro per cento.",
    "NVIDIA FRANCHIT LA BARRE DES 5000 MILLIARDS",  # capitals: lowered by the library
    "Swisscom, UBS, Nestlé",  # names alone, barely a language
    "€ 3,5 Mrd. — 12 %",
    "ok",
]


@pytest.fixture(autouse=True)
def fresh_identifiers():
    language._READ.clear()
    yield
    language._READ.clear()


def scores(identifier, text):
    return [float(s) for s in identifier._decide(text)], identifier.classify(text)


def kept_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_kept_model_classifies_as_the_wheels_model(tmp_path):
    wheel = language._from_model(LANGUAGES)
    written = language._identifier(LANGUAGES, tmp_path)  # read from the wheel, then kept
    [name] = kept_files(tmp_path)
    assert name.endswith("-fr-de-en-it.npz")

    language._READ.clear()
    read = language._read_kept(tmp_path / name, LANGUAGES)
    assert read is not None
    again = language._identifier(LANGUAGES, tmp_path)
    for text in SAMPLES:
        assert scores(read, text) == scores(wheel, text), text
        assert scores(again, text) == scores(wheel, text), text
        assert scores(written, text) == scores(wheel, text), text
    # narrowed to the site's languages: the other languages' probabilities are not kept
    assert read.nb_ptc.shape[1] == 4 < wheel._full_model[0].shape[1]


def test_detect_gives_the_same_language_with_and_without_a_kept_model(tmp_path):
    without = [language.detect(text, LANGUAGES) for text in SAMPLES]
    first = [language.detect(text, LANGUAGES, tmp_path) for text in SAMPLES]
    language._READ.clear()
    second = [language.detect(text, LANGUAGES, tmp_path) for text in SAMPLES]
    assert without[:4] == ["fr", "de", "en", "it"]
    assert first == second == without


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],  # cut short
        lambda data: b"not a zip file at all",
        lambda data: b"",
    ],
)
def test_a_damaged_kept_model_is_read_from_the_wheel_and_kept_again(tmp_path, damage):
    language._identifier(LANGUAGES, tmp_path)
    [path] = tmp_path.iterdir()
    whole = path.read_bytes()
    path.write_bytes(damage(whole))
    language._READ.clear()

    assert language._read_kept(path, LANGUAGES) is None
    assert language.detect(SAMPLES[1], LANGUAGES, tmp_path) == "de"
    assert path.read_bytes() == whole  # kept again, whole


def test_a_model_of_other_languages_is_not_taken_for_this_sites(tmp_path):
    language._identifier(("fr", "de"), tmp_path)
    [path] = tmp_path.iterdir()
    assert language._read_kept(path, LANGUAGES) is None
    assert language._read_kept(path, ("de", "fr")) is not None


def test_keeping_a_model_removes_the_one_kept_before(tmp_path):
    language._identifier(("fr", "de"), tmp_path)
    language._identifier(LANGUAGES, tmp_path)
    assert [n.rsplit("-v", 1)[1] for n in kept_files(tmp_path)] == ["1-fr-de-en-it.npz"]


def test_a_folder_that_cannot_be_written_only_costs_time(tmp_path):
    blocked = tmp_path / "language"
    blocked.write_text("a file where the folder would be")
    assert language.detect(SAMPLES[0], LANGUAGES, blocked) == "fr"
    assert blocked.read_text() == "a file where the folder would be"


def test_the_model_folder_is_the_sites_cache_and_no_setting(tmp_path):
    options = {
        "articles_dir": "articles",
        "glossary_dir": "entities",
        "timezone": "Europe/Zurich",
        "languages": ["fr", "de"],
        "agencies": {},
        "rubrics": [],
        "max_dispatch_bytes": 1000,
        "workers": 1,
        "publish_embargoed": False,
    }
    cached = Project.from_options(tmp_path, tmp_path / "docs", {**options, "cache": True})
    uncached = Project.from_options(tmp_path, tmp_path / "docs", {**options, "cache": False})
    assert cached.options.model_folder == tmp_path / ".cache" / "language"
    assert uncached.options.model_folder is None
    # the options' repr keys the parse cache: where the model is kept changes no parse
    assert repr(cached.options) == repr(uncached.options)
    assert repr(ParseOptions(model_folder=tmp_path)) == repr(ParseOptions())


def test_a_model_not_written_whole_leaves_no_file_behind(tmp_path, monkeypatch):
    def disk_full(file, **arrays):
        file.write(b"PK\x03\x04 the first bytes")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(language.np, "savez", disk_full)
    assert language.detect(SAMPLES[2], LANGUAGES, tmp_path) == "en"
    assert kept_files(tmp_path) == []


def test_a_builds_read_of_the_archive_lets_go_of_a_kept_model_once_it_has_parsed(tmp_path):
    dispatch = (FIXTURES / "dispatches" / "fr-apple-iphone-air.txt").read_text(encoding="utf-8")
    root = write_site(tmp_path / "site", {"2025/09/a.txt": dispatch})
    folder = tmp_path / "language"
    kept = ParseOptions(model_folder=folder)
    archive = read_archive(root, "articles", kept, workers=1)
    assert archive.articles[0].language == "fr"
    assert len(kept_files(folder)) == 1  # kept for the next process
    assert language._READ == {}  # and not held through the rest of the build
    # `mkdocs serve`, which parses again at each edit, holds it
    read_archive(root, "articles", kept, workers=1, cache_dir=tmp_path / "parse", hold_model=True)
    assert list(language._READ) == [(LANGUAGES, folder)]
    language._READ.clear()
    # read from the wheel (no folder): held, as reading it again takes half a second
    read_archive(root, "articles", ParseOptions(), workers=1)
    assert list(language._READ) == [(LANGUAGES, None)]


@pytest.mark.parametrize("command", ["build", "serve"])
def test_a_build_lets_go_of_the_kept_model_and_serve_holds_it(tmp_path, command):
    """What the plugin does: a build (one process, one build) lets go of the model once it
    has parsed, before it renders; `mkdocs serve`'s builds hold it for the next edit."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    dispatch = (FIXTURES / "dispatches" / "fr-apple-iphone-air.txt").read_text(encoding="utf-8")
    root = write_site(tmp_path / "site", {"2025/09/a.txt": dispatch})
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(tmp_path / "out"))
    config.plugins.on_startup(command=command, dirty=False)
    build(config)
    config.plugins.on_shutdown()
    assert len(kept_files(root / ".cache" / "language")) == 1
    folder = root / ".cache" / "language"
    held = [key for key in language._READ if key[1] == folder]
    assert held == ([] if command == "build" else [(LANGUAGES, folder)])
