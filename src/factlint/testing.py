"""Assertions for a newsroom's own tests: each failure tells the evidence in words.

    from factlint.testing import assert_agree, assert_claim, assert_no_findings

    report = build_report(["stories"])
    assert_no_findings(report, fail_on="warning")
    assert_claim(report, subject="Amazon", attribute="investment.total", value=8e9)
    assert_agree(report, subject="amazon", attribute="investment.total")

An AssertionError names the findings, quotes and places (``path:line:col``) to look at.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from factlint.knowledge import KnowledgeBase, default_knowledge
from factlint.model import Claim, ClaimGroup, Finding, Quantity, Report, Severity, Source
from factlint.report.text import format_line

__all__ = [
    "assert_agree",
    "assert_claim",
    "assert_no_findings",
    "describe_claim",
    "describe_finding",
    "failing",
    "plural",
]


def plural(count: int, word: str) -> str:
    """``1 error``, ``2 errors``; ``info`` is a mass noun and keeps its form."""
    return f"{count} {word}" if count == 1 or word == "info" else f"{count} {word}s"


def failing(findings: Iterable[Finding], fail_on: str | Severity = "error") -> list[Finding]:
    """The findings at or over ``fail_on`` (info, warning or error)."""
    threshold = Severity(str(fail_on).lower()).rank
    return [finding for finding in findings if finding.severity.rank >= threshold]


def _place(source: Source | None, source_id: str, start: int | None) -> str:
    if source is None:
        return source_id
    if start is None:
        return source.path
    line, column = source.offsets.line_col(start)
    return f"{source.path}:{line}:{column}"


def describe_finding(finding: Finding, sources: Mapping[str, Source] | None = None) -> str:
    """The finding's line (``path:line:col: CODE severity message [rule]``), each quote beneath."""
    sources = sources or {}
    lines = [format_line(finding, sources)]
    for evidence in finding.evidence:
        start = evidence.span.start if evidence.span else None
        place = _place(sources.get(evidence.source_id), evidence.source_id, start)
        lines.append(f"    {place}: “{evidence.quote}”")
    return "\n".join(lines)


def describe_claim(claim: Claim, sources: Mapping[str, Source] | None = None) -> str:
    """``“quote” (path:line:col) value [low, high]: sentence`` for one claim."""
    sources = sources or {}
    place = _place(sources.get(claim.source_id), claim.source_id, claim.span.start)
    words = f"“{claim.text}” ({place})"
    if claim.quantity is not None:
        words += f" {_interval(claim.quantity)}"
    if claim.refers_to is not None:
        words += f" as of {claim.refers_to.text}"
    return f"{words} in: {claim.sentence}"


def _interval(quantity: Quantity) -> str:
    if quantity.vague:
        return f"vague {quantity.unit}"
    low = "-∞" if quantity.low is None else f"{quantity.low:g}"
    high = "∞" if quantity.high is None else f"{quantity.high:g}"
    opening = "[" if quantity.low_closed and quantity.low is not None else "("
    closing = "]" if quantity.high_closed and quantity.high is not None else ")"
    return f"{opening}{low}, {high}{closing} {quantity.unit}"


def _sources(report: Report) -> dict[str, Source]:
    return {source.id: source for source in report.sources}


def assert_no_findings(report: Report, fail_on: str | Severity = "error") -> None:
    """Fail when ``report`` has a finding at or over ``fail_on``, telling each with its quotes."""
    found = failing(report.findings, fail_on)
    if found:
        sources = _sources(report)
        described = "\n".join(describe_finding(finding, sources) for finding in found)
        raise AssertionError(
            f"{plural(len(found), 'finding')} at or over {Severity(str(fail_on).lower()).value}:\n{described}"
        )


def _subject_ids(subject: str, kb: KnowledgeBase) -> set[str]:
    """The entity ids ``subject`` names: an id, a name or an alias (any case)."""
    wanted = subject.casefold()
    ids = {subject}
    for entity in kb.entities:
        names = (entity.id, entity.name, *entity.aliases)
        if any(name.casefold() == wanted for name in names):
            ids.add(entity.id)
    return ids


def _contains(quantity: Quantity, value: float) -> bool:
    if quantity.vague:
        return False
    if quantity.low is None and quantity.high is None and quantity.value is not None:
        return abs(quantity.value - value) <= 1e-9 * max(abs(value), 1.0)
    if quantity.low is not None and (
        value < quantity.low or (value == quantity.low and not quantity.low_closed)
    ):
        return False
    return not (
        quantity.high is not None
        and (value > quantity.high or (value == quantity.high and not quantity.high_closed))
    )


def _refers_to(claim: Claim, as_of: dt.date) -> bool:
    when = claim.refers_to
    if when is None or (when.start is None and when.end is None):
        return False
    return (when.start is None or when.start <= as_of) and (when.end is None or as_of <= when.end)


def assert_claim(
    report: Report,
    *,
    subject: str,
    attribute: str,
    value: float,
    as_of: dt.date | str | None = None,
    kb: KnowledgeBase | None = None,
) -> list[Claim]:
    """Fail unless a claim of ``subject``'s ``attribute`` allows ``value``; the matching claims.

    ``subject`` is an entity id or name; ``value`` is compared with the claim's interval (so
    "up to $25 billion" allows 20e9); ``as_of`` (a date) keeps claims about a time containing it.
    """
    ids = _subject_ids(subject, kb or default_knowledge())
    when = dt.date.fromisoformat(as_of) if isinstance(as_of, str) else as_of
    about = [claim for claim in report.claims if claim.subject in ids and claim.attribute == attribute]
    dated = about if when is None else [claim for claim in about if _refers_to(claim, when)]
    matching = [claim for claim in dated if claim.quantity and _contains(claim.quantity, value)]
    if matching:
        return matching
    sources = _sources(report)
    wanted = f"{subject} {attribute} = {value:g}" + (f" as of {when.isoformat()}" if when else "")
    if not about:
        attributes = sorted({c.attribute for c in report.claims if c.subject in ids and c.attribute})
        known = f"; its attributes: {', '.join(attributes)}" if attributes else f"; no claim about {subject}"
        raise AssertionError(f"no claim of {wanted}: no claim of {subject} {attribute}{known}")
    described = "\n".join(f"    {describe_claim(claim, sources)}" for claim in (dated or about))
    if when is None:
        heading = f"the claims of {subject} {attribute}"
    elif dated:
        heading = "the claims as of that date"
    else:
        heading = f"none refers to {when}; the claims"
    raise AssertionError(f"no claim of {wanted}; {heading}:\n{described}")


def assert_agree(
    report: Report,
    *,
    subject: str,
    attribute: str,
    counterparty: str | None = None,
    kb: KnowledgeBase | None = None,
) -> list[ClaimGroup]:
    """Fail unless every reconciled group of ``subject``'s ``attribute`` is labelled agree."""
    kb = kb or default_knowledge()
    ids = _subject_ids(subject, kb)
    others = _subject_ids(counterparty, kb) if counterparty else None
    groups = [
        group
        for group in report.groups
        if any(
            claim.subject in ids
            and claim.attribute == attribute
            and (others is None or claim.counterparty in others)
            for claim in group.claims
        )
    ]
    if not groups:
        raise AssertionError(f"no reconciled group of {subject} {attribute}: no source states it")
    disagree = [group for group in groups if group.label != "agree"]
    if not disagree:
        return groups
    sources = _sources(report)
    lines = [f"{subject} {attribute}: {plural(len(disagree), 'group')} of {len(groups)} not labelled agree"]
    for group in disagree:
        lines.append(f"  {group.label}: {group.reason}")
        lines.extend(f"    {describe_claim(claim, sources)}" for claim in group.claims)
    raise AssertionError("\n".join(lines))
