"""FL103: a passage repeated inside one document (a quoted block pasted twice, a template loop).

Paragraphs (lines) of at least ``min_chars`` characters, compared without case or spacing, that
occur ``min_repeats`` times or more; consecutive repeated paragraphs seen the same number of times
are one passage, reported once with how many times and on which lines it stands.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING

from factlint.model import Evidence, Finding, Source, Span
from factlint.rules.context import Context, finding
from factlint.rules.kinds import register

if TYPE_CHECKING:  # pragma: no cover - types only
    from factlint.rules.base import Rule


@register(
    "duplicated_passage",
    ("passage", "times", "paragraphs", "lines"),
    {"min_chars": 40, "min_repeats": 2},
    document=True,
)
def check(context: Context, rule: Rule) -> Iterator[Finding]:
    """One finding per repeated passage of each source."""
    for source in context.sources:
        for passage, times, spans in repeated_passages(
            source, rule.params["min_chars"], rule.params["min_repeats"]
        ):
            lines = [source.offsets.line_col(span.start)[0] for span in spans]
            words = " ".join(source.text[spans[0].start : spans[0].end].split())
            yield finding(
                context,
                rule,
                source.id,
                [Evidence(source.id, source.text[span.start : span.end], span) for span in spans[:1]],
                explanation=f"the same {len(passage)} paragraph(s) stand {times} times, at lines "
                f"{', '.join(map(str, lines))}",
                fix="keep one copy of the passage",
                passage=words[:80] + ("…" if len(words) > 80 else ""),
                times=times,
                paragraphs=len(passage),
                lines=", ".join(map(str, lines)),
            )


def repeated_passages(
    source: Source, min_chars: int, min_repeats: int
) -> list[tuple[list[str], int, list[Span]]]:
    """Passages that stand ``min_repeats`` times or more: their paragraphs, how often, where each begins.

    A passage is the longest run of consecutive repeated paragraphs from its first appearance,
    continued across lines that differ between the copies while the count stays the same; a
    paragraph already reported is not reported again, so a block nested inside its own copy (a
    summary quoted within itself) gives one finding, not one per layer.
    """
    lines = source.text.split("\n")
    keys = [" ".join(line.lower().split()) for line in lines]
    counts = Counter(key for key in keys if len(key) >= min_chars)
    if all(count < min_repeats for count in counts.values()):
        return []  # nothing repeats (most documents): no need to place the paragraphs
    paragraphs: list[tuple[str, Span]] = []
    position = 0
    for line, key in zip(lines, keys, strict=True):
        if len(key) >= min_chars:
            start = position + len(line) - len(line.lstrip())
            paragraphs.append((key, Span(start, position + len(line.rstrip()))))
        position += len(line) + 1
    passages: list[tuple[list[str], int, list[Span]]] = []
    reported: set[str] = set()
    index = 0
    while index < len(paragraphs):
        key = paragraphs[index][0]
        if counts[key] < min_repeats or key in reported:
            index += 1
            continue
        run = [key]
        while index + len(run) < len(paragraphs):
            following = paragraphs[index + len(run)][0]
            if counts[following] < min_repeats or following in reported or following in run:
                break
            run.append(following)
        reported.update(run)
        times = min(counts[k] for k in run)
        if passages and passages[-1][1] == times:
            passages[-1][0].extend(run)  # the same block, broken by a line that differs between copies
        else:
            passages.append((run, times, [span for k, span in paragraphs if k == run[0]]))
        index += len(run)
    return passages
