"""Issue 14, cases 3, 4, 5 and 12: hostile file trees, walked once for the command line and pytest.

Link loops of folders and of files, a dangling link, a named pipe, a folder that cannot be read
and a name that is not UTF-8: each is a one-line FL901 finding naming it (or an article read
once), in ``factlint`` and in ``pytest --factlint`` alike, and nothing crashes or hangs.
"""

from __future__ import annotations

import errno
import json
import os
import stat
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

import numpy  # noqa: F401  (loaded once here: pytester's in-process runs cannot load it again)
import pandas  # noqa: F401
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from factlint.cli import ExitCode, main
from factlint.ingest.names import real, shown
from factlint.ingest.reader import read_bytes, read_source
from factlint.ingest.suppressions import suppressions_of
from factlint.ingest.walker import SUFFIXES, list_files, walk
from factlint.model import Finding, Source

pytest_plugins = ["pytester"]

ARTICLE = "Amazon paid $4 billion for a stake in Anthropic, the company said on Tuesday.\n"
NOT_UTF8 = b"caf\xe9.md"


def run(*args: object) -> object:
    return CliRunner().invoke(main, [os.fspath(arg) for arg in args], catch_exceptions=False)


def make(root: Path, files: tuple[str, ...] = (), links: dict[str, str] | None = None) -> Path:
    """A tree under ``root``: article files, then links (name -> target, as written in the link)."""
    root.mkdir(parents=True, exist_ok=True)
    for name in files:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(ARTICLE, encoding="utf-8")
    for name, target in (links or {}).items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        os.symlink(target, root / name)
    return root


@pytest.fixture
def lock(monkeypatch: pytest.MonkeyPatch) -> Callable[[Path], None]:
    """Make a folder unlistable: chmod 000, and for root (who lists it anyway) a refusing scandir."""
    locked: list[Path] = []
    scandir = os.scandir

    def refusing(path: object = ".") -> object:
        if any(os.path.abspath(os.fspath(path)) == str(folder) for folder in locked):  # type: ignore[arg-type]
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))  # type: ignore[arg-type]
        return scandir(path)  # type: ignore[arg-type]

    def _lock(folder: Path) -> None:
        folder.chmod(0)
        if os.access(folder, os.R_OK):  # root in CI: permissions do not stop it
            locked.append(Path(os.path.abspath(folder)))
            monkeypatch.setattr(os, "scandir", refusing)

    yield _lock
    for folder in locked:
        folder.chmod(0o755)


@pytest.fixture
def latin1_name(tmp_path: Path) -> Path:
    """A folder ``d\\xe9`` holding ``caf\\xe9.md`` and ``plain.md``: names that are not UTF-8."""
    folder = os.path.join(os.fsencode(tmp_path), b"d\xe9")
    try:
        os.mkdir(folder)
        with open(os.path.join(folder, NOT_UTF8), "w", encoding="utf-8") as handle:
            handle.write(ARTICLE)
    except (OSError, UnicodeError):
        pytest.skip("this file system refuses names that are not UTF-8")
    make(Path(os.fsdecode(folder)), ("plain.md",))
    return Path(os.fsdecode(folder))


# Case 4: a file symlink loop


def test_a_file_link_loop_is_a_finding_and_the_run_goes_on(tmp_path: Path) -> None:
    folder = make(tmp_path / "L", ("good.md",), {"a": "b", "b": "a", "c.md": "c.md"})
    result = run("sources", folder, "--format", "json")
    assert result.exit_code == ExitCode.OK
    rows = {row["id"]: row["readable"] for row in json.loads(result.stdout)}
    assert rows == {"good.md": True, "a": False, "b": False, "c.md": False}
    for name in ("a", "b", "c.md"):
        assert f"L/{name}: FL901 error a symbolic link loop; skipped" in result.stderr


# Case 12: entries dropped silently


def test_a_fifo_and_an_unreadable_folder_are_reported(tmp_path: Path, lock: Callable[[Path], None]) -> None:
    folder = make(tmp_path / "S", ("good.md", "locked/hidden.md"))
    os.mkfifo(folder / "pipe.md")  # opened, it would block until a writer came
    os.mkfifo(folder / "pipe.json")  # not an article by its name: passed over like notes.json
    lock(folder / "locked")
    result = run("sources", folder, "--format", "json")
    assert result.exit_code == ExitCode.OK
    assert [row["id"] for row in json.loads(result.stdout) if row["readable"]] == ["good.md"]
    lines = result.stderr.splitlines()
    assert (
        f"{folder.as_posix()}/locked: FL901 error folder cannot be read: Permission denied; "
        "the files in it were skipped [input.unreadable]"
    ) in lines
    assert f"{folder.as_posix()}/pipe.md: FL901 error a named pipe (FIFO), not an article file; skipped" in (
        result.stderr
    )
    assert "pipe.json" not in result.stderr


def test_a_dangling_link_says_where_it_points(tmp_path: Path) -> None:
    folder = make(tmp_path / "D", ("good.md",), {"gone.md": "nowhere.md", "gone-folder": "missing"})
    files, rejected = list_files([folder])
    assert [source_id for _, source_id in files] == ["good.md"]
    assert [(Path(found.path).name, found.message) for found in rejected] == [
        ("gone-folder", "a broken symbolic link (to missing); skipped"),
        ("gone.md", "a broken symbolic link (to nowhere.md); skipped"),
    ]


def test_a_fifo_swapped_in_after_the_walk_is_never_waited_on(tmp_path: Path, monkeypatch) -> None:
    fifo = tmp_path / "late.md"
    os.mkfifo(fifo)
    regular = os.stat(__file__)
    real_stat = os.stat
    # The walk saw a regular file; by the time it is read, a named pipe stands in its place.
    monkeypatch.setattr(
        os, "stat", lambda path, *a, **k: regular if Path(path) == fifo else real_stat(path, *a, **k)
    )
    outcome: list[bytes | Finding] = []
    reader = threading.Thread(target=lambda: outcome.append(read_bytes(fifo, "late.md")), daemon=True)
    reader.start()
    reader.join(timeout=5)
    if reader.is_alive():  # blocked in open(): free it before failing
        with open(fifo, "wb"):
            pass
        reader.join()
    assert isinstance(outcome[0], Finding) and outcome[0].message == "not a regular file, not an article file"


# Case 5: a file name that is not UTF-8


def test_a_name_that_is_not_utf8_is_read_and_shown_escaped(latin1_name: Path, tmp_path: Path) -> None:
    folder, out = latin1_name, tmp_path / "out"
    article = Path(os.fsdecode(os.path.join(os.fsencode(folder), NOT_UTF8)))
    result = run("report", folder, "-o", out / "r.html", "--json", out / "r.json")
    assert result.exit_code == ExitCode.OK, result.output
    report = json.loads((out / "r.json").read_text(encoding="utf-8"))
    assert report["inputs"] == [shown(folder.as_posix())] and report["inputs"][0].endswith("/d\\xe9")
    assert [source["id"] for source in report["sources"]] == ["caf\\xe9.md", "plain.md"]
    assert "caf\\xe9.md" in (out / "r.html").read_text(encoding="utf-8")
    table = run("sources", folder)
    assert table.exit_code == ExitCode.OK and "caf\\xe9.md" in table.stdout
    claims = run("claims", folder, "--format", "csv")
    assert claims.exit_code == ExitCode.OK
    assert any(
        line.startswith("caf\\xe9.md,") and "4000000000" in line for line in claims.stdout.splitlines()
    )
    for output_format in ("text", "json", "github", "sarif", "junit"):
        checked = run("check", article, "--against", folder, "--format", output_format)
        assert checked.exit_code == ExitCode.OK, checked.output
        assert f"{shown(article.as_posix())}: " in checked.stderr
        assert "\udce9" not in checked.stdout + checked.stderr


def test_an_escaped_name_still_reaches_its_file_for_inline_suppressions(latin1_name: Path) -> None:
    article = os.path.join(os.fsencode(latin1_name), NOT_UTF8)
    with open(article, "w", encoding="utf-8") as handle:
        handle.write("<!-- factlint: ignore FL201 -->\n" + ARTICLE)
    source = read_source(os.fsdecode(article))
    assert isinstance(source, Source) and source.path.endswith("/d\\xe9/caf\\xe9.md")
    assert [(found.line, found.selectors) for found in suppressions_of(source)] == [(1, ("FL201",))]
    assert real(source.path) == os.fsdecode(article)


def test_shown_names_escape_what_is_not_text() -> None:
    assert shown("caf\udce9.md") == "caf\\xe9.md"
    assert shown("line\nbreak\x1b[31m.md") == "line\\x0abreak\\x1b[31m.md"
    assert shown("ordinary café – story.md") == "ordinary café – story.md"
    assert shown(shown("caf\udce9.md")) == "caf\\xe9.md"


# pytest --factlint: the same walk, each entry one test


@pytest.mark.parametrize("link", [("selfdir", "."), ("sub/up", "..")])
def test_pytest_collects_each_article_once_through_folder_links(
    pytester: pytest.Pytester, link: tuple[str, str]
) -> None:
    folder = make(pytester.path / "s", ("a.md", "sub/b.md"), dict([link]))
    assert [source_id for _, source_id in list_files([folder])[0]] == ["a.md", "sub/b.md"]
    result = pytester.runpytest("--factlint", "s", "--collect-only", "-q")
    assert result.ret == pytest.ExitCode.OK
    assert [line for line in result.outlines if "::" in line] == ["s/a.md::factlint", "s/sub/b.md::factlint"]


def test_pytest_collects_an_article_given_twice_once(pytester: pytest.Pytester) -> None:
    make(pytester.path / "s", ("a.md", "sub/b.md"))
    make(pytester.path, (), {"link.md": "s/a.md", "same": "s"})
    given = ("link.md", "s", "s/sub", "same", "s/sub/b.md")
    result = pytester.runpytest(*(f"--factlint={path}" for path in given), "--collect-only", "-q")
    assert result.ret == pytest.ExitCode.OK
    assert [line for line in result.outlines if "::" in line] == ["link.md::factlint", "s/sub/b.md::factlint"]


def test_pytest_fails_each_entry_the_command_line_reports(
    pytester: pytest.Pytester, lock: Callable[[Path], None]
) -> None:
    folder = make(
        pytester.path / "s", ("good.md", "locked/x.md"), {"dangling.md": "nowhere.md", "a": "b", "b": "a"}
    )
    os.mkfifo(folder / "pipe.md")
    lock(folder / "locked")
    result = pytester.runpytest("--factlint", "s")
    result.assert_outcomes(passed=1, failed=5)
    result.stdout.fnmatch_lines_random(
        [
            "s/a: FL901 error a symbolic link loop; skipped *",
            "s/b: FL901 error a symbolic link loop; skipped *",
            "s/dangling.md: FL901 error a broken symbolic link (to nowhere.md); skipped *",
            "s/locked: FL901 error folder cannot be read: Permission denied; the files in it were skipped *",
            "s/pipe.md: FL901 error a named pipe (FIFO), not an article file; skipped *",
            "factlint: 6 articles checked, *, 5 failing at error",
        ]
    )


def test_pytest_names_a_file_that_is_not_utf8_with_escapes(pytester: pytest.Pytester) -> None:
    folder = make(pytester.path / "s", ("plain.md",))
    try:
        (folder / os.fsdecode(NOT_UTF8)).write_text(ARTICLE, encoding="utf-8")
    except (OSError, UnicodeError):
        pytest.skip("this file system refuses names that are not UTF-8")
    result = pytester.runpytest("--factlint", "s", "-v")
    assert result.ret == pytest.ExitCode.OK
    result.stdout.fnmatch_lines(["s/caf\\xe9.md::factlint PASSED*", "s/plain.md::factlint PASSED*"])


def test_a_path_given_to_pytest_that_cannot_be_read_is_a_usage_error(pytester: pytest.Pytester) -> None:
    make(pytester.path / "s", ("good.md",), {"loop.md": "loop.md"})
    result = pytester.runpytest("--factlint", "s", "--factlint", "s/loop.md", "--factlint", "missing")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(
        ["ERROR: factlint: s/loop.md: a symbolic link loop; skipped; missing: does not exist"]
    )


# Any tree of files, folders and links: the walk ends, and lists each real article once

NAMES = ("a", "b", "c.md", "d.txt", "e.html", "f.md")
STEPS = st.lists(
    st.tuples(
        st.sampled_from(("folder", "file", "link")),
        st.integers(0, 50),
        st.sampled_from(NAMES),
        st.integers(0, 50),
    ),
    max_size=30,
)


def grow(root: Path, steps: list[tuple[str, int, str, int]]) -> list[Path]:
    """Folders, article files and links (to anything made, to an ancestor, to itself, to nothing)."""
    folders, made = [root], [root]
    for kind, where, name, target in steps:
        parent = folders[where % len(folders)]
        path = parent / name
        if os.path.lexists(path):
            continue
        if kind == "folder":
            path.mkdir()
            folders.append(path)
        elif kind == "file":
            path.write_text(ARTICLE, encoding="utf-8")
        else:
            targets = [*made, *(parent / other for other in NAMES)]  # a name not made yet may come
            os.symlink(os.path.relpath(targets[target % len(targets)], parent), path)
        made.append(path)
    return made


@settings(max_examples=60, deadline=None)
@given(steps=STEPS)
def test_any_tree_of_links_is_walked_once_without_a_crash(steps: list[tuple[str, int, str, int]]) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch) / "tree"
        root.mkdir()
        made = grow(root, steps)
        entries = walk([root])
        assert len(entries) <= len(made)
        read = [os.stat(entry.path) for entry in entries if entry.problem is None]
        assert all(stat.S_ISREG(status.st_mode) for status in read)
        identities = [(status.st_dev, status.st_ino) for status in read]
        assert len(identities) == len(set(identities))
        articles = {
            (status.st_dev, status.st_ino)
            for path in made
            if not path.is_symlink() and path.suffix in SUFFIXES
            for status in [os.stat(path)]
            if stat.S_ISREG(status.st_mode)
        }
        assert articles <= set(identities)
        ids = [entry.source_id for entry in entries if entry.source_id is not None]
        assert len(ids) == len(set(ids))
        assert all(entry.problem.code == "FL901" for entry in entries if entry.problem is not None)
