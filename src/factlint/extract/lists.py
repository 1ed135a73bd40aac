"""Figures a sentence lists together: parts and the total they make, shares of one whole.

Two list shapes, read from one sentence's figures of one kind and unit:

- **parts and their total**: a run of figures joined as a list ("Acme $1.9 million, Bolt $1.6
  million and Crane $450,000"), next to a figure that words call their total ("$4.2 million in
  all:", "for a total of $4.2 million"). Words that say the list is not all of it ("including",
  "among them", or one of ``earlier_parts``: "bringing") make it partial: such parts may fall
  short of the total, never exceed it.
- **shares of one whole**: percentages held by different holders, the first of a whole its words
  name ("Smith won 54% of the vote, Jones 38% and Brown 12%"); the later ones leave the whole
  unsaid. Shares of one whole held by different holders cannot add up to more than all of it.

Two figures are neighbours in a list when only a joint (a comma, a semicolon, "and", "plus")
and at most a short label on either side of it stand between them ("$1.9 million from Acme and
$1.6 million"), with no word that makes them something else than parts (a rate: "each", "a
share"; a comparison: "than", "versus"; a move: "rose"), which are ``not_parts`` and the
``rises`` and ``falls`` of ``figure_words`` in ``rules/frames.yaml``, beside ``total_before``,
``total_after`` and ``partial_lists``.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Mapping, Sequence

from factlint.extract.numbers import alternation
from factlint.model import Claim, Listed

_JOINT = re.compile(r"\s*(?:[,;]\s*(?:(?:and|plus)\b\s*)?|\b(?:and|plus|&)\b\s*)", re.IGNORECASE)
_LABEL_WORDS = 4  # the most words of a label on either side of a joint ("from Acme", "Bolt Inc")
_WORD = re.compile(r"[^\W\d_][\w'’.&-]*")
_CAPITALISED = re.compile(r"[A-Z]")
_OF_WHOLE = re.compile(r"\s+of\s+(?:the\s+|all\s+|its\s+|their\s+)?[^\W\d_]", re.IGNORECASE)
_HOLDER = re.compile(
    r"(?:^|[,;:]\s*|\b(?:and|while|whereas|but)\s+)([A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*){0,3})\s+"
)
_NO_VERB = frozenset({"than", "of", "to", "from", "by"})  # "more than", "a rise of": no holding
_BEFORE_RUN = re.compile(r"\b(?:between|from)\s*$", re.IGNORECASE)


@dataclasses.dataclass(frozen=True)
class ListWords:
    """The words that mark a total, a partial list and figures that are no parts, as patterns.

    Made once a knowledge by :meth:`of`: ``total_before`` ends a text with a total word,
    ``total_after`` begins one, ``partial`` finds a partial-list word and ``marks`` any of the
    three (lower-case text, whole words).
    """

    total_before: re.Pattern[str]
    total_after: re.Pattern[str]
    partial: re.Pattern[str]
    marks: re.Pattern[str]
    not_parts: frozenset[str]

    @classmethod
    def of(
        cls, before: Sequence[str], after: Sequence[str], partial: Sequence[str], not_parts: frozenset[str]
    ) -> ListWords:
        """The patterns of the phrases of ``figure_words``."""

        def words(phrases: Sequence[str]) -> str:
            if not phrases:
                return "(?!)"  # no words: a pattern that matches nothing
            return alternation([phrase.lower() for phrase in phrases], flexible=False)

        return cls(
            total_before=re.compile(rf"(?<!\w)(?:{words(before)})\s*$"),
            total_after=re.compile(rf"[ ,]*(?:{words(after)})(?!\w)"),
            partial=re.compile(rf"(?<!\w)(?:{words(partial)})(?!\w)"),
            marks=re.compile(rf"(?<!\w)(?:{words([*before, *after, *partial])})(?!\w)"),
            not_parts=not_parts,
        )


def listed_figures(
    text: str, figures: Sequence[Claim], sentence: Mapping[str, int], words: ListWords
) -> dict[str, Listed]:
    """What the sentences of ``text`` list with each figure of ``figures`` (in text order), by id."""
    families: dict[tuple[int, str, str], list[Claim]] = {}
    for claim in figures:
        if claim.quantity is None or claim.quantity.qualifier == "range":
            continue
        key = (sentence[claim.id], claim.kind, claim.quantity.unit)
        families.setdefault(key, []).append(claim)
    found: dict[str, Listed] = {}
    for (start, _, unit), members in families.items():
        if len(members) < 2:
            continue
        total = _total(text, start, members, words)
        if total is not None:
            listed = _parts(text, start, members, total, words)
            if listed is not None:
                found[total.id] = listed
            continue
        if unit == "percent":
            shares = _shares(text, start, members, words)
            for claim_id in shares:
                found[claim_id] = Listed(shares=tuple(other for other in shares if other != claim_id))
    return found


def _total(text: str, start: int, members: Sequence[Claim], words: ListWords) -> Claim | None:
    """The one figure of ``members`` that words call a total, if exactly one is."""
    totals = [
        claim
        for claim in members
        if words.total_before.search(text[start : claim.span.start].lower())
        or words.total_after.match(text[claim.span.end : claim.span.end + 24].lower())
    ]
    return totals[0] if len(totals) == 1 else None


def _parts(text: str, start: int, members: Sequence[Claim], total: Claim, words: ListWords) -> Listed | None:
    """The run of figures listed right before or right after ``total``, if two or more."""
    at = members.index(total)
    before, after = list(members[:at]), list(members[at + 1 :])
    run = _run(text, after, words) if after else []
    joint = text[total.span.end : run[0].span.start] if run else ""
    if len(run) < 2 and before:
        run = _run(text, before[::-1], words)[::-1]
        joint = text[run[-1].span.end : total.span.start] if run else ""
    if len(run) < 2 or not _joins_total(joint, words):
        return None
    if _BEFORE_RUN.search(text[start : run[0].span.start]):
        return None  # "between $1 and $2", "from $3 to $4": a range, not parts
    sentence = text[start : max(total.span.end, run[-1].span.end)].lower()
    partial = words.partial.search(sentence) is not None
    return Listed(parts=tuple(claim.id for claim in run), partial=partial)


def _run(text: str, members: Sequence[Claim], words: ListWords) -> list[Claim]:
    """The figures from the first of ``members`` on (in either order) that each follow as neighbours."""
    run = [members[0]]
    for claim in members[1:]:
        first, second = sorted((run[-1], claim), key=lambda c: c.span.start)
        if not _neighbours(text[first.span.end : second.span.start], words):
            break
        run.append(claim)
    return run


def _neighbours(between: str, words: ListWords) -> bool:
    """Whether only a joint and short labels stand between two figures of a list."""
    joint = _JOINT.search(between)
    if joint is None:
        return False
    labels = (between[: joint.start()], between[joint.end() :])
    return all(_is_label(label, words) for label in labels)


def _is_label(label: str, words: ListWords) -> bool:
    """A few words without figures, list marks or words that make a figure no part."""
    if any(character.isdigit() for character in label) or re.search(r"[,;.!?]", label):
        return False
    found = [word.lower() for word in _WORD.findall(label)]
    return len(found) <= _LABEL_WORDS and not any(word in words.not_parts for word in found)


def _joins_total(joint: str, words: ListWords) -> bool:
    """Whether what stands between a total and its list only marks the total and links them."""
    rest = words.marks.sub(" ", joint.lower())
    found = _WORD.findall(rest)
    if any(character.isdigit() for character in rest) or len(found) > _LABEL_WORDS:
        return False
    return not any(word in words.not_parts for word in found)


def _shares(text: str, start: int, members: Sequence[Claim], words: ListWords) -> tuple[str, ...]:
    """The ids of percentages a sentence gives different holders of the whole the first names."""
    first = members[0]
    if not _OF_WHOLE.match(text, first.span.end) or not _holder_before(text, start, first):
        return ()
    run = _run(text, members, words)
    if len(run) < 2:
        return ()
    for previous, claim in itertools.pairwise(run):
        between = text[previous.span.end : claim.span.start]
        joint = _JOINT.search(between)
        label = between[joint.end() :].strip() if joint else ""
        if not _CAPITALISED.match(label) or _OF_WHOLE.match(text, claim.span.end):
            return ()
    return tuple(claim.id for claim in run)


def _holder_before(text: str, start: int, claim: Claim) -> bool:
    """Whether a capitalised name and at most three words of a verb stand before the share."""
    before = text[start : claim.span.start]
    holders = list(_HOLDER.finditer(before))
    if not holders:
        return False
    verb = before[holders[-1].end() :]
    found = [word.lower() for word in _WORD.findall(verb)]
    return (
        1 <= len(found) <= 3
        and not re.search(r"[\d,;:]", verb)
        and not any(word[:1].isupper() for word in _WORD.findall(verb))
        and not any(word in _NO_VERB for word in found)
    )
