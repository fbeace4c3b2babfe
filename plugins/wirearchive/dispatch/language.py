"""Language of a dispatch, by py3langid's model (shipped in its wheel: no download).

The model ships compressed with LZMA (4.5 MB, 68 MB once read): reading it takes half a
second, which every process that parses a dispatch paid (a `mkdocs build --dirty` after one
edit, `wirearchive check`, each worker of a cold build). Given a folder (the site's
`.cache/language/`), the model as this site uses it, narrowed to its languages, is kept there
uncompressed (NumPy's `.npz`, read without pickle: no code runs from the cache) and read back
in a tenth of the time. It holds what `LanguageIdentifier.set_languages` leaves of the
model, so it classifies exactly as the library's own reading does (tests check it), and
without the probabilities of the model's other languages: a process holds 48 MB for it
rather than 75 MB. A read of the archive lets go of a kept model once it has parsed
(`release`).
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import tempfile
import zipfile
from array import array
from importlib.metadata import version
from pathlib import Path
from typing import Any

import numpy as np

log = logging.getLogger(__name__)

DEFAULT_LANGUAGES = ("fr", "de", "en", "it")
KEPT_FORMAT = 1  # of a kept model: a change gives kept models a new name


# The identifiers read, by languages and folder, until `release`
_READ: dict[tuple[tuple[str, ...], Path | None], Any] = {}


def _identifier(languages: tuple[str, ...], folder: Path | None = None):
    identifier = _READ.get((languages, folder))
    if identifier is None:
        identifier = _READ[languages, folder] = _read(languages, folder)
    return identifier


def release() -> None:
    """Let go of the models read from a kept copy: 48 MB a process, read again in 0.06 s
    when a dispatch is next parsed. A build parses (an edited dispatch, in its own process)
    before it renders, where its memory peaks; `mkdocs serve`, which parses again at each
    edit, holds it (archive.read_archive). A model read from the wheel (no folder to keep it
    in) is held: reading it again would take half a second."""
    for key in [key for key in _READ if key[1] is not None]:
        del _READ[key]


def _read(languages: tuple[str, ...], folder: Path | None):
    from py3langid.langid import MODEL_DIR, MODEL_FILE

    if folder is None:
        return _from_model(languages)
    model = (MODEL_DIR / MODEL_FILE).read_bytes()
    name = "-".join(
        [
            f"py3langid{version('py3langid')}",
            hashlib.sha256(model).hexdigest()[:16],
            f"v{KEPT_FORMAT}",
            *languages,
        ]
    )
    path = folder / f"{name}.npz"
    identifier = _read_kept(path, languages)
    if identifier is None:
        identifier = _from_model(languages)
        _keep(identifier, path)
    return identifier


def _from_model(languages: tuple[str, ...]):
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=False)
    identifier.set_languages(list(languages))
    return identifier


def _keep(identifier, path: Path) -> None:
    """Write `identifier`'s model to `path`, whole or not at all (a temporary file, then
    renamed: processes of one build may write it at once). The other models kept in the
    folder (another version of py3langid, other languages) are removed. A folder that cannot
    be written is a model read from the wheel again next time, nothing worse."""
    written: Path | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".tmp", delete=False) as out:
            written = Path(out.name)
            np.savez(
                out,
                ptc=np.ascontiguousarray(identifier.nb_ptc),
                pc=np.asarray(identifier.nb_pc),
                classes=np.array(identifier.nb_classes),
                nextmove=_numpy(identifier.tk_nextmove),
                row=_numpy(identifier.tk_row),
                output=np.asarray(identifier.tk_output, dtype=np.int32),
            )
        os.replace(written, path)
        written = None
        for other in path.parent.glob("*.npz"):
            if other != path:
                other.unlink(missing_ok=True)
    except OSError as exc:
        log.debug("the language model could not be kept in %s: %s", path.parent, exc)
    finally:
        if written is not None:  # not renamed: a full disk, say
            written.unlink(missing_ok=True)


# array typecodes of the model's transition tables, and NumPy's name of the same integers
_DTYPES = {"H": np.uint16, "I": np.uint32, "L": np.uint64}
_TYPECODES = {np.dtype(np.uint16): "H", np.dtype(np.uint32): "I", np.dtype(np.uint64): "L"}


def _read_kept(path: Path, languages: tuple[str, ...]):
    """The identifier of a model `_keep` wrote, or None: none kept, or not one this code can
    read (damaged, cut short, not of these languages)."""
    from py3langid.langid import LanguageIdentifier

    try:
        with np.load(path, allow_pickle=False) as kept:
            classes = kept["classes"].tolist()
            ptc, pc, output = kept["ptc"], kept["pc"], kept["output"].tolist()
            nextmove, row = _table(kept["nextmove"]), _table(kept["row"])
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, zipfile.BadZipFile, EOFError) as exc:
        log.debug("the kept language model %s is not readable: %s", path, exc)
        return None
    if sorted(classes) != sorted(languages) or ptc.ndim != 2 or ptc.shape[1] != len(classes):
        return None
    if len(row) != len(output) or pc.shape != (len(classes),):
        return None
    return LanguageIdentifier(ptc, pc, classes, nextmove, output, norm_probs=False, tk_row=row)


def _numpy(table: array) -> np.ndarray:
    return np.frombuffer(table, dtype=_DTYPES[table.typecode])


def _table(values: np.ndarray) -> array:
    """A transition table as py3langid walks it: a standard array (read item by item far
    faster than a NumPy one)."""
    table = array(_TYPECODES[values.dtype])
    table.frombytes(np.ascontiguousarray(values).data.cast("B"))
    return table


SAMPLE = 400  # characters: a headline and a paragraph decide it; more only costs time
_LETTERS = re.compile(r"[^\W\d_]{3}")


def detect(
    text: str, languages: tuple[str, ...] = DEFAULT_LANGUAGES, kept_in: Path | None = None
) -> str | None:
    """ISO 639-1 code of the language of `text` among `languages`, None for no text;
    `kept_in`, the folder where the model as narrowed to `languages` is kept (see above)."""
    sample = text[:SAMPLE]
    if not _LETTERS.search(sample):
        return None
    code, _score = _identifier(tuple(languages), kept_in).classify(sample)
    return code
