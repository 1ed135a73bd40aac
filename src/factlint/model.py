"""The plain records passed between stages: frozen dataclasses that serialise to JSON and back.

Every stage reads and returns these types only; nothing here imports a stage. ``to_dict`` and
``from_dict`` are the one serialisation that every reporter and the JSON report are views of; a
field made with :func:`unreported` is left out of it unless the whole record is asked for (as the
per-file cache does). A :class:`~factlint.dates.StatedDate` is written as its ISO text, as a date is.
"""

from __future__ import annotations

import bisect
import collections.abc
import dataclasses
import datetime as dt
import enum
import functools
import types
import typing
from collections.abc import Mapping
from typing import Any, TypeVar

from factlint.dates import StatedDate

T = TypeVar("T")
_UNREPORTED = "unreported"


def unreported(default: Any, *, compare: bool = True) -> Any:
    """A field with ``default`` that the report leaves out and the per-file cache keeps.

    For what later stages need but the report has never shown, so that adding it changes no
    report: :func:`to_dict` writes it only with ``whole=True``; :func:`record_fields` never does.
    """
    return dataclasses.field(default=default, compare=compare, metadata={_UNREPORTED: True})


class Severity(enum.StrEnum):
    """How much a finding matters; ordered error > warning > info."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Larger is more severe: info 1, warning 2, error 3."""
        return {"info": 1, "warning": 2, "error": 3}[self.value]


@dataclasses.dataclass(frozen=True)
class Span:
    """A half-open range ``[start, end)`` of character offsets into ``Source.text``."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"invalid span [{self.start}, {self.end})")


@dataclasses.dataclass(frozen=True)
class OffsetMap:
    """Maps offsets in the clean text back to the decoded original file.

    ``runs`` are ``(clean_start, clean_len, orig_start, orig_len)``, sorted and contiguous in clean
    text. A run with equal lengths was copied character for character; any other run replaced its
    original (an entity decoded, a separator inserted) and all its characters map to
    ``orig_start``. ``line_starts`` are the offsets where each line of the original begins.
    """

    runs: tuple[tuple[int, int, int, int], ...]
    line_starts: tuple[int, ...]

    @functools.cached_property
    def _starts(self) -> list[int]:
        return [run[0] for run in self.runs]

    def to_original(self, offset: int) -> int:
        """The original offset of clean offset ``offset`` (the end of text maps past the last run)."""
        if not self.runs:
            return 0
        index = max(bisect.bisect_right(self._starts, offset) - 1, 0)
        clean_start, clean_len, orig_start, orig_len = self.runs[index]
        if offset >= clean_start + clean_len:
            return orig_start + orig_len
        if clean_len == orig_len:
            return orig_start + (offset - clean_start)
        return orig_start

    def is_copied(self, offset: int) -> bool:
        """True when the clean character at ``offset`` is a verbatim copy of the original's."""
        if not self.runs:
            return False
        index = max(bisect.bisect_right(self._starts, offset) - 1, 0)
        clean_start, clean_len, _, orig_len = self.runs[index]
        return clean_start <= offset < clean_start + clean_len and clean_len == orig_len

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column in the original file of clean offset ``offset``."""
        original = self.to_original(offset)
        line = bisect.bisect_right(self.line_starts, original) - 1
        return line + 1, original - self.line_starts[line] + 1


@dataclasses.dataclass(frozen=True)
class Evidence:
    """A quote that supports a finding, located in its source."""

    source_id: str
    quote: str
    span: Span | None = None
    claim_id: str | None = None


@dataclasses.dataclass(frozen=True)
class Basis:
    """The knowledge entry a finding rests on: its file and key, what it says and who says so."""

    file: str
    entry: str
    says: str
    source: str | None = None


@dataclasses.dataclass(frozen=True)
class Finding:
    """Something an editor should look at, from a rule or from reading the input."""

    code: str
    rule: str
    severity: Severity
    message: str
    path: str | None = None
    source_id: str | None = None
    evidence: tuple[Evidence, ...] = ()
    explanation: str = ""
    fix: str | None = None
    basis: tuple[Basis, ...] = ()


@dataclasses.dataclass(frozen=True)
class MetaValue:
    """A number or text of the front matter under its key, as the reader found it.

    ``path`` is the key path as written (``("timeline", "estimatedDate")``); ``words`` the words of
    each key, lower case (``estimatedDate`` and ``estimated_date`` are ``("estimated", "date")``);
    ``folded`` each key as metadata keys are compared (``Published_At`` is ``publishedat``).
    ``written`` is the value as written. A number has ``number`` and ``step`` (half the worth of
    its last digit); a text has ``date`` when it is one date and nothing else. ``published`` marks
    a top-level publication-date key ("date", "published_at"...).
    """

    path: tuple[str, ...]
    words: tuple[tuple[str, ...], ...]
    folded: tuple[str, ...]
    written: str
    number: float | None = None
    step: float = 0.0
    date: StatedDate | None = None
    published: bool = False


@dataclasses.dataclass(frozen=True)
class Source:
    """One article as read: metadata with provenance, clean body text and its offset map.

    ``dates`` are the dates the metadata states, under their keys ("byline", "html:date", a
    front-matter key path); ``meta_values`` the front matter's numbers and dates, typed (not in
    the report, which shows ``meta`` as written).
    """

    id: str
    path: str
    format: str
    encoding: str
    sha256: str
    text: str
    offsets: OffsetMap
    title: str | None = None
    outlet: str | None = None
    byline: str | None = None
    url: str | None = None
    published: dt.date | None = None
    published_from: str | None = None
    dates: Mapping[str, StatedDate] = dataclasses.field(default_factory=dict)
    meta: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    problems: tuple[Finding, ...] = ()
    meta_values: tuple[MetaValue, ...] = unreported(())

    @property
    def words(self) -> int:
        """Number of whitespace-separated words in the clean text."""
        return len(self.text.split())


@dataclasses.dataclass(frozen=True)
class Precision:
    """How a figure was written: the worth of its last digit, and where its numbers stand.

    ``decimals`` is the most decimals any number of the claim's text has; ``step`` the worth of
    its last written digit in the figure's unit (0.01 for "$1.37", 1e8 for "$2.5 billion"; for a
    range, with the most decimals and its high end); ``scale`` the figure over its largest
    written number (1e9 for "$2.5 billion"); ``numbers`` the offsets in the claim's text where
    its first number begins and its last ends. ``step`` and ``scale`` are None when the figure
    has no value (or a zero) to measure them by.
    """

    decimals: int
    step: float | None
    scale: float | None
    numbers: tuple[int, int]


@dataclasses.dataclass(frozen=True)
class Quantity:
    """A number with its unit and the interval its qualifier allows.

    ``low``/``high`` of None mean unbounded; "up to $25B" is ``[0, 25e9]``, "more than $100B" is
    ``(100e9, None)``. Two quantities agree when their intervals overlap. ``precision`` is how
    extraction found the figure written; it is not reported, nor compared.
    """

    value: float | None
    unit: str
    low: float | None = None
    high: float | None = None
    low_closed: bool = True
    high_closed: bool = True
    qualifier: str | None = None
    vague: bool = False
    precision: Precision | None = unreported(None, compare=False)


@dataclasses.dataclass(frozen=True)
class TimeRef:
    """A time a claim speaks of: an interval with its precision and how it was resolved."""

    text: str
    start: dt.date | None = None
    end: dt.date | None = None
    precision: str | None = None
    resolution: str = "unresolved"


@dataclasses.dataclass(frozen=True)
class Role:
    """A person holding (or having held) a title at an organisation."""

    person: str
    title: str
    organisation: str | None = None
    former: bool = False


@dataclasses.dataclass(frozen=True)
class Listing:
    """A stock listing as written: the exchange's code and the ticker."""

    exchange: str
    ticker: str


@dataclasses.dataclass(frozen=True)
class Entity:
    """A canonical organisation or person from the knowledge base, or a candidate from text."""

    id: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    listing: Listing | None = None
    parent: str | None = None
    source: str | None = None


@dataclasses.dataclass(frozen=True)
class Description:
    """What a figure measures, read from its own words (see :mod:`factlint.extract.described`).

    ``measure`` is the counted noun's lemma for a count, else the unit ("foot"), "money" or
    "percent"; ``thing`` the decisive word, a lemma ("fee", "fall"; "" when none is found), and
    ``about`` every decisive word found, the first being ``thing`` ("spends 21% of its revenue":
    revenue, spend); ``words`` the content lemmas of its sentence besides the figure, rarest
    first; ``part`` whether its clause makes it a part of a larger whole ("including 10
    tourists"); ``dates`` the first and last day of each date its sentence writes, in order.
    """

    measure: str
    thing: str
    about: tuple[str, ...] = ()
    words: tuple[str, ...] = ()
    part: bool = False
    dates: tuple[tuple[dt.date, dt.date], ...] = ()


@dataclasses.dataclass(frozen=True)
class Claim:
    """One checkable assertion found in a source.

    ``kind`` is what was found (money, percent, quantity, date, role); ``attribute`` is which fact
    it speaks of (``investment.total``, ``stock.price``) once frames have been read.
    ``occurrences`` are the other places where the same sentence repeats the same claim (a
    passage quoted again in one document), so that a repeat never counts as extra support.
    ``described`` is what a figure measures, read from its words (not in the report).
    """

    id: str
    source_id: str
    span: Span
    text: str
    sentence: str
    kind: str
    extractor: str
    attribute: str | None = None
    subject: str | None = None
    counterparty: str | None = None
    aspect: str | None = None
    quantity: Quantity | None = None
    time: TimeRef | None = None
    role: Role | None = None
    listing: Listing | None = None
    refers_to: TimeRef | None = None
    occurrences: tuple[Span, ...] = ()
    modality: str | None = None
    described: Description | None = unreported(None, compare=False)


@dataclasses.dataclass(frozen=True)
class Labelled:
    """A number or date of the text with the label written right before it ("impact score of 95").

    ``at`` is where the label begins and ``linked`` whether a link word ("of", ":", "was") joins it
    to the value; ``label`` is empty when only a unit word (``unit_word``: "66 seats") names it.
    ``step`` is half the worth of the last digit written (see :func:`step_of`); ``first`` and
    ``last`` bound a date. The last three fields are what the value's sentence says besides it:
    the other dates it gives, its words that restrict a figure to a part ("in the north", "among
    women") and the places it names ("in Halm"), each sorted.
    """

    label: tuple[str, ...]
    kind: str  # "number" or "date"
    quote: str
    shown: str
    span: Span
    at: int
    linked: bool
    value: float | None = None
    unit: str = ""
    step: float = 0.0
    unit_word: str = ""
    first: dt.date | None = None
    last: dt.date | None = None
    dates: tuple[tuple[dt.date, dt.date], ...] = ()
    scopes: tuple[str, ...] = ()
    places: tuple[str, ...] = ()


def step_of(written: str) -> float:
    """Half the worth of the last digit written: 0.05 for "66.1", 0.5 for "95"."""
    decimals = len(written.split(".", 1)[1]) if "." in written else 0
    return 0.5 * 10.0**-decimals


def singular(word: str) -> str:
    """A label word in the singular, by the usual "-s" ending ("scores" is "score"; "status" stays)."""
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@dataclasses.dataclass(frozen=True)
class Verdict:
    """How one claim of a group stands against the other sources' claims.

    ``score`` is the weighted share of the other sources whose figure is compatible with this one
    (1.0 when no other source speaks); ``weight`` is its source's reliability. ``agreeing`` and
    ``disagreeing`` count the other sources with and without a compatible figure: counts, not
    lists, so that a group is stored in size linear in its claims (which sources they are is
    :func:`factlint.match.consensus.compatible_sources`, derived on demand).
    """

    claim_id: str
    source_id: str
    score: float
    weight: float
    agreeing: int = 0
    disagreeing: int = 0
    in_consensus: bool = True


@dataclasses.dataclass(frozen=True)
class ClaimGroup:
    """Claims that speak of the same fact, with the consensus, each claim's verdict and a label.

    ``consensus`` is the interval every supporting figure allows (numbers, dates); ``consensus_text``
    says it in words, or is the winning value for text. ``label`` is one of :data:`LABELS`;
    ``flagged`` are the ids of the claims at fault (outside the consensus, stale, unqualified).
    ``story`` is the story the group belongs to in an archive read story by story ("" otherwise).
    """

    key: tuple[str, ...]
    claims: tuple[Claim, ...]
    consensus: Quantity | None = None
    consensus_text: str = ""
    verdicts: tuple[Verdict, ...] = ()
    label: str | None = None
    reason: str = ""
    flagged: tuple[str, ...] = ()
    story: str = ""


@dataclasses.dataclass(frozen=True)
class Suppression:
    """Selectors silenced in one source: on ``line`` and the next, or everywhere when ``line`` is 0.

    Found when the source is read: ``<!-- factlint: ignore FL203 -->`` in its file, or
    ``factlint: {ignore: [...]}`` in its front matter (``line`` 0); ``text`` is how it was written.
    """

    source_id: str
    path: str
    line: int
    selectors: tuple[str, ...]
    text: str


@dataclasses.dataclass(frozen=True)
class Passage:
    """Paragraphs that stand together more than once in one document (a block pasted again).

    ``paragraphs`` is how many, ``times`` how often they stand, ``spans`` where each copy of the
    first begins and ends, ``quote`` the first copy's first paragraph as written.
    """

    paragraphs: int
    times: int
    spans: tuple[Span, ...]
    quote: str


@dataclasses.dataclass(frozen=True)
class Listed:
    """What a sentence lists with one figure.

    For a total: ``parts``, the ids of the figures listed as what it is made of, and whether the
    list says it is not all of them (``partial``). For a share of one whole: ``shares``, the ids
    of the other holders' shares of that whole (the first share's id first).
    """

    parts: tuple[str, ...] = ()
    partial: bool = False
    shares: tuple[str, ...] = ()


@dataclasses.dataclass(frozen=True)
class Wording:
    """What the words around one claim say, read by extraction for the rules.

    ``sentence`` is where the claim's sentence begins in the text (its own start when the
    sentence is not found), so that claims of one sentence share it. For a figure: its
    ``direction`` (+1 a rise, -1 a fall, None when no sign or word says), whether one of the
    ``to_words`` or ``from_words`` stands right before it (``after_to``, ``after_from``), the stock
    figures of its sentence that words set apart from it (``apart``: "$0.40, while the index
    gained 1.5%"), whether its sentence says a total holds earlier parts (``more_parts``) and
    whether it says an investment is valued at the figure (``of_investment``); for a figure with
    a value, also whether its sentence tells of a change, an earlier figure or a range
    (``change``: "up from", "revised") and its words that restrict it to a part and the places it
    names (``scopes``, ``places``, as in :class:`Labelled`). For a date: the completed verb that
    governs it (``verb``) and whether its sentence names a year (``year_named``). ``listed`` is what
    its sentence lists with a figure: the parts of a total, the other shares of one whole. The words are the
    knowledge's (``figure_words`` and ``event_words`` in ``rules/frames.yaml``; ``statements`` in
    ``rules/language.yaml``).
    """

    claim_id: str
    sentence: int
    direction: int | None = None
    after_to: bool = False
    after_from: bool = False
    apart: tuple[str, ...] = ()
    more_parts: bool = False
    of_investment: bool = False
    change: bool = False
    scopes: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    verb: str | None = None
    year_named: bool = False
    listed: Listed | None = None


@dataclasses.dataclass(frozen=True)
class Reading:
    """What extraction reads in one source beside its claims, for the rules that judge it.

    Its labelled values, its suppressions, the passages it repeats and the wording around its
    claims. It travels beside the claims (the engines'
    per-file result and cache) and is not part of the report.
    """

    source_id: str
    labelled: tuple[Labelled, ...] = ()
    suppressions: tuple[Suppression, ...] = ()
    passages: tuple[Passage, ...] = ()
    wordings: tuple[Wording, ...] = ()


LABELS = ("agree", "changed_over_time", "qualifier_dropped", "stale", "conflict", "single_source")


@dataclasses.dataclass(frozen=True)
class Report:
    """Everything one run produced, in the order it was read; the JSON report is its ``to_dict``."""

    version: str
    inputs: tuple[str, ...]
    sources: tuple[Source, ...]
    findings: tuple[Finding, ...] = ()
    claims: tuple[Claim, ...] = ()
    groups: tuple[ClaimGroup, ...] = ()


_PLAIN = frozenset({str, int, float, bool, type(None)})
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}  # the reported fields of each record type
_ALL_NAMES: dict[type, tuple[str, ...]] = {}  # every field, unreported ones too


def _names(kind: type, whole: bool) -> tuple[str, ...]:
    fields = dataclasses.fields(kind)
    _ALL_NAMES[kind] = tuple(field.name for field in fields)
    _FIELD_NAMES[kind] = tuple(field.name for field in fields if not field.metadata.get(_UNREPORTED))
    return _ALL_NAMES[kind] if whole else _FIELD_NAMES[kind]


def to_dict(record: Any, whole: bool = False) -> Any:
    """A JSON-compatible view of a record (dates as ISO strings, tuples as lists).

    Fields made with :func:`unreported` are written only when ``whole`` (for the per-file cache).
    """
    kind = type(record)
    if kind in _PLAIN:  # exact types: an enum of strings is not plain
        return record
    names = (_ALL_NAMES if whole else _FIELD_NAMES).get(kind)
    if names is None and dataclasses.is_dataclass(record) and not isinstance(record, type):
        names = _names(kind, whole)
    if names is not None:
        return {name: to_dict(getattr(record, name), whole) for name in names}
    if isinstance(record, enum.Enum):
        return record.value
    if isinstance(record, (dt.date, StatedDate)):
        return record.isoformat()
    if isinstance(record, Mapping):
        return {str(key): to_dict(value, whole) for key, value in record.items()}
    if isinstance(record, (list, tuple)):
        return [to_dict(value, whole) for value in record]
    return record


def stored(record: Any) -> Any:
    """:func:`to_dict` with the fields the report leaves out too: what the per-file cache keeps."""
    return to_dict(record, whole=True)


def record_fields(record: Any) -> dict[str, Any] | None:
    """A record's reported fields by name, their values as they are (None for what is not a record).

    For encoders that turn the values into JSON themselves; see :func:`to_dict` for all of it.
    """
    kind = type(record)
    names = _FIELD_NAMES.get(kind)
    if names is None:
        if not dataclasses.is_dataclass(record) or isinstance(record, type):
            return None
        names = _names(kind, False)
    return {name: getattr(record, name) for name in names}


def from_dict(cls: type[T], data: Mapping[str, Any]) -> T:
    """Rebuild a record of type ``cls`` from ``to_dict`` output."""
    hints = _hints(cls)
    kwargs = {
        field.name: _decode(hints[field.name], data[field.name])
        for field in dataclasses.fields(cls)  # type: ignore[arg-type]
        if field.name in data
    }
    return cls(**kwargs)


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _decode(hint: Any, value: Any) -> Any:
    if value is None or hint is Any:
        return value
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        options = [arg for arg in args if arg is not type(None)]
        return _decode(options[0], value)
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_decode(args[0], item) for item in value)
        return tuple(_decode(arg, item) for arg, item in zip(args, value, strict=True))
    if origin in (dict, Mapping, collections.abc.Mapping):
        return {key: _decode(args[1], item) for key, item in value.items()}
    if isinstance(hint, type):
        if dataclasses.is_dataclass(hint):
            return from_dict(hint, value)
        if issubclass(hint, enum.Enum):
            return hint(value)
        if hint is dt.date:
            return dt.date.fromisoformat(value)
        if hint is StatedDate:
            return StatedDate.from_iso(value)
        if hint is float:
            return float(value)
    return value
