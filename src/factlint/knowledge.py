"""The knowledge in the top-level ``rules/`` folder, loaded into plain records the stages read.

It imports no stage. Folders given later override earlier ones key by key, so a newsroom can add a
currency or a qualifier phrase in a folder of its own. The knowledge is described once, by the
fields of :class:`KnowledgeBase`: each names its file and key, the key's shape, how it is built,
its default and its meaning; the file schemas (:data:`SCHEMAS`) are gathered from them. To add a
key, add one field with :func:`~factlint.knowledge_schema.known`.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from factlint.knowledge_schema import (
    COUNT,
    ENTITY_KINDS,
    FORM,
    FRAME_KINDS,
    NAME,
    NOT_NEGATIVE,
    NUMBER,
    PERCENTAGE,
    PERIOD_DAYS,
    PHRASE,
    PHRASES,
    PLAUSIBLE_RANGE,
    QUALIFIERS,
    REQUIRED,
    SHARE,
    TENURE,
    TEXT,
    TEXTS,
    Either,
    Flag,
    Identifier,
    KnowledgeError,
    ListOf,
    MapOf,
    Maybe,
    Number,
    OneOf,
    Record,
    Shape,
    Text,
    check_merged,
    described,
    known,
    read_knowledge_file,
    schemas,
)
from factlint.model import Entity, Listing
from factlint.people import Person, build_people, check_people_file

RULE_FILES = (
    "quantities.yaml",
    "tolerances.yaml",
    "language.yaml",
    "units.yaml",
    "titles.yaml",
    "markets.yaml",
    "frames.yaml",
    "entities.yaml",
    "matching.yaml",
    "plausibility.yaml",
    "people.yaml",
)


@dataclasses.dataclass(frozen=True)
class Currency:
    """A currency by ISO code, with the symbols written before amounts and the words after."""

    code: str
    symbols: tuple[str, ...]
    words: tuple[str, ...]
    subunits: Mapping[str, float] = dataclasses.field(default_factory=dict)


@dataclasses.dataclass(frozen=True)
class Unit:
    """A unit of measure: its id, how it is written after a number, and before one ("magnitude 6.9")."""

    id: str
    words: tuple[str, ...]
    attached: tuple[str, ...] = ()
    before: tuple[str, ...] = ()


@dataclasses.dataclass(frozen=True)
class Frame:
    """Which fact a number speaks of, and the words and units that tell."""

    attribute: str
    kinds: tuple[str, ...]
    cues: tuple[str, ...] = ()
    after: tuple[str, ...] = ()
    units: tuple[str, ...] = ()
    context: tuple[str, ...] = ()
    unit_alone: bool = True
    unless: tuple[str, ...] = ()


@dataclasses.dataclass(frozen=True)
class Tolerance:
    """How far a figure reaches on each side: the wider of a share of it and an absolute amount."""

    relative: float = 0.0
    absolute: float = 0.0

    def of(self, value: float) -> float:
        """The reach around ``value``."""
        return max(self.relative * abs(value), self.absolute)


@dataclasses.dataclass(frozen=True)
class Reliability:
    """The parameters of the source-reliability estimate (see ``rules/tolerances.yaml``)."""

    rounds: int = 10
    prior_claims: float = 2.0
    prior_loss: float = 0.3
    floor: float = 0.05


# --- building: from a key's checked value to the field's value --------------------------------


def _phrases(values: Iterable[Any]) -> tuple[str, ...]:
    phrases = tuple(str(value).lower() for value in values)
    if any(not phrase.strip() for phrase in phrases):
        raise ValueError("an empty phrase would match everywhere")
    return phrases


def _phrase_set(values: Iterable[Any]) -> frozenset[str]:
    return frozenset(_phrases(values))


def _texts(values: Iterable[Any]) -> tuple[str, ...]:
    return tuple(str(value) for value in values)


def _text_set(values: Iterable[Any]) -> frozenset[str]:
    return frozenset(str(value) for value in values)


def _abbreviations(words: Iterable[Any]) -> frozenset[str]:
    """Abbreviations in lower case, without their full stop."""
    return frozenset(str(word).lower().rstrip(".") for word in words)


def _singulars(spec: Mapping[Any, Any]) -> dict[str, str]:
    return {str(plural).lower(): str(singular) for plural, singular in spec.items()}


def _numbers(spec: Mapping[Any, Any]) -> dict[str, float]:
    """A mapping of words (lower case) to numbers."""
    return {str(word).lower(): float(value) for word, value in spec.items()}


def _phrases_by_name(spec: Mapping[Any, Any]) -> dict[str, tuple[str, ...]]:
    return {str(name): _phrases(words) for name, words in spec.items()}


def _by_phrase(spec: Mapping[Any, Any]) -> dict[str, str]:
    """Names by each of their phrases: ``{title: [variants]}`` read as ``{variant: title}``."""
    return {phrase: str(name) for name, phrases in spec.items() for phrase in _phrases(phrases)}


def _currencies(spec: Mapping[Any, Any]) -> tuple[Currency, ...]:
    return tuple(
        Currency(
            code=str(code),
            symbols=tuple(str(symbol) for symbol in entry.get("symbols", ())),
            words=tuple(str(word).lower() for word in entry.get("words", ())),
            subunits={str(word).lower(): float(share) for word, share in entry.get("subunits", {}).items()},
        )
        for code, entry in spec.items()
    )


def _qualifiers_before(spec: Mapping[str, Any]) -> dict[str, tuple[str, ...]]:
    return {name: _phrases(spec.get(name, ())) for name in QUALIFIERS}


def _bands(spec: Mapping[Any, Any]) -> dict[str, float]:
    bands = {str(name): float(width) for name, width in spec.items()}
    for name in ("about", "nearly"):
        if not 0 <= bands.get(name, -1) < 1:
            raise ValueError(f"qualifier_bands.{name} must be a share between 0 and 1")
    return bands


def _percent_units(spec: Mapping[str, Any]) -> dict[str, tuple[str, ...]]:
    """Percentage units by name; names become pattern group names, so they must be identifiers."""
    for name in spec:
        if not str(name).isidentifier():
            raise ValueError(f"percent unit name {name!r} must be a plain identifier (letters, digits, _)")
    return {str(name): _phrases(words) for name, words in spec.items()}


def _units(spec: Mapping[Any, Any]) -> tuple[Unit, ...]:
    return tuple(
        Unit(
            str(unit),
            _phrases(entry.get("words", ())),
            tuple(str(a) for a in entry.get("attached", ())),
            _phrases(entry.get("before", ())),
        )
        for unit, entry in spec.items()
    )


def _frames(spec: Mapping[Any, Any]) -> tuple[Frame, ...]:
    return tuple(
        Frame(
            attribute=str(attribute),
            kinds=tuple(str(kind) for kind in entry.get("kinds", ())),
            cues=_phrases(entry.get("cues", ())),
            after=_phrases(entry.get("after", ())),
            units=tuple(str(unit) for unit in entry.get("units", ())),
            context=_phrases(entry.get("context", ())),
            unit_alone=bool(entry.get("unit_alone", True)),
            unless=_phrases(entry.get("unless", ())),
        )
        for attribute, entry in spec.items()
    )


def _event_words(spec: Mapping[Any, Any]) -> dict[str, tuple[str, ...]]:
    """The word lists of ``event_words`` (its ``reach`` and ``intro_reach`` are fields of their own)."""
    return {str(key): _phrases(words) for key, words in spec.items() if key not in ("reach", "intro_reach")}


FIGURE_WORDS = ("rises", "falls", "separate_moves", "to_words", "from_words", "earlier_parts",
                "investment_words", "valuation_cues", "total_before", "total_after", "partial_lists",
                "not_parts")  # fmt: skip
EVENT_WORDS = ("future", "not_past", "looking_ahead", "boundaries", "occasions", "event_nouns")


def _entities(spec: Mapping[Any, Any]) -> tuple[Entity, ...]:
    return tuple(_entity(str(key), entry) for key, entry in spec.items())


def _entity(key: str, spec: Mapping[str, Any]) -> Entity:
    """One organisation from ``entities.yaml``."""
    listing = spec.get("listing")
    return Entity(
        id=key,
        name=str(spec["name"]),
        kind=str(spec.get("kind", "organisation")),
        aliases=tuple(str(alias) for alias in spec.get("aliases", ())),
        listing=Listing(str(listing["exchange"]), str(listing["ticker"])) if listing else None,
        parent=str(spec["parent"]) if spec.get("parent") else None,
        source=str(spec["source"]) if spec.get("source") else None,
    )


def _tolerances(spec: Mapping[Any, Any]) -> dict[str, Tolerance]:
    return {
        str(key): Tolerance(float(entry.get("relative", 0)), float(entry.get("absolute", 0)))
        for key, entry in spec.items()
    }


def _reliability(spec: Mapping[Any, Any]) -> Reliability:
    return Reliability(**{str(key): value for key, value in spec.items()})


def _sums(spec: Mapping[Any, Any]) -> dict[str, tuple[str, ...]]:
    return {str(total): tuple(str(part) for part in parts) for total, parts in spec.items()}


def _plausibility(spec: Mapping[Any, Any]) -> dict[str, tuple[dict[str, Any], ...]]:
    return {
        str(key): tuple(_bounds(entry) for entry in (ranges if isinstance(ranges, list) else [ranges]))
        for key, ranges in spec.items()
    }


def _bounds(spec: Mapping[str, Any]) -> dict[str, Any]:
    """One plausible range of ``plausibility.yaml``: min and max as numbers (an open end infinite)."""
    unknown = set(spec) - {"min", "max", "unit", "within", "why"}
    if unknown:
        raise ValueError(f"unknown key(s) in a plausible range: {sorted(unknown)}")
    low, high = float(spec.get("min", "-inf")), float(spec.get("max", "inf"))
    if low > high:
        raise ValueError(f"a plausible range with min {low} above max {high}")
    within = spec.get("within")
    if within is not None and within not in PERIOD_DAYS:
        raise ValueError(f"within {within!r} is not one of {', '.join(PERIOD_DAYS)}")
    unit = spec.get("unit")
    return {
        "min": low,
        "max": high,
        "unit": None if unit is None else str(unit),
        "within": within,
        "why": str(spec.get("why") or ""),
    }


# --- the knowledge, described once ---------------------------------------------------------------

_Q, _T, _L, _U = "quantities.yaml", "tolerances.yaml", "language.yaml", "units.yaml"
_TI, _MA, _FR, _EN = "titles.yaml", "markets.yaml", "frames.yaml", "entities.yaml"
_MT, _PL, _PE = "matching.yaml", "plausibility.yaml", "people.yaml"
_CURRENCY = Record({"symbols": PHRASES, "words": PHRASES, "subunits": MapOf(PHRASE, NUMBER)}, "a currency")
_QUALIFIERS = Record(
    {**dict.fromkeys(QUALIFIERS, PHRASES), "after": Record(dict.fromkeys(QUALIFIERS, PHRASES))},
    "the qualifiers",
)
_BANDS = Record({"about": SHARE, "nearly": SHARE}, "the qualifier bands")
_TOLERANCE = Record({"relative": NOT_NEGATIVE, "absolute": NOT_NEGATIVE}, "a tolerance")
_RELIABILITY = Record(
    {
        "rounds": Number("a whole number at least 1", low=1, whole=True),
        "prior_claims": NOT_NEGATIVE,
        "prior_loss": NOT_NEGATIVE,
        "floor": NOT_NEGATIVE,
    }
)
_UNIT = Record({"words": PHRASES, "attached": ListOf(FORM), "before": PHRASES}, "a unit")
_FRAME = Record(
    {
        "kinds": ListOf(OneOf(FRAME_KINDS, "kinds of claim (money, percent, quantity)")),
        "cues": PHRASES,
        "after": PHRASES,
        "units": ListOf(Text("a unit", "units", empty="a unit may not be empty")),
        "context": PHRASES,
        "unit_alone": Flag(),
        "unless": PHRASES,
    },
    "an attribute",
)
_ENTITY = Record(
    {
        "name": NAME,
        "aliases": ListOf(NAME),
        "kind": OneOf(ENTITY_KINDS, "kinds of organisation"),
        "listing": Record({"exchange": NAME, "ticker": NAME}, "a listing", required=("exchange", "ticker")),
        "parent": NAME,
        "source": TEXT,
    },
    "an entity",
    required=("name",),
)
# Types only: ids, titles, organisations and dates are checked by factlint.people once titles and
# entities are known.
_RANGES = Either((PLAUSIBLE_RANGE, ListOf(PLAUSIBLE_RANGE)))
_ID = Text("an id (text)", "ids (text)", strict=True)
_PERSON = Record({"name": TEXT, "aliases": Maybe(ListOf(NAME)), "tenures": Maybe(ListOf(TENURE))}, "a person")


@dataclasses.dataclass(frozen=True, eq=False, kw_only=True)
class KnowledgeBase:
    """Everything the stages know beyond the text itself, one field a key of the ``rules/`` files.

    Each field is declared with :func:`~factlint.knowledge_schema.known`: file, key, shape, how it
    is built, default (``REQUIRED`` when there is none) and meaning; the schemas that check the files
    are gathered from these (:data:`SCHEMAS`). Compared and hashed by identity, so that patterns
    compiled from it can be cached per instance.
    """

    # fmt: off
    # quantities.yaml
    currencies: tuple[Currency, ...] = known(
        _Q, "currencies", MapOf(TEXT, _CURRENCY), _currencies, REQUIRED,
        "currencies by ISO code: symbols before an amount, words after it, subunits")
    scale_words: Mapping[str, float] = known(
        _Q, "scales.words", MapOf(PHRASE, NUMBER), _numbers, REQUIRED,
        "words that scale a number (billion)")
    scale_abbreviations: Mapping[str, float] = known(
        _Q, "scales.abbreviations", MapOf(PHRASE, NUMBER), _numbers, REQUIRED,
        "abbreviations that scale a number (bn)")
    qualifiers_before: Mapping[str, tuple[str, ...]] = known(
        _Q, "qualifiers", _QUALIFIERS, _qualifiers_before, REQUIRED,
        "phrases before a number that make it a bound or an estimate (up to, about), by qualifier")
    qualifiers_after: Mapping[str, tuple[str, ...]] = known(
        _Q, "qualifiers.after", None, _phrases_by_name, {},
        "the same, written after the number (or so)")
    percent_units: Mapping[str, tuple[str, ...]] = known(
        _Q, "percent", MapOf(Identifier(), PHRASES), _percent_units, REQUIRED,
        "percentage units (percent, percentage points) and how each is written")
    fractions: Mapping[str, float] = known(
        _Q, "fractions", MapOf(PHRASE, NUMBER), _numbers, {},
        "fractions written in words after a verb of change (a third), as percentages")
    change_verbs: tuple[str, ...] = known(
        _Q, "change_verbs", PHRASES, _phrases, (),
        "verbs that make a fraction or a from-to pair a change (fell, cut)")
    # tolerances.yaml
    bands: Mapping[str, float] = known(
        _T, "qualifier_bands", _BANDS, _bands, REQUIRED,
        "how far about and nearly reach, as shares")
    tolerances: Mapping[str, Tolerance] = known(
        _T, "agreement", MapOf(TEXT, _TOLERANCE), _tolerances, {},
        "how far two figures may differ and agree, by attribute, unit, kind or default")
    rounding_cap: float = known(
        _T, "rounding_cap", Number("a share between 0 and 1", low=0, high=1), float, 0.02,
        "the largest share of a figure that rounding may widen it by")
    open_similarity: float = known(
        _T, "open_match.similarity", Number("a share between 0 and 1", low=0, high=1), float, 0.2,
        "how alike two sentences must be for their figures of one open description to meet")
    open_similarity_alone: float = known(
        _T, "open_match.alone", Number("a share between 0 and 1", low=0, high=1), float, 0.1,
        "the same, where each source gives one figure of that description")
    running_totals: frozenset[str] = known(
        _T, "running_totals", TEXTS, _text_set, frozenset(),
        "attributes that only grow: a newer, smaller figure is stale")
    revised_figures: frozenset[str] = known(
        _T, "revised_figures", TEXTS, _text_set, frozenset(),
        "attributes whose figures are revised as a story develops")
    reliability: Reliability = known(  # a frozen record, safe to share
        _T, "reliability", _RELIABILITY, _reliability, Reliability(),
        "the source-reliability estimate's parameters")
    # language.yaml
    abbreviations: frozenset[str] = known(
        _L, "abbreviations", PHRASES, _abbreviations, frozenset(),
        "words written with a point that ends no sentence (inc, mr)")
    function_words: frozenset[str] = known(
        _L, "function_words", PHRASES, _phrase_set, frozenset(),
        "words that never describe what a number counts (of, the)")
    label_links: tuple[str, ...] = known(
        _L, "statements.links", PHRASES, _phrases, (),
        "words between a label and its value (impact score of 95; Estimated Date: ...)")
    change_words: tuple[str, ...] = known(
        _L, "statements.changes", PHRASES, _phrases, (),
        "words that make a sentence tell of a change, an earlier figure or a range")
    scope_words: tuple[str, ...] = known(
        _L, "statements.scopes", PHRASES, _phrases, (),
        "words that restrict a figure to a part or a place (northern, among, per)")
    part_words: tuple[str, ...] = known(
        _L, "descriptions.part_words", PHRASES, _phrases, (),
        "words that make a figure part of a larger whole (including 10, two of them)")
    verb_markers: frozenset[str] = known(
        _L, "descriptions.verb_markers", PHRASES, _phrase_set, frozenset(),
        "words after which a word that can be a verb is one (to buy, will reach)")
    passage_min_chars: int = known(
        _L, "passages.min_chars", COUNT, int, 40,
        "the fewest characters of a line that counts as a repeated passage (FL103)")
    passage_min_repeats: int = known(
        _L, "passages.min_repeats", COUNT, int, 2,
        "how often a line must stand to be a repeated passage (FL103)")
    # units.yaml
    units: tuple[Unit, ...] = known(
        _U, "units", MapOf(TEXT, _UNIT), _units, (),
        "units of measure by id: words after a number, attached, before")
    number_words: Mapping[str, float] = known(
        _U, "number_words", MapOf(PHRASE, NUMBER), _numbers, {},
        "numbers written in words (twelve)")
    irregular_plurals: Mapping[str, str] = known(
        _U, "irregular_plurals", MapOf(PHRASE, PHRASE), _singulars, {},
        "plurals and their singular (people: person)")
    names_after: frozenset[str] = known(
        _U, "names_after", PHRASES, _phrase_set, frozenset(),
        "words after which a number names rather than counts (top 10, No. 1)")
    not_count_nouns: frozenset[str] = known(
        _U, "not_count_nouns", PHRASES, _phrase_set, frozenset(),
        "nouns a count never counts")
    attribution_after: tuple[str, ...] = known(
        _U, "attribution_after", PHRASES, _phrases, (),
        "phrases after a count that make it anonymous sources (people familiar)")
    people_before: tuple[str, ...] = known(
        _U, "people_counts.before", PHRASES, _phrases, (),
        "phrases right before a bare count of people (killing, a death toll of)")
    people_after: tuple[str, ...] = known(
        _U, "people_counts.after", PHRASES, _phrases, (),
        "words right after a bare count of people (dead)")
    people_subjects: tuple[str, ...] = known(
        _U, "people_counts.subjects", PHRASES, _phrases, (),
        "subjects whose verb makes a bare number a count of people (death toll)")
    people_verbs: tuple[str, ...] = known(
        _U, "people_counts.verbs", PHRASES, _phrases, (),
        "verbs after such a subject, before the count (rose to)")
    ellipsis_after: tuple[str, ...] = known(
        _U, "ellipsis_after", PHRASES, _phrases, (),
        "words after which a bare large number counts what the count before it counts")
    # titles.yaml
    titles: Mapping[str, str] = known(
        _TI, "titles", MapOf(TEXT, PHRASES), _by_phrase, {},
        "job titles by each way of writing them")
    former_words: tuple[str, ...] = known(
        _TI, "former", PHRASES, _phrases, (),
        "words that make a title a past one (former, ex-)")
    not_name_words: frozenset[str] = known(
        _TI, "not_name_words", PHRASES, _phrase_set, frozenset(),
        "words that name events, bodies and documents, never people")
    # markets.yaml
    exchanges: Mapping[str, str] = known(
        _MA, "exchanges", MapOf(TEXT, PHRASES), _by_phrase, {},
        "stock exchanges by each way of writing them")
    # frames.yaml
    frames: tuple[Frame, ...] = known(
        _FR, "attributes", MapOf(TEXT, _FRAME), _frames, (),
        "the facts a number may speak of, and what tells")
    aspects: Mapping[str, tuple[str, ...]] = known(
        _FR, "aspects", MapOf(TEXT, PHRASES), _phrases_by_name, {},
        "words before an amount that make it an increment or a running total, by aspect")
    aspects_after: Mapping[str, tuple[str, ...]] = known(
        _FR, "aspects_after", MapOf(TEXT, PHRASES), _phrases_by_name, {},
        "the same, after the figure")
    aspects_right_after: Mapping[str, tuple[str, ...]] = known(
        _FR, "aspects_right_after", MapOf(TEXT, PHRASES), _phrases_by_name, {},
        "the same, right after the figure with no word between (seven points more than)")
    before_publication: tuple[str, ...] = known(
        _FR, "before_publication", PHRASES, _phrases, (),
        "words in a clause that place its claim before publication (already, initial)")
    sessions: tuple[str, ...] = known(
        _FR, "sessions", PHRASES, _phrases, (),
        "trading sessions a stock figure may speak of (after hours)")
    prospective_before: tuple[str, ...] = known(
        _FR, "prospective.before", PHRASES, _phrases, (),
        "words before an amount that make it a potential figure, a fact of its own")
    prospective_after: tuple[str, ...] = known(
        _FR, "prospective.after", PHRASES, _phrases, (),
        "the same, after the figure")
    prospective_conditions: tuple[str, ...] = known(
        _FR, "prospective.conditions", PHRASES, _phrases, (),
        "words that open a condition: a figure after one in its clause is what may be (if, unless)")
    change_from: tuple[str, ...] = known(
        _FR, "changes.from", PHRASES, _phrases, (),
        "words before the value before a change (from)")
    change_to: tuple[str, ...] = known(
        _FR, "changes.to", PHRASES, _phrases, (),
        "words before the value after a change (to)")
    change_between: int = known(
        _FR, "changes.between", COUNT, int, 3,
        "how many words may follow the first amount of a change")
    publication_window: int = known(
        _FR, "publication_window", COUNT, int, 7,
        "the days up to publication that a claim dated only by it speaks of")
    dated_by_publication: frozenset[str] = known(
        _FR, "dated_by_publication", TEXTS, _text_set, frozenset(),
        "attributes whose figure dated by publication belongs to that day itself")
    completed_verbs: tuple[str, ...] = known(
        _FR, "completed_verbs", PHRASES, _phrases, (),
        "verbs that report an event as done (announced, was signed)")
    figure_words: Mapping[str, tuple[str, ...]] = known(
        _FR, "figure_words", Record(dict.fromkeys(FIGURE_WORDS, PHRASES)), _phrases_by_name, {},
        "words around a figure for the sums (FL102) and FL402: rises, falls, valuation cues...")
    event_words: Mapping[str, tuple[str, ...]] = known(
        _FR, "event_words", Record({**dict.fromkeys(EVENT_WORDS, PHRASES), "reach": COUNT,
                                    "intro_reach": COUNT}), _event_words, {},
        "words that tell a plan or a schedule from a completed event (FL302)")
    event_reach: int = known(
        _FR, "event_words.reach", None, int, 4,
        "the most words between a completed verb and its date")
    event_intro_reach: int = known(
        _FR, "event_words.intro_reach", None, int, 10,
        "the most words of a clause before its date that may govern it")
    # entities.yaml
    entities: tuple[Entity, ...] = known(
        _EN, "entities", MapOf(TEXT, _ENTITY), _entities, (),
        "organisations: name, aliases, kind, listing, parent")
    company_suffixes: tuple[str, ...] = known(
        _EN, "company_suffixes", ListOf(FORM), _texts, (),
        "words that end a company's name (Ltd, Group)")
    candidate_verbs: tuple[str, ...] = known(
        _EN, "candidates.verbs", PHRASES, _phrases, (),
        "verbs before which a capitalised name is a candidate organisation (said)")
    candidate_adverbs: tuple[str, ...] = known(
        _EN, "candidates.adverbs", PHRASES, _phrases, (),
        "adverbs that may stand between such a name and its verb (also)")
    not_organisations: frozenset[str] = known(
        _EN, "candidates.not_organisations", PHRASES, _phrase_set, frozenset(),
        "capitalised words that alone are never a candidate organisation")
    person_words: tuple[str, ...] = known(
        _EN, "candidates.person_words", PHRASES, _phrases, (),
        "words before a name that make it a person's")
    place_nouns: tuple[str, ...] = known(
        _EN, "candidates.place_nouns", PHRASES, _phrases, (),
        "nouns before which a name is a place (county, valley)")
    place_before: tuple[str, ...] = known(
        _EN, "candidates.place_before", PHRASES, _phrases, (),
        "words after which a name is a place (capital of)")
    locatives: tuple[str, ...] = known(
        _EN, "candidates.locatives", PHRASES, _phrases, (),
        "words after which a recurring name alone is no candidate (in)")
    organisation_words: tuple[str, ...] = known(
        _EN, "candidates.organisation_words", PHRASES, _texts, (),
        "words that end the name of an organisation other than a company")
    adjective_endings: tuple[str, ...] = known(
        _EN, "candidates.adjective_endings", PHRASES, _phrases, (),
        "adjective endings: a first word so ending never stands alone for its name")
    # matching.yaml
    legal_suffixes: tuple[str, ...] = known(
        _MT, "names.legal_suffixes", PHRASES, _phrases, (),
        "legal forms and web suffixes that do not change who a company is")
    fuzzy_threshold: float = known(
        _MT, "names.fuzzy_threshold", PERCENTAGE, float, 88.0,
        "rapidfuzz token_sort_ratio at which two unknown names are one")
    min_fuzzy_length: int = known(
        _MT, "names.min_fuzzy_length", COUNT, int, 5,
        "names shorter than this must match exactly")
    text_threshold: float = known(
        _MT, "names.text_threshold", PERCENTAGE, float, 90.0,
        "token_sort_ratio at which two text values (author lists) agree")
    sums: Mapping[str, tuple[str, ...]] = known(
        _MT, "sums", MapOf(TEXT, TEXTS), _sums, {},
        "totals and the parts that add up to them, by attribute")
    parent_acts: frozenset[str] = known(
        _MT, "parent_acts", TEXTS, _text_set, frozenset(),
        "attributes for which a subsidiary acts for its parent")
    event_attributes: frozenset[str] = known(
        _MT, "event_attributes", TEXTS, _text_set, frozenset(),
        "facts of the story's event, matched by attribute alone")
    period_figures: frozenset[str] = known(
        _MT, "period_figures", TEXTS, _text_set, frozenset(),
        "figures over a period, compared only with figures of the same period")
    same_part_days: int = known(
        _MT, "same_part_days", COUNT, int, 31,
        "days apart within which two equal parts are one part told twice")
    # plausibility.yaml
    plausibility: Mapping[str, tuple[Mapping[str, Any], ...]] = known(
        _PL, "plausibility", MapOf(TEXT, _RANGES), _plausibility, {},
        "plausible ranges by attribute, unit or kind")
    # people.yaml
    people: tuple[Person, ...] = known(
        _PE, "people", MapOf(_ID, _PERSON), None, (),
        "people and their dated tenures")
    # fmt: on
    files: tuple[str, ...] = ()  # the files read, in order

    def tolerance(self, attribute: str | None, unit: str | None, kind: str | None) -> Tolerance:
        """The tolerance for a figure: by attribute, then unit, then kind, then the default."""
        for key in (attribute, unit, kind, "default"):
            if key is not None and key in self.tolerances:
                return self.tolerances[key]
        return Tolerance()


def default_rules_dir() -> Path:
    """The ``rules/`` folder shipped with factlint (inside the package when installed as a wheel)."""
    packaged = Path(__file__).resolve().parent / "_rules"
    return packaged if packaged.is_dir() else Path(__file__).resolve().parents[2] / "rules"


@functools.cache
def default_knowledge() -> KnowledgeBase:
    """The knowledge in the default rules folder, loaded once."""
    return load_knowledge()


def load_knowledge(folders: Iterable[str | Path] = ()) -> KnowledgeBase:
    """Load the default rules folder, then each of ``folders`` over it.

    Each file is checked against its schema before the knowledge is built (see
    :mod:`factlint.knowledge_schema`), so that a mistake is told with its place.
    """
    data: dict[str, Any] = {}
    read: list[tuple[Path, dict[str, Any]]] = []
    for folder in (default_rules_dir(), *map(Path, folders)):
        if not folder.is_dir():
            raise KnowledgeError(f"{folder}: no such rules folder")
        for name in RULE_FILES:
            path = folder / name
            if path.is_file():
                read.append((path, read_knowledge_file(path, SCHEMAS[name])))
                data = _merge(data, read[-1][1])
    files = [path.as_posix() for path, _ in read]
    check_merged(read, data)
    try:
        kb = _build(data, tuple(files))
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise KnowledgeError(f"{', '.join(files)}: {type(exc).__name__}: {exc}") from exc
    titles = set(kb.titles.values())
    organisations = {entity.id for entity in kb.entities}
    for path in files:
        if path.endswith("/people.yaml"):
            check_people_file(Path(path), titles, organisations)
    return dataclasses.replace(kb, people=build_people(data.get("people") or {}))


def _merge(base: Any, extra: Any) -> Any:
    """``extra`` laid over ``base``: mappings merge key by key at every depth, lists gain new items.

    Anything else is replaced; a later folder adds to the knowledge and removes nothing.
    """
    if isinstance(base, dict) and isinstance(extra, dict):
        merged = dict(base)
        for key, value in extra.items():
            merged[key] = _merge(base[key], value) if key in base else value
        return merged
    if isinstance(base, list) and isinstance(extra, list):
        return [*base, *(item for item in extra if item not in base)]
    return extra


_DESCRIBED = [(name, description) for name, description in described(KnowledgeBase) if description.build]
SCHEMAS: dict[str, dict[str, Shape]] = schemas(KnowledgeBase)  # each file's top-level keys and their shapes
_ABSENT = object()


def _build(data: Mapping[str, Any], files: tuple[str, ...]) -> KnowledgeBase:
    """The knowledge from the merged files: each described key built, a missing one left at its default."""
    values: dict[str, Any] = {}
    for name, description in _DESCRIBED:
        value: Any = data
        for key in description.key:
            value = value.get(key, _ABSENT) if isinstance(value, dict) else _ABSENT
        if value is not _ABSENT:
            values[name] = description.build(value)
        elif description.required:
            raise KeyError(".".join(description.key))
    return KnowledgeBase(**values, files=files)
