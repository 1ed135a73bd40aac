"""factlint: source reconciliation and fact-checking for newsrooms."""

from typing import Any

from factlint.version import __version__

__all__ = ["__version__", "claims_table"]


def claims_table(corpus: Any) -> Any:
    """The claims of a corpus (or of sources, or claims) as a pandas DataFrame.

    ``factlint.claims_table(factlint.ingest.read_corpus(["fixtures/amazon-anthropic"]))``; see
    :mod:`factlint.tables` for the columns. pandas is imported only when this is called.
    """
    from factlint.extract import extract
    from factlint.model import Source
    from factlint.tables import claims_table as build

    items = getattr(corpus, "sources", corpus)
    return build(claim for item in items for claim in (extract(item) if isinstance(item, Source) else [item]))
