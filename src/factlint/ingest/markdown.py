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

# markdown-it drops whatever is nested deeper than maxNesting (20 in CommonMark); news never
# nests that deep, but a hostile file may, and its text must not vanish.
_OPTIONS = {"html": True, "maxNesting": 100}
_MD = MarkdownIt("commonmark", _OPTIONS).enable(["table", "strikethrough"])
# Block structure for the whole text; inline parsing (the costly part) only where it can matter.
_MD_BLOCKS = MarkdownIt("commonmark", _OPTIONS).enable(["table", "strikethrough"]).disable("inline")
# Inline text is looked for this far past its expected place, so a search never runs to the end
# of a long paragraph (which would make cleaning quadratic).
_SEARCH_WINDOW = 512
_BRACKET_BUDGET = 20_000
_BRACKET_BUDGET_KEY = "factlint_brackets_left"
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


class MarkdownTooDeep(ValueError):
    """markdown-it stopped at its nesting limit and would drop what lies deeper."""


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
    if any(token.level >= _OPTIONS["maxNesting"] - 1 for token in tokens):
        raise MarkdownTooDeep(f"containers nested {_OPTIONS['maxNesting']} deep")
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
            first = token.map[0] + (1 if token.type == "fence" else 0)
            quoted_copy = token.type == "fence" and not token.info.strip() and token.level == 0
            if quoted_copy and depth < _MAX_NESTING:
                nested = markdown_to_text(
                    builder, offset(first), _fence_body_end(builder, token, offset), depth + 1
                )
                for key, value in nested.items():
                    meta.setdefault(key, value)
            else:
                pieces = _content_ranges(builder.original, token.content, first, token.map[1], offset)
                for piece_start, piece_end in pieces:
                    builder.copy(piece_start, piece_end)
            builder.separate()
        elif token.type == "html_block" and token.map:
            ranges = None
            if token.level > 0:  # inside a quote or list: read it without the container's markers
                ranges = _content_ranges(builder.original, token.content, token.map[0], token.map[1], offset)
            found = html_to_text(builder, offset(token.map[0]), offset(token.map[1]), ranges)
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
    """Inline tokens of a paragraph: parsed when it has inline markup, else its lines as text.

    markdown-it spends about 100 µs on every "[" it tries as a link, so a file gets a budget of
    them; past it (only hostile files get there) paragraphs are placed as text, markup and all.
    """
    if _INLINE_MARKUP.search(content):
        brackets = content.count("[")
        budget = env.setdefault(_BRACKET_BUDGET_KEY, _BRACKET_BUDGET)
        if brackets <= budget:
            env[_BRACKET_BUDGET_KEY] = budget - brackets
            return _MD.parseInline(content, env)[0].children or []
    pieces: list[Any] = []
    for index, line in enumerate(content.split("\n")):
        if index:
            pieces.append(_Piece("softbreak", ""))
        if line:
            pieces.append(_Piece("text", line))
    return pieces


def _content_ranges(
    original: str, content: str, first_line: int, last_line: int, offset: Any
) -> list[tuple[int, int]]:
    """Where each line of a block's ``content`` stands in the original lines ``[first, last)``.

    Inside quotes and lists markdown-it strips the container's markers from the content; each
    content line is the end of its original line, so its range starts that far from the end.
    """
    lines = content.split("\n")
    if content.endswith("\n"):
        lines.pop()
    ranges = []
    for index, line in enumerate(lines[: max(last_line - first_line, 0)] if content else []):
        line_start, next_start = offset(first_line + index), offset(first_line + index + 1)
        text_end = line_start + len(original[line_start:next_start].rstrip("\r\n"))
        start = text_end - len(line) if original[line_start:text_end].endswith(line) else line_start
        ranges.append((start, next_start))
    return ranges


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
            bang = original.find("![", cursor, min(end, cursor + _SEARCH_WINDOW))
            if bang != -1:
                cursor = _skip_link_tail(original, bang + 2, end)
            continue
        if kind == "link_close":
            if child.markup == "autolink":  # <https://...>: only the closing ">" is left
                close = original.find(">", cursor, min(end, cursor + _SEARCH_WINDOW))
                cursor = close + 1 if close != -1 else cursor
            else:
                cursor = _skip_link_tail(original, cursor, end)
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
            found_at = original.find(
                child.content, cursor, min(end, cursor + len(child.content) + _SEARCH_WINDOW)
            )
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
    word that is still not found (``AT&T`` written ``AT&amp;T``) stands where the next
    non-space original character is.
    """
    original = builder.original
    found_at = original.find(text, cursor, min(end, cursor + len(text) + _SEARCH_WINDOW))
    if found_at != -1:
        builder.copy(found_at, found_at + len(text))
        return found_at + len(text)
    for piece in _PIECES.finditer(text):
        word = piece.group()
        if word.isspace():
            builder.space(cursor)
            continue
        found_at = original.find(word, cursor, min(end, cursor + len(word) + _SEARCH_WINDOW))
        if found_at == -1:
            while cursor < end and original[cursor].isspace():
                cursor += 1
            builder.insert(word, cursor)
        else:
            builder.copy(found_at, found_at + len(word))
            cursor = found_at + len(word)
    return cursor


def _skip_link_tail(original: str, cursor: int, end: int) -> int:
    """Past the ``](destination "title")`` or ``][label]`` that ends a link's text at ``cursor``."""
    close = original.find("]", cursor, min(end, cursor + _SEARCH_WINDOW))
    if close == -1:
        return cursor
    after = close + 1
    if original.startswith("(", after):
        return _destination_end(original, after, end) or after
    if original.startswith("[", after):
        label_end = original.find("]", after, min(end, after + _SEARCH_WINDOW))
        return label_end + 1 if label_end != -1 else after
    return after


def _destination_end(original: str, start: int, end: int) -> int | None:
    """The offset after the ``)`` that closes the ``(`` at ``start``; None when unclosed."""
    depth, quote, index = 0, "", start
    limit = min(end, start + 4 * _SEARCH_WINDOW)
    while index < limit:
        char = original[index]
        if char == "\\":
            index += 2
            continue
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'" and original[index - 1].isspace():
            quote = char
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return index + 1
        index += 1
    return None


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
            r"^#{1,6} \S|^[ \t]*(?:```|~~~)|\*\*[^*\n]+\*\*|__[^_\n]+__|\[[^\]\n]+\]\([^)\s]+\)",
            text[:200_000],
            re.MULTILINE,
        )
        is not None
    )
