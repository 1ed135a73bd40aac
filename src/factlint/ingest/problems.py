"""The FL9xx codes: problems met while reading input, each a one-line finding that names the file."""

from __future__ import annotations

import dataclasses

from factlint.ingest.names import shown
from factlint.model import Finding, Severity


@dataclasses.dataclass(frozen=True)
class InputProblem:
    """One kind of input problem: its code, dotted name, severity and what it means."""

    code: str
    name: str
    severity: Severity
    description: str


UNREADABLE = InputProblem(
    "FL901",
    "input.unreadable",
    Severity.ERROR,
    "The file could not be opened or read (missing, a folder, no permission, a folder that cannot "
    "be listed, a broken link or link loop, a named pipe, socket or device); it was skipped.",
)
BINARY = InputProblem(
    "FL902",
    "input.binary",
    Severity.ERROR,
    "The file holds binary data (NUL bytes or mostly control characters), not text; it was skipped.",
)
ENCODING = InputProblem(
    "FL903",
    "input.encoding",
    Severity.WARNING,
    "The file is not valid UTF-8: it was decoded as UTF-8 with its few invalid bytes replaced "
    "(U+FFFD), as UTF-16 without a byte-order mark, or with a detected or fallback encoding, any "
    "of which may have changed some characters.",
)
FRONT_MATTER = InputProblem(
    "FL904",
    "input.front_matter",
    Severity.WARNING,
    "The front matter could not be parsed safely (bad syntax, unsafe tags, alias bombs, no "
    "closing delimiter); its metadata was ignored and the body was kept. Or it gives a key twice: "
    "the line and column are named and the last value is kept.",
)
TOO_LARGE = InputProblem(
    "FL905",
    "input.too_large",
    Severity.ERROR,
    "The file is larger than the size limit (--max-size); it was skipped.",
)
EMPTY = InputProblem(
    "FL906",
    "input.empty",
    Severity.WARNING,
    "The file has no text once markup and metadata are removed.",
)
PARTIAL_DATE = InputProblem(
    "FL907",
    "input.partial_date",
    Severity.INFO,
    "A dateline or byline gives a day and month without a year, so the publication date is "
    "left unknown rather than guessed.",
)
BAD_DATE = InputProblem(
    "FL908",
    "input.bad_date",
    Severity.WARNING,
    "A metadata date field holds a value that is not a valid date, or a publication date outside the "
    "years 1500 to 2199; it was ignored.",
)

INTERNAL = InputProblem(
    "FL909",
    "input.internal_error",
    Severity.ERROR,
    "factlint failed while reading the file: a bug in factlint, not in the file. The other files "
    "were still read; please report it with the file.",
)

ALL: tuple[InputProblem, ...] = (
    UNREADABLE,
    BINARY,
    ENCODING,
    FRONT_MATTER,
    TOO_LARGE,
    EMPTY,
    PARTIAL_DATE,
    BAD_DATE,
    INTERNAL,
)


def problem(kind: InputProblem, path: str, detail: str, source_id: str | None = None) -> Finding:
    """A finding of ``kind`` about the file ``path``, with ``detail`` folded onto one line.

    The path and id are shown as :func:`~factlint.ingest.names.shown` prints them.
    """
    return Finding(
        code=kind.code,
        rule=kind.name,
        severity=kind.severity,
        message=shown(" ".join(detail.split())),
        path=shown(path),
        source_id=None if source_id is None else shown(source_id),
        explanation=kind.description,
    )
