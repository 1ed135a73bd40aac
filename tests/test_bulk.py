"""The collector pause restores the collector's state, even when the block fails."""

from __future__ import annotations

import gc

import pytest

from factlint.bulk import collector_paused


def test_the_collector_is_off_inside_and_back_after_an_error():
    assert gc.isenabled()
    with pytest.raises(RuntimeError), collector_paused():
        assert not gc.isenabled()
        raise RuntimeError("boom")
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off():
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_claims_are_matched_with_the_collector_paused_and_it_is_back_after(monkeypatch):
    from factlint import pipeline
    from factlint.engines import LocalEngine
    from factlint.extract import extract, text_source
    from factlint.knowledge import default_knowledge
    from factlint.match import group, reconcile

    kb = default_knowledge()
    texts = {"a": "Acme Corp raised $40 million.", "b": "Acme Corp raised $45 million."}
    sources = [text_source(text, id=name) for name, text in texts.items()]
    claims = [claim for source in sources for claim in extract(source, kb)]
    seen = []
    real = pipeline.reconcile

    def watching(*args, **kwargs):
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(pipeline, "reconcile", watching)
    groups = pipeline.match_claims(claims, sources, kb, LocalEngine())
    assert seen == [False] and gc.isenabled()
    assert groups == tuple(reconcile(group(claims, kb), kb, published={s.id: s.published for s in sources}))
    assert any(len(g.claims) == 2 for g in groups)
