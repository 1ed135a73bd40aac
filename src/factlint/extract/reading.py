"""What extraction reads in one source beside its claims, for the rules: :class:`~factlint.model.Reading`.

The labelled values of its text (:mod:`factlint.extract.labelled`), its suppressions
(:mod:`factlint.ingest.suppressions`), the passages it repeats (:mod:`factlint.extract.passages`),
the words around its figures (:mod:`factlint.extract.wording`, with what each figure's sentence
says besides it: :mod:`factlint.extract.sentence_context`) and the verb that governs each of its
dates (:mod:`factlint.extract.events`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from factlint.extract.events import WITHOUT_YEAR, completed_verb, names_a_year
from factlint.extract.labelled import labelled_values
from factlint.extract.passages import repeated_passages
from factlint.extract.wording import figure_wordings, sentence_start
from factlint.ingest.suppressions import suppressions_of
from factlint.knowledge import KnowledgeBase
from factlint.model import Claim, Reading, Source, Wording


def read_beside(
    source: Source, claims: Sequence[Claim] | None, kb: KnowledgeBase, data: bytes | None = None
) -> Reading:
    """What extraction reads in ``source`` beside its ``claims``; ``data`` are its file's bytes, if read.

    ``claims`` is None when extraction failed: then only what does not rest on the text's figures
    (suppressions, passages) is read.
    """
    passages = repeated_passages(source.text, kb.passage_min_chars, kb.passage_min_repeats)
    if claims is None:
        return Reading(source.id, suppressions=suppressions_of(source, data), passages=passages)
    return Reading(
        source.id,
        labelled_values(source.text, claims, kb),
        suppressions_of(source, data),
        passages,
        wordings_of(source, claims, kb),
    )


def wordings_of(source: Source, claims: Sequence[Claim], kb: KnowledgeBase) -> tuple[Wording, ...]:
    """The wording around each figure of ``claims``, and each date that may follow the publication."""
    figures = figure_wordings(source, claims, kb)
    found = []
    for claim in claims:
        if claim.id in figures:
            found.append(figures[claim.id])
        elif claim.kind == "date" and _may_follow(claim, source.published):
            found.append(
                Wording(
                    claim.id,
                    sentence_start(source.text, claim),
                    verb=completed_verb(source, claim, kb),
                    year_named=names_a_year(claim.sentence, source.published),
                )
            )
    return tuple(found)


def _may_follow(claim: Claim, published: dt.date | None) -> bool:
    """Whether a date may fall after the publication: it does, or it was written without a year.

    Only these are read for their verb (FL302); the others never need it.
    """
    time = claim.time
    if time is None or time.start is None or published is None:
        return False
    return time.start > published or claim.extractor in WITHOUT_YEAR
