"""Temporary files and folders named for their writer, and the removal of those a dead writer left.

A file or folder being written is named ``.tmp-<pid>-...`` beside its target and renamed into
place when whole; a later run removes those whose writer is gone (``kill -9``, a crash).
"""

from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path

TEMPORARY = ".tmp-"  # what a file or folder being written starts with, then the writer's pid


def temporary_name(prefix: str = TEMPORARY) -> str:
    """The start of a temporary file's name: ``prefix`` and this process's id, then a dash."""
    return f"{prefix}{os.getpid()}-"


def is_stale(name: str, prefix: str = TEMPORARY) -> bool:
    """Whether ``name`` is a temporary file or folder whose writer (by the pid in its name) is gone."""
    if not name.startswith(prefix):
        return False
    pid = name[len(prefix) :].split("-", 1)[0]
    if not pid.isdigit():
        return True  # an older layout, or a name no running factlint would write
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except (PermissionError, OverflowError, ValueError):
        return False
    return False


def remove_stale(folder: Path, prefix: str = TEMPORARY) -> None:
    """Remove what writers that died (``kill -9``, a crash) left half written in ``folder``."""
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            if is_stale(entry.name, prefix):
                if entry.is_dir(follow_symlinks=False):
                    shutil.rmtree(entry.path, ignore_errors=True)
                else:
                    with contextlib.suppress(OSError):
                        os.unlink(entry.path)
