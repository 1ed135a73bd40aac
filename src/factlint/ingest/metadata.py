"""Title, outlet, byline, URL and publication date, each with where it came from.

Front matter and HTML ``<meta>`` come first; then the text itself: a byline line near the top
("Reuters | November 22, 2024", "By Jane Doe"), a wire dateline ("NEW YORK, Nov 22 (Reuters) -")
and a "Published:" line. Every date found is kept in ``dates`` under its own key; the
publication date is never invented: no date found means None.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterator, Mapping
from typing import Any

from factlint.dates import StatedDate, iso_date, parse_written

# Metadata key spellings, compared after lower-casing and removing "_", "-", ":" and ".".
PUBLISHED_KEYS = (
    "date",
    "published",
    "publishedat",
    "publishedon",
    "publishdate",
    "pubdate",
    "datepublished",
    "publicationdate",
    "articlepublishedtime",
    "dcdate",
    "dctermsdate",
    "dcdateissued",
)
TITLE_KEYS = ("title", "headline", "ogtitle", "twittertitle", "dctitle", "h1")
OUTLET_KEYS = (
    "outlet",
    "publisher",
    "publication",
    "sitename",
    "ogsitename",
    "source",
    "newspaper",
    "agency",
    "dcpublisher",
)
AUTHOR_KEYS = ("byline", "author", "authors", "by", "creator", "dccreator", "articleauthor")
URL_KEYS = ("canonical", "canonicalurl", "url", "link", "permalink", "sourcelink", "sourceurl", "ogurl")

_BYLINE_SPLIT = re.compile(r"\s+[|·•–—-]\s+|\s*\|\s*")
_BY = re.compile(r"^by\s+(?P<who>\S.*)$", re.IGNORECASE)
_PUBLISHED_LINE = re.compile(
    r"^(?:(?:first|originally)\s+)?(?:published|posted)(?:\s+on)?\s*:?\s*(?P<date>.+)$", re.IGNORECASE
)
_UPDATED_LINE = re.compile(
    r"^(?:last\s+)?(?:updated|modified|revised)(?:\s+on)?\s*:?\s*(?P<date>.+)$", re.IGNORECASE
)
# A date in an article's address: /2024/05/06/, /2024-05-06-, /20240506/.
_URL_DATE = re.compile(
    r"(?<![\d])(?P<year>(?:19|20)\d\d)(?P<sep>[/-]?)(?P<month>0[1-9]|1[0-2])(?P=sep)"
    r"(?P<day>0[1-9]|[12]\d|3[01])(?![\d])"
)
# What may follow a date on a "Published" line: a time, a zone, a separator and more.
_AFTER_DATE = re.compile(r"\s*(?:[|·•;]|\bat\b|\s\d{1,2}[:.]\d\d|T\d\d:)", re.IGNORECASE)
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’ -]{1,40}(?:,\s*[A-Z][A-Za-z.'’ -]{1,30})?)"
    r"(?:,\s*(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?))?"
    r"\s*(?:\((?P<agency>[^()\n]{2,40})\)|/(?P<wire>[^/\n]{2,40})/)\s*[-–—]{1,2}\s"
)
_HEAD_LINES = 8
_DATE_LINE_CHARS = 200  # the longest "Published ..." line read for a date
# Publication years read as plausible (the bounds of the claims table's own date expectation);
# a date outside them is reported and ignored, so that no date is resolved against year 1 or 9999.
PLAUSIBLE_YEARS = (1500, 2199)


@dataclasses.dataclass(frozen=True)
class Metadata:
    """What :func:`detect` found, and the problems met on the way as ``(kind, detail)``."""

    title: str | None = None
    outlet: str | None = None
    byline: str | None = None
    url: str | None = None
    published: dt.date | None = None
    published_from: str | None = None
    dates: dict[str, StatedDate] = dataclasses.field(default_factory=dict)
    problems: tuple[tuple[str, str], ...] = ()


def detect(front_matter: Mapping[str, Any], html_meta: Mapping[str, str], text: str) -> Metadata:
    """Combine front matter, HTML metadata and the text's own byline and dateline."""
    dates: dict[str, StatedDate] = {}
    problems: list[tuple[str, str]] = []
    published, published_from = None, None

    for path, value in _walk(front_matter):
        key = ".".join(path)
        top_level_date = len(path) == 1 and fold_key(key) in PUBLISHED_KEYS
        stated = iso_date(value) if isinstance(value, str) else None
        if stated:
            dates[key] = stated
            if published is None and top_level_date:
                published, published_from = stated.day, "front_matter"
        elif top_level_date and isinstance(value, str):
            written, _ = parse_written(value)
            if written:
                dates[key] = StatedDate.of_day(written)
                published, published_from = published or written, published_from or "front_matter"
            else:
                problems.append(("bad_date", f"front matter field {key!r} is not a date: {value!r}"))
        elif top_level_date and value is not None:  # a number (TOML published = 2024), a flag, a list
            problems.append(("bad_date", f"front matter field {key!r} is not a date: {value!r}"))

    for key, value in sorted(html_meta.items()):
        if fold_key(key) in PUBLISHED_KEYS:
            written, _ = parse_written(value)
            if written:
                dates[f"html:{key}"] = StatedDate.of_day(written)
                if published is None:
                    published, published_from = written, "html_meta"

    head = [line.strip() for line in text.split("\n", 40)[:40] if line.strip()][:_HEAD_LINES]
    byline = _byline(head)
    if byline.date:
        dates["byline"] = StatedDate.of_day(byline.date)
        if published is None:
            published, published_from = byline.date, "byline"
    dateline = _dateline(text)
    if dateline.date:
        dates["dateline"] = StatedDate.of_day(dateline.date)
        if published is None:
            published, published_from = dateline.date, "dateline"
    tail = _tail(text)
    line_date = _line_date(head, _PUBLISHED_LINE) or _line_date(tail, _PUBLISHED_LINE)
    if line_date:
        dates["text"] = StatedDate.of_day(line_date)
        if published is None:
            published, published_from = line_date, "text"
    updated = _line_date(head, _UPDATED_LINE) or _line_date(tail, _UPDATED_LINE)
    if updated:
        dates["updated"] = StatedDate.of_day(updated)  # later than publication: never its date
    url = _url(front_matter, html_meta)
    url_date = _date_in_url(url) if url else None
    if url_date:
        dates["url"] = StatedDate.of_day(url_date)
        if published is None:
            published, published_from = url_date, "url"
    for partial, where in ((byline.partial, "byline"), (dateline.partial, "dateline")):
        if partial and published is None:
            dates[where] = StatedDate(partial)
            problems.append(
                (
                    "partial_date",
                    f"the {where} gives {partial[2:]} without a year; the publication date is left unknown",
                )
            )

    if published is not None and not PLAUSIBLE_YEARS[0] <= published.year <= PLAUSIBLE_YEARS[1]:
        problems.append(
            (
                "bad_date",
                f"the publication date {published.isoformat()} ({published_from.replace('_', ' ')}) lies "
                f"outside the years {PLAUSIBLE_YEARS[0]} to {PLAUSIBLE_YEARS[1]}; it was ignored",
            )
        )
        published, published_from = None, None

    title = _first_text(front_matter, TITLE_KEYS) or _first_text(html_meta, TITLE_KEYS)
    outlet = (
        _first_text(front_matter, OUTLET_KEYS)
        or _first_text(html_meta, OUTLET_KEYS)
        or byline.outlet
        or dateline.agency
    )
    author = _first_text(front_matter, AUTHOR_KEYS) or _first_text(html_meta, AUTHOR_KEYS)
    return Metadata(
        title=title,
        outlet=outlet,
        byline=author or byline.text,
        url=url,
        published=published,
        published_from=published_from,
        dates=dict(sorted(dates.items())),
        problems=tuple(problems),
    )


@dataclasses.dataclass(frozen=True)
class _Line:
    text: str | None = None
    outlet: str | None = None
    agency: str | None = None
    date: dt.date | None = None
    partial: str | None = None


def _byline(head: list[str]) -> _Line:
    """The first short line near the top made of an outlet, a "By ..." and/or a date."""
    for line in head:
        words = line.split()
        if len(words) > 16:
            continue
        date, partial, outlet, author = None, None, None, None
        for part in _BYLINE_SPLIT.split(line):
            part = part.strip(" ,")
            if not part:
                continue
            whole, month_day = parse_written(part)
            by = _BY.match(part)
            if whole and date is None:
                date = whole
            elif month_day and partial is None:
                partial = month_day
            elif by and len(by.group("who").split()) <= 6 and by.group("who")[:1].isupper():
                author = by.group("who")
            elif outlet is None and len(part.split()) <= 5 and part[:1].isupper():
                outlet = part
        if date or partial or author:
            separated = len(_BYLINE_SPLIT.split(line)) > 1
            return _Line(text=line, outlet=outlet if separated else None, date=date, partial=partial)
    return _Line()


def _dateline(text: str) -> _Line:
    """A wire dateline at the start of one of the first paragraphs."""
    for paragraph in text.split("\n", 12)[:12]:
        match = _DATELINE.match(paragraph.strip())
        if not match:
            continue
        date, partial = parse_written(match.group("date")) if match.group("date") else (None, None)
        agency = (match.group("agency") or match.group("wire") or "").strip() or None
        return _Line(agency=agency, date=date, partial=partial)
    return _Line()


def _tail(text: str) -> list[str]:
    """The last :data:`_HEAD_LINES` lines of text, when the text has more than that many.

    Read from the end (the last 40 lines at most), so a long file is never split whole.
    """
    end = text.rsplit("\n", 40)
    lines = [line.strip() for line in (end if len(end) <= 40 else end[1:]) if line.strip()]
    if len(end) <= 40 and len(lines) <= _HEAD_LINES:
        return []  # the whole text is its head
    return lines[-_HEAD_LINES:]


def _line_date(lines: list[str], pattern: re.Pattern[str]) -> dt.date | None:
    """The date of the first line that ``pattern`` reads ("Published: 6 May 2024, 14:02 BST").

    A date line is short: a longer line is prose (or a hostile file's one huge line) and not read.
    """
    for line in lines:
        if len(line) > _DATE_LINE_CHARS:
            continue
        match = pattern.match(line.strip("*_ "))
        if not match:
            continue
        written = match.group("date").strip("*_ ")
        cut = _AFTER_DATE.search(written)
        for candidate in (written, written[: cut.start()] if cut else ""):
            whole, _ = parse_written(candidate.rstrip(" ,.")) if candidate else (None, None)
            if whole:
                return whole
    return None


def _date_in_url(url: str) -> dt.date | None:
    """The day an article's address gives in its path (``/2024/05/06/``), if it gives a whole one."""
    path = url.split("?", 1)[0].split("#", 1)[0]
    for match in _URL_DATE.finditer(path):
        try:
            return dt.date(int(match.group("year")), int(match.group("month")), int(match.group("day")))
        except ValueError:
            continue
    return None


def _walk(mapping: Mapping[str, Any], prefix: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Any]]:
    """Every leaf of nested front matter as ``(key path, value)``, in file order."""
    for key, value in mapping.items():
        path = (*prefix, key)
        if isinstance(value, Mapping):
            yield from _walk(value, path)
        else:
            yield path, value


def fold_key(key: str) -> str:
    """A key as :data:`PUBLISHED_KEYS` spells it: lower case, without "_", "-", ":", "." or spaces."""
    return re.sub(r"[_\-:. ]", "", key.lower())


def _first_text(mapping: Mapping[str, Any], keys: tuple[str, ...]) -> str | None:
    """The first value among ``keys`` that gives a name: a string, a list's first, a ``name``."""
    normalised = {fold_key(key): value for key, value in reversed(list(mapping.items()))}
    for key in keys:
        value = normalised.get(key)
        if isinstance(value, list) and value:
            value = value[0]
        if isinstance(value, Mapping):
            value = value.get("name")
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())
    return None


def _url(front_matter: Mapping[str, Any], html_meta: Mapping[str, str]) -> str | None:
    """The first absolute http(s) URL among the URL keys, else the first relative one."""
    found = [_first_text(front_matter, (key,)) or _first_text(html_meta, (key,)) for key in URL_KEYS]
    candidates = [value for value in found if value]
    for value in candidates:
        if re.match(r"https?://", value, re.IGNORECASE):
            return value
    return candidates[0] if candidates else None
