"""Front matter (YAML ``---`` or TOML ``+++``), split with python-frontmatter and loaded safely.

YAML is read with the safe loader only, aliases are counted and the loaded structure's expanded
size is bounded, so an alias bomb is refused instead of expanded. Values are made JSON-compatible
(dates become ISO strings) so that metadata serialises like every other record.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re
import tomllib
from typing import Any, ClassVar

import frontmatter
import yaml

MAX_ALIASES = 100
MAX_NODES = 20_000


class FrontMatterError(ValueError):
    """The front matter exists but cannot be used."""


@dataclasses.dataclass(frozen=True)
class FrontMatter:
    """What was found before the body: its syntax, its metadata and where the body begins."""

    syntax: str | None
    meta: dict[str, Any]
    body_start: int
    error: str | None = None


class _BoundedSafeLoader(yaml.SafeLoader):
    """The safe loader, refusing documents with more aliases than :data:`MAX_ALIASES`.

    Timestamps stay strings, so that dates are kept exactly as written.
    """

    aliases = 0
    yaml_implicit_resolvers: ClassVar[dict[str, list[tuple[str, Any]]]] = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            self.aliases += 1
            if self.aliases > MAX_ALIASES:
                raise FrontMatterError(f"more than {MAX_ALIASES} YAML aliases (an alias bomb?)")
        return super().compose_node(parent, index)


class _YAML(frontmatter.YAMLHandler):
    def load(self, fm: str, **kwargs: object) -> Any:
        return yaml.load(fm, Loader=_BoundedSafeLoader)


class _TOML(frontmatter.default_handlers.BaseHandler):
    """TOML front matter read with the standard library's tomllib."""

    FM_BOUNDARY = re.compile(r"^\+{3,}\s*$", re.MULTILINE)

    def load(self, fm: str, **kwargs: object) -> Any:
        return tomllib.loads(fm)


_HANDLERS: tuple[tuple[str, frontmatter.default_handlers.BaseHandler], ...] = (
    ("yaml", _YAML()),
    ("toml", _TOML()),
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
        try:
            loaded = handler.load(raw)
            _check_size(loaded)
            meta = plain(loaded) if isinstance(loaded, dict) else None
        except Exception as exc:  # loaders raise many kinds: ValueError, KeyError, RecursionError
            return FrontMatter(syntax, {}, body_start, _one_line(exc))
        if loaded is None:
            return FrontMatter(syntax, {}, body_start)
        if meta is None:
            # "---" lines around text that is no mapping are thematic breaks, not front matter.
            return FrontMatter(None, {}, 0)
        return FrontMatter(syntax, meta, body_start)
    return FrontMatter(None, {}, 0)


def _check_size(value: Any) -> None:
    """Refuse structures that expand (through shared aliases) beyond :data:`MAX_NODES` nodes."""
    budget = MAX_NODES
    stack = [value]
    while stack:
        item = stack.pop()
        budget -= 1
        if budget < 0:
            raise FrontMatterError(f"front matter expands to more than {MAX_NODES} values")
        if isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, (list, tuple, set)):
            stack.extend(item)


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


def _one_line(exc: BaseException) -> str:
    if isinstance(exc, RecursionError):
        return "front matter is nested too deeply"
    if isinstance(exc, FrontMatterError):
        return str(exc)
    text = " ".join(str(exc).split())
    return f"front matter could not be parsed: {text}"[:300]
