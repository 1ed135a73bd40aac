"""Bad input never stops a run: each problem is one FL9xx finding naming the file."""

from __future__ import annotations

import pytest

from factlint.ingest import parse_source, read_corpus, read_source
from factlint.model import Finding, Severity, Source

ALIAS_BOMB = (
    "---\n"
    'a: &a ["x","x","x","x","x","x","x","x","x"]\n'
    "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
    "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
    "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
    "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
    "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
    "---\nThe body survives.\n"
)


def finding(data: bytes, name: str = "bad.txt") -> Finding:
    result = parse_source(data, name, name)
    assert isinstance(result, Finding), result
    assert result.path == name and "\n" not in result.message
    return result


def problems_of(data: bytes, name: str = "odd.md") -> tuple[Source, list[str]]:
    result = parse_source(data, name, name)
    assert isinstance(result, Source), result
    return result, [found.code for found in result.problems]


@pytest.mark.parametrize("data", [b"", b"   \n\t\n", b"\xef\xbb\xbf"])
def test_empty_file(data):
    assert finding(data).code in {"FL906"}


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", bytes(range(32)) * 20])
def test_binary_file(data):
    found = finding(data)
    assert found.code == "FL902" and found.severity is Severity.ERROR


def test_markup_only_is_empty():
    assert finding(b"<html><script>x()</script></html>", "e.html").code == "FL906"


def test_undecodable_bytes_fall_back_with_a_warning():
    source, codes = problems_of("Café paid €4 million – said “Reuters”.".encode("cp1252"), "c.txt")
    assert codes == ["FL903"]
    assert "€4 million" in source.text and "Café" in source.text


def test_broken_yaml_keeps_the_body():
    source, codes = problems_of(b"---\ntitle: [unclosed\n---\nThe body survives.\n")
    assert codes == ["FL904"] and source.text == "The body survives."
    assert source.title is None and source.meta == {}


def test_unclosed_front_matter_keeps_everything_as_text():
    source, codes = problems_of(b"---\ntitle: x\nThe body survives.\n")
    assert codes == ["FL904"] and "The body survives." in source.text


def test_broken_toml_keeps_the_body():
    source, codes = problems_of(b'+++\ntitle = "unclosed\n+++\n<p>The body survives.</p>\n')
    assert codes == ["FL904"] and source.text == "The body survives."


def test_unsafe_yaml_tag_is_refused():
    source, codes = problems_of(b"---\nx: !!python/object/apply:os.system ['echo hacked']\n---\nBody.\n")
    assert codes == ["FL904"] and source.meta == {}


def test_alias_bomb_is_bounded():
    source, codes = problems_of(ALIAS_BOMB.encode())
    assert codes == ["FL904"] and "expands" in source.problems[0].message
    assert source.text == "The body survives."


def test_dashes_around_text_are_thematic_breaks_not_front_matter():
    source, codes = problems_of(b"---\nSome intro text\n---\nMore\n")
    assert codes == [] and source.meta == {}
    assert "Some intro text" in source.text and "More" in source.text


def test_front_matter_only_is_kept_with_a_warning():
    source, codes = problems_of(b"---\ntitle: Only metadata\n---\n")
    assert codes == ["FL906"] and source.title == "Only metadata" and source.text == ""


def test_too_large_file_is_skipped_without_reading_it(write):
    path = write("big.txt", b"word " * 3000)
    found = read_source(path, max_bytes=10_000)
    assert isinstance(found, Finding) and found.code == "FL905"
    assert "limit" in found.message


def test_missing_file_and_folder(tmp_path):
    assert read_source(tmp_path / "nope.md").code == "FL901"
    assert read_source(tmp_path).code == "FL901"


def test_unreadable_file(write, monkeypatch):
    path = write("secret.md", "text")

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    # Root (as in CI) can read any file, so the refusal is simulated where the reader opens it.
    monkeypatch.setattr("factlint.ingest.reader.open", refuse, raising=False)
    found = read_source(path)
    assert found.code == "FL901" and found.message == "cannot be read: Permission denied"


def test_an_internal_error_becomes_a_finding_naming_the_file(monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("simulated bug")

    monkeypatch.setattr("factlint.ingest.reader.detect", broken)
    found = parse_source(b"Some text.", "x.md", "x.md")
    assert isinstance(found, Finding) and found.code == "FL909" and found.path == "x.md"
    assert "RuntimeError: simulated bug" in found.message


def test_size_limit_message_uses_readable_units(write):
    assert "1.5 KB" in read_source(write("a.txt", b"x" * 1536), max_bytes=1000).message
    assert "1000 bytes" in read_source(write("b.txt", b"x" * 1536), max_bytes=1000).message


def test_latin_and_cyrillic_code_pages():
    source, codes = problems_of("Un café naïve à Paris".encode("cp1252"), "l.txt")
    assert codes == ["FL903"] and source.text == "Un café naïve à Paris"
    cyrillic = "Привет мир, это тест новости для газеты."
    source, codes = problems_of(cyrillic.encode("cp1251"), "c.txt")
    assert codes == ["FL903"] and source.text == cyrillic


def test_links_are_followed_broken_ones_reported_and_loops_end(write, tmp_path):
    real = write("elsewhere/story.md", "Amazon paid $4 billion.")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "linked.md").symlink_to(real)
    (folder / "broken.md").symlink_to(tmp_path / "gone.md")
    (folder / "loop").symlink_to(folder, target_is_directory=True)
    corpus = read_corpus([folder])
    assert [source.id for source in corpus.sources] == ["linked.md"]
    assert [(found.code, found.path.rsplit("/", 1)[-1]) for found in corpus.rejected] == [
        ("FL901", "broken.md")
    ]


def test_hostile_folder_is_reported_file_by_file_and_good_files_still_read(write, tmp_path):
    write("hostile/a-good.md", "# Good\n\nAmazon paid $4 billion.\n")
    write("hostile/b-empty.txt", b"")
    write("hostile/c-binary.txt", b"\x00\x01\x02binary")
    write("hostile/d-bomb.md", ALIAS_BOMB)
    write("hostile/e-big.txt", b"x" * 2048)
    write("hostile/f-script.html", "<p>Fine text.</p><script>alert(1)</script><img src=x onerror=alert(1)>")
    write("hostile/g-latin1.txt", "Caf\xe9 au lait".encode("latin-1"))
    write("hostile/notes.pdf", b"%PDF-1.4 not read: wrong suffix")
    write("hostile/.hidden.md", "not read: hidden")
    corpus = read_corpus([tmp_path / "hostile", tmp_path / "missing"], max_bytes=1024)
    assert [source.id for source in corpus.sources] == [
        "a-good.md",
        "d-bomb.md",
        "f-script.html",
        "g-latin1.txt",
    ]
    by_file = {found.path.rsplit("/", 1)[-1]: found.code for found in corpus.problems}
    assert by_file == {
        "b-empty.txt": "FL906",
        "c-binary.txt": "FL902",
        "e-big.txt": "FL905",
        "missing": "FL901",
        "d-bomb.md": "FL904",
        "g-latin1.txt": "FL903",
    }
    assert corpus.sources[2].text == "Fine text."


def test_the_same_file_twice_is_read_once_and_ids_stay_unique(write, tmp_path):
    write("one/story.md", "First.")
    write("two/story.md", "Second.")
    corpus = read_corpus([tmp_path / "one", tmp_path / "one" / "story.md", tmp_path / "two"])
    assert len(corpus.sources) == 2
    ids = [source.id for source in corpus.sources]
    assert ids[0] == "story.md" and ids[1] != ids[0] and ids[1].endswith("two/story.md")


def test_factlint_reports_in_a_folder_are_not_read_as_articles(write, tmp_path):
    write("in/story.md", "Amazon paid $4 billion.")
    write("in/report.html", "<!DOCTYPE html>\n<!-- generated by factlint -->\n<p>$9 billion</p>")
    corpus = read_corpus([tmp_path / "in"])
    assert [source.id for source in corpus.sources] == ["story.md"]
