"""Matching: which claims from different sources speak of the same fact, and whether they agree.

So far entity resolution (:mod:`factlint.match.names`) and grouping with blocking keys
(:mod:`factlint.match.grouping`); agreement, consensus and labels follow.
"""
