"""FL302: an event told as done on a date after the article's publication.

"On March 12 the company announced..." cannot stand in an article published on March 5. A date
of the text is checked when it falls after the publication date and the verb nearest to it in its
clause is one of ``completed_verbs`` (``rules/frames.yaml``: "announced", "was signed", "died").
A plan or a schedule is left alone: a nearer word of the future or the present (``future``:
"will", "is expected to", "takes effect"), a participle after "is", "be" or "to" (``not_past``:
"is sworn in", "to be signed"), a date that is a deadline or a reference point rather than the
event's day (``looking_ahead`` right before it or opening its clause: "by", "until", "before"),
or an event noun between the verb and the date, which takes the date for itself (``event_nouns``:
"announced a strike on March 12").

Relative dates ("last Tuesday") are resolved against the publication date, looking back for the
past, so they never land after it; a day written without a year ("March 12") is read the same way
by extraction, a year back. When that day falls within ``yearless_days`` after publication in the
publication's own year, the finding says so: a news article that names a day without a year means
this year's.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from factlint.model import Claim, Finding, Source
from factlint.rules.context import Context, finding, quote
from factlint.rules.kinds import register

if TYPE_CHECKING:  # pragma: no cover - types only
    from factlint.rules.base import Rule

FIELDS = ("quote", "verb", "date", "published", "days")
PARAMS: dict[str, Any] = {
    # Words of the future or the present: nearer to the date than a completed verb, they make it a plan.
    "future": ["will", "would", "shall", "'ll", "going to", "expected", "expects", "expect", "due",
               "set to", "scheduled", "schedule", "planned", "plans", "plan", "intends", "intend", "aims",
               "aim", "hopes", "wants", "seeks", "could", "may", "might", "should", "must", "upcoming",
               "forecast", "projected", "proposed", "pending", "tentatively", "postponed", "delayed",
               "rescheduled", "moved", "pushed back", "deadline", "target", "is", "are", "takes", "take",
               "takes effect", "begins", "starts", "opens", "closes", "ends", "runs", "expires", "comes",
               "falls", "meets", "holds"],
    # Before a past participle, these make it no completed event ("is sworn in", "to be signed").
    "not_past": ["is", "are", "am", "be", "being", "to", "get", "gets", "will", "'ll", "would"],
    # Right before the date or opening its clause: the date is a deadline or a reference point.
    "looking_ahead": ["by", "until", "till", "before", "ahead of", "for", "to", "through", "no later than",
                      "in time for", "starting", "beginning", "effective", "from", "deadline of", "due on"],
    # Words that end a clause, as punctuation does.
    "boundaries": ["that", "which", "who", "whom", "where", "when", "while", "whereas", "but", "and", "or",
                   "because", "although", "though", "if", "unless", "once", "before", "after", "until",
                   "since", "so"],
    # Between the verb and the date, one of these takes the date for itself ("announced a strike on
    # March 12").
    "event_nouns": ["strike", "walkout", "protest", "rally", "march", "vote", "ballot", "election",
                    "referendum", "run-off", "runoff", "poll", "meeting", "summit", "talks", "hearing",
                    "trial", "verdict", "ruling", "decision", "launch", "release", "opening", "closing",
                    "ceremony", "match", "game", "final", "fixture", "race", "concert", "auction", "offering",
                    "listing", "debate", "conference", "visit", "deadline", "date", "start", "kickoff",
                    "kick-off", "inauguration", "swearing-in", "session", "event", "announcement", "results",
                    "earnings", "report"],
    "reach": 4,
    "intro_reach": 10,
    "yearless_days": 45,
}  # fmt: skip

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*|[,;:()\"“”—–?!]|\s[-]\s")
_YEAR_WORDS = re.compile(r"\b(?:1[89]\d\d|20\d\d|year|years)\b", re.IGNORECASE)
_YEARLESS = ("date.mdy", "date.dmy")


@dataclasses.dataclass(frozen=True)
class _Token:
    text: str  # lower case; "" for the date itself; a mark for punctuation
    start: int


@register("event_after_publication", FIELDS, PARAMS, document=True)
def check(context: Context, rule: Rule) -> Iterator[Finding]:
    """One finding per date after publication that a verb of a completed event governs."""
    for claim in context.claims:
        source = context.by_id.get(claim.source_id)
        published = source.published if source is not None else None
        if source is None or published is None or claim.kind != "date" or claim.time is None:
            continue
        day, yearless = _after(claim, published, rule.params["yearless_days"])
        if day is None:
            continue
        verb = completed_verb(source, claim, context.kb.completed_verbs, rule.params)
        if verb is None:
            continue
        days = (day - published).days
        explanation = (
            f"the sentence tells of “{verb}” as done on {day.isoformat()}, but the article was published "
            f"on {published.isoformat()} (from its {(source.published_from or 'text').replace('_', ' ')})"
        )
        if yearless:
            read = claim.time.start.isoformat() if claim.time.start else "last year"
            explanation += (
                f"; “{claim.text}” has no year: in {published.year} it falls {days} day(s) after "
                f"publication, and read as {read} it would be almost a year old"
            )
        if days == 1:
            explanation += (
                "; one day: a time zone between the dateline and the publication date may explain it"
            )
        yield finding(
            context,
            rule,
            claim.source_id,
            [quote(claim)],
            explanation=explanation,
            fix="check the date and the publication date; an event still to come takes the future "
            "(“will announce”)" + ("; give the year" if yearless else ""),
            quote=claim.text,
            verb=verb,
            date=day.isoformat(),
            published=published.isoformat(),
            days=days,
        )


def _after(claim: Claim, published: dt.date, yearless_days: int) -> tuple[dt.date | None, bool]:
    """The day a date claim falls on after publication, and whether it was written without a year.

    A date relative to the publication (resolved by extraction, looking back for the past and
    ahead for the future) is never after it by mistake, except a day written without a year.
    """
    time = claim.time
    if time is None or time.start is None:
        return None, False
    if time.resolution == "absolute":
        return (time.start, False) if time.start > published else (None, False)
    if (
        time.resolution == "relative"
        and claim.extractor in _YEARLESS
        and time.precision == "day"
        and time.start <= published
        and not _YEAR_WORDS.search(claim.sentence)
    ):
        try:
            this_year = time.start.replace(year=published.year)
        except ValueError:  # 29 February
            return None, False
        if published < this_year <= published + dt.timedelta(days=yearless_days):
            return this_year, True
    return None, False


def completed_verb(source: Source, claim: Claim, verbs: Sequence[str], params: dict[str, Any]) -> str | None:
    """The verb of a completed event that governs the date ``claim``, or None.

    The date's clause runs between punctuation and the words in ``boundaries``; the marker (a
    completed verb, or a word of the future or present) nearest to the date in that clause decides,
    a completed verb only within ``reach`` words. A date that opens its sentence ("On March 12,")
    belongs to the main clause after it, whose first marker decides within ``intro_reach`` words.
    """
    tokens = _tokens(source, claim)
    date = next((index for index, token in enumerate(tokens) if token.text == ""), None)
    if date is None:
        return None
    segments = _segments(tokens, date, [str(word).lower() for word in params["boundaries"]])
    (opener, clause, at), following = segments
    ahead = _phrases(params["looking_ahead"])
    if opener in {" ".join(phrase) for phrase in ahead} or _ends_with(clause[:at], ahead):
        return None
    markers = _markers(clause, verbs, params)
    if markers:
        index, length, verb, done = min(
            markers, key=lambda marker: (_distance(marker[0], marker[1], at), marker[0] > at)
        )
        if not done or _distance(index, length, at) - 1 > params["reach"]:
            return None
        between = clause[index + length : at] if index < at else clause[at + 1 : index]
        if index < at and any(_ends_with(between[: k + 1], ahead) for k in range(len(between))):
            return None
        nouns = {str(noun).lower() for noun in params["event_nouns"]}
        if any(word in nouns or _singular(word) in nouns for word in between):
            return None  # "announced a strike on March 12": the date is the strike's
        return verb
    if following is None or at > 3:
        return None
    later = _markers(following, verbs, params)
    if not later:
        return None
    index, _, verb, done = min(later)
    return verb if done and index <= params["intro_reach"] else None


def _tokens(source: Source, claim: Claim) -> list[_Token]:
    """The words and marks of the claim's sentence, with the date as one empty token."""
    sentence = claim.sentence
    offset = source.text.find(sentence, max(0, claim.span.end - len(sentence)))
    if offset == -1 or offset > claim.span.start:
        sentence, offset = source.text[claim.span.start : claim.span.end], claim.span.start
    tokens = [_Token("", claim.span.start)]
    for match in _TOKEN.finditer(sentence):
        start, end = offset + match.start(), offset + match.end()
        if start < claim.span.end and claim.span.start < end:
            continue
        word = match.group().strip().lower().replace("’", "'")
        if word.endswith("'ll"):  # "we'll" is "we will"
            tokens += [_Token(word[:-3], start), _Token("will", start + len(word) - 3)]
        else:
            tokens.append(_Token(word, start))
    return sorted(tokens, key=lambda token: token.start)


def _segments(
    tokens: list[_Token], date: int, boundaries: list[str]
) -> tuple[tuple[str, list[str], int], list[str] | None]:
    """The date's clause (what opened it, its words, the date's place) and the clause after it."""
    openers: list[str] = [""]
    clauses: list[list[str]] = [[]]
    place: tuple[int, int] | None = None
    for index, token in enumerate(tokens):
        word = token.text
        if (word and not word[0].isalpha()) or word in boundaries:
            openers.append(word if word in boundaries else "")
            clauses.append([])
            continue
        if index == date:
            place = (len(clauses) - 1, len(clauses[-1]))
        clauses[-1].append(word)
    if place is None:  # pragma: no cover - the date is always one token
        return ("", [""], 0), None
    k, at = place
    # Only punctuation separates an opening date from its main clause ("On March 12, the ...").
    following = next((words for words in clauses[k + 1 :] if words), None)
    if k + 1 >= len(clauses) or openers[k + 1]:
        following = None
    return (openers[k], clauses[k], at), following


def _phrases(words: Sequence[str]) -> tuple[tuple[str, ...], ...]:
    """Each of ``words`` as a phrase of lower-case words."""
    return _phrases_of(tuple(map(str, words)))


@functools.lru_cache(maxsize=64)
def _phrases_of(words: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    # Asked for a few times a date, always of the same lists: split once.
    return tuple(tuple(word.lower().split()) for word in words)


def _ends_with(words: Sequence[str], phrases: Sequence[tuple[str, ...]]) -> bool:
    return any(len(words) >= len(phrase) and tuple(words[-len(phrase) :]) == phrase for phrase in phrases)


def _markers(
    words: list[str], verbs: Sequence[str], params: dict[str, Any]
) -> list[tuple[int, int, str, bool]]:
    """Each verb marker of a clause: where, how many words, the words, and whether it is done."""
    done = _phrases(verbs)
    future = _phrases(params["future"])
    not_past = {str(word).lower() for word in params["not_past"]}
    found: list[tuple[int, int, str, bool]] = []
    taken: set[int] = set()
    starts: dict[str, list[int]] = {}
    for index, word in enumerate(words):
        starts.setdefault(word, []).append(index)
    for phrases, completed in ((done, True), (future, False)):
        for phrase in sorted(phrases, key=len, reverse=True):
            # Only where the phrase's first word stands (every place, for an empty phrase).
            places = starts.get(phrase[0], []) if phrase else range(len(words) + 1)
            for index in places:
                if tuple(words[index : index + len(phrase)]) != phrase or index in taken:
                    continue
                taken.update(range(index, index + len(phrase)))
                past = completed and not (index > 0 and words[index - 1] in not_past)
                found.append((index, len(phrase), " ".join(phrase), past))
    return found


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _distance(index: int, length: int, at: int) -> int:
    """How many places from a marker to the date (1 when they touch)."""
    return at - (index + length - 1) if index < at else index - at
