"""Issue 14, case 7: one story told by many sources gives output linear in its sources.

A verdict counted the other sources by listing them, and each flagged claim's message and reason
named every source of the consensus, so a story of n sources wrote some n² names. These build a
story at two sizes, twice apart, and check that what is written about it doubles at most.
"""

from __future__ import annotations

import dataclasses

from factlint.extract import extract_text
from factlint.knowledge import default_knowledge
from factlint.match import group, reconcile
from factlint.match.consensus import consensus
from factlint.match.intervals import Reach
from factlint.match.reconcile import figure_loss
from factlint.model import Claim, ClaimGroup
from factlint.pipeline import build_report
from factlint.report.html_report import MATRIX_COLUMNS, render_html
from factlint.report.json_report import stream_json
from factlint.report.summary import claim_matrix
from factlint.rules.catalogue import load_catalogue
from factlint.rules.engine import run_checks
from factlint.rules.selection import Selection

from ..conftest import check_context

KB = default_knowledge()
SENTENCES = (
    "Amazon invested $4 billion in Anthropic on Sept. 25, 2023.",
    "Amazon invested $8 billion in Anthropic on Sept. 25, 2023.",
    "Amazon invested up to $4 billion in Anthropic on Sept. 25, 2023.",
)


def sentence(index: int) -> str:
    """Most sources agree; every tenth gives another figure and every tenth drops a qualifier."""
    return SENTENCES[1 if index % 10 == 3 else 2 if index % 10 == 7 else 0]


def story_groups(size: int) -> list[ClaimGroup]:
    """The reconciled groups of ``size`` one-sentence sources (each sentence extracted once)."""
    extracted = {text: extract_text(text) for text in SENTENCES}
    claims: list[Claim] = []
    for index in range(size):
        name = f"s{index:05d}.txt"
        for claim in extracted[sentence(index)]:
            claims.append(dataclasses.replace(claim, source_id=name, id=f"{name}#{claim.span.start}"))
    return reconcile(group(claims, KB), KB)


def test_a_story_s_groups_are_written_in_size_linear_in_its_sources():
    sizes = []
    for size in (150, 300):
        groups = story_groups(size)
        assert max(len(found.claims) for found in groups) >= size * 0.8  # one big group
        sizes.append(sum(len(json_line) for json_line in _groups_json(groups)))
    assert sizes[1] < 2.2 * sizes[0], sizes


def test_a_verdict_counts_the_sources_that_agree_and_disagree():
    groups = story_groups(150)
    biggest = max(groups, key=lambda found: len(found.claims))
    assert biggest.label == "conflict"
    counts = {(v.agreeing, v.disagreeing) for v in biggest.verdicts}
    # 135 sources say $4 billion (15 of them "up to"); 15 say $8 billion.
    assert counts == {(134, 15), (14, 135)}


def test_findings_about_one_story_grow_linearly_and_name_a_handful_of_sources(tmp_path):
    totals = []
    for size in (40, 80):
        folder = tmp_path / f"story-{size}"
        folder.mkdir()
        for index in range(size):
            (folder / f"s{index:03d}.txt").write_text(sentence(index) + "\n", encoding="utf-8")
        report = build_report([folder], selection=Selection(select=("FL2",)))
        conflicts = [found for found in report.findings if found.code == "FL201"]
        assert len(conflicts) == size // 10
        assert f"and {size - size // 10 - 5:,} other sources" in conflicts[0].message
        totals.append(sum(len(found.message) + len(found.explanation) for found in report.findings))
    assert totals[1] < 2.2 * totals[0], totals


def _groups_json(groups: list[ClaimGroup]) -> list[str]:
    from factlint.model import Report

    report = Report(version="test", inputs=(), sources=(), groups=tuple(groups))
    return list(stream_json(report))


class Counted(tuple):
    """A tuple that counts how often it is walked or searched."""

    walks = 0

    def __iter__(self):
        Counted.walks += 1
        return super().__iter__()

    def __contains__(self, item):
        Counted.walks += 1
        return super().__contains__(item)


def test_each_source_s_claims_in_a_story_are_found_without_reading_the_story_again(tmp_path):
    for index in range(30):
        (tmp_path / f"s{index:03d}.txt").write_text(sentence(index) + "\n", encoding="utf-8")
    report = build_report([tmp_path], selection=Selection(select=("FL201",)))
    groups = tuple(
        dataclasses.replace(found, claims=Counted(found.claims), flagged=Counted(found.flagged))
        for found in report.groups
    )
    context = dataclasses.replace(check_context(report, KB), groups=groups)
    Counted.walks = 0
    run_checks(context, load_catalogue(), Selection(select=("FL101",)))
    assert Counted.walks <= 2 * len(groups)  # once per group, not once per source
    Counted.walks = 0
    claim_matrix(dataclasses.replace(report, groups=groups))
    assert Counted.walks <= 3 * len(groups)  # not once per claim


def test_the_claim_matrix_of_a_large_story_has_a_bounded_number_of_columns(tmp_path):
    for index in range(MATRIX_COLUMNS + 20):
        (tmp_path / f"s{index:03d}.txt").write_text(sentence(index) + "\n", encoding="utf-8")
    report = build_report([tmp_path], selection=Selection(select=("FL201",)))
    page = render_html(report)
    matrix = page[page.index('<section id="matrix">') : page.index("</section>", page.index('id="matrix"'))]
    assert matrix.count("<th title=") == MATRIX_COLUMNS
    assert "20 others are left off" in matrix
    flagged = {
        claim.source_id for found in report.groups for claim in found.claims if claim.id in found.flagged
    }
    assert all(f'title="{tmp_path / name}"' in matrix for name in flagged)  # the worst come first


class CountedReach(Reach):
    """An interval that counts how often its gap to another is measured."""

    gaps = 0

    def gap(self, other):
        CountedReach.gaps += 1
        return super().gap(other)


def test_each_figure_outside_the_consensus_is_not_compared_with_every_supporter():
    figures = [CountedReach(4.0, 4.0, 4.0, 4.0, 4.0)] * 200 + [CountedReach(8.0, 8.0, 8.0, 8.0, 8.0)] * 20
    standing = consensus(figures, [f"s{index}" for index in range(len(figures))], {})
    CountedReach.gaps = 0
    losses = {figure_loss(figure, figures, standing) for figure in figures[200:]}
    assert losses == {1.0}
    assert CountedReach.gaps <= 20  # before: each of the 20 measured against all 200 supporters
