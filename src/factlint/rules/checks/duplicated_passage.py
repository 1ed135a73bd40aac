"""FL103: a passage repeated inside one document (a quoted block pasted twice, a template loop).

Extraction finds the passages (:mod:`factlint.extract.passages`: paragraphs of at least
``min_chars`` characters, compared without case or spacing, that occur ``min_repeats`` times or
more, from ``passages`` in ``rules/language.yaml``); each is reported once with how many times and
on which lines it stands.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from factlint.model import Evidence, Finding
from factlint.rules.context import Context, finding
from factlint.rules.kinds import register

if TYPE_CHECKING:  # pragma: no cover - types only
    from factlint.rules.base import Rule


@register("duplicated_passage", ("passage", "times", "paragraphs", "lines"), document=True)
def check(context: Context, rule: Rule) -> Iterator[Finding]:
    """One finding per repeated passage of each source."""
    for source in context.sources:
        for passage in context.reading(source.id).passages:
            lines = [source.offsets.line_col(span.start)[0] for span in passage.spans]
            words = " ".join(passage.quote.split())
            yield finding(
                context,
                rule,
                source.id,
                [Evidence(source.id, passage.quote, passage.spans[0])],
                explanation=f"the same {passage.paragraphs} paragraph(s) stand {passage.times} times, "
                f"at lines {', '.join(map(str, lines))}",
                fix="keep one copy of the passage",
                passage=words[:80] + ("…" if len(words) > 80 else ""),
                times=passage.times,
                paragraphs=passage.paragraphs,
                lines=", ".join(map(str, lines)),
            )
