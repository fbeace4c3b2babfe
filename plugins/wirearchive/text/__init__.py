"""Text helpers, one home per job: folding, month names, sentences, Markdown, slugs.

Each job is done in one place and used by every layer above (the parser, the glossary,
timelines, search, the site). Where a job is done differently on purpose, the module says
so beside the code: search folds text exactly as its browser side does (`search.analysis`),
and mention finding folds without changing the length of the text (`fold_in_place`).
"""
