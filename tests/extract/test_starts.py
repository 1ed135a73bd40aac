"""Patterns attempted only where a match can begin find exactly what the full scan finds."""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factlint.extract import dates, listings, money, percent, quantities, roles
from factlint.extract.numbers import alternation
from factlint.extract.starts import Starts, starting_with
from factlint.knowledge import default_knowledge

from ..conftest import ROOT, SEEDS

STORIES = ROOT / "fixtures" / "stories"

KB = default_knowledge()


def wrapped() -> dict[str, Starts]:
    found = money._patterns(KB)
    fraction = percent._fraction_pattern(KB)
    assert fraction is not None
    return {
        "money.prefixed": found.prefixed,
        "money.suffixed": found.suffixed,
        "money.vague": found.vague,
        "percent": percent._pattern(KB),
        "fraction": fraction,
        "listing": listings._pattern(KB),
        "date trigger": dates._trigger(),
        "quantity": quantities._patterns(KB).number,
        "quantity.vague": quantities._patterns(KB).vague,
        **{
            f"role {kind}{' lowercase' * lowercase}": getattr(roles._patterns(KB, lowercase), kind)
            for kind in ("title_first", "name_first")
            for lowercase in (False, True)
        },
    }


PATTERNS = wrapped()
WORDS = [
    *KB.change_verbs[:8],
    *list(KB.exchanges)[:6],
    *list(KB.number_words)[:10],
    *list(KB.fractions)[:4],
    *list(KB.scale_words),
    "millions",
    "billions",
    "hundreds",
    "of",
    "dollars",
    "euros",
    "percent",
    "per cent",
    "points",
    "by",
    "a",
    "to",
    "and",
    "between",
    "money",
    "phone",
    "done",
    "Ltd",
    "AMZN",
    *list(KB.titles)[:12],
    *KB.former_words,
    "Jane Doe",
    "Vera Osei-Lund",
    "of Acme",
    "at Brantley Partners",
    "March",
    "Q3",
    "the third quarter",
    "last year",
    "two weeks ago",
    "minus",
    "−3",
    "a dozen",
    "thousands of",
    "gigawatts",
    "the striker",
    "her Republican challenger",
    "an",
    "its",
]
PIECES = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(WORDS).map(str.upper),
    st.sampled_from(WORDS).map(str.title),
    st.from_regex(r"[0-9]{1,4}(?:[.,][0-9]{1,3})?", fullmatch=True),
    st.sampled_from(["$", "US$", "€", "£", "%", ":", "-", "–", "(", ")", ".", ",", "+", "'s"]),
    # characters that case-insensitive matching folds differently from str.lower
    st.sampled_from(["ſ", "İ", "Σ", "ς", "K", "ß", "ﬅ", "µ", "é", "\u00a0", "５０", "٣", "७"]),
    st.text(max_size=3),
)
SEPARATORS = st.sampled_from(["", " ", "  ", "\t", "\n", "-"])
SOUP = st.lists(st.tuples(PIECES, SEPARATORS), max_size=25).map(
    lambda parts: "".join(a + b for a, b in parts)
)
# Real news text, cut anywhere (inside words and numbers too) and spliced with the soup.
NEWS = "\n".join(path.read_text(encoding="utf-8") for path in sorted(SEEDS.iterdir()))
# Cuts begin up to 40 characters before a digit or a word a pattern begins with.
ANCHORS = sorted(
    {
        max(0, m.start() - back)
        for m in re.finditer(
            r"\d|[$€£]|[Rr]ose|[Ff]ell|NASDAQ|Nasdaq|NYSE|billions|CEO|[Cc]hief|[Ff]ormer|\b[A-Z]", NEWS
        )
        for back in (0, 1, 7, 40)
    }
)
CUTS = st.tuples(st.sampled_from(ANCHORS), st.sampled_from(range(1, 160))).map(
    lambda cut: NEWS[cut[0] : cut[0] + cut[1]]
)
TEXTS = st.one_of(SOUP, CUTS, st.tuples(CUTS, SOUP, CUTS).map("".join))


def spans(matches) -> list[tuple[int, int, dict]]:
    return [(match.start(), match.end(), match.groupdict()) for match in matches]


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_whole_articles_give_the_matches_of_the_full_scan(name):
    wrapped = PATTERNS[name]
    texts = [NEWS, *(path.read_text(encoding="utf-8") for path in sorted(STORIES.rglob("*.md")))]
    found = [spans(wrapped.finditer(text)) for text in texts]
    assert found == [spans(wrapped.pattern.finditer(text)) for text in texts]
    assert (
        any(found) or name in ("fraction", "money.vague", "quantity.vague") or "lowercase" in name
    )  # not in the seeds


@pytest.mark.parametrize("name", sorted(PATTERNS))
@given(text=TEXTS)
def test_the_matches_are_those_of_the_full_scan(name, text):
    wrapped = PATTERNS[name]
    assert spans(wrapped.finditer(text)) == spans(wrapped.pattern.finditer(text))


@pytest.mark.parametrize("name", sorted(PATTERNS))
@given(text=TEXTS, where=st.integers(min_value=0, max_value=200))
def test_a_search_from_anywhere_is_that_of_the_full_scan(name, text, where):
    wrapped = PATTERNS[name]
    position = min(where, len(text))
    expected = wrapped.pattern.search(text, position)
    found = wrapped.search(text, position)
    assert (found and (found.span(), found.groupdict())) == (
        expected and (expected.span(), expected.groupdict())
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Shares rose by a third; revenue fell by half.", ["rose by a third", "fell by half"]),
        ("Rose by a third", ["Rose by a third"]),  # at the very start, in title case
        ("It AROSE by a third", []),  # inside a word: no start
    ],
)
def test_examples_of_words_at_the_start_of_a_word_only(text, expected):
    pattern = re.compile(r"(?<!\w)(?:rose|fell)[ \t]+by[ \t]+(?:a third|half)", re.IGNORECASE)
    assert [m.group() for m in starting_with(pattern, ["rose", "fell"]).finditer(text)] == expected


def test_a_text_that_lower_casing_would_mislead_is_scanned_in_full():
    pattern = re.compile(r"(?<!\w)sales", re.IGNORECASE)
    starts = starting_with(pattern, ["sales"])
    # The long s is "s" to case-insensitive matching but not to str.lower; the dotted capital I
    # lower-cases to two characters. Either way every match is still found, at the right place.
    for text in ("ſales rose", "İ sales rose", "x SALES"):
        assert spans(starts.finditer(text)) == spans(pattern.finditer(text)) != []


@pytest.mark.parametrize("name", ["percent", "money.suffixed", "quantity", "date trigger"])
def test_digits_of_other_scripts_are_found_as_by_the_full_scan(name):
    wrapped = PATTERNS[name]
    for text in (
        "Sales rose ５０% last year.",
        "Sales rose ٥٠ percent.",
        "It cost ５ dollars on ３ March 2024.",
    ):
        assert spans(wrapped.finditer(text)) == spans(wrapped.pattern.finditer(text))
    assert spans(PATTERNS["percent"].finditer("Sales rose ５０% last year.")) != []


def test_threads_each_keep_their_own_text():
    import concurrent.futures

    texts = [
        f"Sales rose {n} percent and {n + 1}% in {2000 + n}; " * (n % 7 + 1) + "x" * n for n in range(64)
    ]
    names = ["percent", "quantity", "date trigger", "money.suffixed"]
    expected = [[spans(PATTERNS[name].pattern.finditer(text)) for name in names] for text in texts]

    def run(text):
        return [spans(PATTERNS[name].finditer(text)) for name in names]

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # threads take turns all the time, as a busy server's would
    try:
        with concurrent.futures.ThreadPoolExecutor(8) as pool:
            for _ in range(5):
                assert list(pool.map(run, texts)) == expected
    finally:
        sys.setswitchinterval(interval)


def test_a_pattern_must_say_where_it_begins():
    with pytest.raises(ValueError, match="begin"):
        starting_with(re.compile("x"))
    with pytest.raises(ValueError, match="empty"):
        starting_with(re.compile("x"), [""])


PHRASE = st.text(alphabet="abcAB .-\t1", min_size=1, max_size=6).filter(lambda phrase: phrase.strip())


def plain_alternation(phrases) -> str:
    """The definition: longest first, a phrase as long as it is with single spaces."""
    ordered = sorted({" ".join(p.split()) for p in phrases} - {""}, key=lambda p: (-len(p), p))
    return "|".join(r"[ \t]+".join(re.escape(word) for word in phrase.split()) for phrase in ordered)


@given(
    phrases=st.lists(PHRASE, min_size=1, max_size=8),
    text=st.text(alphabet="abcABC \t.-x", max_size=40),
    after=st.sampled_from(["", "x", r"[ \t]+b", "(?![a-z])"]),
    flags=st.sampled_from([0, re.IGNORECASE]),
)
def test_the_trie_alternation_matches_what_the_plain_one_matches(phrases, text, after, flags):
    trie = re.compile(f"(?:{alternation(phrases, case_sensitive=not flags)}){after}", flags)
    plain = re.compile(f"(?:{plain_alternation(phrases)}){after}", flags)
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_the_trie_shares_first_letters_and_capitals_keep_the_plain_form():
    assert alternation(["chief executive", "chief executive officer", "ceo", "chair"]) == (
        r"c(?:h(?:ief[ \t]+executive(?:[ \t]+officer)?|air)|eo)"
    )
    assert alternation(["US$", "$"]) == r"US\$|\$"


WORD_BEFORE = r"[\w&-]"


@given(
    phrases=st.lists(PHRASE, min_size=1, max_size=8),
    text=st.text(alphabet="abcABC \t.-x&_", max_size=40),
    flags=st.sampled_from([0, re.IGNORECASE]),
)
def test_a_phrase_that_must_begin_a_word_is_checked_after_its_first_letter(phrases, text, flags):
    names = alternation(phrases, case_sensitive=not flags, not_after=WORD_BEFORE)
    checked = re.compile(f"(?:{names})", flags)
    plain = re.compile(rf"(?<![\w&-])(?:{plain_alternation(phrases)})", flags)
    assert [m.span() for m in checked.finditer(text)] == [m.span() for m in plain.finditer(text)]


ORGANISATION_TOKENS = st.sampled_from(
    ["Marlow", "Foods", "Ltd", "Corp", "Inc", "Group", "Acme", "x", "'s", "’", "&", "-", ".", " ", "\t", ","]
)


@given(st.lists(ORGANISATION_TOKENS, max_size=14).map("".join))
def test_the_organisation_patterns_match_as_written_with_the_look_behind_first(text):
    from factlint.extract import entities

    suffixes = alternation(KB.company_suffixes)
    first = re.compile(rf"(?<![\w&-])(?:[A-Z][\w&'’-]*[ \t]+){{1,3}}(?:{suffixes})(?![\w&-])")
    for sample in (text, NEWS, "x-Marlow Foods Ltd and Marlow Foods Ltd, &Acme Corp; Acme Corp"):
        assert [m.span() for m in entities._candidate(KB).finditer(sample)] == [
            m.span() for m in first.finditer(sample)
        ]


DETERMINERS = ["the", "The", "THE", "their", "his", "her", "its", "a", "A", "an"]
NAME_WORDS = ["striker", "coach", "Republican", "challenger", "minister", "Osei-Lund", "O'Neil", "AT&T"]
NAME_TOKENS = st.sampled_from([*DETERMINERS, *NAME_WORDS, "x", "-", "'s", "’", "&", ".", "_", " ", "\t"])


@given(st.lists(NAME_TOKENS, max_size=14).map("".join))
def test_patterns_written_letter_first_match_as_with_the_look_behind_first(text):
    from factlint.extract import names, people

    word = re.compile(r"(?<![\w'’&.-])[A-Z][A-Za-z&]*(?:-[A-Z][A-Za-z&]*|['’](?!s\b)[A-Za-z]+)*(?![\w&])")
    assert [m.span() for m in names._WORD.finditer(text)] == [m.span() for m in word.finditer(text)]
    titles = alternation([*KB.titles, *KB.person_words])
    described = re.compile(
        r"(?i:(?<![\w-])(?P<det>the|his|her|their|its|a|an)[ \t]+(?:[\w'’-]+[ \t]+){0,2}?"
        rf"(?P<title>{titles}))(?![\w-])"
    )
    found = [(m.span(), m.groupdict()) for m in people._title_patterns(KB)[1].finditer(text)]
    assert found == [(m.span(), m.groupdict()) for m in described.finditer(text)]


def test_searching_on_from_each_match_reads_each_start_about_once(monkeypatch):
    """A search from a late place skips the starts before it (it once walked them all: quadratic)."""
    from factlint.extract import starts

    class Counted(list):
        reads = 0

        def __getitem__(self, index):
            Counted.reads += 1
            return super().__getitem__(index)

        def __iter__(self):
            for item in super().__iter__():
                Counted.reads += 1
                yield item

    real = starts._found
    monkeypatch.setattr(starts, "_found", lambda *args: Counted(real(*args)))
    pattern = starting_with(re.compile(r"(?<!\w)\d+"), chars="0123456789")
    text = " ".join(["7"] * 2000)
    position, found = 0, 0
    while (match := pattern.search(text, position)) is not None:
        found, position = found + 1, match.end()
    assert found == 2000
    # A bisection and a read or two per search; walking the earlier starts would be about 2,000,000.
    assert Counted.reads < 20 * 2000
