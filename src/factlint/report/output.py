"""Writing report files safely: never over an input, never over a file factlint did not write."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from factlint.generated import is_generated


class OutputRefused(Exception):
    """Writing the file would destroy something the user wrote."""


def write_report(
    path: str | os.PathLike[str],
    content: str | Iterable[str],
    inputs: Iterable[str | os.PathLike[str]] = (),
    force: bool = False,
) -> Path:
    """Write ``content`` (text, or pieces of it as they are made) to ``path`` atomically.

    The text goes to a temporary file, which is then renamed over ``path``.
    Refuses to replace a file named in ``inputs`` and, unless ``force``, any existing file that
    does not carry a factlint marker in its first bytes.
    """
    target = Path(path)
    resolved = target.resolve()
    for given in inputs:
        source = Path(given).resolve()
        if resolved == source:
            raise OutputRefused(f"{target}: is an input of this run; choose another output path")
    if target.is_dir():
        raise OutputRefused(f"{target}: is a folder; give a file name")
    if target.exists() and not force and not is_generated(target):
        raise OutputRefused(f"{target}: exists and was not written by factlint; use --force to replace it")
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            if isinstance(content, str):
                stream.write(content)
            else:
                stream.writelines(content)
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target
