"""One file to one :class:`Source`: decode, split front matter, clean the body, detect metadata.

``parse_source`` never raises on content: what cannot be read becomes an FL9xx :class:`Finding`,
and what can be read with trouble becomes a Source carrying its problems.
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

from factlint.ingest import problems as kinds
from factlint.ingest.decode import BinaryData, decode
from factlint.ingest.frontmatter import split_front_matter
from factlint.ingest.html import html_to_text, looks_like_html
from factlint.ingest.markdown import MarkdownTooDeep, looks_like_markdown, markdown_to_text
from factlint.ingest.meta_values import meta_values
from factlint.ingest.metadata import detect
from factlint.ingest.names import shown
from factlint.ingest.problems import problem
from factlint.ingest.textbuilder import TextBuilder
from factlint.model import Finding, Source

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd"}
_PROBLEM_KINDS = {"bad_date": kinds.BAD_DATE, "partial_date": kinds.PARTIAL_DATE}


def read_source(
    path: str | os.PathLike[str],
    source_id: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Source | Finding:
    """Read the file at ``path``; a file that cannot be read gives an FL9xx finding instead."""
    source_id = source_id or shown(Path(path).name)
    data = read_bytes(path, source_id, max_bytes)
    if isinstance(data, Finding):
        return data
    return parse_source(data, Path(path).as_posix(), source_id, max_bytes)


def read_bytes(
    path: str | os.PathLike[str], source_id: str, max_bytes: int = DEFAULT_MAX_BYTES
) -> bytes | Finding:
    """The bytes of a regular file of at most ``max_bytes``, else the FL9xx finding saying why not.

    A named pipe or device is never read: the file is opened without waiting and checked
    before any read, so that one swapped in after the walk cannot block the run.
    """
    shown_path = shown(Path(path).as_posix())
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        return problem(kinds.UNREADABLE, shown_path, f"cannot be read: {exc.strerror or exc}", source_id)
    try:
        status = os.fstat(handle)
        if not stat.S_ISREG(status.st_mode):
            kind = "a folder" if stat.S_ISDIR(status.st_mode) else "not a regular file"
            return problem(kinds.UNREADABLE, shown_path, f"{kind}, not an article file", source_id)
        size = status.st_size
        if size > max_bytes:
            return problem(
                kinds.TOO_LARGE,
                shown_path,
                f"file of {_size(size)} is over the {_size(max_bytes)} limit; skipped",
                source_id,
            )
        with open(handle, "rb", closefd=False) as reader:
            return reader.read(max_bytes + 1)
    except OSError as exc:
        return problem(kinds.UNREADABLE, shown_path, f"cannot be read: {exc.strerror or exc}", source_id)
    finally:
        os.close(handle)


def parse_source(
    data: bytes, path: str, source_id: str, max_bytes: int = DEFAULT_MAX_BYTES
) -> Source | Finding:
    """Turn the bytes of the file ``path`` into a Source, or an FL9xx finding when they are unusable.

    It never raises: a failure inside factlint becomes an FL909 finding naming the file, so
    that one file cannot stop a run. The path and id are kept as they are shown.
    """
    path, source_id = shown(path), shown(source_id)
    try:
        return _parse(data, path, source_id, max_bytes)
    except Exception as exc:  # the last line of defence for a whole corpus
        detail = f"internal error while reading: {type(exc).__name__}: {exc}"[:300]
        return problem(kinds.INTERNAL, path, detail, source_id)


def _parse(data: bytes, path: str, source_id: str, max_bytes: int) -> Source | Finding:
    if len(data) > max_bytes:
        return problem(
            kinds.TOO_LARGE, path, f"file is over the {_size(max_bytes)} limit; skipped", source_id
        )
    if not data.strip():
        return problem(kinds.EMPTY, path, "empty file", source_id)
    try:
        decoded = decode(data)
    except BinaryData as exc:
        return problem(kinds.BINARY, path, f"binary data, not text ({exc}); skipped", source_id)
    found: list[Finding] = []
    if decoded.fallback:
        found.append(problem(kinds.ENCODING, path, decoded.detail, source_id))
    original = decoded.text
    front = split_front_matter(original)
    if front.error:
        found.append(
            problem(kinds.FRONT_MATTER, path, f"{front.error}; metadata ignored, body kept", source_id)
        )
    found.extend(problem(kinds.FRONT_MATTER, path, warning, source_id) for warning in front.warnings)
    body_format = _body_format(Path(path).suffix.lower(), original[front.body_start :], front.syntax)
    builder = TextBuilder(original)
    if body_format == "html":
        html_meta = html_to_text(builder, front.body_start, len(original))
    elif body_format == "markdown":
        try:
            html_meta = markdown_to_text(builder, front.body_start, len(original))
        except MarkdownTooDeep:
            body_format, html_meta = "text", {}  # read as it stands rather than lose text
    else:
        html_meta = {}
    if body_format == "text":
        body = original[front.body_start :]
        builder = TextBuilder(original)
        builder.copy(front.body_start + len(body) - len(body.lstrip()), len(original))
    text, offsets = builder.build()
    if not text.strip():
        if not front.meta:
            return problem(kinds.EMPTY, path, "no text once markup is removed", source_id)
        found.append(problem(kinds.EMPTY, path, "metadata but no body text", source_id))

    meta = detect(front.meta, html_meta, text)
    found.extend(problem(_PROBLEM_KINDS[kind], path, detail, source_id) for kind, detail in meta.problems)
    return Source(
        id=source_id,
        path=path,
        format=f"{front.syntax}+{body_format}" if front.syntax else body_format,
        encoding=decoded.encoding,
        sha256=hashlib.sha256(data).hexdigest(),
        text=text,
        offsets=offsets,
        title=meta.title,
        outlet=meta.outlet,
        byline=meta.byline,
        url=meta.url,
        published=meta.published,
        published_from=meta.published_from,
        dates=meta.dates,
        meta=front.meta,
        problems=tuple(found),
        meta_values=meta_values(front.meta),
    )


def _body_format(suffix: str, body: str, front_matter: str | None) -> str:
    """``html``, ``markdown`` or ``text``: the file's suffix first, then what the body shows."""
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    if suffix in HTML_SUFFIXES or looks_like_html(body):
        return "html"
    if front_matter or looks_like_markdown(body):
        return "markdown"
    return "text"


def _size(size: int) -> str:
    """A byte count as people read it: 900 bytes, 12.5 KB, 10.0 MB."""
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / (1024 * 1024):.1f} MB"
