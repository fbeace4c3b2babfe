"""Language of a dispatch, by py3langid's model (shipped in its wheel: no download)."""

from __future__ import annotations

import re
from functools import lru_cache

DEFAULT_LANGUAGES = ("fr", "de", "en", "it")


@lru_cache(maxsize=8)
def _identifier(languages: tuple[str, ...]):
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=False)
    identifier.set_languages(list(languages))
    return identifier


SAMPLE = 400  # characters: a headline and a paragraph decide it; more only costs time
_LETTERS = re.compile(r"[^\W\d_]{3}")


def detect(text: str, languages: tuple[str, ...] = DEFAULT_LANGUAGES) -> str | None:
    """ISO 639-1 code of the language of `text` among `languages`, None for no text."""
    sample = text[:SAMPLE]
    if not _LETTERS.search(sample):
        return None
    code, _score = _identifier(tuple(languages)).classify(sample)
    return code
