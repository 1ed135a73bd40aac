"""Issue 14, case 2 and part of 13: hostile YAML in rule, knowledge, suite and front matter files.

Every YAML file goes through ``factlint.safe_yaml``: alias and merge-key bombs are refused before
anything is built (fast, in little memory), keys given twice are named by line and column (front
matter keeps the last value, with a warning), a rule code defined twice in one folder is refused,
and a date field that is a number (TOML ``published = 2024``) is reported as FL908.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import resource
import time
import tracemalloc

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from factlint.cli import main
from factlint.ingest.frontmatter import split_front_matter
from factlint.ingest.reader import read_source
from factlint.knowledge import load_knowledge
from factlint.knowledge_schema import KnowledgeFileError
from factlint.located import RuleFileError
from factlint.rules.catalogue import load_catalogue, read_rule
from factlint.safe_yaml import YAMLLoadError, load

from ..rules.test_catalogue import GOOD

RULE = GOOD  # a sound rule file, as the catalogue tests have it


def alias_bomb(levels: int = 10, indent: str = "") -> str:
    """The billion laughs: ``levels`` lists of ten aliases of the list before (10**levels values)."""
    lines = [f"{indent}l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"{indent}l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 10)}]" for i in range(1, levels)]
    return "\n".join(lines) + "\n"


def merge_bomb(levels: int = 60, indent: str = "") -> str:
    """Merge keys doubling at each level: PyYAML flattens them while building (2**levels pairs)."""
    lines = [f"{indent}m0: &m0 {{k0: 1, k1: 1}}"]
    lines += [f"{indent}m{i}: &m{i} {{<<: [*m{i - 1}, *m{i - 1}]}}" for i in range(1, levels)]
    return "\n".join(lines) + "\n"


BOMBS = {"aliases": alias_bomb, "merge keys": merge_bomb}
# Within front matter's 100 aliases (90 and 78), so that its bound on the expansion refuses them.
FRONT_MATTER_BOMBS = {"aliases": lambda: alias_bomb(10), "merge keys": lambda: merge_bomb(40)}


@contextlib.contextmanager
def address_space(extra: int = 1 << 30):
    """At most ``extra`` more bytes of address space: a regression raises MemoryError, not swaps."""
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    with open("/proc/self/statm", encoding="ascii") as statm:
        size = int(statm.read().split()[0]) * resource.getpagesize()
    limit = size + extra if hard == resource.RLIM_INFINITY else min(size + extra, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def bounded(call):
    """Run ``call``; fail unless it ends within 5 s having allocated under 50 MB at its peak."""
    tracemalloc.start()
    start = time.perf_counter()
    try:
        with address_space():
            return call()
    finally:
        elapsed = time.perf_counter() - start
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        assert elapsed < 5 and peak < 50e6, (elapsed, peak)


# --- the loader ----------------------------------------------------------------------------------


@pytest.mark.parametrize("bomb", BOMBS.values(), ids=BOMBS.keys())
def test_the_loader_refuses_a_bomb_before_building_it(bomb):
    with pytest.raises(YAMLLoadError, match=r"expands to more than 1,000,000 values") as raised:
        bounded(lambda: load(bomb()))
    assert raised.value.line > 1


def test_an_alias_inside_what_it_names_is_refused():
    for text in ("&a [*a]", "a: &a {b: *a}"):
        with pytest.raises(YAMLLoadError, match="refers to a value that contains it"):
            load(text)


def test_aliases_within_bounds_load_as_shared_values():
    assert load("a: &x [1, 2]\nb: *x\nc: {<<: {k: 1}, k: 2}\n").value == {
        "a": [1, 2],
        "b": [1, 2],
        "c": {"k": 2},
    }


@pytest.mark.parametrize(
    ("text", "where", "key", "first"),
    [
        ("a: 1\nb: 2\na: 3\n", "3:1", "a", 1),
        ("top:\n  x: 1\n  y: [1, {z: 1, z: 2}]\n", "3:17", "z", 3),
        ("1: one\n1.0: again\n", "2:1", "1.0", 1),
    ],
)
def test_a_key_given_twice_is_refused_at_its_second_place(text, where, key, first):
    with pytest.raises(YAMLLoadError) as raised:
        load(text)
    assert str(raised.value) == f"{where}: duplicate key {key!r} (first at line {first})"


def test_a_merged_key_may_be_overridden_and_duplicates_can_be_kept_last_wins():
    assert load("base: &b {x: 1}\nm: {<<: *b, x: 2}\n").value["m"] == {"x": 2}
    document = load("a: 1\na: 2\n", allow_duplicates=True)
    assert document.value == {"a": 2} and [d.message for d in document.duplicates] == [
        "duplicate key 'a' (first at line 1)"
    ]


def test_only_safe_constructors_and_dates_as_written_on_request():
    with pytest.raises(YAMLLoadError, match="could not determine a constructor"):
        load("x: !!python/object/apply:os.system ['echo hacked']\n")
    assert load("d: 2024-05-01").value == {"d": dt.date(2024, 5, 1)}
    assert load("d: 2024-05-01", timestamps=False).value == {"d": "2024-05-01"}


@pytest.mark.parametrize(
    "text",
    [
        "x: !!int ",
        "x: !!timestamp 2024-13-45",
        "n: " + "1" * 5000,
        "x: !!float abc",
        "? [a]\n: 1\n",
        "[" * 1200,
    ],
)
def test_what_makes_a_constructor_raise_is_the_one_error(tmp_path, text):
    with pytest.raises(YAMLLoadError, match="not valid YAML"):
        load(text)
    (tmp_path / "FL990.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(RuleFileError, match=r"FL990\.yaml:\d+:\d+: not valid YAML"):
        read_rule(tmp_path / "FL990.yaml")


@given(st.text(max_size=300))
def test_the_loader_returns_a_value_or_raises_its_one_error(text):
    try:
        load(text)
    except YAMLLoadError as exc:
        assert exc.line >= 1 and exc.column >= 1


yaml_keys = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=12)
yaml_scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | yaml_keys
yaml_values = st.recursive(
    yaml_scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(yaml_keys, inner, max_size=4),
    max_leaves=20,
)


@given(st.dictionaries(yaml_keys, yaml_values, max_size=6))
def test_a_mapping_dumped_by_safe_dump_loads_back_equal(mapping):
    assert load(yaml.safe_dump(mapping, allow_unicode=True)).value == mapping


# --- rule, knowledge and suite files ----------------------------------------------------------------


@pytest.mark.parametrize("bomb", BOMBS.values(), ids=BOMBS.keys())
def test_a_bomb_in_a_rule_file_is_a_rule_file_error_naming_the_place(tmp_path, bomb):
    path = tmp_path / "FL990.yaml"
    path.write_text(RULE + "params:\n" + bomb(indent="  "), encoding="utf-8")
    with pytest.raises(RuleFileError, match=r"expands to more than") as raised:
        bounded(lambda: load_catalogue([tmp_path]))
    assert str(raised.value).startswith(f"{path}:")


@pytest.mark.parametrize("bomb", BOMBS.values(), ids=BOMBS.keys())
def test_a_bomb_in_a_knowledge_file_is_a_knowledge_file_error_naming_the_place(tmp_path, bomb):
    path = tmp_path / "units.yaml"
    path.write_text("irregular_plurals:\n" + bomb(indent="  "), encoding="utf-8")
    with pytest.raises(KnowledgeFileError, match=r"expands to more than") as raised:
        bounded(lambda: load_knowledge([tmp_path]))
    assert str(raised.value).startswith(f"{path}:")


def test_a_key_given_twice_in_a_rule_file_names_both_lines(tmp_path):
    path = tmp_path / "FL990.yaml"
    path.write_text(RULE.replace("why: Because.\n", "why: Because.\nseverity: error\n"), encoding="utf-8")
    with pytest.raises(RuleFileError) as raised:
        read_rule(path)
    assert str(raised.value).splitlines() == [
        f"{path}:8:1: duplicate key 'severity' (first at line 4)",
        "    severity: error",
    ]


def test_a_key_given_twice_in_a_knowledge_file_names_both_lines(tmp_path):
    path = tmp_path / "language.yaml"
    path.write_text(
        "abbreviations: [etc]\nfunction_words: [the]\nabbreviations: [approx]\n", encoding="utf-8"
    )
    with pytest.raises(KnowledgeFileError) as raised:
        load_knowledge([tmp_path])
    assert str(raised.value).startswith(f"{path}:3:1: duplicate key 'abbreviations' (first at line 1)")


def test_one_code_in_two_rule_files_of_one_folder_is_refused_naming_both(tmp_path):
    (tmp_path / "FL990.yaml").write_text(RULE, encoding="utf-8")
    (tmp_path / "mine.yaml").write_text(RULE.replace("test.unlisted", "test.other"), encoding="utf-8")
    with pytest.raises(RuleFileError) as raised:
        load_catalogue([tmp_path])
    assert str(raised.value).splitlines()[0] == (
        f"{tmp_path / 'mine.yaml'}:1:1: rule code FL990 is also defined in {tmp_path / 'FL990.yaml'}:1:1; "
        "one folder defines a code once"
    )


def test_a_later_folder_still_replaces_a_bundled_rule_by_code(tmp_path):
    (tmp_path / "FL401.yaml").write_text(RULE.replace("FL990", "FL401"), encoding="utf-8")
    assert load_catalogue([tmp_path])["FL401"].path == str(tmp_path / "FL401.yaml")


# --- the command line ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("command", "where", "text"),
    [
        (("rules", "--rules", "{rules}"), "checks/FL990.yaml", RULE + "params:\n" + alias_bomb(indent="  ")),
        (("report", "{article}", "--rules", "{rules}", "-o", "{out}"), "units.yaml", merge_bomb()),
        (("validate", "{article}", "--rules", "{rules}"), "expectations/bomb.yaml", alias_bomb()),
    ],
    ids=["rules", "report", "validate"],
)
def test_the_command_line_refuses_a_bomb_with_exit_2_and_its_place(tmp_path, command, where, text):
    rules = tmp_path / "rules"
    (rules / where).parent.mkdir(parents=True)
    (rules / where).write_text(text, encoding="utf-8")
    (tmp_path / "a.txt").write_text("Acme raised $5 million on Monday.\n", encoding="utf-8")
    names = {"rules": rules, "article": tmp_path / "a.txt", "out": tmp_path / "r.html"}
    with address_space():
        result = CliRunner().invoke(main, [part.format(**names) for part in command])
    assert result.exit_code == 2, result.output
    message, excerpt = result.stderr.splitlines()
    assert message.startswith(f"factlint: {rules / where}:") and "expands to more than" in message
    assert excerpt.startswith("    ") and not (tmp_path / "r.html").exists()


# --- front matter -----------------------------------------------------------------------------------


@pytest.mark.parametrize("bomb", FRONT_MATTER_BOMBS.values(), ids=FRONT_MATTER_BOMBS.keys())
def test_a_bomb_in_front_matter_is_an_fl904_and_the_body_is_kept(tmp_path, bomb):
    path = tmp_path / "a.md"
    path.write_text(f"---\ntitle: T\n{bomb()}---\nThe body survives.\n", encoding="utf-8")
    source = bounded(lambda: read_source(path))
    assert [found.code for found in source.problems] == ["FL904"]
    assert "expands to more than 20" in source.problems[0].message  # 20000 before, 20,000 now
    assert source.text == "The body survives." and source.meta == {}


def test_front_matter_with_too_many_aliases_is_refused():
    aliases = "".join(f"k{i}: *a\n" for i in range(101))
    front = split_front_matter(f"---\na: &a x\n{aliases}---\nBody\n")
    assert front.meta == {} and "more than 100" in (front.error or "") and "aliases" in front.error


def test_a_key_given_twice_in_front_matter_is_an_fl904_keeping_the_last_value(tmp_path):
    path = tmp_path / "a.md"
    path.write_text(
        "---\n\ntitle: First\ndate: 2024-05-01\ntitle: Second\n---\nThe body.\n", encoding="utf-8"
    )
    source = read_source(path)
    assert [(found.code, found.message) for found in source.problems] == [
        (
            "FL904",
            "front matter line 5, column 1: duplicate key 'title' (first at line 3); the last value is kept",
        )
    ]
    assert source.title == "Second" and source.published == dt.date(2024, 5, 1)


# --- case 13: a TOML integer date -----------------------------------------------------------------


@pytest.mark.parametrize(
    "front", ["+++\npublished = 2024\n+++\n", "---\npublished: 2024\n---\n", "---\ndate: true\n---\n"]
)
def test_a_date_field_that_is_a_number_is_fl908(tmp_path, front):
    path = tmp_path / "a.md"
    path.write_text(front + "Acme raised $5 million.\n", encoding="utf-8")
    source = read_source(path)
    assert [found.code for found in source.problems] == ["FL908"] and source.published is None
    assert "is not a date" in source.problems[0].message


def test_an_empty_date_field_is_no_problem(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("---\npublished:\n---\nAcme raised $5 million.\n", encoding="utf-8")
    assert read_source(path).problems == ()
