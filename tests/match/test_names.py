"""Entity resolution: aliases and legal forms, fuzzy typos with guards, people within a corpus."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factlint.knowledge import default_knowledge
from factlint.match.names import normalise, resolve, resolve_people

KB = default_knowledge()


@pytest.mark.parametrize(
    ("name", "entity"),
    [
        ("Amazon.com Inc.", "amazon"),
        ("Amazon's", "amazon"),
        ("AMAZON", "amazon"),
        ("amazon", "amazon"),
        ("Amazon Web Services", "aws"),
        ("AWS", "aws"),
        ("Amazon Web Service", "aws"),
        ("Microsft", "microsoft"),
        ("Anthropik", "anthropic"),
        ("Nvidia Corp", "nvidia"),
        ("Alphabet Inc.", "alphabet"),
        ("the Fed", "federal-reserve"),
    ],
)
def test_names_resolve(name, entity):
    assert resolve(name, KB) == entity


@pytest.mark.parametrize(
    "name", ["AW", "Metaculus", "Alpha Beta Inc", "Alpha", "Amazonia Holdings", "Anthro"]
)
def test_near_misses_do_not_resolve(name):
    assert resolve(name, KB) is None


def test_amazon_is_not_its_cloud_unit():
    assert resolve("Amazon", KB) != resolve("Amazon Web Services", KB)


def test_names_met_in_the_corpus_resolve_like_known_ones():
    known = {normalise("Quill Data Systems", KB): "candidate:quill", "qds": "candidate:quill"}
    assert resolve("Quill Data Systems Ltd", KB, known) == "candidate:quill"
    assert resolve("QDS", KB, known) == "candidate:quill"


def test_people_within_a_corpus():
    names = [
        "Dario Amodei",
        "Amodei",
        "dario amodei",
        "Dr. Dario Amodei",
        "Smith",
        "John Smith",
        "Jane Smith",
    ]
    canonical = resolve_people(names)
    assert {canonical[n] for n in names[:4]} == {"Dario Amodei"}
    assert canonical["Smith"] == "Smith"  # two Smiths: a surname alone stays ambiguous
    assert canonical["John Smith"] != canonical["Jane Smith"]


@given(st.text(max_size=60))
def test_resolve_never_raises_and_normalising_is_stable(name):
    resolve(name, KB)
    once = normalise(name, KB)
    assert normalise(once, KB) == once
