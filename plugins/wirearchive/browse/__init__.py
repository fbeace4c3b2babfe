"""Browsing the archive: by date, source, rubric, language and entity; neighbours; feeds."""

from .indexes import Browse, browse_of

__all__ = ["Browse", "browse_of"]
