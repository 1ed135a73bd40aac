"""Matching: which claims from different sources speak of the same fact, and whether they agree.

- :mod:`factlint.match.names`: entity resolution (aliases, legal suffixes, guarded rapidfuzz, people);
- :mod:`factlint.match.grouping`: blocking keys and time frames, ``group(claims, kb)``;
- :mod:`factlint.match.intervals`: a figure as the interval it allows (qualifier, tolerance, rounding);
- :mod:`factlint.match.consensus`: the weightiest set of figures that can all be true;
- :mod:`factlint.match.reliability`: source weights estimated iteratively (CRH, TruthFinder);
- :mod:`factlint.match.labels`: agree, changed_over_time, qualifier_dropped, stale, conflict,
  single_source, each with its reason;
- :mod:`factlint.match.totals`: parts against their totals;
- :mod:`factlint.match.reconcile`: ``reconcile(groups, kb)`` runs the above in order.
"""

from factlint.match.grouping import group
from factlint.match.reconcile import reconcile, weights_of

__all__ = ["group", "reconcile", "weights_of"]
