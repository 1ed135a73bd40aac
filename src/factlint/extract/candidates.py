"""Unknown organisations: capitalised names that a text treats as organisations.

A name is a run of capitalised words, cut at function words, months, weekdays and titles. It is a
candidate organisation when it ends in an organisation word ("the Central Electoral Commission") or
the text gives evidence that it acts as one: it stands right before a verb of
``rules/entities.yaml`` ("Northwind said", "Castlemere City have agreed"), or it is a name of two or
more words that recurs, or whose first word stands alone for it later ("Veltrix Semiconductor ...
Veltrix"; not an adjective: "the Seravian government"). People and places are never candidates: a
person follows a title or a word such as "striker", follows "said", signs a byline, is a first name
and surname before "said", or one whose surname then stands alone ("Mirela Doskova ... Doskova"); a
place is in a dateline, before "province" or "-based", or after "the capital". A word capitalised
only because it begins a sentence is no name when the text also writes it in lower case or it
looks plural ("Shares rose").
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import re
from collections import defaultdict

from factlint.extract.dates import WEEKDAYS
from factlint.extract.numbers import alternation
from factlint.ingest.dates import MONTHS
from factlint.knowledge import KnowledgeBase

# A capitalised word: "Osei-Lund", "O'Neil", "AT&T"; neither a possessive "'s" nor a lower-case
# ending after a hyphen is part of it ("Lindmark-based").
_WORD = re.compile(r"(?<![\w'’&.-])[A-Z][A-Za-z&]*(?:-[A-Z][A-Za-z&]*|['’](?!s\b)[A-Za-z]+)*(?![\w&])")
_LINE_START = re.compile(r"(?m)^[ \t]*(?:#+[ \t]*)?")
_OPENERS = " \t\"'“‘([#*"
_BYLINE = re.compile(r"(?:^[ \t]*|\b(?:[Rr]eporting|[Ee]diting|[Ww]riting|[Cc]ompiled)[ \t]+)[Bb]y[ \t]+$")
_SAID = r"(?:said|says|told)"
_DAYS = frozenset([*WEEKDAYS, "today", "yesterday", "tomorrow", "tonight"])
_LOOK = 60


@dataclasses.dataclass(frozen=True)
class _Chunk:
    """One name written at ``[start, end)``; ``after_title`` when a title or person word precedes it."""

    key: str
    start: int
    end: int
    initial: bool
    after_title: bool


@dataclasses.dataclass(frozen=True)
class _Patterns:
    titles: frozenset[str]
    title_firsts: frozenset[str]
    person_before: re.Pattern[str]
    title_after: re.Pattern[str]
    verb_after: re.Pattern[str] | None
    place_after: re.Pattern[str] | None
    place_before: re.Pattern[str] | None
    locative_before: re.Pattern[str] | None
    suffixes: frozenset[str]
    adjective: re.Pattern[str] | None
    dateline: re.Pattern[str]


@functools.cache
def _patterns(kb: KnowledgeBase) -> _Patterns:
    titles = frozenset([*kb.titles, *kb.person_words])
    months = alternation([name for name in MONTHS if len(name) > 3])
    verbs, adverbs = kb.candidate_verbs, kb.candidate_adverbs
    adverb = rf"(?:(?:{alternation(adverbs)})[ \t]+){{0,2}}" if adverbs else ""
    return _Patterns(
        titles=titles,
        title_firsts=frozenset(title.split()[0] for title in titles),
        person_before=re.compile(rf"(?i:\b(?:{alternation(titles)})),?[ \t]+$"),
        title_after=re.compile(
            rf",[ \t]+(?P<between>(?:[\w&.'’-]+[ \t]+){{0,3}}?)(?i:(?:{alternation(titles)}))(?![\w-])"
        ),
        verb_after=re.compile(rf"[ \t]+{adverb}(?:{alternation(verbs)})\b") if verbs else None,
        place_after=re.compile(rf"(?:['’]s)?(?:-based\b|[ \t]+(?:{alternation(kb.place_nouns)})\b)")
        if kb.place_nouns
        else None,
        place_before=re.compile(rf"\b(?:{alternation(kb.place_before)})[ \t]+$") if kb.place_before else None,
        locative_before=re.compile(rf"(?i:\b(?:{alternation(kb.locatives)}))[ \t]+(?:the[ \t]+)?$")
        if kb.locatives
        else None,
        suffixes=frozenset([*kb.company_suffixes, *kb.organisation_words]),
        adjective=re.compile(rf"(?:{alternation(kb.adjective_endings)})$", re.IGNORECASE)
        if kb.adjective_endings
        else None,
        # "KOLMIRA, Seravia, March 10 (Agency) -": the places before the date.
        dateline=re.compile(
            rf"(?m)^[ \t]*(?P<city>[A-Z][A-Z'’. -]*[A-Z])(?:,[ \t]+(?P<region>[A-Z][\w'’. -]*?))?,[ \t]+"
            rf"(?i:{months})\b"
        ),
    )


def find_candidates(text: str, kb: KnowledgeBase) -> list[tuple[int, int, str]]:
    """``(start, end, name)`` of every unknown organisation named in ``text``, in order.

    ``name`` is the full name a mention stands for ("Veltrix Semiconductor" for a later "Veltrix").
    """
    compiled = _patterns(kb)
    chunks = [chunk for chunk in _chunks(text, kb, compiled) if not _heading(text, chunk)]
    if not chunks:
        return []
    by_key: dict[str, list[_Chunk]] = defaultdict(list)
    for chunk in chunks:
        by_key[chunk.key].append(chunk)
    places = _places(text, by_key, compiled)
    people = _people(text, by_key, kb, compiled)
    lowercase_words = set(re.findall(r"(?<![\w'’-])[a-z][a-z'’-]*", text))
    excluded = {
        key
        for key in by_key
        if key in places or key in people or _common(key, by_key[key], kb, lowercase_words)
    }
    accepted = {key for key in by_key if key not in excluded and _acts(text, key, by_key, excluded, compiled)}
    # A first word that stands alone names the longer organisation it begins ("Veltrix").
    firsts: dict[str, list[str]] = defaultdict(list)
    for key in accepted:
        if " " in key:
            firsts[key.split()[0]].append(key)
    names = {key: key for key in accepted}
    for first, longer in firsts.items():
        if len(longer) == 1 and _short_form(text, first, by_key, excluded, compiled):
            names[first] = longer[0]
    return [(chunk.start, chunk.end, names[chunk.key]) for chunk in chunks if chunk.key in names]


def _short_form(
    text: str, word: str, by_key: dict[str, list[_Chunk]], excluded: set[str], compiled: _Patterns
) -> bool:
    """True when ``word`` stands alone in the text for a longer name it begins.

    An adjective ("Seravian") does so only where it acts itself: before a verb or as a possessive.
    """
    if word not in by_key or word in excluded or word.isupper():
        return False  # an acronym begins a name without standing for it ("AI Advancements")
    if compiled.adjective is None or not compiled.adjective.search(word):
        return True
    return any(
        text.startswith(("'s", "’s"), chunk.end)
        or (compiled.verb_after is not None and compiled.verb_after.match(text, chunk.end))
        for chunk in by_key[word]
    )


def _chunks(text: str, kb: KnowledgeBase, compiled: _Patterns) -> list[_Chunk]:
    """Every run of capitalised words, cut at function words, months, weekdays and titles."""
    words = list(_WORD.finditer(text))
    skipped = _title_case_lines(text, kb) if len(words) >= 4 else []
    if skipped:
        words = [match for match in words if not any(a <= match.start() < b for a, b in skipped)]
    chunks: list[_Chunk] = []
    run: list[re.Match[str]] = []
    after_title = False
    index = 0
    while index < len(words):
        word = words[index]
        joined = bool(run) and text[run[-1].end() : word.start()].strip(" \t") == ""
        if run and not joined:
            chunks.append(_chunk(text, run, after_title))
            run, after_title = [], False
        lowered = word.group().lower()
        title_length = (
            _title_at(words, index, text, compiled.titles) if lowered in compiled.title_firsts else 0
        )
        if title_length:
            if run:
                chunks.append(_chunk(text, run, after_title))
            run, after_title = [], True
            index += title_length
            continue
        if lowered in kb.function_words or lowered in MONTHS or lowered in _DAYS:
            if run:
                chunks.append(_chunk(text, run, after_title))
            run, after_title = [], False
        else:
            if (
                not run
                and after_title
                and index
                and text[words[index - 1].end() : word.start()].strip(" \t,")
            ):
                after_title = False  # the title was not right before this name
            run.append(word)
        index += 1
    if run:
        chunks.append(_chunk(text, run, after_title))
    return chunks


def _heading(text: str, chunk: _Chunk) -> bool:
    """True for a name that is a whole line ("Key Factors") or a label before a colon ("Source Type:")."""
    if text[chunk.end : chunk.end + 2].lstrip(" \t")[:1] == ":":
        return True
    line_start = text.rfind("\n", 0, chunk.start) + 1
    line_end = text.find("\n", chunk.end)
    line = text[line_start : len(text) if line_end == -1 else line_end]
    return line.strip(" \t#*-:") == text[chunk.start : chunk.end]


def _chunk(text: str, run: list[re.Match[str]], after_title: bool) -> _Chunk:
    start, end = run[0].start(), run[-1].end()
    return _Chunk(" ".join(word.group() for word in run), start, end, _initial(text, start), after_title)


def _title_at(words: list[re.Match[str]], index: int, text: str, titles: frozenset[str]) -> int:
    """How many words from ``index`` spell a title or a person word ("Finance Minister"), else 0."""
    for length in (3, 2, 1):
        part = words[index : index + length]
        if len(part) < length:
            continue
        if any(text[a.end() : b.start()].strip(" \t") for a, b in itertools.pairwise(part)):
            continue
        if " ".join(word.group().lower() for word in part) in titles:
            return length
    return 0


def _initial(text: str, start: int) -> bool:
    """True when the word at ``start`` begins a sentence, a line, a quotation or a dashed aside."""
    index = start - 1
    while index >= 0 and text[index] in _OPENERS:
        index -= 1
    return index < 0 or text[index] in "\n.!?:;-–—"


def _title_case_lines(text: str, kb: KnowledgeBase) -> list[tuple[int, int]]:
    """Lines written in Title Case ("Veltrix Shares Extend Gains"), where capitals say nothing."""
    spans = []
    for line in re.finditer(r"[^\n]+", text):
        words = [
            w for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", line.group()) if w.lower() not in kb.function_words
        ]
        if len(words) >= 4 and sum(word[0].isupper() for word in words) >= 0.8 * len(words):
            spans.append((line.start(), line.end()))
    return spans


def _places(text: str, by_key: dict[str, list[_Chunk]], compiled: _Patterns) -> set[str]:
    """Names the text writes as places: datelines, "Tarvessa province", "Lindmark-based", "the capital X"."""
    places = set()
    for match in compiled.dateline.finditer(text):
        for group in ("city", "region"):
            if match.group(group):
                places.add(" ".join(match.group(group).split()).lower())
    for key, chunks in by_key.items():
        if key.lower() in places:
            places.add(key)
            continue
        for chunk in chunks:
            before = text[max(0, chunk.start - _LOOK) : chunk.start]
            if (compiled.place_after is not None and compiled.place_after.match(text, chunk.end)) or (
                compiled.place_before is not None and compiled.place_before.search(before)
            ):
                places.add(key)
                break
    return places


def _people(text: str, by_key: dict[str, list[_Chunk]], kb: KnowledgeBase, compiled: _Patterns) -> set[str]:
    """Names of people and the first names and surnames that stand for them."""
    full = set()
    for key, chunks in by_key.items():
        words = key.split()
        if not 2 <= len(words) <= 3 or words[-1] in compiled.suffixes:
            continue
        for chunk in chunks:
            before = text[max(0, chunk.start - _LOOK) : chunk.start]
            if (
                chunk.after_title
                or _titled_after(text, chunk.end, kb, compiled)
                or compiled.person_before.search(before)
                or _BYLINE.search(before)
                or re.search(rf"\b{_SAID}[ \t]+$", before)
                # "Jana Weiss said": a first name and surname; longer names before "said" are bodies.
                or (
                    len(words) == 2
                    and re.match(rf"[ \t]*,?[ \t]+{_SAID}\b", text[chunk.end : chunk.end + 12])
                )
            ):
                full.add(key)
                break
        else:
            # A first name and surname whose surname then stands alone: "Mirela Doskova ... Doskova".
            if len(words) == 2 and words[1] in by_key and words[0] not in by_key:
                full.add(key)
    people = set(full)
    for name in full:
        people.update(name.split())
    return people


def _titled_after(text: str, end: int, kb: KnowledgeBase, compiled: _Patterns) -> bool:
    """True when a title or person word follows the name after a comma.

    "Mila Oresh, a volunteer", "Adam Selipsky, AWS CEO"; not with a relative word between
    ("Castlemere City, whose manager").
    """
    match = compiled.title_after.match(text, end, min(len(text), end + _LOOK))
    if match is None:
        return False
    between = [word.lower() for word in match.group("between").split()]
    return not any(word in kb.function_words and word not in ("the", "a", "an") for word in between)


def _common(key: str, chunks: list[_Chunk], kb: KnowledgeBase, lowercase_words: set[str]) -> bool:
    """True for a word that is no name: a function word, a generic noun, or a sentence's first word."""
    lowered = key.lower()
    if " " in key:
        return False
    if (
        lowered in kb.function_words
        or lowered in kb.not_name_words
        or lowered in kb.not_organisations
        or lowered in kb.titles
        or lowered in kb.person_words
        or len(key) < 2
    ):
        return True
    if all(chunk.initial for chunk in chunks):
        return lowered in lowercase_words or (lowered.endswith("s") and not key.isupper())
    return False


def _acts(
    text: str, key: str, by_key: dict[str, list[_Chunk]], excluded: set[str], compiled: _Patterns
) -> bool:
    """True when the text gives evidence that ``key`` names an organisation."""
    chunks = by_key[key]
    if " " in key and key.split()[-1] in compiled.suffixes:
        return True
    if compiled.verb_after is not None and any(compiled.verb_after.match(text, c.end) for c in chunks):
        return True
    if " " not in key:
        return False
    # A name of two or more words that recurs, itself or by its first word, not only ever after
    # "in" or "at" (a place: "in New York").
    first = key.split()[0]
    uses = chunks + (by_key.get(first, []) if first not in excluded else [])
    if len(uses) < 2:
        return False
    if compiled.locative_before is None:
        return True
    return any(not compiled.locative_before.search(text[max(0, c.start - 20) : c.start]) for c in uses)
