"""Ingestion: files of every format a newsroom meets, read into :class:`~factlint.model.Source`."""

from factlint.ingest.corpus import Corpus, read_corpus
from factlint.ingest.reader import DEFAULT_MAX_BYTES, parse_source, read_source

__all__ = ["DEFAULT_MAX_BYTES", "Corpus", "parse_source", "read_corpus", "read_source"]
