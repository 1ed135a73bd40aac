"""Every knowledge file is checked against its schema before building: a mistake names file:line:col."""

from __future__ import annotations

import contextlib
import dataclasses
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factlint import knowledge
from factlint import knowledge_schema as schema
from factlint.knowledge import (
    RULE_FILES,
    SCHEMAS,
    KnowledgeBase,
    KnowledgeError,
    default_rules_dir,
    load_knowledge,
)
from factlint.knowledge_schema import REQUIRED, described, known, read_knowledge_file, schemas
from factlint.located import RuleFileError


def mistake(folder: Path, name: str, content: str) -> str:
    (folder / name).write_text(content, encoding="utf-8")
    with pytest.raises(RuleFileError) as raised:
        load_knowledge([folder])
    assert isinstance(raised.value, KnowledgeError)  # callers that catch either still catch it
    return str(raised.value)


def test_every_bundled_file_has_a_schema_and_passes_it():
    assert set(SCHEMAS) == set(RULE_FILES)
    for name in RULE_FILES:
        assert read_knowledge_file(default_rules_dir() / name, SCHEMAS[name]), name
    load_knowledge()


@pytest.mark.parametrize(
    ("name", "content", "place", "message"),
    [
        (
            "quantities.yaml",
            "currencies:\n  XBT: {symbols: [₿], wrds: [bitcoin]}\n",
            ":2:23:",
            "unknown key(s) in a currency: ['wrds']; allowed: symbols, words, subunits",
        ),
        (
            "quantities.yaml",
            "qualifiers:\n  about: [roughly]\n  abuot: [circa]\n",
            ":3:3:",
            "unknown key(s) in the qualifiers: ['abuot']; allowed: up_to, less_than",
        ),
        (
            "quantities.yaml",
            "qualifiers:\n  after:\n    at_most: [or so]\n",
            ":3:5:",
            "unknown key(s) in qualifiers.after: ['at_most']",
        ),
        (
            "tolerances.yaml",
            "qualifier_bands:\n  about: 0.1\n  nearly: 1.5\n",
            ":3:3:",
            "qualifier_bands.nearly must be a share between 0 and 1 (at least 0, below 1), not 1.5",
        ),
        (
            "tolerances.yaml",
            "reliability:\n  rounds: 2.5\n",
            ":2:3:",
            "reliability.rounds must be a whole number at least 1, not the number 2.5",
        ),
        (
            "language.yaml",
            "function_words:\n  - the\n  - ''\n",
            ":3:5:",
            "function_words[1]: an empty phrase would match everywhere",
        ),
        (
            "units.yaml",
            "units:\n  furlong:\n    words: furlongs\n",
            ":3:5:",
            "units.furlong.words must be a list of phrases, not the text 'furlongs'",
        ),
        (
            "titles.yaml",
            "former: [ex-]\ntitles:\n  chief executive officer: ceo\n",
            ":3:3:",
            "titles.chief executive officer must be a list of phrases, not the text 'ceo'",
        ),
        (
            "markets.yaml",
            "exchanges:\n  NASDAQ:\n",
            ":2:3:",
            "exchanges.NASDAQ must be a list of phrases, not empty",
        ),
        (
            "frames.yaml",
            "attributes:\n  revenue:\n    cues: [takings]\n    kinds: [moneys]\n",
            ":4:13:",
            "attributes.revenue.kinds[0] 'moneys' is not one of money, percent, quantity",
        ),
        (
            "frames.yaml",
            "sessions: [after hours]\natributes:\n  revenue: {cues: [takings]}\n",
            ":2:1:",
            "unknown key(s) in frames.yaml: ['atributes']; allowed: attributes, aspects",
        ),
        (
            "frames.yaml",
            "publication_window: a week\n",
            ":1:1:",
            "publication_window must be a whole number at least 0, not the text 'a week'",
        ),
        (
            "entities.yaml",
            "candidates:\n  verbs: [unveils]\n  verbz: [unveiled]\n",
            ":3:3:",
            "unknown key(s) in candidates: ['verbz']; allowed: verbs, adverbs",
        ),
        (
            "matching.yaml",
            "names:\n  fuzzy_threshold: high\n",
            ":2:3:",
            "names.fuzzy_threshold must be a number between 0 and 100, not the text 'high'",
        ),
        (
            "plausibility.yaml",
            "plausibility:\n  stake:\n    - {min: 0, max: 100}\n    - {max: 1, within: fortnight}\n",
            ":4:16:",
            "plausibility.stake[1].within 'fortnight' is not one of day, week, month, quarter, year",
        ),
        (
            "people.yaml",
            "people:\n  x:\n    name: X\n    tenures: x\n",
            ":4:5:",
            "people.x.tenures must be a list of {title, organisation, start, end, source}, not the text 'x'",
        ),
        (
            "people.yaml",
            "people:\n  x:\n    name: X\n    tenures:\n      - {title: chair, until: 2021}\n",
            ":5:24:",
            "unknown key(s) in a tenure: ['until']; allowed: title, organisation, start, end, source",
        ),
    ],
    ids=[
        "quantities-currency-key",
        "quantities-qualifier-name",
        "quantities-qualifier-after",
        "tolerances-band",
        "tolerances-rounds",
        "language-empty-phrase",
        "units-words",
        "titles-variants",
        "markets-empty",
        "frames-kind",
        "frames-top-level-key",
        "frames-window",
        "entities-candidates-key",
        "matching-threshold",
        "plausibility-within",
        "people-tenures",
        "people-tenure-key",
    ],
)
def test_a_mistake_in_each_file_is_told_at_its_line(tmp_path, name, content, place, message):
    told = mistake(tmp_path, name, content)
    line = int(place.split(":")[1])
    assert told.startswith(f"{tmp_path / name}{place} {message}"), told
    assert told.endswith("\n    " + content.splitlines()[line - 1].rstrip()), told


@pytest.mark.parametrize(
    ("frames", "message"),
    [
        (
            "units: [gigawatts]",
            "unit 'gigawatts' is how units.yaml writes 'gigawatt': name the unit by its id",
        ),
        ("units: [GW]", "unit 'GW' is how units.yaml writes 'gigawatt'"),
        ("units: [people]", "unit 'people' is a plural: a counted noun is named in the singular ('person')"),
        ("units: [knot]\n    kinds: [quantity]", None),  # units.yaml of the same folder adds it
        ("units: [lifeboat]\n    kinds: [quantity]", None),  # a counted noun is a unit
        ("units: [lifeboats]", "unknown unit 'lifeboats': not a unit id of units.yaml, a currency"),
        ("units: [Knots per hour]", "unknown unit 'Knots per hour'"),
        ("cues: [lifeboat count]", "attribute 'capacity.rescue' has no kinds (money, percent, quantity)"),
    ],
)
def test_units_and_kinds_of_frames_are_checked_after_merging(tmp_path, frames, message):
    (tmp_path / "units.yaml").write_text("units:\n  knot: {words: [knots]}\n", encoding="utf-8")
    content = f"attributes:\n  capacity.rescue:\n    {frames}\n"
    if message is None:
        (tmp_path / "frames.yaml").write_text(content, encoding="utf-8")
        frame = next(
            frame for frame in load_knowledge([tmp_path]).frames if frame.attribute == "capacity.rescue"
        )
        assert frame.kinds == ("quantity",)
        return
    told = mistake(tmp_path, "frames.yaml", content)
    line = 2 if "no kinds" in message else 3  # the attribute, or the unit in its list
    assert told.startswith(f"{tmp_path / 'frames.yaml'}:{line}:") and message in told, told


def test_a_unit_of_a_plausible_range_and_a_range_merged_out_of_order_are_mistakes(tmp_path):
    told = mistake(
        tmp_path, "plausibility.yaml", "plausibility:\n  stake: {min: 0, max: 100, unit: Percent}\n"
    )
    assert told.startswith(f"{tmp_path / 'plausibility.yaml'}:2:") and "unknown unit 'Percent'" in told
    told = mistake(tmp_path, "plausibility.yaml", "plausibility:\n  election.turnout: {max: -5}\n")
    assert told.startswith(f"{tmp_path / 'plausibility.yaml'}:2:")
    assert "min 0.0 above max -5.0, once the rules folders are merged" in told


def test_a_newsroom_file_that_is_not_yaml_or_not_a_mapping_names_the_place(tmp_path):
    told = mistake(tmp_path, "units.yaml", "units:\n  knot: {words: [knots]\nnumber_words: {}\n")
    assert told.startswith(f"{tmp_path / 'units.yaml'}:3:1: not valid YAML"), told
    (tmp_path / "units.yaml").unlink()
    told = mistake(tmp_path, "markets.yaml", "- NASDAQ\n- NYSE\n")
    assert told.startswith(
        f"{tmp_path / 'markets.yaml'}:1:1: markets.yaml holds a mapping of exchanges; not a list"
    )


def test_an_empty_file_adds_nothing(tmp_path):
    (tmp_path / "units.yaml").write_text("# nothing of ours yet\n", encoding="utf-8")
    assert len(load_knowledge([tmp_path]).units) == len(load_knowledge().units)


# Random content for the property below: mostly of the shape each schema asks for, so that it
# reaches past the first check into building, now and then anything at all at any depth.
WORDS = ["money", "quantity", "day", "km", "person", "gigawatts", "Knots", "amazon", "NASDAQ", "chair", "aws"]
hashable = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=6), st.sampled_from(WORDS)
)
anything = st.recursive(
    hashable,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(hashable, inner, max_size=3),
    max_leaves=8,
)


def shaped(shape: schema.Shape, key: bool = False) -> st.SearchStrategy:
    """Values mostly of ``shape``; one in eight is anything (hashable, for a key)."""
    return st.integers(0, 7).flatmap(lambda roll: (hashable if key else anything) if roll == 0 else of(shape))


def of(shape: schema.Shape) -> st.SearchStrategy:
    if isinstance(shape, schema.Text):
        return st.text(max_size=8) | st.sampled_from(WORDS)
    if isinstance(shape, schema.Identifier):
        return st.from_regex(r"[a-z_][a-z0-9_]{0,5}", fullmatch=True)
    if isinstance(shape, schema.Number):
        return st.integers(-5, 120) if shape.whole else st.floats(-5, 120) | st.integers(-5, 120)
    if isinstance(shape, schema.Flag):
        return st.booleans()
    if isinstance(shape, schema.OneOf):
        return st.sampled_from(shape.values)
    if isinstance(shape, schema.Day):
        return st.dates() | st.sampled_from(["2020", "2020-02", "2020-02-30", "soon", 2019])
    if isinstance(shape, schema.Maybe):
        return st.none() | shaped(shape.shape)
    if isinstance(shape, schema.ListOf):
        return st.lists(shaped(shape.item), max_size=3)
    if isinstance(shape, schema.MapOf):
        return st.dictionaries(shaped(shape.key, key=True), shaped(shape.value), max_size=3)
    if isinstance(shape, schema.Record):
        return st.fixed_dictionaries(
            {}, optional={name: shaped(field) for name, field in shape.fields.items()}
        )
    if isinstance(shape, schema.Either):
        return st.one_of([shaped(option) for option in shape.options])
    raise AssertionError(shape)


def file_content(name: str) -> st.SearchStrategy:
    fields = SCHEMAS[name]
    known = st.fixed_dictionaries({}, optional={key: shaped(shape) for key, shape in fields.items()})
    return st.integers(0, 7).flatmap(
        lambda roll: st.dictionaries(hashable, anything, max_size=3) if roll == 0 else known
    )


folders = st.lists(st.sampled_from(RULE_FILES), min_size=1, max_size=3, unique=True).flatmap(
    lambda names: st.fixed_dictionaries({name: file_content(name) for name in names})
)


@settings(
    deadline=None,
    max_examples=max(25, settings.default.max_examples // 4),  # each example loads every bundled file
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(folders)
def test_any_mapping_in_any_knowledge_file_loads_or_is_told_as_a_rules_mistake(files):
    with tempfile.TemporaryDirectory() as folder:
        for name, content in files.items():
            (Path(folder) / name).write_text(yaml.safe_dump(content, allow_unicode=True), encoding="utf-8")
        with contextlib.suppress(RuleFileError, KnowledgeError):  # anything else fails the test
            load_knowledge([folder])


def test_a_bare_yes_or_no_must_be_quoted(tmp_path):
    from factlint.knowledge import load_knowledge
    from factlint.located import RuleFileError

    (tmp_path / "language.yaml").write_text("function_words: [the, no]\n", encoding="utf-8")
    with pytest.raises(RuleFileError) as raised:
        load_knowledge([tmp_path])
    assert str(raised.value).startswith(f"{tmp_path / 'language.yaml'}:1:") and "must be" in str(raised.value)
    (tmp_path / "language.yaml").write_text('function_words: [the, "no"]\n', encoding="utf-8")
    assert "no" in load_knowledge([tmp_path]).function_words


# --- the one description of the knowledge ----------------------------------------------------


def bundled_copy(tmp_path: Path, name: str, drop: Callable[[dict], None]) -> Path:
    """A copy of the bundled rules folder with ``drop`` applied to the content of ``name``."""
    folder = tmp_path / "bundled"
    shutil.copytree(default_rules_dir(), folder)
    content = yaml.safe_load((folder / name).read_text(encoding="utf-8"))
    drop(content)
    (folder / name).write_text(yaml.safe_dump(content, allow_unicode=True), encoding="utf-8")
    return folder


def default_of(name: str) -> object:
    field = next(field for field in dataclasses.fields(KnowledgeBase) if field.name == name)
    return field.default_factory() if field.default is dataclasses.MISSING else field.default


@pytest.mark.parametrize(
    ("name", "field", "drop"),
    [
        ("matching.yaml", "fuzzy_threshold", lambda content: content["names"].pop("fuzzy_threshold")),
        ("frames.yaml", "publication_window", lambda content: content.pop("publication_window")),
        ("frames.yaml", "change_between", lambda content: content["changes"].pop("between")),
        ("tolerances.yaml", "reliability", lambda content: content.pop("reliability")),
        ("tolerances.yaml", "tolerances", lambda content: content.pop("agreement")),
    ],
)
def test_a_key_left_out_takes_the_default_of_its_description(tmp_path, monkeypatch, name, field, drop):
    bundled = getattr(load_knowledge(), field)
    monkeypatch.setattr(knowledge, "default_rules_dir", lambda: bundled_copy(tmp_path, name, drop))
    assert getattr(load_knowledge(), field) == default_of(field)
    if field == "fuzzy_threshold":
        assert bundled == default_of(field) == 88.0  # the bundled file states the default too


def test_a_required_key_left_out_is_a_knowledge_error_naming_it(tmp_path, monkeypatch):
    folder = bundled_copy(tmp_path, "quantities.yaml", lambda content: content["scales"].pop("words"))
    monkeypatch.setattr(knowledge, "default_rules_dir", lambda: folder)
    with pytest.raises(KnowledgeError, match=r"KeyError: 'scales\.words'"):
        load_knowledge()


def test_every_field_but_the_files_read_is_described_and_every_file_has_keys():
    names = [name for name, _ in described(KnowledgeBase)]
    assert names == [field.name for field in dataclasses.fields(KnowledgeBase) if field.name != "files"]
    assert all(description.meaning for _, description in described(KnowledgeBase))
    assert {description.file for _, description in described(KnowledgeBase)} == set(RULE_FILES)


LANGUAGE = "language.yaml"


def test_a_key_is_added_with_one_declaration_that_checks_and_fills_it(tmp_path):
    @dataclasses.dataclass(frozen=True, kw_only=True)
    class Knowledge:
        labels: tuple[str, ...] = known(
            "language.yaml", "labels.words", schema.PHRASES, tuple, (), "label words"
        )
        links: tuple[str, ...] = known(
            "language.yaml", "labels.links", schema.PHRASES, tuple, (), "link words"
        )
        width: float = known("language.yaml", "width", schema.SHARE, float, REQUIRED, "a share")

    made = schemas(Knowledge)
    assert list(made) == ["language.yaml"] and list(made["language.yaml"]) == ["labels", "width"]
    assert made["language.yaml"]["labels"] == schema.Record(
        {"words": schema.PHRASES, "links": schema.PHRASES}
    )
    path = tmp_path / "language.yaml"
    path.write_text("labels:\n  words: [score]\n  link: [of]\n", encoding="utf-8")
    with pytest.raises(RuleFileError, match=r"language.yaml:3:3: unknown key\(s\) in labels: \['link'\]"):
        read_knowledge_file(path, made["language.yaml"])
    with pytest.raises(TypeError):
        Knowledge()  # a required key has no default
    assert Knowledge(width=0.5).labels == ()


def test_a_key_described_twice_is_refused():
    @dataclasses.dataclass(frozen=True)
    class Twice:
        one: float = known("matching.yaml", "names.fuzzy_threshold", schema.PERCENTAGE, float, 88.0, "one")
        two: float = known("matching.yaml", "names.fuzzy_threshold", schema.PERCENTAGE, float, 88.0, "two")

    with pytest.raises(ValueError, match="described twice"):
        schemas(Twice)
