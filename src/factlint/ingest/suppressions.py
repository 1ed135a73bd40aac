"""The suppressions a document declares, found when it is read.

- In the file, ``<!-- factlint: ignore FL203 -->`` (codes, prefixes or dotted names, separated by
  spaces or commas) on a line: its line number is kept, the rules silence that line and the next.
- In the front matter, ``factlint: {ignore: [FL203]}`` silences them in the whole document.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from factlint.ingest.names import real
from factlint.model import Source, Suppression

_INLINE = re.compile(r"<!--\s*factlint:\s*ignore\s+(?P<selectors>[^>]*?)\s*-->", re.IGNORECASE)
_SEPARATORS = re.compile(r"[\s,]+")


def suppressions_of(source: Source, data: bytes | None = None) -> tuple[Suppression, ...]:
    """The suppressions ``source`` declares in its front matter and in its file.

    ``data`` is the file's bytes as read; without them the file is read again from its path.
    """
    found = []
    settings = source.meta.get("factlint") if isinstance(source.meta, Mapping) else None
    ignore = settings.get("ignore") if isinstance(settings, Mapping) else None
    if isinstance(ignore, str):
        ignore = [ignore]
    if isinstance(ignore, list) and ignore:
        selectors = tuple(str(item).strip() for item in ignore if str(item).strip())
        found.append(Suppression(source.id, source.path, 0, selectors, f"factlint: ignore {list(selectors)}"))
    raw = _raw(source.path) if data is None else data.decode("utf-8", errors="replace")
    if raw and "factlint" in raw:
        for number, line in enumerate(raw.splitlines(), start=1):
            for match in _INLINE.finditer(line):
                selectors = tuple(part for part in _SEPARATORS.split(match.group("selectors")) if part)
                if selectors:
                    found.append(Suppression(source.id, source.path, number, selectors, match.group(0)))
    return tuple(found)


def _raw(path: str) -> str:
    try:
        return Path(real(path)).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
