"""Entities: the glossary, finding its entities in articles, quotations, entity pages' data.

Plain Python over plain data (no MkDocs import), used by the site and the command line.
"""

from .annotate import Annotation, Annotator
from .glossary import load_glossary
from .matching import Matcher, Mention
from .model import TYPES, Alias, Entity, Glossary

__all__ = [
    "TYPES",
    "Alias",
    "Annotation",
    "Annotator",
    "Entity",
    "Glossary",
    "Matcher",
    "Mention",
    "load_glossary",
]
