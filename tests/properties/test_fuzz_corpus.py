"""The fuzzing harness's target (`fuzz/fuzz_load.py`) in CI: on every input of its corpus, then
on a few hundred inputs hypothesis makes. The long run is atheris's (see the harness)."""

from __future__ import annotations

import importlib.util
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ..conftest import ROOT
from .strategies import ANY_BYTES, dispatch_texts, front_matter

HARNESS = ROOT / "fuzz" / "fuzz_load.py"
CORPUS = ROOT / "fuzz" / "corpus"


def _harness():
    spec = importlib.util.spec_from_file_location("fuzz_load", HARNESS)
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("fuzz_load", module)
    spec.loader.exec_module(module)
    return module


check_one = _harness().check_one


def test_the_corpus_has_seeds_of_both_kinds():
    names = [p.name for p in CORPUS.iterdir()]
    assert any(n.startswith("t") for n in names) and any(n.startswith("m") for n in names)


@pytest.mark.parametrize("path", sorted(CORPUS.iterdir()), ids=lambda p: p.name)
def test_every_corpus_input_passes_the_harness(path):
    check_one(path.read_bytes())


FILES = st.builds(
    bytes.__add__,
    st.sampled_from([b"t", b"m"]),
    st.one_of(
        ANY_BYTES,
        st.builds(
            lambda fm, body: (fm + body).encode("utf-8", errors="replace"),
            front_matter(),
            dispatch_texts(),
        ),
    ),
)


@settings(max_examples=300)
@given(FILES)
def test_the_harness_on_generated_files(data):
    check_one(data)
