"""The self-contained HTML report: one Jinja2 template, inline CSS, no scripts, everything escaped.

Every value the template writes passes :func:`_finalize` before autoescaping: bidirectional
controls, other control characters and lone surrogates from the input are shown as visible
escapes (``<U+202E>``, ``<0xFF>`` for an undecodable byte of a file name), so nothing from the
input can reorder, hide or break the page. Paths and ids are also isolated (``code`` elements
have ``unicode-bidi: isolate``), so that right-to-left letters in a name do not move the text
around it.
"""

from __future__ import annotations

import re
from typing import Any

import jinja2
from markupsafe import Markup

from factlint.generated import HTML_MARKER
from factlint.model import Claim, Evidence, Finding, Report, Severity, Source
from factlint.report.escapes import html_visible
from factlint.report.highlight import claims_by_source, in_sentence, marked_pieces
from factlint.report.summary import claim_matrix, file_rows, overall_agreement, severity_counts
from factlint.report.text import location
from factlint.report.timeline import build_timeline

# No script may run and nothing may be fetched: styles are inline, images only as data: URIs.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
)
_SAFE_URL = re.compile(r"^https?://[^\s\"'<>]+$", re.IGNORECASE)


def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("factlint.report", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_finalize,
    )
    environment.filters["safe_url"] = lambda url: url if url and _SAFE_URL.match(url) else None
    return environment


def _finalize(value: Any) -> Any:
    """What the template writes for ``value``: hidden and reordering characters made visible."""
    if isinstance(value, Markup):
        return Markup(html_visible(str(value), escaped=True))
    if isinstance(value, str):
        return html_visible(value)
    return value


def _where(evidence: Evidence, source: Source | None) -> str:
    """``path:line:col`` of one piece of evidence, or what is known of its place."""
    if source is None:
        return evidence.source_id
    if evidence.span is None:
        return source.path
    line, column = source.offsets.line_col(evidence.span.start)
    return f"{source.path}:{line}:{column}"


def _evidence(
    finding: Finding, sources: dict[str, Source], claims: dict[str, Claim], anchors: dict[str, str]
) -> list[dict[str, Any]]:
    """Each quote of a finding in its sentence, with its source and a link to it in the text."""
    return [
        {
            "parts": in_sentence(
                evidence, sources.get(evidence.source_id), claims.get(evidence.claim_id or "")
            ),
            "source": sources.get(evidence.source_id),
            "where": _where(evidence, sources.get(evidence.source_id)),
            "anchor": anchors.get(evidence.claim_id or ""),
        }
        for evidence in finding.evidence
    ]


# How much of a large corpus the page shows in full; the JSON report always holds everything.
FULL_TEXTS = 300  # sources whose whole text is shown with its claims marked
TIMELINE_LANES = 60  # sources drawn on the timeline
FINDING_CARDS = 300  # beyond this many findings, those of severity info are one line each
MATRIX_COLUMNS = 60  # sources a table of the claim matrix has a column for


def _priority(report: Report) -> list[Source]:
    """Sources by the worst finding about them, then in reading order: the first to show in full."""
    worst: dict[str, int] = {}
    for found in report.findings:
        if found.source_id and not found.code.startswith("FL9"):
            worst[found.source_id] = max(worst.get(found.source_id, 0), found.severity.rank)
    ranked = sorted(enumerate(report.sources), key=lambda item: (-worst.get(item[1].id, 0), item[0]))
    return [source for _, source in ranked]


def _narrowed(matrix: dict[str, Any], priority: list[Source]) -> dict[str, Any]:
    """The claim matrix with at most :data:`MATRIX_COLUMNS` columns a table, the worst first.

    A table of every source of a story has rows times sources cells: for a story of thousands of
    sources that tell many facts, a page that grows with their product. The columns kept stay in
    reading order; ``left_off`` counts the others.
    """
    rank = {source.id: index for index, source in enumerate(priority)}
    for table in matrix["tables"]:
        columns = table["columns"]
        kept = sorted(columns, key=lambda source: rank.get(source.id, len(rank)))[:MATRIX_COLUMNS]
        chosen = {source.id for source in kept}
        table["columns"] = [source for source in columns if source.id in chosen]
        table["left_off"] = len(columns) - len(table["columns"])
    return matrix


def render_html(report: Report, title: str = "factlint report") -> str:
    """The report as one HTML document that needs nothing but a browser.

    A large corpus keeps the page usable: the :data:`FULL_TEXTS` sources with the worst findings
    are shown in full, the :data:`TIMELINE_LANES` first of them drawn on the timeline, and past
    :data:`FINDING_CARDS` findings the info ones take a line each; the page says what it left out.
    """
    sources = {source.id: source for source in report.sources}
    claims = {claim.id: claim for claim in report.claims}
    priority = _priority(report)
    shown = {source.id for source in priority[:FULL_TEXTS]}
    drawn = {source.id for source in priority[:TIMELINE_LANES]}
    anchors = {
        claim.id: f"claim-{index}" for index, claim in enumerate(report.claims, 1) if claim.source_id in shown
    }
    by_source = claims_by_source(report.claims)
    problems = [
        {"finding": found, "location": location(found, sources)}
        for found in report.findings
        if found.code.startswith("FL9")
    ]
    checked = sorted(
        (
            {
                "finding": found,
                "location": location(found, sources),
                "evidence": _evidence(found, sources, claims, anchors),
            }
            for found in report.findings
            if not found.code.startswith("FL9")
        ),
        key=lambda item: (-item["finding"].severity.rank, item["finding"].code, item["location"]),
    )
    compact = len(checked) > FINDING_CARDS
    cards = [item for item in checked if not compact or item["finding"].severity != Severity.INFO]
    lines = [item for item in checked if compact and item["finding"].severity == Severity.INFO]
    lanes = [source for source in report.sources if source.id in drawn]
    template = _environment().get_template("report.html.j2")
    return template.render(
        title=title,
        marker=HTML_MARKER,
        csp=CONTENT_SECURITY_POLICY,
        report=report,
        rows=file_rows(report),
        sources=report.sources,
        counts=severity_counts(report.findings),
        problems=problems,
        findings=cards,
        finding_lines=lines,
        matrix=_narrowed(claim_matrix(report), priority),
        agreement=overall_agreement(report),
        words=sum(source.words for source in report.sources),
        timeline=build_timeline(lanes, [claim for claim in report.claims if claim.source_id in drawn]),
        left_off_lanes=len(report.sources) - len(lanes),
        anchors=anchors,
        shown=shown,
        left_off_texts=len(report.sources) - len(shown),
        pieces={
            source.id: marked_pieces(source.text, by_source.get(source.id, ()))
            for source in report.sources
            if source.id in shown
        },
        counted={source.id: len(by_source.get(source.id, ())) for source in report.sources},
    )
