"""Entities: the glossary, finding its entities in articles, quotations, entity pages' data.

Plain Python over plain data (no MkDocs import), used by the site and the command line.
"""

from .annotate import Annotation, annotate, find, linked_body
from .glossary import TYPES, Alias, Entity, Glossary, load_glossary
from .matching import Matcher, Mention

__all__ = ["TYPES", "Alias", "Annotation", "Entity", "Glossary", "Matcher", "Mention", "annotate", "find",
           "linked_body", "load_glossary"]
