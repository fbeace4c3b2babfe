"""Wirearchive: raw news-wire dispatches to an annotated, searchable MkDocs archive.

The core (`dispatch`, `article`, `archive`) is plain Python with no MkDocs import;
`wirearchive.site` wires it into MkDocs and `wirearchive.cli` into the command line.
"""

__version__ = "0.1.0"
