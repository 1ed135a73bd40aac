"""Front matter (YAML ``---`` or TOML ``+++``), split with python-frontmatter and loaded safely.

YAML is read by :mod:`factlint.safe_yaml` with the front matter's limits: safe constructors only,
at most 100 aliases and 20,000 values once expanded (checked before anything is built, so an alias
or merge-key bomb is refused instead of expanded), timestamps kept as written. A key given twice is
a warning naming its line and column; the last value is kept, as YAML loaders do. Values are made
JSON-compatible (dates become ISO strings) so that metadata serialises like every other record.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re
import tomllib
from typing import Any

import frontmatter

from factlint.safe_yaml import FRONT_MATTER_LIMITS, Duplicate, YAMLLoadError, load


@dataclasses.dataclass(frozen=True)
class FrontMatter:
    """What was found before the body: its syntax, its metadata and where the body begins."""

    syntax: str | None
    meta: dict[str, Any]
    body_start: int
    error: str | None = None
    warnings: tuple[str, ...] = ()


class _TOML(frontmatter.default_handlers.BaseHandler):
    """TOML front matter, found by its ``+++`` lines (and read with the standard library's tomllib)."""

    FM_BOUNDARY = re.compile(r"^\+{3,}\s*$", re.MULTILINE)


_HANDLERS: tuple[tuple[str, frontmatter.default_handlers.BaseHandler], ...] = (
    ("yaml", frontmatter.YAMLHandler()),
    ("toml", _TOML()),
)


def _load(syntax: str, raw: str) -> tuple[Any, tuple[Duplicate, ...]]:
    """The front matter's value, and the keys it gives twice (YAML only: TOML refuses them)."""
    if syntax == "toml":
        return tomllib.loads(raw), ()
    document = load(raw, limits=FRONT_MATTER_LIMITS, timestamps=False, allow_duplicates=True)
    return document.value, document.duplicates


def _warnings(duplicates: tuple[Duplicate, ...], shift: int) -> tuple[str, ...]:
    """A warning for each key given twice, with its lines in the file."""
    moved = (
        dataclasses.replace(one, line=one.line + shift, first_line=one.first_line + shift)
        for one in duplicates
    )
    return tuple(
        f"front matter line {one.line}, column {one.column}: {one.message}; the last value is kept"
        for one in moved
    )


def split_front_matter(text: str) -> FrontMatter:
    """Find and load front matter at the very start of ``text``.

    Text without front matter gives ``syntax=None`` and ``body_start=0``. Front matter that cannot
    be loaded gives ``error`` and, when its closing delimiter exists, a body after it.
    """
    for syntax, handler in _HANDLERS:
        if not handler.detect(text):
            continue
        try:
            raw, body = handler.split(text)
        except ValueError:
            return FrontMatter(syntax, {}, 0, "front matter has no closing delimiter")
        body_start = len(text) - len(body)
        shift = text[: text.find(raw)].count("\n")  # the file's lines before the front matter's first
        try:
            loaded, duplicates = _load(syntax, raw)
            meta = plain(loaded) if isinstance(loaded, dict) else None
        except Exception as exc:  # tomllib raises many kinds: ValueError, KeyError, RecursionError
            return FrontMatter(syntax, {}, body_start, _one_line(exc, shift))
        if loaded is None:
            return FrontMatter(syntax, {}, body_start)
        if meta is None:
            # "---" lines around text that is no mapping are thematic breaks, not front matter.
            return FrontMatter(None, {}, 0)
        return FrontMatter(syntax, meta, body_start, warnings=_warnings(duplicates, shift))
    return FrontMatter(None, {}, 0)


def plain(value: Any) -> Any:
    """``value`` with dates as ISO strings, keys as strings and containers as dicts and lists."""
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    if isinstance(value, (set, frozenset)):
        return sorted((plain(item) for item in value), key=repr)
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    return value


def _one_line(exc: BaseException, shift: int) -> str:
    if isinstance(exc, RecursionError):
        return "front matter is nested too deeply"
    if isinstance(exc, YAMLLoadError):
        return f"front matter line {exc.line + shift}, column {exc.column}: {exc.message}"[:300]
    text = " ".join(str(exc).split())
    return f"front matter could not be parsed: {text}"[:300]
