from __future__ import annotations

from factlint.ingest.decode import decode
from factlint.model import Source


def assert_offsets_exact(source: Source, data: bytes) -> None:
    """Every copied character maps to the same character of the decoded original."""
    original = decode(data).text
    previous = 0
    for index, char in enumerate(source.text):
        mapped = source.offsets.to_original(index)
        assert 0 <= mapped <= len(original)
        assert mapped >= previous, f"offset map goes backwards at {index}"
        previous = mapped
        if source.offsets.is_copied(index):
            assert original[mapped] == char, (index, char, mapped, original[mapped])
        line, column = source.offsets.line_col(index)
        assert line >= 1 and column >= 1
