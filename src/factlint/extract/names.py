"""Capitalised names in a text, and what the text itself says they are: people, places or neither.

A name is a run of capitalised words, cut at function words, months, weekdays and titles. A
person is a name of two or three words after a title or a word such as "striker", before one after
a comma ("Mila Oresh, a volunteer"), after "said", in a byline, a first name and surname before
"said", or one whose surname then stands alone ("Mirela Doskova ... Doskova"); a single word right
after a title or person word is a person's surname ("President Sorel", "striker Osei-Lund"). A place
is in a dateline, before one of ``place_nouns`` or "-based", or after one of ``place_before``.
Organisations (:mod:`factlint.extract.candidates`) and people (:mod:`factlint.extract.people`) are
read from the same names.
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import re
from collections import defaultdict
from collections.abc import Mapping
from typing import NamedTuple

from factlint.dates import MONTHS, WEEKDAYS
from factlint.extract.found import Occupied
from factlint.extract.numbers import Trailing, alternation, backwards_alternation
from factlint.knowledge import KnowledgeBase

# A capitalised word: "Osei-Lund", "O'Neil", "AT&T"; neither a possessive "'s" nor a lower-case
# ending after a hyphen is part of it ("Lindmark-based").
# (The capital comes first and what may not precede it is checked after it, so that the engine
# skips to capitals in C.)
_WORD = re.compile(r"[A-Z](?<![\w'’&.-].)[A-Za-z&]*(?:-[A-Z][A-Za-z&]*|['’](?!s\b)[A-Za-z]+)*(?![\w&])")
_OPENERS = " \t\"'“‘([#*"
_BYLINE = re.compile(
    r"(?m)(?:^[ \t]*|\b(?:[Rr]eporting|[Ee]diting|[Ww]riting|[Cc]ompiled)[ \t]+)[Bb]y[ \t]+$"
)
_SAID = r"(?:said|says|told)"
_DAYS = frozenset([*WEEKDAYS, "today", "yesterday", "tomorrow", "tonight"])
LOOK = 60

# How a text shows that a full name is a person, strongest first: a title or person word next to it,
# a byline, "said" next to it, its surname standing alone later.
EVIDENCE = ("titled", "byline", "said", "surname")


class Chunk(NamedTuple):
    """One name written at ``[start, end)``; ``after_title`` when a capitalised title precedes it.

    (A named tuple: a text has hundreds, and a frozen dataclass is several times slower to make.)
    """

    key: str
    start: int
    end: int
    initial: bool
    after_title: bool


@dataclasses.dataclass(frozen=True)
class Patterns:
    titles: frozenset[str]
    title_firsts: frozenset[str]
    person_before: Trailing
    surname_before: Trailing
    title_after: re.Pattern[str]
    verb_after: re.Pattern[str] | None
    place_after: re.Pattern[str] | None
    place_before: Trailing | None
    locative_before: Trailing | None
    suffixes: frozenset[str]
    adjective: re.Pattern[str] | None
    dateline: re.Pattern[str]


@dataclasses.dataclass(frozen=True)
class Names:
    """The capitalised names of a text, each ``key`` with every place it is written.

    ``people`` maps a person's full name to the strongest evidence for it (one of ``EVIDENCE``);
    ``surnames`` are single words written right after a title or person word.
    """

    chunks: tuple[Chunk, ...]
    by_key: Mapping[str, list[Chunk]]
    places: frozenset[str]
    people: Mapping[str, str]
    surnames: frozenset[str]

    @functools.cached_property
    def person_words(self) -> frozenset[str]:
        """Every name, first name and surname that stands for a person in this text."""
        words = set(self.people) | self.surnames
        for name in self.people:
            words.update(name.split())
        return frozenset(words)


@functools.cache
def patterns(kb: KnowledgeBase) -> Patterns:
    titles = frozenset([*kb.titles, *kb.person_words])
    # "head of" wants an organisation after it, so a single word there is no surname.
    before_surname = [title for title in titles if title.split()[-1] not in kb.function_words]
    months = alternation([name for name in MONTHS if len(name) > 3])
    verbs, adverbs = kb.candidate_verbs, kb.candidate_adverbs
    adverb = rf"(?:(?:{alternation(adverbs)})[ \t]+){{0,2}}" if adverbs else ""
    return Patterns(
        titles=titles,
        title_firsts=frozenset(title.split()[0] for title in titles),
        # Each "..._before" is a phrase right before a name, read backwards from the name: the
        # forward pattern of ``person_before`` is r"(?i:\b(?:TITLES)),?[ \t]+$".
        person_before=Trailing(rf"[ \t]+,?(?i:(?P<p>{backwards_alternation(titles)}))\b"),
        surname_before=Trailing(rf"[ \t]+,?(?i:(?P<p>{backwards_alternation(before_surname)}))(?![\w-])"),
        title_after=re.compile(
            rf",[ \t]+(?P<between>(?:[\w&.'’-]+[ \t]+){{0,3}}?)(?i:(?:{alternation(titles)}))(?![\w-])"
        ),
        verb_after=re.compile(rf"[ \t]+{adverb}(?:{alternation(verbs)})\b") if verbs else None,
        place_after=re.compile(rf"(?:['’]s)?(?:-based\b|[ \t]+(?:{alternation(kb.place_nouns)})\b)")
        if kb.place_nouns
        else None,
        place_before=Trailing(rf"[ \t]+(?P<p>{backwards_alternation(kb.place_before)})\b")
        if kb.place_before
        else None,
        locative_before=Trailing(rf"(?:[ \t]+eht)?[ \t]+(?i:(?P<p>{backwards_alternation(kb.locatives)}))\b")
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


def generic_word(lowered: str, kb: KnowledgeBase) -> bool:
    """A lower-cased word that names nobody: a function word, a generic noun, a title or a person word."""
    return lowered in _generic_words(kb)


@functools.cache
def _generic_words(kb: KnowledgeBase) -> frozenset[str]:
    return frozenset(
        [*kb.function_words, *kb.not_name_words, *kb.not_organisations, *kb.titles, *kb.person_words]
    )


def read_names(text: str, kb: KnowledgeBase) -> Names:
    """Every capitalised name of ``text`` (headings and labels left out), its people and places."""
    compiled = patterns(kb)
    chunks = tuple(chunk for chunk in _chunks(text, kb, compiled) if not _heading(text, chunk))
    by_key: dict[str, list[Chunk]] = defaultdict(list)
    for chunk in chunks:
        by_key[chunk.key].append(chunk)
    return Names(
        chunks=chunks,
        by_key=dict(by_key),
        places=frozenset(_places(text, by_key, compiled)),
        people=_people(text, by_key, kb, compiled),
        surnames=frozenset(_surnames(text, by_key, kb, compiled)),
    )


@functools.cache
def _cut_words(kb: KnowledgeBase) -> frozenset[str]:
    """Lower-cased words that end a name: function words, months, weekdays and day words."""
    return frozenset([*kb.function_words, *MONTHS, *_DAYS])


def _chunks(text: str, kb: KnowledgeBase, compiled: Patterns) -> list[Chunk]:
    """Every run of capitalised words, cut at function words, months, weekdays and titles."""
    matches = list(_WORD.finditer(text))
    skipped = _title_case_lines(text, kb) if len(matches) >= 4 else []
    if skipped:
        lines = Occupied(skipped)
        matches = [match for match in matches if not lines.overlaps(match.start(), match.start() + 1)]
    words = [(match.start(), match.end(), match.group()) for match in matches]
    cut, title_firsts = _cut_words(kb), compiled.title_firsts
    chunks: list[Chunk] = []
    run: list[tuple[int, int, str]] = []
    after_title = False
    index = 0
    while index < len(words):
        word = words[index]
        start, _, written = word
        if run:
            gap = text[run[-1][1] : start]
            if gap != " " and gap.strip(" \t"):
                chunks.append(_chunk(text, run, after_title))
                run, after_title = [], False
        lowered = written.lower()
        title_length = _title_at(words, index, text, compiled.titles) if lowered in title_firsts else 0
        if title_length:
            if run:
                chunks.append(_chunk(text, run, after_title))
            run, after_title = [], True
            index += title_length
            continue
        if lowered in cut:
            if run:
                chunks.append(_chunk(text, run, after_title))
            run, after_title = [], False
        else:
            if not run and after_title and index and text[words[index - 1][1] : start].strip(" \t,"):
                after_title = False  # the title was not right before this name
            run.append(word)
        index += 1
    if run:
        chunks.append(_chunk(text, run, after_title))
    return chunks


_HEADING_MARKS = " \t#*-:"


def _heading(text: str, chunk: Chunk) -> bool:
    """True for a name that is a whole line ("Key Factors") or a label before a colon ("Source Type:").

    A whole line may hold marks around the name ("## Key Factors:", "- **Source Type**").
    """
    if text[chunk.end : chunk.end + 2].lstrip(" \t")[:1] == ":":
        return True
    before = chunk.start - 1
    while before >= 0 and text[before] in _HEADING_MARKS:
        before -= 1
    if before >= 0 and text[before] != "\n":
        return False
    after = chunk.end
    while after < len(text) and text[after] in _HEADING_MARKS:
        after += 1
    return after == len(text) or text[after] == "\n"


def _chunk(text: str, run: list[tuple[int, int, str]], after_title: bool) -> Chunk:
    start = run[0][0]
    key = run[0][2] if len(run) == 1 else " ".join([word for _, _, word in run])
    return Chunk(key, start, run[-1][1], _initial(text, start), after_title)


def _title_at(words: list[tuple[int, int, str]], index: int, text: str, titles: frozenset[str]) -> int:
    """How many words from ``index`` spell a title or a person word ("Finance Minister"), else 0."""
    for length in (3, 2, 1):
        part = words[index : index + length]
        if len(part) < length:
            continue
        if any(text[a[1] : b[0]].strip(" \t") for a, b in itertools.pairwise(part)):
            continue
        if " ".join(word.lower() for _, _, word in part) in titles:
            return length
    return 0


def _initial(text: str, start: int) -> bool:
    """True when the word at ``start`` begins a sentence, a line, a quotation or a dashed aside."""
    index = start - 1
    while index >= 0 and text[index] in _OPENERS:
        index -= 1
    return index < 0 or text[index] in "\n.!?:;-–—"


_LINE = re.compile(r"[^\n]+")
_LETTER_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_CAPITAL = re.compile(r"[A-Z]")


@functools.cache
def _lowercase_after_space(kb: KnowledgeBase) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Words of ``_LETTER_WORD`` that begin in lower case right after a space and are no function word.

    Each is a word of its own (a space ends the one before), so their number is at least the
    number of such words in the line. The first pattern finds only those longer than any function
    word (quick, no word compared), the second all of them.
    """
    function_words = sorted(word for word in kb.function_words if " " not in word)
    longest = max(map(len, function_words), default=0)
    words = alternation(function_words) if function_words else "(?!)"
    return (
        re.compile(rf" [a-z][A-Za-z'’-]{{{longest}}}"),
        re.compile(rf" (?!(?i:{words})(?![A-Za-z'’-]))[a-z][A-Za-z'’-]*"),
    )


def _title_case_lines(text: str, kb: KnowledgeBase) -> list[tuple[int, int]]:
    """Lines written in Title Case ("Veltrix Shares Extend Gains"), where capitals say nothing.

    Title Case is four words in five capitalised, of the words that are not function words, and
    at least four of them. Capitals in a line bound its capitalised words, so a line with fewer
    than four, or with more than a quarter as many lower-case words (and one to spare), is prose;
    the other lines have their words counted.
    """
    spans = []
    function_words = kb.function_words
    long_lowercase, lowercase = _lowercase_after_space(kb)
    for line in _LINE.finditer(text):
        body = line.group()
        capitals = len(_CAPITAL.findall(body))
        if capitals < 4:
            continue
        limit = capitals / 4 + 1
        if len(long_lowercase.findall(body)) > limit or len(lowercase.findall(body)) > limit:
            continue
        words = [word for word in _LETTER_WORD.findall(body) if word.lower() not in function_words]
        if len(words) >= 4 and sum(word[0].isupper() for word in words) >= 0.8 * len(words):
            spans.append((line.start(), line.end()))
    return spans


def _places(text: str, by_key: Mapping[str, list[Chunk]], compiled: Patterns) -> set[str]:
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
            before = text[max(0, chunk.start - LOOK) : chunk.start]
            if (compiled.place_after is not None and compiled.place_after.match(text, chunk.end)) or (
                compiled.place_before is not None and compiled.place_before.search(before) is not None
            ):
                places.add(key)
                break
    return places


def _people(
    text: str, by_key: Mapping[str, list[Chunk]], kb: KnowledgeBase, compiled: Patterns
) -> dict[str, str]:
    """Full names of people, each with the strongest evidence the text gives (see ``EVIDENCE``)."""
    full: dict[str, str] = {}
    for key, chunks in by_key.items():
        words = key.split()
        if not 2 <= len(words) <= 3 or words[-1] in compiled.suffixes:
            continue
        found = [_evidence(text, chunk, len(words), kb, compiled) for chunk in chunks]
        kinds = [kind for kind in found if kind is not None]
        if kinds:
            best = min(kinds, key=EVIDENCE.index)
            if best == "said" and words[0] in by_key and words[-1] not in by_key:
                continue  # "Castlemere City said ... Castlemere paid": an organisation and its short form
            full[key] = best
        elif len(words) == 2 and words[1] in by_key and words[0] not in by_key:
            # A first name and surname whose surname then stands alone: "Mirela Doskova ... Doskova".
            full[key] = "surname"
    return full


def _evidence(text: str, chunk: Chunk, length: int, kb: KnowledgeBase, compiled: Patterns) -> str | None:
    """How the words around ``chunk`` show that it names a person, or None."""
    before = text[max(0, chunk.start - LOOK) : chunk.start]
    if (
        chunk.after_title
        or _titled_after(text, chunk.end, kb, compiled)
        or compiled.person_before.search(before) is not None
    ):
        return "titled"
    if _BYLINE.search(before):
        return "byline"
    if re.search(rf"\b{_SAID}[ \t]+$", before):
        return "said"
    # "Jana Weiss said": a first name and surname; longer names before "said" are bodies.
    if length == 2 and re.match(rf"[ \t]*,?[ \t]+{_SAID}\b", text[chunk.end : chunk.end + 12]):
        return "said"
    return None


def _surnames(
    text: str, by_key: Mapping[str, list[Chunk]], kb: KnowledgeBase, compiled: Patterns
) -> set[str]:
    """Single words written right after a title or person word: "President Sorel", "striker Osei-Lund"."""
    surnames = set()
    for key, chunks in by_key.items():
        if " " in key or key.isupper() or key.lower() in kb.titles or key.lower() in kb.person_words:
            continue
        for chunk in chunks:
            before = text[max(0, chunk.start - LOOK) : chunk.start]
            if chunk.after_title or compiled.surname_before.search(before) is not None:
                surnames.add(key)
                break
    return surnames


def _titled_after(text: str, end: int, kb: KnowledgeBase, compiled: Patterns) -> bool:
    """True when a title or person word follows the name after a comma.

    "Mila Oresh, a volunteer", "Adam Selipsky, AWS CEO"; not with a relative word between
    ("Castlemere City, whose manager").
    """
    match = compiled.title_after.match(text, end, min(len(text), end + LOOK))
    if match is None:
        return False
    between = [word.lower() for word in match.group("between").split()]
    return not any(word in kb.function_words and word not in ("the", "a", "an") for word in between)
