"""Views of a :class:`~factlint.model.Report`: JSON, self-contained HTML, terminal lines and tables."""
