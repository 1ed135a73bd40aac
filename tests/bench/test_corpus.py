"""bench/corpus.py: seeded articles that factlint reads cleanly, and an exact manifest of their figures."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factlint.ingest import read_corpus
from factlint.knowledge import default_knowledge

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import corpus


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("corpus") / "out"
    corpus.generate(out, 24, seed=7)
    return out, json.loads((out / "manifest.json").read_text(encoding="utf-8"))


def files(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def check_manifest(root: Path, manifest: dict, size: int) -> None:
    """Everything the bench relies on: counts, word bounds, offsets, sentences, contradictions."""
    articles = manifest["articles"]
    assert [a["path"] for a in articles] == sorted(a["path"] for a in articles)
    assert len(articles) == size == manifest["totals"]["articles"]
    assert sorted(p.relative_to(root).as_posix() for p in root.rglob("story-*/*")) == [
        a["path"] for a in articles
    ]
    kinds = {kind: 0 for kind in corpus.KINDS}
    for article in articles:
        data = (root / article["path"]).read_bytes()
        text = data.decode("utf-8")
        assert article["bytes"] == len(data)
        assert corpus.MIN_WORDS <= article["words"] <= corpus.MAX_WORDS, article["path"]
        for claim in article["claims"]:
            kinds[claim["kind"]] += 1
            start, end = claim["offset"], claim["offset"] + len(claim["text"])
            assert text[start:end] == claim["text"], (article["path"], claim)
            written = claim["text"].encode("utf-8")
            assert data[claim["byte_offset"] : claim["byte_offset"] + len(written)] == written
            sentence_start, sentence_end = claim["sentence"]
            assert sentence_start <= start < end <= sentence_end
    assert kinds == manifest["totals"]["claims"]
    by_path = {article["path"]: article for article in articles}
    for found in manifest["contradictions"]:
        assert found["expected"] != found["odd_value"]
        assert len({value["path"] for value in found["values"]}) >= 3
        for value in found["values"]:
            claim = next(c for c in by_path[value["path"]]["claims"] if c["offset"] == value["offset"])
            odd = value["path"] == found["odd"]
            assert claim.get("odd", False) == odd
            expected = found["odd_value"] if odd else found["expected"]
            assert (value["value"], value["qualifier"]) == (expected["value"], expected["qualifier"])
    assert manifest["totals"]["contradictions"] == len(manifest["contradictions"])
    # Read line by line, as the bench does, they are the same.
    assert list(corpus.iter_contradictions(root / "manifest.json")) == manifest["contradictions"]


def test_the_same_seed_gives_the_same_bytes_and_another_seed_does_not(tmp_path: Path) -> None:
    corpus.generate(tmp_path / "a", 12, seed=3)
    corpus.generate(tmp_path / "b", 12, seed=3)
    corpus.generate(tmp_path / "c", 12, seed=4)
    first = files(tmp_path / "a")
    assert first == files(tmp_path / "b")
    assert first != files(tmp_path / "c")


def test_the_manifest_matches_the_files(built: tuple[Path, dict]) -> None:
    root, manifest = built
    check_manifest(root, manifest, 24)
    assert list(corpus.iter_articles(root / "manifest.json")) == manifest["articles"]
    assert {a["format"] for a in manifest["articles"]} == set(corpus.FORMATS)
    assert manifest["totals"]["claims"]["money"] > 0 and manifest["totals"]["contradictions"] > 0


def test_factlint_reads_every_article_without_a_problem_and_as_recorded(built: tuple[Path, dict]) -> None:
    root, manifest = built
    read = read_corpus([root])
    assert read.problems == ()
    sources = {source.id: source for source in read.sources}
    assert sorted(sources) == [a["path"] for a in manifest["articles"]]
    for article in manifest["articles"]:
        source = sources[article["path"]]
        assert source.published == dt.date.fromisoformat(article["published"]), article["path"]
        assert len(source.text.split()) == article["words"]
        clean = {
            orig + i: start + i
            for start, length, orig, size in source.offsets.runs
            if length == size
            for i in range(length)
        }
        for claim in article["claims"]:
            at = clean[claim["offset"]]
            assert source.text[at : at + len(claim["text"])] == claim["text"]


def test_the_cli_writes_a_corpus_and_refuses_a_folder_in_use(tmp_path: Path, capsys) -> None:
    assert corpus.main([str(tmp_path / "out"), "--size", "5", "--seed", "2"]) == 0
    assert "5 articles" in capsys.readouterr().out
    assert corpus.main([str(tmp_path / "out"), "--size", "5"]) == 2


def test_sentences_without_figures_have_no_number_date_or_title() -> None:
    fillers = [
        *corpus.FILLERS,
        *(f"{s} {p}" for s, p in itertools.product(corpus._SUBJECTS, corpus._PREDICATES)),
        *(t for theme in corpus._THEMES.values() for t in theme["fillers"] + theme["a"] + theme["b"]),
        *corpus._ANALYST_QUOTES,
    ]
    assert [t for t in fillers if corpus.FORBIDDEN.search(t)] == []


def test_invented_names_are_not_in_the_knowledge_base(built: tuple[Path, dict]) -> None:
    kb = default_knowledge()
    known = {name.lower() for entity in kb.entities for name in (entity.name, *entity.aliases)}
    known |= {name.lower() for person in kb.people for name in (person.name, *person.aliases)}
    tickers = {entity.listing.ticker for entity in kb.entities if entity.listing}
    words = {
        onset + middle + ending
        for onset, middle, ending in itertools.product(
            corpus._ONSETS, ["", *corpus._MIDDLES], corpus._ENDINGS
        )
    }
    assert not {word.lower() for word in words} & known
    assert not {f"{first} {last}".lower() for first in corpus._FIRST for last in corpus._LAST} & known
    assert not {last.lower() for last in corpus._LAST} & known
    listings = {story["listing"].split(": ")[1] for story in built[1]["stories"] if story["listing"]}
    assert not listings & tickers


@settings(max_examples=5, deadline=None)
@given(seed=st.integers(0, 2**32), size=st.integers(1, 9))
def test_any_seed_gives_a_valid_manifest(
    tmp_path_factory: pytest.TempPathFactory, seed: int, size: int
) -> None:
    root = tmp_path_factory.mktemp("any") / "out"
    manifest = corpus.generate(root, size, seed)
    check_manifest(root, manifest.read(), size)
