"""The self-contained HTML report: one Jinja2 template, inline CSS, no scripts, everything escaped."""

from __future__ import annotations

import re

import jinja2

from factlint.generated import HTML_MARKER
from factlint.model import Report
from factlint.report.summary import claim_matrix, file_rows, overall_agreement, severity_counts
from factlint.report.text import location

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
    )
    environment.filters["safe_url"] = lambda url: url if url and _SAFE_URL.match(url) else None
    return environment


def render_html(report: Report, title: str = "factlint report") -> str:
    """The report as one HTML document that needs nothing but a browser."""
    sources = {source.id: source for source in report.sources}
    problems = [
        {"finding": found, "location": location(found, sources)}
        for found in report.findings
        if found.code.startswith("FL9")
    ]
    checked = sorted(
        (
            {"finding": found, "location": location(found, sources)}
            for found in report.findings
            if not found.code.startswith("FL9")
        ),
        key=lambda item: (-item["finding"].severity.rank, item["finding"].code, item["location"]),
    )
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
        findings=checked,
        matrix=claim_matrix(report),
        agreement=overall_agreement(report),
        words=sum(source.words for source in report.sources),
    )
