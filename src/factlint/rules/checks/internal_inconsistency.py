"""FL101: one document gives incompatible values for one thing.

Three ways a document disagrees with itself:

- its front matter against its text: a number or a date under a key (``impact.score``,
  ``timeline.estimatedDate``) that the text gives differently right after the key's words ("impact
  score of 95/100", "Estimated Date: 12/30/2024"). A key is matched by its words, never by name;
  a one-word key that says little on its own ("score", "date") needs its parent's word too.
- a labelled figure given two values in the text ("impact score of 95/100" ... "impact score of
  100/100"): a label of at least ``min_label_words`` words right before a link ("of", ":", "was")
  and the figure.
- two figures of one fact from one source (the same group of the matching: subject, attribute,
  aspect and time) that cannot both be right ("turnout was 66.1%" ... "turnout of 64%").

A fourth is the publication date of the front matter against the byline's or the "Published:"
line's.

Figures that may differ are left alone: a sentence with a change, an earlier or an expected figure,
a range, a prospective figure, another date, another part or place (names after "in" too), two
figures in one sentence, figures in different units. Numbers agree within their rounding; dates
compare as calendar days, and when a timestamp falls on the text's day in another time zone
(``zones``) the finding says so, as the likely cause. Extraction reads the labels and sentences
(:mod:`factlint.extract.labelled`, :mod:`factlint.extract.sentence_context`, with the words of
``statements`` in ``rules/language.yaml``); the judgement lives in :mod:`factlint.rules.consistency`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from factlint.model import Claim, ClaimGroup, Finding, Source
from factlint.rules.consistency.disagreement import disagreement
from factlint.rules.consistency.front_matter import front_matter
from factlint.rules.consistency.labelled import stated as stated_in_text
from factlint.rules.consistency.publication import publication
from factlint.rules.consistency.same_fact import same_fact
from factlint.rules.consistency.statements import Statement
from factlint.rules.context import Context
from factlint.rules.kinds import register

if TYPE_CHECKING:  # pragma: no cover - types only
    from factlint.rules.base import Rule

FIELDS = ("label", "count", "values", "note")
PARAMS: dict[str, Any] = {
    # A one-word key that says little alone is matched with its parent's last word (impact.score is
    # "impact score").
    "generic_keys": ["score", "value", "date", "day", "time", "count", "number", "total", "amount", "level",
                     "rate", "figure", "min", "max", "low", "high", "start", "end", "size"],
    "ignore_keys": ["id", "version", "draft", "weight", "order", "index", "page", "pages", "year"],
    "min_label_words": 2,
    # Time zones (standard time, hours from UTC) named when a timestamp falls on the text's day there.
    "zones": {"US Pacific": -8, "US Eastern": -5, "UTC": 0, "Central Europe": 1, "India": 5.5,
              "China": 8, "Japan": 9, "Sydney": 10},
}  # fmt: skip


@register("internal_inconsistency", FIELDS, PARAMS, document=True)
def check(context: Context, rule: Rule) -> Iterator[Finding]:
    """One finding per thing a document gives two or more incompatible values for."""
    claims: dict[str, list[Claim]] = {}
    for claim in context.claims:
        claims.setdefault(claim.source_id, []).append(claim)
    groups: dict[str, list[tuple[ClaimGroup, list[Claim]]]] = {}
    for group in context.groups:
        mine: dict[str, list[Claim]] = {}
        for claim in group.claims:
            mine.setdefault(claim.source_id, []).append(claim)
        for source_id, theirs in mine.items():
            groups.setdefault(source_id, []).append((group, theirs))
    for source in context.sources:
        reported: set[int] = set()
        for found, spans in _labelled(context, rule, source, claims.get(source.id, [])):
            reported.update(spans)
            yield found
        yield from same_fact(context, rule, source, groups.get(source.id, []), reported)


def _labelled(
    context: Context, rule: Rule, source: Source, claims: list[Claim]
) -> Iterator[tuple[Finding, set[int]]]:
    """Findings for front-matter values and labelled figures, with the text offsets they quote."""
    kb, params = context.kb, rule.params
    stated = stated_in_text(context.reading(source.id))
    wanted = list(front_matter(source.meta_values, params, kb))
    used: set[int] = set()
    for meta in wanted:
        body = [
            (index, item)
            for index, item in enumerate(stated)
            if item.kind == meta.kind and _names(item, meta.label)
        ]
        used.update(index for index, _ in body)
        # The front matter speaks of the document as a whole: a figure its sentence dates or places
        # ("turnout in the capital", "on Monday") is another thing.
        plain = [item for _, item in body if not item.context]
        if not plain:
            continue
        found = disagreement(context, rule, source, meta.label, [meta, *plain])
        if found is not None:
            yield found, {item.span.start for item in plain if item.span is not None}
    by_label: dict[tuple[object, ...], list[Statement]] = {}
    for index, item in enumerate(stated):
        if index not in used and item.linked and len(item.label) >= params["min_label_words"]:
            by_label.setdefault((item.label, item.context, item.places), []).append(item)
    for (label, _, _), items in by_label.items():
        if len(items) >= 2:
            found = disagreement(context, rule, source, label, items)
            if found is not None:
                yield found, {item.span.start for item in items if item.span is not None}
    yield from publication(context, rule, source, claims)


def _names(item: Statement, label: tuple[str, ...]) -> bool:
    """Whether a statement in the text speaks of the front-matter label."""
    if item.label == label or (len(label) >= 2 and item.label[-len(label) :] == label):
        return True
    return len(label) == 1 and item.unit_word == label[0]
