"""The knowledge in the top-level ``rules/`` folder, loaded into plain records the stages read.

It imports no stage. Folders given later override earlier ones key by key, so a newsroom can add a
currency or a qualifier phrase in a folder of its own.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from factlint.knowledge_schema import (
    PERIOD_DAYS,
    QUALIFIERS,
    KnowledgeError,
    check_merged,
    read_knowledge_file,
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


@dataclasses.dataclass(frozen=True, eq=False)
class KnowledgeBase:
    """Everything the stages know beyond the text itself.

    Compared and hashed by identity, so that patterns compiled from it can be cached per instance.
    """

    currencies: tuple[Currency, ...]
    scale_words: Mapping[str, float]
    scale_abbreviations: Mapping[str, float]
    qualifiers_before: Mapping[str, tuple[str, ...]]
    qualifiers_after: Mapping[str, tuple[str, ...]]
    percent_units: Mapping[str, tuple[str, ...]]
    bands: Mapping[str, float]
    abbreviations: frozenset[str] = frozenset()
    function_words: frozenset[str] = frozenset()
    units: tuple[Unit, ...] = ()
    number_words: Mapping[str, float] = dataclasses.field(default_factory=dict)
    irregular_plurals: Mapping[str, str] = dataclasses.field(default_factory=dict)
    names_after: frozenset[str] = frozenset()
    not_count_nouns: frozenset[str] = frozenset()
    attribution_after: tuple[str, ...] = ()
    titles: Mapping[str, str] = dataclasses.field(default_factory=dict)
    former_words: tuple[str, ...] = ()
    not_name_words: frozenset[str] = frozenset()
    exchanges: Mapping[str, str] = dataclasses.field(default_factory=dict)
    frames: tuple[Frame, ...] = ()
    aspects: Mapping[str, tuple[str, ...]] = dataclasses.field(default_factory=dict)
    before_publication: tuple[str, ...] = ()
    sessions: tuple[str, ...] = ()
    fractions: Mapping[str, float] = dataclasses.field(default_factory=dict)
    change_verbs: tuple[str, ...] = ()
    entities: tuple[Entity, ...] = ()
    company_suffixes: tuple[str, ...] = ()
    legal_suffixes: tuple[str, ...] = ()
    fuzzy_threshold: float = 88.0
    min_fuzzy_length: int = 5
    text_threshold: float = 90.0
    tolerances: Mapping[str, Tolerance] = dataclasses.field(default_factory=dict)
    rounding_cap: float = 0.02
    running_totals: frozenset[str] = frozenset()
    revised_figures: frozenset[str] = frozenset()
    event_attributes: frozenset[str] = frozenset()
    period_figures: frozenset[str] = frozenset()
    same_part_days: int = 31
    reliability: Reliability = Reliability()
    prospective_before: tuple[str, ...] = ()
    prospective_after: tuple[str, ...] = ()
    change_from: tuple[str, ...] = ()
    change_to: tuple[str, ...] = ()
    change_between: int = 3
    sums: Mapping[str, tuple[str, ...]] = dataclasses.field(default_factory=dict)
    parent_acts: frozenset[str] = frozenset()
    dated_by_publication: frozenset[str] = frozenset()
    aspects_after: Mapping[str, tuple[str, ...]] = dataclasses.field(default_factory=dict)
    publication_window: int = 7
    people_before: tuple[str, ...] = ()
    people_after: tuple[str, ...] = ()
    people_subjects: tuple[str, ...] = ()
    people_verbs: tuple[str, ...] = ()
    ellipsis_after: tuple[str, ...] = ()
    candidate_verbs: tuple[str, ...] = ()
    candidate_adverbs: tuple[str, ...] = ()
    not_organisations: frozenset[str] = frozenset()
    person_words: tuple[str, ...] = ()
    place_nouns: tuple[str, ...] = ()
    place_before: tuple[str, ...] = ()
    locatives: tuple[str, ...] = ()
    organisation_words: tuple[str, ...] = ()
    adjective_endings: tuple[str, ...] = ()
    plausibility: Mapping[str, tuple[Mapping[str, Any], ...]] = dataclasses.field(default_factory=dict)
    completed_verbs: tuple[str, ...] = ()
    people: tuple[Person, ...] = ()
    files: tuple[str, ...] = ()

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
                read.append((path, read_knowledge_file(path)))
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


def _build(data: Mapping[str, Any], files: tuple[str, ...]) -> KnowledgeBase:
    currencies = tuple(
        Currency(
            code=str(code),
            symbols=tuple(str(symbol) for symbol in spec.get("symbols", ())),
            words=tuple(str(word).lower() for word in spec.get("words", ())),
            subunits={str(word).lower(): float(share) for word, share in spec.get("subunits", {}).items()},
        )
        for code, spec in data["currencies"].items()
    )
    qualifiers = data["qualifiers"]
    before = {name: _phrases(qualifiers.get(name, ())) for name in QUALIFIERS}
    after = {name: _phrases(phrases) for name, phrases in qualifiers.get("after", {}).items()}
    unknown = set(after) - set(QUALIFIERS)
    if unknown:
        raise ValueError(f"unknown qualifiers under qualifiers.after: {sorted(unknown)}")
    bands = {str(name): float(width) for name, width in data["qualifier_bands"].items()}
    for name in ("about", "nearly"):
        if not 0 <= bands.get(name, -1) < 1:
            raise ValueError(f"qualifier_bands.{name} must be a share between 0 and 1")
    return KnowledgeBase(
        currencies=currencies,
        scale_words={str(k).lower(): float(v) for k, v in data["scales"]["words"].items()},
        scale_abbreviations={str(k).lower(): float(v) for k, v in data["scales"]["abbreviations"].items()},
        qualifiers_before=before,
        qualifiers_after=after,
        percent_units=_percent_units(data["percent"]),
        bands=bands,
        abbreviations=frozenset(str(word).lower().rstrip(".") for word in data.get("abbreviations", ())),
        function_words=frozenset(_phrases(data.get("function_words", ()))),
        units=tuple(
            Unit(
                str(unit),
                _phrases(spec.get("words", ())),
                tuple(str(a) for a in spec.get("attached", ())),
                _phrases(spec.get("before", ())),
            )
            for unit, spec in data.get("units", {}).items()
        ),
        number_words={
            str(word).lower(): float(value) for word, value in data.get("number_words", {}).items()
        },
        irregular_plurals={str(k).lower(): str(v) for k, v in data.get("irregular_plurals", {}).items()},
        names_after=frozenset(_phrases(data.get("names_after", ()))),
        not_count_nouns=frozenset(_phrases(data.get("not_count_nouns", ()))),
        attribution_after=_phrases(data.get("attribution_after", ())),
        titles={
            variant: str(title)
            for title, variants in data.get("titles", {}).items()
            for variant in _phrases(variants)
        },
        former_words=_phrases(data.get("former", ())),
        not_name_words=frozenset(_phrases(data.get("not_name_words", ()))),
        frames=tuple(
            Frame(
                attribute=str(attribute),
                kinds=tuple(str(kind) for kind in spec.get("kinds", ())),
                cues=_phrases(spec.get("cues", ())),
                after=_phrases(spec.get("after", ())),
                units=tuple(str(unit) for unit in spec.get("units", ())),
                context=_phrases(spec.get("context", ())),
                unit_alone=bool(spec.get("unit_alone", True)),
                unless=_phrases(spec.get("unless", ())),
            )
            for attribute, spec in data.get("attributes", {}).items()
        ),
        aspects={str(aspect): _phrases(words) for aspect, words in data.get("aspects", {}).items()},
        before_publication=_phrases(data.get("before_publication", ())),
        sessions=_phrases(data.get("sessions", ())),
        fractions={str(k).lower(): float(v) for k, v in data.get("fractions", {}).items()},
        change_verbs=_phrases(data.get("change_verbs", ())),
        entities=tuple(_entity(str(key), spec) for key, spec in data.get("entities", {}).items()),
        company_suffixes=tuple(str(suffix) for suffix in data.get("company_suffixes", ())),
        legal_suffixes=_phrases(data.get("names", {}).get("legal_suffixes", ())),
        fuzzy_threshold=float(data.get("names", {}).get("fuzzy_threshold", 88)),
        min_fuzzy_length=int(data.get("names", {}).get("min_fuzzy_length", 5)),
        text_threshold=float(data.get("names", {}).get("text_threshold", 90)),
        exchanges={
            alias: str(code)
            for code, aliases in data.get("exchanges", {}).items()
            for alias in _phrases(aliases)
        },
        tolerances={
            str(key): Tolerance(float(spec.get("relative", 0)), float(spec.get("absolute", 0)))
            for key, spec in data.get("agreement", {}).items()
        },
        rounding_cap=float(data.get("rounding_cap", 0.02)),
        running_totals=frozenset(str(name) for name in data.get("running_totals", ())),
        revised_figures=frozenset(str(name) for name in data.get("revised_figures", ())),
        event_attributes=frozenset(str(name) for name in data.get("event_attributes", ())),
        period_figures=frozenset(str(name) for name in data.get("period_figures", ())),
        same_part_days=int(data.get("same_part_days", 31)),
        reliability=Reliability(**{str(k): v for k, v in data.get("reliability", {}).items()}),
        prospective_before=_phrases(data.get("prospective", {}).get("before", ())),
        prospective_after=_phrases(data.get("prospective", {}).get("after", ())),
        change_from=_phrases(data.get("changes", {}).get("from", ())),
        change_to=_phrases(data.get("changes", {}).get("to", ())),
        change_between=int(data.get("changes", {}).get("between", 3)),
        aspects_after={
            str(aspect): _phrases(words) for aspect, words in data.get("aspects_after", {}).items()
        },
        publication_window=int(data.get("publication_window", 7)),
        dated_by_publication=frozenset(str(name) for name in data.get("dated_by_publication", ())),
        parent_acts=frozenset(str(attribute) for attribute in data.get("parent_acts", ())),
        sums={
            str(total): tuple(str(part) for part in parts) for total, parts in data.get("sums", {}).items()
        },
        people_before=_phrases(data.get("people_counts", {}).get("before", ())),
        people_after=_phrases(data.get("people_counts", {}).get("after", ())),
        people_subjects=_phrases(data.get("people_counts", {}).get("subjects", ())),
        people_verbs=_phrases(data.get("people_counts", {}).get("verbs", ())),
        ellipsis_after=_phrases(data.get("ellipsis_after", ())),
        candidate_verbs=_phrases(data.get("candidates", {}).get("verbs", ())),
        candidate_adverbs=_phrases(data.get("candidates", {}).get("adverbs", ())),
        not_organisations=frozenset(_phrases(data.get("candidates", {}).get("not_organisations", ()))),
        person_words=_phrases(data.get("candidates", {}).get("person_words", ())),
        place_nouns=_phrases(data.get("candidates", {}).get("place_nouns", ())),
        place_before=_phrases(data.get("candidates", {}).get("place_before", ())),
        locatives=_phrases(data.get("candidates", {}).get("locatives", ())),
        organisation_words=tuple(
            str(word) for word in data.get("candidates", {}).get("organisation_words", ())
        ),
        adjective_endings=_phrases(data.get("candidates", {}).get("adjective_endings", ())),
        plausibility={
            str(key): tuple(_bounds(entry) for entry in (spec if isinstance(spec, list) else [spec]))
            for key, spec in data.get("plausibility", {}).items()
        },
        completed_verbs=_phrases(data.get("completed_verbs", ())),
        files=files,
    )


def _phrases(values: Iterable[Any]) -> tuple[str, ...]:
    phrases = tuple(str(value).lower() for value in values)
    if any(not phrase.strip() for phrase in phrases):
        raise ValueError("an empty phrase would match everywhere")
    return phrases


def _percent_units(spec: Mapping[str, Any]) -> dict[str, tuple[str, ...]]:
    """Percentage units by name; names become pattern group names, so they must be identifiers."""
    for name in spec:
        if not str(name).isidentifier():
            raise ValueError(f"percent unit name {name!r} must be a plain identifier (letters, digits, _)")
    return {str(name): _phrases(words) for name, words in spec.items()}


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
