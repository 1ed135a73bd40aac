"""FL501, FL502: great-expectations suites run over the claims table of the run.

FL501 runs the bundled suites (``rules/expectations/``: the table's own sanity); FL502 runs a
desk's suites: those its rule's ``suites`` name (folders or files, relative to the rule file),
the ``expectations/`` folder of every user rules folder whose knowledge the run read, and the
rule's inline ``expectations`` (a list in the suite format of :mod:`factlint.validate`). A failed
expectation gives one finding per source of its unexpected claims, quoting them, or one finding
for the whole table when it is about no row. great-expectations is imported only when a suite runs.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from factlint.knowledge import default_rules_dir
from factlint.located import Located
from factlint.model import Finding
from factlint.rules.context import Context, finding, quote
from factlint.rules.kinds import register

if TYPE_CHECKING:  # pragma: no cover - types only
    from factlint.rules.base import Rule
    from factlint.validate import Suite

_FIELDS = ("suite", "expectation", "label", "description", "count", "examples", "quote")


@register(
    "expectation",
    _FIELDS,
    {"default": False, "user": False, "suites": [], "expectations": []},
    heavy=True,  # great-expectations takes about 3 s to import
)
def check(context: Context, rule: Rule) -> Iterator[Finding]:
    """One finding per failed expectation and source of the rows it did not expect."""
    suites = _suites(context, rule)
    if not suites or not context.claims:
        return
    from factlint.tables import claims_table
    from factlint.validate import run_suites

    for outcome in run_suites(claims_table(context.claims), suites):
        if outcome.success:
            continue
        claims = [context.claims[row] for row in outcome.rows if 0 <= row < len(context.claims)]
        by_source: dict[str | None, list] = {}
        for claim in claims:
            by_source.setdefault(claim.source_id, []).append(claim)
        examples = ", ".join(map(str, outcome.examples))
        fields = {
            "suite": outcome.suite.name,
            "expectation": outcome.expectation.type,
            "label": outcome.expectation.label,
            "description": outcome.expectation.description or outcome.expectation.label,
            "examples": examples,
        }
        explanation = f"{outcome.expectation.label} in {outcome.suite.path} failed"
        for source_id, found in by_source.items() or [(None, [])]:
            yield finding(
                context,
                rule,
                source_id,
                [quote(claim) for claim in found],
                explanation=explanation + (f" (unexpected: {examples})" if examples else ""),
                fix="check the claims quoted (or the extraction that made them) against the suite",
                count=len(found) if found else outcome.unexpected_count,
                quote=found[0].text if found else "",
                **fields,
            )


def _suites(context: Context, rule: Rule) -> list[Suite]:
    """The suites ``rule`` runs: bundled, named, found beside the user's knowledge, inline."""
    from factlint.validate import default_suites, load_suite, parse_suite, suite_files, user_suites

    suites: list[Suite] = list(default_suites()) if rule.params["default"] else []
    here = Path(rule.path).parent if rule.path else Path.cwd()
    for name in rule.params["suites"] or ():
        path = here / str(name)
        for file in suite_files(path) if path.is_dir() else [path]:
            suites.append(load_suite(file, user=True))
    if rule.params["user"]:
        bundled = default_rules_dir().resolve()
        folders = {Path(file).parent for file in context.kb.files}
        suites.extend(user_suites(sorted(folder for folder in folders if folder.resolve() != bundled)))
    if rule.params["expectations"]:
        inline = Located(Path(rule.path or rule.code), "", list(rule.params["expectations"]), {})
        suites.append(parse_suite(inline, name=f"{rule.code} inline", user=True))
    return suites
