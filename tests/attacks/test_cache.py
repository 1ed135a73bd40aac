"""Attacks on the cache (issue 14, cases 1, 8, 9 and 13): it never runs code, never trusts what
it did not write, and never stands between a user and the report."""

from __future__ import annotations

import errno
import functools
import json
import os
import pickle
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from factlint.cache import Cache, check_folder, clear, fingerprint, signing_key
from factlint.cli import main
from factlint.knowledge import default_knowledge
from factlint.temporary import TEMPORARY

STORY = {
    "a.md": "---\ntitle: One\ndate: 2024-11-22\n---\nAmazon has invested $8 billion in Anthropic, it said.\n",
    "b.md": "---\ntitle: Two\ndate: 2024-11-23\n---\nAmazon has invested $4 billion in Anthropic so far.\n",
}


@pytest.fixture
def story(tmp_path: Path) -> Path:
    folder = tmp_path / "stories"
    folder.mkdir()
    for name, text in STORY.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def factlint(
    cwd: Path, *arguments: str, monkeypatch: pytest.MonkeyPatch, config: Path | None = None
) -> Result:
    """factlint run as a user would in ``cwd``, with its default cache there and a user's key."""
    monkeypatch.chdir(cwd)
    monkeypatch.delenv("FACTLINT_CACHE_DIR", raising=False)
    if config is not None:
        monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    signing_key.cache_clear()
    try:
        return CliRunner().invoke(main, list(arguments))
    finally:
        signing_key.cache_clear()


class Payload:
    """Unpickling this runs a shell command: what a planted pickle would do."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return os.system, (f"touch {self.marker}",)


def test_a_cache_full_of_pickled_payloads_runs_nothing(
    story: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    run = functools.partial(factlint, work, monkeypatch=monkeypatch)
    assert run("report", str(story), "-o", "clean.html", "--json", "clean.json", "--no-cache").exit_code == 0
    assert run("report", str(story), "-o", "r.html", "--json", "r.json").exit_code == 0
    stored = [path for path in (work / ".factlint-cache").rglob("*") if path.is_file()]
    assert len(stored) >= 5  # two files' entries, and the run's summary, HTML and JSON
    marker = tmp_path / "pwned"
    payload = pickle.dumps(Payload(marker))
    for path in stored:  # every file factlint reads from its cache, and the old layout's names
        path.write_bytes(payload)
        path.with_suffix(".pickle").write_bytes(payload)
    for command in (
        ["report", str(story), "-o", "r.html", "--json", "r.json"],
        ["check", str(story / "a.md"), "--against", str(story)],
        ["claims", str(story), "--jobs", "2"],
    ):
        result = run(*command)
        assert result.exit_code in (0, 1), result.output
        assert not marker.exists(), command
    assert (work / "r.json").read_text() == (work / "clean.json").read_text()
    pickle.loads(payload)  # the payload is live: the test would see it run
    assert marker.exists()


def test_entries_signed_with_another_users_key_are_never_believed(
    story: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    run = functools.partial(factlint, work, monkeypatch=monkeypatch)
    assert run("claims", str(story), "--format", "json", config=tmp_path / "their-config").exit_code == 0
    # They forge each entry: a well-formed one that says the article has no claims at all.
    for entry in (work / ".factlint-cache").rglob("*.json"):
        mac, _, data = entry.read_bytes().partition(b"\n")
        document = json.loads(data)
        document["value"]["claims"] = []
        entry.write_bytes(mac + b"\n" + json.dumps(document).encode())
    ours = tmp_path / "our-config"
    fresh = run("claims", str(story), "--format", "json", "--no-cache", config=ours)
    shipped = run("claims", str(story), "--format", "json", config=ours)
    assert shipped.exit_code == 0 and json.loads(shipped.stdout) == json.loads(fresh.stdout)
    assert len(json.loads(fresh.stdout)) >= 2
    key = ours / "factlint" / "cache-key"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert stat.S_IMODE(key.parent.stat().st_mode) == 0o700


def test_folders_and_entries_are_private_whatever_the_umask(story: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    old = os.umask(0)
    try:
        result = CliRunner().invoke(main, ["claims", str(story), "--cache-dir", str(folder)])
    finally:
        os.umask(old)
    assert result.exit_code == 0, result.output
    paths = [folder, *folder.rglob("*")]
    assert len(paths) >= 4
    for path in paths:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o700 if path.is_dir() else 0o600), (path, oct(mode))


def test_a_folder_others_may_write_or_own_is_not_used_and_said_once(story: Path, tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    folder.chmod(0o777)
    result = CliRunner().invoke(main, ["claims", str(story), "--cache-dir", str(folder)])
    assert result.exit_code == 0
    assert result.stderr.count("others may write to it") == 1
    assert list(folder.iterdir()) == []
    if os.geteuid() == 0:  # only root can give a folder away
        folder.chmod(0o700)
        os.chown(folder, 4321, -1)
        assert "belongs to another user" in (check_folder(folder) or "")
        again = CliRunner().invoke(main, ["claims", str(story), "--cache-dir", str(folder)])
        assert again.exit_code == 0 and again.stderr.count("belongs to another user") == 1
        assert list(folder.iterdir()) == []


def test_an_entry_that_is_not_the_users_own_file_is_a_miss(tmp_path: Path) -> None:
    cache = Cache(tmp_path / "cache", fingerprint(default_knowledge().files))
    key = cache.key(b"text", "a.md", "a.md", 100)
    assert cache.put(key, {"x": 1}) is None and cache.get(key) == {"x": 1}
    entry = next((tmp_path / "cache").rglob("*.json"))
    entry.chmod(0o666)
    assert cache.get(key) is None
    entry.chmod(0o600)
    link = entry.with_name("elsewhere.json")
    entry.rename(link)
    entry.symlink_to(link)
    assert cache.get(key) is None


def refuse_in(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make every file made inside ``folder`` fail as on a full disk."""
    made = tempfile.mkstemp
    opened = open

    def mkstemp(*args: object, dir: object = None, **kwargs: object) -> tuple[int, str]:
        if dir is not None and Path(str(dir)).resolve().is_relative_to(folder.resolve()):
            raise OSError(errno.ENOSPC, "No space left on device")
        return made(*args, dir=dir, **kwargs)  # type: ignore[arg-type]

    def full_open(file: object, mode: str = "r", *args: object, **kwargs: object) -> object:
        inside = isinstance(file, (str, Path)) and Path(file).resolve().is_relative_to(folder.resolve())
        if inside and ("w" in mode or "a" in mode):
            raise OSError(errno.ENOSPC, "No space left on device")
        return opened(file, mode, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
    monkeypatch.setattr("builtins.open", full_open)


def test_a_full_cache_file_system_still_gives_the_report_with_one_warning(
    story: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "cache"
    out = tmp_path / "out"
    expected = CliRunner().invoke(
        main, ["report", str(story), "-o", str(out / "a.html"), "--json", str(out / "a.json"), "--no-cache"]
    )
    assert expected.exit_code == 0
    folder.mkdir(mode=0o700)
    refuse_in(folder, monkeypatch)
    for _ in range(2):  # and again: a full cache never blocks a rerun
        result = CliRunner().invoke(
            main,
            [
                "report",
                str(story),
                "-o",
                str(out / "b.html"),
                "--json",
                str(out / "b.json"),
                "--cache-dir",
                str(folder),
            ],
        )
        assert result.exit_code == 0, result.output
        assert (out / "b.json").read_bytes() == (out / "a.json").read_bytes()
        assert (out / "b.html").read_bytes() == (out / "a.html").read_bytes()
        warnings = [line for line in result.stderr.splitlines() if "warning" in line and "No space" in line]
        assert len(warnings) == 2, result.stderr  # one for the files' entries, one for the run


def test_a_damaged_stored_report_is_never_handed_out(story: Path, tmp_path: Path) -> None:
    folder, out = tmp_path / "cache", tmp_path / "out"
    arguments = ["report", str(story), "-o", str(out / "r.html"), "--json", str(out / "r.json")]
    first = CliRunner().invoke(main, [*arguments, "--cache-dir", str(folder)])
    assert first.exit_code == 0
    good = (out / "r.html").read_bytes()
    (stored,) = (folder / "runs").glob("*/html")
    stored.write_bytes(good[: len(good) // 2])  # truncated, as by a full disk or a crash
    second = CliRunner().invoke(main, [*arguments, "--cache-dir", str(folder)])
    assert second.exit_code == 0
    assert "bytes are not those that were stored" in second.stderr
    assert (out / "r.html").read_bytes() == good
    third = CliRunner().invoke(main, [*arguments, "--cache-dir", str(folder)])
    assert third.exit_code == 0 and "warning" not in third.stderr
    assert (out / "r.html").read_bytes() == good


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_what_a_killed_run_left_half_written_is_cleaned_by_the_next(story: Path, tmp_path: Path) -> None:
    folder, out = tmp_path / "cache", tmp_path / "out"
    arguments = ["report", str(story), "-o", str(out / "r.html"), "--cache-dir", str(folder)]
    assert CliRunner().invoke(main, arguments).exit_code == 0
    gone, alive = dead_pid(), os.getpid()
    entries = next(path for path in folder.iterdir() if len(path.name) == 2)
    left = [
        entries / f"{TEMPORARY}{gone}-x1y2.json",
        folder / "runs" / f"{TEMPORARY}{gone}-abcd",
        out / f".r.html.{gone}-q9w8.tmp",
    ]
    kept = [entries / f"{TEMPORARY}{alive}-x1y2.json", out / f".r.html.{alive}-q9w8.tmp"]
    left[1].mkdir()
    (left[1] / "html").write_text("half")
    for path in [left[0], left[2], *kept]:
        path.write_text("half")
    (story / "c.md").write_text("A third source.\n", encoding="utf-8")  # a new run, not a copy
    assert CliRunner().invoke(main, arguments).exit_code == 0
    assert [path for path in left if path.exists()] == []
    assert all(path.exists() for path in kept)


@pytest.mark.parametrize(("mask", "mode"), [(0o077, 0o600), (0o022, 0o644), (0o002, 0o664)])
def test_reports_follow_the_umask(story: Path, tmp_path: Path, mask: int, mode: int) -> None:
    out = tmp_path / "out"
    old = os.umask(mask)
    try:
        result = CliRunner().invoke(
            main,
            ["report", str(story), "-o", str(out / "r.html"), "--json", str(out / "r.json"), "--no-cache"],
        )
    finally:
        os.umask(old)
    assert result.exit_code == 0
    assert {stat.S_IMODE((out / name).stat().st_mode) for name in ("r.html", "r.json")} == {mode}


def test_two_outputs_at_one_path_are_refused(story: Path, tmp_path: Path) -> None:
    target = tmp_path / "x"
    result = CliRunner().invoke(main, ["report", str(story), "-o", str(target), "--json", str(target)])
    assert result.exit_code == 2 and "both be written to" in result.stderr
    assert not target.exists()


def test_clearing_a_linked_cache_keeps_the_link_and_empties_its_folder(story: Path, tmp_path: Path) -> None:
    real = tmp_path / "real-cache"
    link = tmp_path / "cache"
    assert CliRunner().invoke(main, ["claims", str(story), "--cache-dir", str(real)]).exit_code == 0
    link.symlink_to(real)
    result = CliRunner().invoke(main, ["cache", "clear", "--cache-dir", str(link)])
    assert result.exit_code == 0, result.output
    assert "removed 2 cached file(s)" in result.stderr
    assert link.is_symlink() and list(real.iterdir()) == []
    assert clear(link) == 0


def test_a_pipe_where_a_file_was_is_never_waited_on(tmp_path: Path) -> None:
    from factlint.generated import is_generated
    from factlint.runcache import _file_digest

    pipe = tmp_path / "a.md"
    os.mkfifo(pipe)  # nobody writes to it: opening it plainly would wait for ever
    assert _file_digest(pipe, 1000) == b"not a regular file"
    assert is_generated(pipe) is False


def test_an_entry_over_the_size_limit_is_a_miss(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import factlint.cache

    cache = Cache(tmp_path / "cache", fingerprint(default_knowledge().files))
    key = cache.key(b"text", "a.md", "a.md", 100)
    assert cache.put(key, {"x": 1}) is None and cache.get(key) == {"x": 1}
    monkeypatch.setattr(factlint.cache, "MAX_ENTRY_BYTES", 64)
    entry = next((tmp_path / "cache").rglob("*.json"))
    assert entry.stat().st_size > 64 and cache.get(key) is None
