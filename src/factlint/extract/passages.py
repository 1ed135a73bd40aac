"""Passages repeated inside one document (a quoted block pasted twice, a template loop), for FL103.

Paragraphs (lines) of at least ``passage_min_chars`` characters (``passages`` in
``rules/language.yaml``), compared without case or spacing, that occur ``passage_min_repeats``
times or more; consecutive repeated paragraphs seen the same number of times are one passage.
A passage must hold prose: a paragraph that ends a sentence (".", "!", "?", before any closing
quote or bracket). Page furniture that a web page repeats between paragraphs (an advertisement
slug, a "read more" link, a section heading) ends none, so alone it is never reported as the
article's own text; inside a repeated block of prose it stays part of the block.
"""

from __future__ import annotations

from collections import Counter

from factlint.model import Passage, Span

_CLOSERS = "\"'’”)]*_ "  # what may follow a sentence's end: closing quotes, brackets, emphasis


def repeated_passages(text: str, min_chars: int, min_repeats: int) -> tuple[Passage, ...]:
    """Passages that stand ``min_repeats`` times or more: their paragraphs, how often, where each begins.

    A passage is the longest run of consecutive repeated paragraphs from its first appearance,
    continued across lines that differ between the copies while the count stays the same; a
    paragraph already reported is not reported again, so a block nested inside its own copy (a
    summary quoted within itself) gives one passage, not one per layer.
    """
    lines = text.split("\n")
    keys = [" ".join(line.lower().split()) for line in lines]
    counts = Counter(key for key in keys if len(key) >= min_chars)
    if all(count < min_repeats for count in counts.values()):
        return ()  # nothing repeats (most documents): no need to place the paragraphs
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
    return tuple(
        Passage(len(run), times, tuple(spans), text[spans[0].start : spans[0].end])
        for run, times, spans in passages
        if any(is_prose(key) for key in run)  # page furniture alone is no passage of the article
    )


def is_prose(paragraph: str) -> bool:
    """Whether ``paragraph`` ends a sentence, closing quotes and brackets aside."""
    return paragraph.rstrip(_CLOSERS)[-1:] in (".", "!", "?", "…")
