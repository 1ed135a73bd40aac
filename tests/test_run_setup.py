"""The run set-up: settings and flags to a typed RunSetup, and each mistake as one SetupError."""

from __future__ import annotations

import dataclasses
import functools
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factlint.cache import CacheWarning
from factlint.knowledge import default_knowledge, default_rules_dir
from factlint.model import Severity
from factlint.rules.catalogue import load_catalogue
from factlint.rules.config import Settings
from factlint.run_setup import (
    CacheChoice,
    EngineChoice,
    Flags,
    SetupError,
    build_setup,
    open_engine,
    project_settings,
    usable_cache_folder,
)


@functools.cache
def _codes() -> tuple[str, ...]:
    return tuple(load_catalogue())


def desk(folder: Path) -> Path:
    """A rules folder with one knowledge file and no checks of its own."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "matching.yaml").write_text("names: {fuzzy_threshold: 88}\n", encoding="utf-8")
    return folder


def test_the_settings_alone_give_the_bundled_rules_and_knowledge(tmp_path, monkeypatch):
    monkeypatch.setenv("FACTLINT_CACHE_DIR", str(tmp_path / "cache"))
    setup = build_setup(Settings())
    assert list(setup.catalogue) == list(load_catalogue())
    assert setup.folders == () and setup.rule_folders == (default_rules_dir(),)
    assert setup.knowledge is None and setup.kb is default_knowledge()
    assert (setup.selection.select, setup.selection.ignore, dict(setup.selection.severities)) == ((), (), {})
    assert not setup.selection.quick
    assert setup.engine == EngineChoice("local", None, None) and setup.engine.workers == 1
    assert setup.cache == CacheChoice(tmp_path / "cache", off=False)
    assert setup.stories == "corpus"


def test_flags_layer_over_the_settings(tmp_path):
    configured, given_folder = desk(tmp_path / "configured"), desk(tmp_path / "given")
    project = Settings(
        rules=(configured,), select=("FL2",), ignore=("FL203",), severity={"FL204": Severity.ERROR}
    )
    flags = Flags(
        rules=(given_folder,),
        select=("FL3", "time"),
        severities=("FL301 = Warning", "sources=info"),
        quick=True,
        engine="dask",
        jobs=0,
        scheduler="tcp://example:8786",
        no_cache=True,
        cache_dir=tmp_path / "elsewhere",
        stories="folder",
    )
    setup = build_setup(project, flags)
    assert setup.settings == project
    assert setup.folders == (configured, given_folder)
    assert setup.rule_folders == (default_rules_dir(), configured, given_folder)
    assert setup.knowledge is not None and setup.kb is setup.knowledge
    assert [Path(path).parent for path in setup.kb.files[-2:]] == [configured, given_folder]
    assert setup.selection.select == ("FL3", "time")  # the flags' list replaces the configured one
    assert setup.selection.ignore == ("FL203",)  # none given: the configured one stays
    assert dict(setup.selection.severities) == {
        "FL204": Severity.ERROR,
        "FL301": Severity.WARNING,
        "sources": Severity.INFO,
    }
    assert setup.selection.quick
    assert setup.engine == EngineChoice("dask", 0, "tcp://example:8786")
    assert setup.cache == CacheChoice(tmp_path / "elsewhere", off=True)
    assert setup.stories == "folder"
    with pytest.raises(dataclasses.FrozenInstanceError):
        setup.stories = "corpus"  # type: ignore[misc]


@settings(max_examples=30)
@given(
    configured=st.lists(st.sampled_from(_codes()), max_size=3, unique=True),
    given_codes=st.lists(st.sampled_from(_codes()), max_size=3, unique=True),
)
def test_given_selectors_replace_the_configured_ones(configured, given_codes):
    setup = build_setup(Settings(select=tuple(configured)), Flags(select=tuple(given_codes)))
    expected = tuple(given_codes) or tuple(configured)
    assert setup.selection.select == expected
    enabled = {code for code, rule in setup.catalogue.items() if setup.selection.enabled(rule)}
    assert enabled == (set(expected) if expected else set(setup.catalogue))


@pytest.mark.parametrize(
    ("settings_", "flags", "message"),
    [
        (Settings(), Flags(severities=("FL301=loud",)), "--severity FL301=loud: expected SELECTOR="),
        (Settings(), Flags(severities=("FL301",)), "--severity FL301: expected SELECTOR="),
        (Settings(select=("FL0",)), Flags(), "no rule matches FL0 (see factlint rules)"),
        (Settings(), Flags(ignore=("FL2", "nonsense")), "no rule matches nonsense (see factlint rules)"),
        (Settings(severity={"FL999": Severity.INFO}), Flags(), "no rule matches FL999"),
        (Settings(), Flags(rules=(Path("no-such-folder"),)), "no-such-folder: no such rules folder"),
    ],
)
def test_each_mistake_is_one_setup_error(settings_, flags, message):
    with pytest.raises(SetupError) as raised:
        build_setup(settings_, flags)
    assert message in str(raised.value)
    assert "\n" not in str(raised.value).strip()


def test_a_mistake_in_a_rule_file_names_the_file(tmp_path):
    checks = tmp_path / "desk" / "checks"
    checks.mkdir(parents=True)
    (checks / "mine.yaml").write_text("rules:\n  - code: FL999\n    code: FL998\n", encoding="utf-8")
    with pytest.raises(SetupError, match=r"mine\.yaml:"):
        build_setup(Settings(), Flags(rules=(tmp_path / "desk",)))


def test_project_settings_are_found_upward_and_their_mistakes_named(tmp_path):
    (tmp_path / "factlint.toml").write_text('ignore = ["FL203"]\n', encoding="utf-8")
    below = tmp_path / "drafts" / "today"
    below.mkdir(parents=True)
    assert project_settings(below).ignore == ()  # only the folder itself
    assert project_settings(below, upward=True).ignore == ("FL203",)
    (tmp_path / "factlint.toml").write_text("select = 3\n", encoding="utf-8")
    with pytest.raises(SetupError, match=r"factlint\.toml:1:1: select must be a list of texts"):
        project_settings(tmp_path)


def test_the_engine_flags_are_checked_when_the_engine_opens(tmp_path):
    setup = build_setup(Settings(), Flags(scheduler="tcp://example:8786"))
    with pytest.raises(SetupError, match="--scheduler needs --engine dask"):
        open_engine(setup, None)
    local = build_setup(Settings(), Flags(jobs=2))
    with open_engine(local, tmp_path) as engine:
        assert engine.jobs == 2 and engine.cache is not None
    with open_engine(local, None) as engine:
        assert engine.cache is None


def test_an_unusable_cache_folder_is_warned_and_left_out(tmp_path):
    assert usable_cache_folder(CacheChoice(tmp_path / "cache", off=True)) is None
    assert not (tmp_path / "cache").exists()
    assert usable_cache_folder(CacheChoice(tmp_path / "cache")) == tmp_path / "cache"
    (tmp_path / "file").write_text("not a folder", encoding="utf-8")
    with pytest.warns(CacheWarning, match="file: cannot be made or read .*; running without it"):
        assert usable_cache_folder(CacheChoice(tmp_path / "file")) is None
