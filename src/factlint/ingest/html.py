"""HTML to clean text with exact offsets, on the standard library's tokenizer.

No HTML-to-text library reports where each output character came from, so this walks the
tokens of :class:`html.parser.HTMLParser` (character references unconverted, so every piece of
text has a known position) and writes them through a :class:`TextBuilder`. Scripts, styles,
comments and attributes never reach the text; whitespace collapses as a browser would.
"""

from __future__ import annotations

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
    def __init__(self, builder: TextBuilder, start: int, end: int) -> None:
        super().__init__(convert_charrefs=False)
        self.builder = builder
        self.base = start
        segment = builder.original[start:end]
        self.segment = segment
        # HTMLParser.getpos() counts lines by "\n" alone, so lone carriage returns must not count.
        self.line_offsets = [0] + [m.end() for m in re.finditer("\n", segment)]
        self.skip_stack: list[str] = []
        self.meta: dict[str, str] = {}
        self.title_parts: list[str] = []
        self.in_title = False
        self.h1_parts: list[str] | None = None
        self.h1_done = False

    def position(self) -> int:
        line, column = self.getpos()
        return self.base + self.line_offsets[min(line, len(self.line_offsets)) - 1] + column

    # Structure -------------------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        at = self.position()
        if tag == "meta":
            self._record_meta(dict(attrs))
        elif tag == "link":
            values = dict(attrs)
            if "canonical" in (values.get("rel") or "").lower().split() and values.get("href"):
                self.meta.setdefault("canonical", values["href"] or "")
        elif tag == "time" and not self.skip_stack:
            datetime = dict(attrs).get("datetime")
            if datetime:
                self.meta.setdefault("time", datetime)
        if self.skip_stack == ["head"] and tag not in _HEAD_CONTENT:
            # Body content closes an unclosed <head>, as it does in a browser.
            self.skip_stack.pop()
        if tag == "title":
            self.in_title = True
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

    def handle_endtag(self, tag: str) -> None:
        at = self.position()
        if tag == "title":
            self.in_title = False
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
        start = self.position()
        if self.in_title:
            self.title_parts.append(data)
        if self.skip_stack:
            return
        if self.h1_parts is not None:
            self.h1_parts.append(data)
        # Text is copied in runs; only whitespace other than a lone space is collapsed.
        position = 0
        lone_space = data.startswith(" ") and not data[1:2].isspace()
        if lone_space and (not self.builder.length or self.builder.tail(1).isspace()):
            position = 1  # a lone leading space after a break or a space adds nothing
        for match in _COLLAPSIBLE.finditer(data, position):
            if match.start() > position:
                self.builder.copy(start + position, start + match.start())
            self._space(start + match.start(), start + match.end())
            position = match.end()
        if position < len(data):
            self.builder.copy(start + position, start + len(data))

    def _space(self, start: int, end: int) -> None:
        if not self.builder.length or self.builder.tail(1).isspace():
            return
        self.builder.replace(" ", start, end)

    def _reference(self, raw_start: str, name: str) -> None:
        start = self.position()
        end = start + len(raw_start) + len(name)
        if self.builder.original[end : end + 1] == ";":
            end += 1
        raw = self.builder.original[start:end]
        text = html.unescape(raw)
        if self.in_title:
            self.title_parts.append(text)
        if self.skip_stack:
            return
        if self.h1_parts is not None:
            self.h1_parts.append(text)
        if text.isspace():
            self._space(start, end)
        else:
            self.builder.replace(text, start, end)

    def handle_entityref(self, name: str) -> None:
        self._reference("&", name)

    def handle_charref(self, name: str) -> None:
        self._reference("&#", name)


def html_to_text(builder: TextBuilder, start: int, end: int) -> dict[str, str]:
    """Write the visible text of ``original[start:end]`` to ``builder``; return its metadata.

    The metadata has ``title`` (the ``<title>``), ``h1`` (the first heading), ``canonical``, the
    first ``<time datetime>`` as ``time``, and every ``<meta>`` by lower-cased name or property.
    """
    parser = _Extractor(builder, start, end)
    parser.feed(parser.segment)
    parser.close()
    builder.separate(end)
    title = " ".join("".join(parser.title_parts).split())
    if title:
        parser.meta.setdefault("title", title)
    return parser.meta


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
