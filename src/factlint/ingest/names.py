r"""How a file's name is shown: the bytes that are not text, and control characters, as escapes.

A name that is not valid in the file system's encoding (``b'caf\xe9.md'`` on a UTF-8 system)
reaches Python with lone surrogates, which no UTF-8 writer accepts. The file is opened by its
real name; every id, path and message shows :func:`shown` of it instead (``caf\xe9.md``), so
that no report, table or terminal line ever meets a surrogate or a line break from a name.
"""

from __future__ import annotations

import os
import re
import sys

_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def shown(name: str | os.PathLike[str]) -> str:
    r"""``name`` as it can be printed: undecodable bytes and control characters as ``\xNN``.

    Ordinary names come back unchanged, and showing a shown name changes nothing.
    """
    text = os.fspath(name)
    if text.isprintable():
        return text
    try:
        raw = os.fsencode(text)
    except UnicodeError:  # a surrogate the file system's codec never makes
        visible = text.encode("utf-8", "backslashreplace").decode("utf-8")
    else:
        visible = raw.decode(sys.getfilesystemencoding(), "backslashreplace")
    return _CONTROLS.sub(lambda match: f"\\x{ord(match.group()):02x}", visible)


_ESCAPED = re.compile(rb"\\x([0-9a-f]{2})")


def real(path: str) -> str:
    """The name to open for a path shown by :func:`shown`: itself when it exists, else unescaped.

    For a file read earlier in the run whose name had to be escaped (its source's path).
    """
    if "\\x" not in path or os.path.lexists(path):
        return path
    return os.fsdecode(_ESCAPED.sub(lambda match: bytes([int(match.group(1), 16)]), os.fsencode(path)))
