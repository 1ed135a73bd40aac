"""HTML to clean text with exact offsets, on the standard library's tokenizer.

No HTML-to-text library reports where each output character came from, so this walks the
tokens of :class:`html.parser.HTMLParser` (character references unconverted, so every piece of
text has a known position) and writes them through a :class:`TextBuilder`. Scripts, styles,
comments and attributes never reach the text; whitespace collapses as a browser would.
"""

from __future__ import annotations

import bisect
import html
import re
from html.parser import HTMLParser
from typing import Any

from factlint.ingest.textbuilder import TextBuilder

_SKIPPED = {
    "script",
    "style",
    "noscript",
    "template",
    "head",
    "title",
    "svg",
    "math",
    "iframe",
    "object",
    "select",
    "textarea",
    "button",
}
_BLOCKS = {
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "table",
    "blockquote",
    "section",
    "article",
    "header",
    "footer",
    "aside",
    "main",
    "nav",
    "pre",
    "hr",
    "dl",
    "figure",
    "figcaption",
    "form",
    "fieldset",
    "address",
    "details",
    "summary",
    "body",
    "html",
}
_LINES = {"br", "li", "tr", "dt", "dd", "caption"}
_CELLS = {"td", "th"}
# A tag start that reaches the next tag start or the end without a ">".
_UNCLOSED_TAG = re.compile(r"<[A-Za-z/][^<>]*(?=<|\Z)")
_HEAD_CONTENT = {"meta", "link", "title", "style", "script", "base", "noscript", "template"}
_VOID = {
    "br",
    "hr",
    "img",
    "input",
    "meta",
    "link",
    "area",
    "base",
    "col",
    "embed",
    "source",
    "track",
    "wbr",
    "param",
}
# Whitespace a browser would show as one space: any run but a lone space.
_COLLAPSIBLE = re.compile(r"\s{2,}|[^\S ]")


class _Extractor(HTMLParser):
    def __init__(self, builder: TextBuilder, ranges: list[tuple[int, int]]) -> None:
        super().__init__(convert_charrefs=False)
        self.builder = builder
        # The parser reads the ranges joined; ``fed_starts`` maps its offsets back to the original.
        self.ranges = ranges
        self.fed_starts: list[int] = []
        total = 0
        for start, end in ranges:
            self.fed_starts.append(total)
            total += end - start
        self.fed = _defuse_unclosed_tags("".join(builder.original[a:b] for a, b in ranges))
        # HTMLParser.getpos() counts lines by "\n" alone, so lone carriage returns must not count.
        self.line_offsets = [0] + [m.end() for m in re.finditer("\n", self.fed)]
        self.skip_stack: list[str] = []
        self.pre_depth = 0
        self.meta: dict[str, str] = {}
        self.title_parts: list[str] | None = None
        self.title_done = False
        self.h1_parts: list[str] | None = None
        self.h1_done = False

    def fed_position(self) -> int:
        line, column = self.getpos()
        return self.line_offsets[min(line, len(self.line_offsets)) - 1] + column

    def original(self, fed: int) -> int:
        """The original offset of offset ``fed`` in the joined ranges."""
        index = max(bisect.bisect_right(self.fed_starts, fed) - 1, 0)
        return self.ranges[index][0] + fed - self.fed_starts[index]

    def position(self) -> int:
        return self.original(self.fed_position())

    def copy(self, fed_start: int, fed_end: int) -> None:
        """Copy fed text to the builder, range by range."""
        while fed_start < fed_end:
            index = max(bisect.bisect_right(self.fed_starts, fed_start) - 1, 0)
            range_end = self.fed_starts[index] + self.ranges[index][1] - self.ranges[index][0]
            piece_end = min(fed_end, range_end)
            self.builder.copy(self.original(fed_start), self.original(fed_start) + piece_end - fed_start)
            fed_start = piece_end

    def close(self) -> None:
        # What is left unparsed at the end is an unfinished tag, comment or declaration when it
        # starts with "<"; a browser shows none of it, so neither does the text.
        if self.rawdata.startswith("<"):
            self.rawdata = ""
        super().close()

    def parse_marked_section(self, i: int, report: int = 1) -> int:
        # The standard library asserts on malformed "<![" sections; treat them as bogus comments.
        try:
            return super().parse_marked_section(i, report)
        except (AssertionError, AttributeError, ValueError):
            end = self.rawdata.find(">", i + 3)
            return -1 if end < 0 else end + 1

    # Structure -------------------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        at = self.position()
        if tag == "meta":
            self._record_meta(dict(attrs))
        elif tag == "link":
            values = dict(attrs)
            if "canonical" in (values.get("rel") or "").lower().split() and values.get("href"):
                self.meta.setdefault("canonical", values["href"] or "")
        elif tag == "time":
            # Only a <time> marked as the publication date is one; others are dates in the story.
            values = dict(attrs)
            published = "pubdate" in values or (values.get("itemprop") or "").lower() == "datepublished"
            if published and values.get("datetime"):
                self.meta.setdefault("datepublished", values["datetime"] or "")
        if self.skip_stack == ["head"] and tag not in _HEAD_CONTENT:
            self._leave_head()
        if tag == "title" and not self.title_done and "svg" not in self.skip_stack:
            self.title_parts = []
        if tag == "pre":
            self.pre_depth += 1
        if tag == "h1" and not self.h1_done and not self.skip_stack:
            self.h1_parts = []
        if tag in _SKIPPED and tag not in _VOID:
            self.skip_stack.append(tag)
            return
        self._break(tag, at)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta" or tag == "link":
            self.handle_starttag(tag, attrs)
            return
        self._break(tag, self.position())

    def _leave_head(self) -> None:
        """Body content closes an unclosed <head>, as it does in a browser."""
        self.skip_stack.pop()

    def handle_endtag(self, tag: str) -> None:
        at = self.position()
        if tag == "title" and self.title_parts is not None:
            self.meta.setdefault("title", " ".join("".join(self.title_parts).split()))
            self.title_parts, self.title_done = None, True
        if tag == "pre" and self.pre_depth:
            self.pre_depth -= 1
        if tag == "h1" and self.h1_parts is not None:
            self.meta.setdefault("h1", " ".join("".join(self.h1_parts).split()))
            self.h1_parts, self.h1_done = None, True
        if tag in self.skip_stack:
            while self.skip_stack and self.skip_stack.pop() != tag:
                pass
            return
        self._break(tag, at)

    def _break(self, tag: str, at: int) -> None:
        if self.skip_stack:
            return
        if tag in _BLOCKS:
            self.builder.separate(at)
        elif tag in _LINES:
            self.builder.newline(at)
        elif tag in _CELLS:
            self.builder.space(at)

    def _record_meta(self, attrs: dict[str, Any]) -> None:
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        content = attrs.get("content")
        if key and content:
            self.meta.setdefault(key, content)

    # Text ------------------------------------------------------------------------------------
    def handle_data(self, data: str) -> None:
        start = self.fed_position()
        if self.title_parts is not None:
            self.title_parts.append(self.builder.original[self.original(start) :][: len(data)])
        if self.skip_stack == ["head"] and data.strip():
            self._leave_head()
        if self.skip_stack:
            return
        if self.h1_parts is not None:
            self.h1_parts.append(data)
        if self.pre_depth:
            self.copy(start, start + len(data))
            return
        # Text is copied in runs; only whitespace other than a lone space is collapsed.
        position = 0
        lone_space = data.startswith(" ") and not data[1:2].isspace()
        if lone_space and (not self.builder.length or self.builder.tail(1).isspace()):
            position = 1  # a lone leading space after a break or a space adds nothing
        for match in _COLLAPSIBLE.finditer(data, position):
            if match.start() > position:
                self.copy(start + position, start + match.start())
            self._space(start + match.start(), start + match.end())
            position = match.end()
        if position < len(data):
            self.copy(start + position, start + len(data))

    def _space(self, fed_start: int, fed_end: int) -> None:
        if not self.builder.length or self.builder.tail(1).isspace():
            return
        self.builder.replace(" ", self.original(fed_start), self.original(fed_end - 1) + 1)

    def _reference(self, raw_start: str, name: str) -> None:
        fed_start = self.fed_position()
        fed_end = fed_start + len(raw_start) + len(name)
        if self.fed[fed_end : fed_end + 1] == ";":
            fed_end += 1
        start, end = self.original(fed_start), self.original(fed_end - 1) + 1
        text = html.unescape(self.fed[fed_start:fed_end])
        if self.title_parts is not None:
            self.title_parts.append(text)
        if self.skip_stack:
            return
        if self.h1_parts is not None:
            self.h1_parts.append(text)
        if text.isspace():
            self._space(fed_start, fed_end)
        else:
            self.builder.replace(text, start, end)

    def handle_entityref(self, name: str) -> None:
        self._reference("&", name)

    def handle_charref(self, name: str) -> None:
        self._reference("&#", name)


def html_to_text(
    builder: TextBuilder, start: int, end: int, ranges: list[tuple[int, int]] | None = None
) -> dict[str, str]:
    """Write the visible text of ``original[start:end]`` to ``builder``; return its metadata.

    ``ranges``, when given, are the pieces of that span to read as one document (the lines of
    an HTML block inside a Markdown quote, without their ``>`` markers). The metadata has
    ``title`` (the first ``<title>``), ``h1`` (the first heading), ``canonical``, a ``<time>``
    marked as the publication date as ``datepublished``, and every ``<meta>`` by lower-cased
    name or property.
    """
    parser = _Extractor(builder, ranges or [(start, end)])
    parser.feed(parser.fed)
    parser.close()
    builder.separate(end)
    return parser.meta


def _defuse_unclosed_tags(text: str) -> str:
    """``text`` with tags that never close blanked out (same length, so offsets hold).

    A browser shows nothing of a tag start without its ">"; Python's HTMLParser rescans to the
    end of the input for each one, which makes hostile input ("<a <a <a ...") quadratic.
    """
    return _UNCLOSED_TAG.sub(lambda match: " " * len(match.group()), text)


def looks_like_html(text: str) -> bool:
    """True when ``text`` starts (after whitespace) with an HTML tag, doctype or comment."""
    return (
        re.match(
            r"\s*<(?:!doctype|html|head|body|p|div|article|section|h[1-6]|!--|meta|span|a|"
            r"table|ul|ol|main|header)\b",
            text,
            re.IGNORECASE,
        )
        is not None
    )
