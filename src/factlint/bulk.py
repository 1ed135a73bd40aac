"""A pause of Python's cyclic garbage collector while many acyclic records are built.

Claims, quantities and groups are frozen dataclasses that never form reference cycles, yet
building a million of them triggers full collections that scan the whole heap again and again,
which makes the cost grow faster than the number of records. Reference counting still frees
everything as usual during the pause; the collector's previous state is restored afterwards.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Run the block with the cyclic garbage collector off, then put it back as it was."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
