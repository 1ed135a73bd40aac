"""factlint: source reconciliation and fact-checking for newsrooms."""

from typing import Any

__version__ = "0.1.0"


def claims_table(corpus: Any) -> Any:
    """The claims of a corpus (or of sources, or claims) as a pandas DataFrame.

    ``factlint.claims_table(factlint.ingest.read_corpus(["fixtures/amazon-anthropic"]))``; see
    :mod:`factlint.tables` for the columns. pandas is imported only when this is called.
    """
    from factlint.tables import claims_table as build

    return build(getattr(corpus, "sources", corpus))
