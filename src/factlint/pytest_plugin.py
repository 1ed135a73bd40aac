"""The pytest plugin: articles as test items, fixtures to assert with, findings told in words.

``pytest --factlint stories`` collects every article under ``stories`` as one test that fails with
its findings at or over ``--factlint-fail-on``. The corpus is read once per session over all the
paths given, so that findings across sources exist. Fixtures: ``factlint_corpus`` (call it with
paths, or use a ``@pytest.mark.factlint(paths)`` marker or the ``--factlint`` paths) and
``factlint_kb``; the assertions are in :mod:`factlint.testing`.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from factlint.ingest.names import shown
from factlint.ingest.walker import Entry, walk
from factlint.knowledge import KnowledgeBase, KnowledgeError
from factlint.located import RuleFileError
from factlint.memory import OutOfMemory
from factlint.model import Finding, Report, Severity, Source
from factlint.testing import describe_finding, failing, plural

if TYPE_CHECKING:  # pragma: no cover - types only
    from factlint.run_setup import RunSetup

_STATE = pytest.StashKey["_State"]()
SEVERITIES = ("info", "warning", "error")


class _State:
    """What one session shares: the reports built so far, by paths, and what the articles found."""

    def __init__(self, config: pytest.Config) -> None:
        self.config = config
        self.paths: tuple[str, ...] = tuple(config.getoption("factlint_paths") or ())
        self.rules: tuple[Path, ...] = tuple(map(Path, config.getoption("factlint_rules") or ()))
        self.fail_on: str = config.getoption("factlint_fail_on")
        self.reports: dict[tuple[str, ...], Report] = {}
        self.folders: dict[Path, list[Entry]] = {}  # by the folder given: what the walker found in it
        self.files: dict[Path, Entry] = {}  # the files given themselves
        self.corpus: Report | None = None
        self.checked: dict[str, tuple[Finding, ...]] = {}
        self._setup: RunSetup | None = None

    @property
    def setup(self) -> RunSetup:
        """The project's settings (factlint.toml or [tool.factlint] above the rootdir), then the options.

        Made when a test first needs it; raises :class:`~factlint.run_setup.SetupError`.
        """
        if self._setup is None:
            # Imported here: this plugin is loaded by every pytest session where factlint is
            # installed, and the set-up (engines, catalogue) is only for sessions that check articles.
            from factlint.run_setup import Flags, build_setup, project_settings

            settings = project_settings(self.config.rootpath, upward=True)
            self._setup = build_setup(settings, Flags(rules=self.rules))
        return self._setup

    @property
    def kb(self) -> KnowledgeBase:
        return self.setup.kb

    def report(self, paths: Sequence[str | os.PathLike[str]]) -> Report:
        """The report of ``paths``, built once per session (relative paths also tried from rootdir)."""
        resolved = tuple(self._resolve(path) for path in paths)
        key = tuple(sorted(resolved))
        if key not in self.reports:
            from factlint import pipeline  # imported here, as the set-up is

            setup = self.setup
            self.reports[key] = pipeline.build_report(
                resolved, kb=setup.kb, catalogue=setup.catalogue, selection=setup.selection
            )
            _remember(self.reports[key])
        return self.reports[key]

    def _resolve(self, path: str | os.PathLike[str]) -> str:
        given = Path(path)
        if given.is_absolute() or given.exists():
            return os.fspath(path)
        return os.fspath(self.config.rootpath / given)

    def collect_articles(self) -> list[str]:
        """Read the ``--factlint`` corpus and list its entries as the walker does; the paths to collect.

        The paths to collect leave out those inside another folder given (its collector lists
        them) and repeats. A path given that cannot be used is a usage error naming it.
        """
        self.corpus = self.report(self.paths)
        named: dict[str, str] = {}  # each path given once, as found, and as the user wrote it
        for path in self.paths:
            named.setdefault(self._resolve(path), path)
        given = list(named)
        self.folders = {_absolute(path): [] for path in given if os.path.isdir(path)}
        unusable = []
        for entry in walk(given):
            root = _absolute(entry.root)
            if entry.problem is not None and _absolute(entry.path) == root:
                unusable.append(f"{shown(named[entry.root])}: {entry.problem.message}")
            elif root in self.folders:
                self.folders[root].append(entry)
            else:
                self.files[root] = entry
        if unusable:
            raise pytest.UsageError("factlint: " + "; ".join(unusable))
        # A file read under another path given (a link to it, or a folder holding it) is not collected again.
        return [
            path
            for path in given
            if (_absolute(path) in self.folders or _absolute(path) in self.files)
            and not any(folder in _absolute(path).parents for folder in self.folders)
        ]


def _absolute(path: str | os.PathLike[str]) -> Path:
    """``path`` made absolute as pytest makes its arguments (``..`` removed, links kept)."""
    return Path(os.path.abspath(path))


# Sources of every report built in this session, so that a bare finding can say where it points.
_SOURCES: dict[str, Source] = {}


def _remember(report: Report) -> None:
    _SOURCES.update((source.id, source) for source in report.sources)


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("factlint", "factlint: fact-check articles as tests")
    group.addoption(
        "--factlint",
        dest="factlint_paths",
        action="extend",
        nargs="+",
        metavar="PATH",
        help="Check these articles (files or folders) as tests, one test per article; repeatable.",
    )
    group.addoption(
        "--factlint-fail-on",
        dest="factlint_fail_on",
        choices=SEVERITIES,
        default="error",
        help="Fail an article with a finding at or over this severity (default: error).",
    )
    group.addoption(
        "--factlint-rules",
        dest="factlint_rules",
        action="append",
        metavar="DIR",
        default=[],
        help="A folder of rules and knowledge layered over the bundled rules/; repeatable.",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "factlint(*paths): the articles factlint_corpus() reads by default")
    state = _State(config)
    config.stash[_STATE] = state
    if not state.paths:
        return
    from factlint.run_setup import SetupError  # as in _State.setup

    try:
        paths = state.collect_articles()
    except (SetupError, KnowledgeError, RuleFileError) as exc:  # a mistake in the settings or rules: one line
        raise pytest.UsageError(f"factlint: {exc}") from exc
    except (OutOfMemory, MemoryError) as exc:  # one line, as on the command line
        message = exc if isinstance(exc, OutOfMemory) else OutOfMemory("reading the articles")
        pytest.exit(f"factlint: {message}", returncode=pytest.ExitCode.INTERNAL_ERROR)
    if config.args_source == pytest.Config.ArgsSource.ARGS:
        config.args.extend(paths)
    else:
        # ``pytest --factlint stories`` checks the stories, like ``factlint check``; name the tests
        # too (``pytest tests --factlint stories``) to run both.
        config.args[:] = paths


@pytest.hookimpl(tryfirst=True)
def pytest_collect_directory(path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    """A folder given to ``--factlint`` is collected from the walker's list, never walked by pytest."""
    state = parent.config.stash.get(_STATE, None)
    if state is None or not state.folders:
        return None
    entries = state.folders.get(_absolute(path))
    if entries is None:
        return None
    return ArticleFolder.from_parent(parent, path=path, entries=entries)


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    """A file given to ``--factlint`` itself, met as pytest walks to it."""
    state = parent.config.stash.get(_STATE, None)
    if state is None or not state.files:
        return None
    entry = state.files.get(_absolute(file_path))
    if entry is None:
        return None
    return ArticleFile.make(parent, entry, state.corpus)


class ArticleFolder(pytest.Directory):
    """A folder of the ``--factlint`` corpus: one article file for each entry the walker listed."""

    def __init__(self, *, entries: list[Entry], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.entries = entries

    def collect(self) -> Iterator[ArticleFile]:
        corpus = self.config.stash[_STATE].corpus
        for entry in self.entries:
            yield ArticleFile.make(self, entry, corpus)


class ArticleFile(pytest.File):
    """One article of the ``--factlint`` corpus, or one entry the walker could not use."""

    def __init__(self, *, article: tuple[Report, str], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.article = article

    @classmethod
    def make(cls, parent: pytest.Collector, entry: Entry, corpus: Report | None) -> ArticleFile:
        """The article of ``entry``, named as the walker shows it (a name that is not text, escaped)."""
        assert corpus is not None
        path = _absolute(entry.path)
        if str(path).isprintable():
            return cls.from_parent(parent, path=path, article=(corpus, entry.shown))
        try:
            nodeid = path.relative_to(parent.config.rootpath).as_posix()
        except ValueError:
            nodeid = path.as_posix()
        name = shown(os.path.relpath(path, parent.path) if isinstance(parent, ArticleFolder) else path.name)
        return cls.from_parent(
            parent, path=path, name=name, nodeid=shown(nodeid), article=(corpus, entry.shown)
        )

    def collect(self) -> Iterator[ArticleItem]:
        yield ArticleItem.from_parent(self, name="factlint", article=self.article)


class FactlintFailure(Exception):
    """An article's findings at or over the threshold."""


class ArticleItem(pytest.Item):
    """Passes when the article has no finding at or over ``--factlint-fail-on``."""

    def __init__(self, *, article: tuple[Report, str], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.report, self.source_path = article
        self.add_marker("factlint")

    def _findings(self) -> tuple[Finding, ...]:
        ids = {source.id for source in self.report.sources if source.path == self.source_path}
        read = {source.id for source in self.report.sources}
        return tuple(
            finding
            for finding in self.report.findings
            if finding.source_id in ids
            or (finding.source_id not in read and finding.path == self.source_path)
        )

    def runtest(self) -> None:
        state = self.config.stash[_STATE]
        findings = self._findings()
        state.checked[self.source_path] = findings
        found = failing(findings, state.fail_on)
        if found:
            raise FactlintFailure(found)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> Any:
        if not isinstance(excinfo.value, FactlintFailure):
            return super().repr_failure(excinfo)
        found: list[Finding] = excinfo.value.args[0]
        sources = {source.id: source for source in self.report.sources}
        fail_on = self.config.stash[_STATE].fail_on
        heading = f"{self.source_path}: {plural(len(found), 'finding')} at or over {fail_on}"
        return "\n".join([heading, *(describe_finding(finding, sources) for finding in found)])

    def reportinfo(self) -> tuple[Path, None, str]:
        path = self.path if str(self.path).isprintable() else Path(shown(str(self.path)))
        return path, None, f"factlint {self.source_path}"


@pytest.fixture
def factlint_corpus(request: pytest.FixtureRequest) -> Callable[..., Report]:
    """``factlint_corpus(*paths)``: the Report of those articles, read once per session.

    Without paths it reads the fixture's parameter (indirect parametrisation), the test's
    ``@pytest.mark.factlint(paths)`` marker, or the ``--factlint`` paths, in that order.
    """
    state: _State = request.config.stash[_STATE]

    def corpus(*paths: str | os.PathLike[str]) -> Report:
        if not paths:
            paths = _default_paths(request, state)
        return state.report(paths)

    return corpus


def _default_paths(request: pytest.FixtureRequest, state: _State) -> tuple[str, ...]:
    param = getattr(request, "param", None)
    if param is not None:
        return (param,) if isinstance(param, (str, os.PathLike)) else tuple(param)
    marker = request.node.get_closest_marker("factlint")
    if marker is not None and marker.args:
        return tuple(marker.args)
    if state.paths:
        return state.paths
    pytest.fail("factlint_corpus() needs paths: an argument, @pytest.mark.factlint(...) or --factlint")


@pytest.fixture
def factlint_kb(request: pytest.FixtureRequest) -> KnowledgeBase:
    """The knowledge this session checks with: the bundled rules and any ``--factlint-rules``."""
    return request.config.stash[_STATE].kb


def _is_findings(value: object) -> bool:
    return isinstance(value, Finding) or (
        isinstance(value, (list, tuple)) and any(isinstance(item, Finding) for item in value)
    )


def _count(value: object) -> str:
    if isinstance(value, Finding):
        return value.code
    if isinstance(value, (list, tuple)):
        return plural(len(value), "finding") if value else "no findings"
    return repr(value)


def pytest_assertrepr_compare(
    config: pytest.Config, op: str, left: object, right: object
) -> list[str] | None:
    """``assert report.findings == []`` prints each finding with its quotes and places."""
    if op not in ("==", "!=") or not (_is_findings(left) or _is_findings(right)):
        return None
    lines = [f"{_count(left)} {op} {_count(right)}"]
    for side, value in (("left", left), ("right", right)):
        items = [value] if isinstance(value, Finding) else value
        if not isinstance(items, (list, tuple)) or not items:
            continue
        lines.append(f"{side}:")
        for item in items:
            if isinstance(item, Finding):
                lines.extend(f"  {line}" for line in describe_finding(item, _SOURCES).splitlines())
            else:
                lines.append(f"  {item!r}")
    return lines


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: pytest.Config) -> None:
    state = config.stash.get(_STATE, None)
    if state is None or not state.checked:
        return
    checked = state.checked
    with_findings = sum(1 for findings in checked.values() if findings)
    failed = sum(1 for findings in checked.values() if failing(findings, state.fail_on))
    counts = Counter(finding.severity for findings in checked.values() for finding in findings)
    by_severity = ", ".join(
        plural(counts[severity], severity.value) for severity in Severity if counts[severity]
    )
    line = f"factlint: {plural(len(checked), 'article')} checked, {with_findings} with findings"
    if by_severity:
        line += f" ({by_severity})"
    line += f", {failed} failing at {state.fail_on}"
    terminalreporter.write_sep("-", "factlint")
    terminalreporter.write_line(line)
