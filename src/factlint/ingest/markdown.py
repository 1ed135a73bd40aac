"""Markdown to clean text with offsets, on markdown-it-py's token stream.

Block tokens carry line ranges; inline text is found again in those lines, left to right, so
each piece of text is copied from its exact place and markup (``**``, ``#``, link targets) is
left out. Fenced blocks without a language are quoted copy in news files, so they are read as
Markdown again; HTML blocks go to the HTML cleaner.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from markdown_it import MarkdownIt

from factlint.ingest.html import html_to_text
from factlint.ingest.textbuilder import TextBuilder

_MD = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
# Block structure for the whole text; inline parsing (the costly part) only where it can matter.
_MD_BLOCKS = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).disable("inline")
# Characters that start inline markup in CommonMark (with strikethrough); without any of them a
# paragraph is plain text and soft line breaks.
_INLINE_MARKUP = re.compile(r"[\\`*_\[\]!<&~]")


class _Piece(NamedTuple):
    """A text or line-break piece of a paragraph without inline markup (as an inline token)."""

    type: str
    content: str


# markdown-it treats CRLF and lone CR as line ends, like this.
_LINE_BREAK = re.compile(r"\r\n?|\n")
_PIECES = re.compile(r"\S+|\s+")
_MAX_NESTING = 8
_LINE_ENDS = {"list_item_close", "tr_close", "dt_close", "dd_close"}
_BLOCK_ENDS = {
    "paragraph_close",
    "heading_close",
    "blockquote_close",
    "bullet_list_close",
    "ordered_list_close",
    "table_close",
    "hr",
}


def markdown_to_text(builder: TextBuilder, start: int, end: int, depth: int = 0) -> dict[str, str]:
    """Write the text of the Markdown in ``original[start:end]`` to ``builder``.

    Returns metadata found on the way: ``h1`` (the first top-level heading) and, from HTML
    blocks, what :func:`html_to_text` reports.
    """
    segment = builder.original[start:end]
    lines = [0] + [match.end() for match in _LINE_BREAK.finditer(segment)] + [len(segment)]

    def offset(line: int) -> int:
        return start + lines[min(line, len(lines) - 1)]

    meta: dict[str, str] = {}
    env: dict[str, Any] = {}
    tokens = _MD_BLOCKS.parse(segment, env)
    heading_level = ""
    for token in tokens:
        if token.type == "heading_open":
            heading_level = token.tag
        elif token.type == "inline" and token.map:
            text_start = builder.length
            _inline(builder, _children(token.content, env), offset(token.map[0]), offset(token.map[1]))
            if heading_level == "h1" and "h1" not in meta:
                meta["h1"] = " ".join(builder.tail(builder.length - text_start).split())
        elif token.type in ("fence", "code_block") and token.map:
            body_start = offset(token.map[0] + (1 if token.type == "fence" else 0))
            body_end = _fence_body_end(builder, token, offset)
            if token.type == "fence" and not token.info.strip() and depth < _MAX_NESTING:
                nested = markdown_to_text(builder, body_start, body_end, depth + 1)
                for key, value in nested.items():
                    meta.setdefault(key, value)
            else:
                builder.copy(body_start, body_end)
            builder.separate()
        elif token.type == "html_block" and token.map:
            found = html_to_text(builder, offset(token.map[0]), offset(token.map[1]))
            for key, value in found.items():
                meta.setdefault(key, value)
        if token.type == "heading_close":
            heading_level = ""
        if token.type == "paragraph_close" and token.hidden:
            builder.newline()  # a paragraph in a tight list item
        elif token.type in _BLOCK_ENDS:
            builder.separate()
        elif token.type in _LINE_ENDS:
            builder.newline()
        elif token.type in ("th_close", "td_close"):
            builder.space()
    return meta


def _children(content: str, env: dict[str, Any]) -> list[Any]:
    """Inline tokens of a paragraph: parsed when it has inline markup, else its lines as text."""
    if _INLINE_MARKUP.search(content):
        return _MD.parseInline(content, env)[0].children or []
    pieces: list[Any] = []
    for index, line in enumerate(content.split("\n")):
        if index:
            pieces.append(_Piece("softbreak", ""))
        if line:
            pieces.append(_Piece("text", line))
    return pieces


def _fence_body_end(builder: TextBuilder, token: Any, offset: Any) -> int:
    """End of a fence's content: before its closing fence line when there is one."""
    last_line = token.map[1]
    if token.type != "fence":
        return offset(last_line)
    closing = builder.original[offset(last_line - 1) : offset(last_line)].strip()
    if closing.startswith(token.markup) and last_line - 1 > token.map[0]:
        return offset(last_line - 1)
    return offset(last_line)


def _inline(builder: TextBuilder, children: list[Any], start: int, end: int) -> None:
    """Copy each inline text piece from where it stands in ``original[start:end]``."""
    original = builder.original
    # Cells of one table row share the row's line range: never search before what is written.
    cursor = min(max(start, builder.position), end)
    skip_depth = 0
    for child in children:
        kind = child.type
        if kind == "image":
            continue
        if kind in ("softbreak", "hardbreak"):
            found = _LINE_BREAK.search(original, cursor, end)
            if found is None:
                builder.newline(cursor)
                continue
            builder.replace("\n", found.start(), found.end())
            cursor = found.end()
            continue
        if kind == "html_inline":
            found_at = original.find(child.content, cursor, end)
            if found_at != -1:
                cursor = found_at + len(child.content)
            skip_depth += _html_skip_change(child.content)
            continue
        if kind not in ("text", "code_inline") or not child.content or skip_depth > 0:
            continue
        cursor = _place(builder, child.content, cursor, end)


def _place(builder: TextBuilder, text: str, cursor: int, end: int) -> int:
    """Copy ``text`` from its next occurrence after ``cursor``; return the new cursor.

    Text changed by escapes or entities is not found whole, so it is placed word by word, and a
    word that is still not found is written as standing at the cursor.
    """
    original = builder.original
    found_at = original.find(text, cursor, end)
    if found_at != -1:
        builder.copy(found_at, found_at + len(text))
        return found_at + len(text)
    for piece in _PIECES.finditer(text):
        word = piece.group()
        if word.isspace():
            builder.space(cursor)
            continue
        found_at = original.find(word, cursor, end)
        if found_at == -1:
            builder.insert(word, cursor)
        else:
            builder.copy(found_at, found_at + len(word))
            cursor = found_at + len(word)
    return cursor


def _html_skip_change(tag: str) -> int:
    """+1 for an opening ``<script>``/``<style>`` tag inline, -1 for its closing tag."""
    match = re.match(r"<\s*(/?)\s*(script|style)\b", tag, re.IGNORECASE)
    if not match:
        return 0
    return -1 if match.group(1) else 1


def looks_like_markdown(text: str) -> bool:
    """True when ``text`` shows Markdown structure: ATX headings, emphasis, fences or links."""
    return (
        re.search(
            r"^#{1,6} \S|^\s*(?:```|~~~)|\*\*[^*\n]+\*\*|__[^_\n]+__|\[[^\]\n]+\]\([^)\s]+\)",
            text[:200_000],
            re.MULTILINE,
        )
        is not None
    )
