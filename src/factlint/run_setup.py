"""The set-up of a run, one for the command line, the pytest plugin and ``factlint validate``.

The project's settings (:mod:`factlint.rules.config`) and what a face was asked (:class:`Flags`)
give the rule folders; from those come the catalogue and the knowledge, then the selection and
severities, the engine and the cache. A mistake anywhere on that way is one :class:`SetupError`
naming its place, which each face turns into its own usage error (exit code 2 on the command line).
"""

from __future__ import annotations

import contextlib
import dataclasses
import warnings
from collections.abc import Mapping
from pathlib import Path

from factlint.cache import Cache, CacheWarning, cache_dir, check_folder, fingerprint, signing_key
from factlint.engines.local import Engine, LocalEngine, default_jobs
from factlint.knowledge import (
    KnowledgeBase,
    KnowledgeError,
    default_knowledge,
    default_rules_dir,
    load_knowledge,
)
from factlint.located import RuleFileError
from factlint.model import Severity
from factlint.rules.catalogue import Rule, load_catalogue
from factlint.rules.config import Settings, find_settings
from factlint.rules.selection import Selection, unknown_selectors


class SetupError(Exception):
    """A mistake in the settings, a rules folder, the knowledge or the flags: one line to show."""


@dataclasses.dataclass(frozen=True)
class EngineChoice:
    """Where files are read and extracted: ``local`` (``jobs`` processes) or ``dask``.

    ``jobs`` is as asked: None is one process locally and one worker per core on Dask, 0 one
    per core. ``scheduler`` is a running Dask scheduler's address (Dask only).
    """

    kind: str = "local"
    jobs: int | None = None
    scheduler: str | None = None

    @property
    def workers(self) -> int:
        """The local processes this choice asks for (and the report writers a run may use)."""
        return 1 if self.jobs is None else self.jobs or default_jobs()


@dataclasses.dataclass(frozen=True)
class CacheChoice:
    """The per-file and run cache: its folder, unless the run is ``off`` (``--no-cache``)."""

    folder: Path
    off: bool = False


@dataclasses.dataclass(frozen=True)
class Flags:
    """What a face was asked besides the project's settings; the defaults ask for nothing more.

    ``rules`` folders come after the configured ones; ``select`` and ``ignore``, when given,
    replace the configured lists; ``severities`` are ``SELECTOR=LEVEL`` texts over the configured
    ones. ``quick`` leaves out the heavy rules unless they are selected (``factlint check``).
    """

    rules: tuple[Path, ...] = ()
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severities: tuple[str, ...] = ()
    quick: bool = False
    engine: str = "local"
    jobs: int | None = None
    scheduler: str | None = None
    no_cache: bool = False
    cache_dir: Path | None = None
    stories: str = "corpus"


@dataclasses.dataclass(frozen=True)
class RunSetup:
    """Everything a run is made with before it reads a file.

    ``folders`` are the rule folders layered over the bundled ``rules/``, the configured ones
    first. ``knowledge`` is None when none is layered: the bundled knowledge, loaded once per
    process by whatever first needs it (:attr:`kb`).
    """

    settings: Settings
    folders: tuple[Path, ...]
    catalogue: Mapping[str, Rule]
    knowledge: KnowledgeBase | None
    selection: Selection
    engine: EngineChoice
    cache: CacheChoice
    stories: str

    @property
    def kb(self) -> KnowledgeBase:
        """The knowledge of the run: the layered one, else the bundled one."""
        return self.knowledge or default_knowledge()

    @property
    def rule_folders(self) -> tuple[Path, ...]:
        """Every rule folder of the run, the bundled one first."""
        return (default_rules_dir(), *self.folders)


def project_settings(start: Path | None = None, *, upward: bool = False) -> Settings:
    """The settings of the first config file in ``start`` (default: here), or above it with ``upward``."""
    try:
        return find_settings(Path.cwd() if start is None else start, upward=upward)
    except RuleFileError as exc:
        raise SetupError(str(exc)) from exc


def build_setup(settings: Settings, flags: Flags | None = None) -> RunSetup:
    """The run ``settings`` and ``flags`` (none: the settings alone) ask for.

    Raises :class:`SetupError` on the first mistake, looked for in this order: a rule file, the
    knowledge, a ``--severity`` level, a selector that matches no rule.
    """
    flags = flags or Flags()
    folders = (*settings.rules, *flags.rules)
    try:
        catalogue = load_catalogue(folders)
        knowledge = load_knowledge(folders) if folders else None
    except (RuleFileError, KnowledgeError) as exc:
        raise SetupError(str(exc)) from exc
    select = flags.select or settings.select
    ignore = flags.ignore or settings.ignore
    severities = dict(settings.severity)
    for item in flags.severities:
        selector, _, level = item.partition("=")
        try:
            severities[selector.strip()] = Severity(level.strip().lower())
        except ValueError:
            raise SetupError(f"--severity {item}: expected SELECTOR=error|warning|info") from None
    unknown = unknown_selectors((*select, *ignore, *severities), catalogue.values())
    if unknown:
        raise SetupError(f"no rule matches {', '.join(unknown)} (see factlint rules)")
    return RunSetup(
        settings=settings,
        folders=folders,
        catalogue=catalogue,
        knowledge=knowledge,
        selection=Selection(tuple(select), tuple(ignore), severities, quick=flags.quick),
        engine=EngineChoice(flags.engine, flags.jobs, flags.scheduler),
        cache=CacheChoice(cache_dir(flags.cache_dir), off=flags.no_cache),
        stories=flags.stories,
    )


def usable_cache_folder(choice: CacheChoice) -> Path | None:
    """The cache folder, unless the cache is off or the folder unsafe or unusable (warned).

    A signing key that cannot be kept is warned about too: the run's entries are not reused.
    Ask once per run, so that each warning is said once.
    """
    if choice.off:
        return None
    problem = check_folder(choice.folder)
    if problem is not None:
        warnings.warn(problem, CacheWarning, stacklevel=2)
        return None
    unkept = signing_key()[1]
    if unkept is not None:
        warnings.warn(
            f"cache key {unkept}; this run's entries will not be reused", CacheWarning, stacklevel=2
        )
    return choice.folder


def open_engine(setup: RunSetup, cache_folder: Path | None) -> contextlib.AbstractContextManager[Engine]:
    """The engine ``setup`` asks for, with the cache in ``cache_folder`` (none: no cache).

    A context manager, since a Dask engine owns a client and maybe a local cluster. The engine
    flags are checked here, when a run first needs its engine; raises :class:`SetupError`.
    """
    cache = None
    if cache_folder is not None:
        cache = Cache(cache_folder, fingerprint(setup.kb.files))
        cache.sweep()
    choice = setup.engine
    if choice.kind != "dask":
        if choice.scheduler:
            raise SetupError("--scheduler needs --engine dask")
        return contextlib.nullcontext(LocalEngine(jobs=choice.workers, cache=cache))
    # The Dask engine only when asked for: Dask is an optional extra.
    from factlint.engines.dask_engine import DaskEngine, dask_available

    if not dask_available():
        raise SetupError("--engine dask needs dask: pip install 'factlint[dask]'")
    return DaskEngine(scheduler=choice.scheduler, workers=choice.jobs or default_jobs(), cache=cache)
