"""Timelines: dated events found in dispatches, and timelines of the archive and of each entity."""

from .events import find_events

__all__ = ["find_events"]
