"""Language of a dispatch, by py3langid's model (shipped in its wheel: no download)."""

from __future__ import annotations

from functools import lru_cache

DEFAULT_LANGUAGES = ("fr", "de", "en", "it")


@lru_cache(maxsize=8)
def _identifier(languages: tuple[str, ...]):
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=False)
    identifier.set_languages(list(languages))
    return identifier


def detect(text: str, languages: tuple[str, ...] = DEFAULT_LANGUAGES) -> str | None:
    """ISO 639-1 code of the language of `text` among `languages`, None for no text."""
    sample = text[:4000]
    if sum(c.isalpha() for c in sample) < 3:
        return None
    code, _score = _identifier(tuple(languages)).classify(sample)
    return code
