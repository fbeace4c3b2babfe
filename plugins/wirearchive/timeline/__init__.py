"""Timelines: dated events found in dispatches, and timelines of the archive and of each entity.

- `partial`: partial dates (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) and how readers say them;
- `grammar` and `tense`: the date expressions of each language and what they mean;
- `events`: the dated events of a dispatch's sentences;
- `timeline` and `timelinejs`: timelines of articles, and their TimelineJS export.
"""

from .events import find_events
from .grammar import LANGUAGES

__all__ = ["LANGUAGES", "find_events"]
