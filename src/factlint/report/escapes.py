"""Untrusted text made safe for one output each: terminals, HTML, XML, GitHub commands and URIs.

Text from the input (file names, titles, quotes, messages quoting them) may hold control
characters, bidirectional controls that reorder what follows, or lone surrogates standing for the
bytes of a file name that is not UTF-8. Each function here writes such text for one kind of
output so that it can neither inject structure (a command, a line, a tag) nor display as
something it is not.
"""

from __future__ import annotations

import re
from urllib.parse import quote

# The bidirectional formatting characters: embeddings and overrides (U+202A-U+202E), isolates
# (U+2066-U+2069) and the implicit marks (LRM, RLM, ALM). An override turns "exe.txt" into
# "txt.exe" on screen.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
# What the HTML report shows as an escape: bidi controls, C0/C1 controls but tab, newline and
# carriage return, and lone surrogates.
_HTML_HIDDEN = re.compile(
    "[" + "".join(sorted(BIDI_CONTROLS)) + "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]"
)
# Characters XML 1.0 cannot hold at all, not even as character references.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def escape_char(char: str) -> str:
    r"""One character as Python writes it in a string literal: ``\n``, ``\x1b``, ``\u202e``."""
    return repr(char)[1:-1]


def visible(text: str, keep: str = "") -> str:
    r"""``text`` for a terminal or a log: every character that does not print is an escape.

    Control characters (``\n``, ``\x1b``: no ANSI sequence gets through), bidirectional
    controls (``\u202e``), other format characters and lone surrogates (``\udcff``) are written
    as Python writes them; the characters of ``keep`` are left as they are.
    """
    return "".join(char if char.isprintable() or char in keep else escape_char(char) for char in text)


def without_surrogates(text: str) -> str:
    r"""``text`` with each lone surrogate, which no UTF-8 output can hold, written as ``\udcff``."""
    return _SURROGATE.sub(lambda match: escape_char(match.group()), text)


def html_visible(text: str, escaped: bool = False) -> str:
    """``text`` with bidi controls, control characters and lone surrogates shown as ``<U+202E>``.

    A surrogate standing for an undecodable byte of a file name shows as that byte, ``<0xFF>``.
    The result still needs HTML escaping, unless ``text`` is already HTML (``escaped``), in which
    case the escapes are written escaped (``&lt;U+202E&gt;``); a control character is never part
    of markup, so this is safe in text and attribute values alike.
    """
    return _HTML_HIDDEN.sub(lambda match: _html_name(match.group(), escaped), text)


def _html_name(char: str, escaped: bool) -> str:
    code = ord(char)
    name = f"0x{code - 0xDC00:02X}" if 0xDC80 <= code <= 0xDCFF else f"U+{code:04X}"
    return f"&lt;{name}&gt;" if escaped else f"<{name}>"


def xml_text(text: str) -> str:
    r"""``text`` with each character XML 1.0 cannot hold written as an escape (``\x01``, ``\udcff``)."""
    return _NOT_XML.sub(lambda match: escape_char(match.group()), text)


def github_data(text: str) -> str:
    """The message of a GitHub workflow command, escaped as ``@actions/core`` ``escapeData`` does.

    ``%`` first, then carriage return and newline, so that the runner reads one line back as
    the same text; lone surrogates, which cannot be written, become escapes.
    """
    return without_surrogates(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def github_property(text: str) -> str:
    """A property value (``file=``, ``title=``) escaped as ``@actions/core`` ``escapeProperty`` does."""
    return github_data(text).replace(":", "%3A").replace(",", "%2C")


def uri_reference(path: str) -> str:
    """A file path as a URI reference (RFC 3986): a relative reference, or ``file://`` when absolute.

    Every byte but the unreserved characters and ``/`` is percent-encoded from the path's UTF-8;
    a surrogate standing for an undecodable byte of a file name is encoded as that byte.
    """
    cleaned = re.sub("[\ud800-\udc7f\udd00-\udfff]", "\ufffd", path)
    encoded = quote(cleaned.encode("utf-8", "surrogateescape"), safe="/")
    return "file://" + encoded if path.startswith("/") else encoded
