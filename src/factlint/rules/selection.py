"""Which rules run and at what severity: ``--select``, ``--ignore`` and severity overrides.

A selector is a code (``FL301``), a code prefix (``FL3``) or a dotted name or prefix of one
(``time``, ``time.role_anachronism``). With no ``select`` every rule runs; ``ignore`` wins over
``select``. A ``quick`` run (``factlint check``) leaves out the rules of heavy kinds (the
great-expectations suites) unless ``select`` names them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping

from factlint.model import Severity
from factlint.rules.catalogue import Rule


@dataclasses.dataclass(frozen=True)
class Selection:
    """The rules chosen for a run and the severities changed for it."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severities: Mapping[str, Severity] = dataclasses.field(default_factory=dict)
    quick: bool = False

    def enabled(self, rule: Rule) -> bool:
        """Whether ``rule`` runs."""
        from factlint.rules.checks import KINDS

        if any(_matches(rule, selector) for selector in self.ignore):
            return False
        selected = any(_matches(rule, selector) for selector in self.select)
        if self.quick and rule.kind in KINDS and KINDS[rule.kind].heavy and not selected:
            return False
        return not self.select or selected

    def severity(self, rule: Rule) -> Severity:
        """The severity of ``rule``'s findings in this run (the most specific override wins)."""
        chosen = [selector for selector in self.severities if _matches(rule, selector)]
        if not chosen:
            return rule.severity
        return self.severities[max(chosen, key=len)]


def _matches(rule: Rule, selector: str) -> bool:
    selector = selector.strip()
    if selector.upper().startswith("FL"):
        return rule.code.startswith(selector.upper())
    return rule.name == selector or rule.name.startswith(selector.rstrip(".") + ".")


def unknown_selectors(selectors: Iterable[str], rules: Iterable[Rule]) -> list[str]:
    """The selectors that match no rule (so a typo in ``--ignore FL31`` is said, not ignored)."""
    rules = list(rules)
    return [selector for selector in selectors if not any(_matches(rule, selector) for rule in rules)]
