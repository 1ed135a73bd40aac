"""Measured accuracy: factlint's extraction scored against hand-annotated gold sets."""
