"""Ingest on bad input: every broken file is a warning naming it (or a skipped entry), the rest still builds."""

from __future__ import annotations

import codecs
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from builder.ingest import IngestError, IngestResult, read_stories

BROKEN = Path(__file__).parent / "fixtures" / "broken"
GOOD = b"Harbour bridge reopens\nThe bridge reopened on Thursday after repairs, the council said.\n"


@pytest.fixture(scope="module")
def broken() -> IngestResult:
    return read_stories(BROKEN)


def messages(result: IngestResult, path: str) -> list[str]:
    return [str(w) for w in result.warnings if w.path == path]


def read_one(tmp_path: Path, name: str, raw: bytes) -> IngestResult:
    """A story folder with one good article and the file under test."""
    (tmp_path / "good.txt").write_bytes(GOOD)
    (tmp_path / name).write_bytes(raw)
    return read_stories(tmp_path)


def article(result: IngestResult, article_id: str):
    return next(a for a in result.articles if a.id == article_id)


def test_python_yaml_tag_fails_safely_and_body_is_still_read(broken):
    a = article(broken, "python-tag")
    assert a.body == "The body of this file must still be read even though its front matter is hostile."
    assert any(m.startswith("python-tag.md:2:") and "python/object" in m for m in messages(broken, "python-tag.md"))


def test_broken_front_matter_warns_with_its_line_and_keeps_the_body(broken):
    a = article(broken, "broken-front-matter")
    assert a.body == "The council approved the budget on Tuesday by nine votes to four."
    warned = messages(broken, "broken-front-matter.md")
    assert any("not valid YAML" in m and m.startswith("broken-front-matter.md:4:") for m in warned)


def test_wrong_date_type_and_javascript_url_become_none_with_warnings(broken):
    a = article(broken, "wrong-date")
    assert a.title == "Library opening delayed"
    assert a.published is None and a.url is None
    warned = messages(broken, "wrong-date.md")
    assert any(":3:" in m and "'yesterday' is not a date" in m for m in warned)
    assert any(":4:" in m and "javascript:" in m for m in warned)


def test_headline_without_text_is_kept_with_a_warning(broken):
    a = article(broken, "headline-only")
    assert a.title == "Just a headline and nothing else" and a.body == ""
    assert messages(broken, "headline-only.txt") == ["headline-only.txt: no text after the headline"]


def test_same_article_twice_keeps_the_first_by_id(broken):
    assert ("same-bytes.txt", "duplicate of original") in broken.skipped
    assert ("same-body.txt", "duplicate of original") in broken.skipped
    assert messages(broken, "same-body.txt") == ["same-body.txt: skipped: duplicate of original"]
    assert "original" in broken.stories[0].articles


def test_non_ascii_and_odd_file_names_are_read(broken):
    a = article(broken, "Économie à Zürich — «hausse»")
    assert a.path == "Économie à Zürich — «hausse».txt"
    assert a.title == "Zürich café owners report 8% rise in sales"
    odd = article(broken, "what's up? (draft) #2 & more")
    assert odd.title == "Odd file names are no obstacle"


def test_hidden_files_are_ignored_and_other_files_listed_without_warning(broken):
    paths = {p for p, _ in broken.skipped}
    assert ".hidden.txt" not in paths
    assert ("README.md", "not an article (README-like file name)") in broken.skipped
    assert ("photo.png", "not an article file (.png)") in broken.skipped
    assert not messages(broken, "README.md") and not messages(broken, "photo.png")
    assert all(a.path in {p.name for p in BROKEN.iterdir()} for a in broken.articles)


def test_empty_file_is_skipped_with_a_warning(tmp_path):
    result = read_one(tmp_path, "empty.txt", b"")
    assert ("empty.txt", "empty file") in result.skipped
    assert messages(result, "empty.txt") == ["empty.txt: skipped: empty file"]
    assert [a.id for a in result.articles] == ["good"]


def test_binary_file_with_nul_bytes_is_skipped(tmp_path):
    result = read_one(tmp_path, "scan.txt", b"Headline\x00\x00\x01\x02" * 50)
    assert ("scan.txt", "binary file") in result.skipped
    assert messages(result, "scan.txt") == ["scan.txt: skipped: binary file"]


def test_invalid_utf8_is_decoded_as_cp1252_with_a_warning(tmp_path):
    raw = "Caf\xe9 owners cheer\nSales rose on the first day.\nThe mayor's caf\xe9 opened too.".encode("cp1252")
    result = read_one(tmp_path, "latin.txt", raw)
    a = article(result, "latin")
    assert a.title == "Café owners cheer"
    assert a.body.endswith("The mayor's café opened too.")
    assert messages(result, "latin.txt") == ["latin.txt:1: not valid UTF-8 (byte 0xe9); read as Windows-1252"]


def test_mostly_utf8_file_with_one_bad_byte_keeps_its_utf8(tmp_path):
    raw = "Zürich café reopens\nThe café — closed since May — reopened.\n".encode() + b"Bad byte \xff here.\n"
    result = read_one(tmp_path, "mixed.txt", raw)
    a = article(result, "mixed")
    assert a.title == "Zürich café reopens"
    assert a.body.split("\n\n") == ["The café — closed since May — reopened.", "Bad byte \ufffd here."]
    assert any(m.startswith("mixed.txt:3:") for m in messages(result, "mixed.txt"))


def test_byte_order_mark_is_stripped_silently(tmp_path):
    result = read_one(tmp_path, "bom.txt", codecs.BOM_UTF8 + "Flood warning lifted\nThe river fell overnight.".encode())
    a = article(result, "bom")
    assert a.title == "Flood warning lifted"
    assert not messages(result, "bom.txt")


def test_utf16_file_with_bom_is_decoded(tmp_path):
    raw = "Flood warning lifted\nThe river fell overnight.".encode("utf-16")
    a = article(read_one(tmp_path, "wide.txt", raw), "wide")
    assert (a.title, a.body) == ("Flood warning lifted", "The river fell overnight.")


def test_crlf_line_ends_are_normalised(tmp_path):
    raw = b"Date: 2024-07-01\r\nFlood warning lifted\r\n\r\nThe river fell overnight.\r\nRoads reopened.\r\n"
    a = article(read_one(tmp_path, "crlf.txt", raw), "crlf")
    assert a.title == "Flood warning lifted"
    assert a.body == "The river fell overnight.\n\nRoads reopened."
    assert a.published == date(2024, 7, 1)


def test_unclosed_front_matter_warns_and_reads_the_rest(tmp_path):
    raw = b"---\ntitle: Flood warning lifted\ndate: 2024-07-01\n\nThe river fell overnight.\n"
    result = read_one(tmp_path, "open.md", raw)
    a = article(result, "open")
    assert (a.title, a.body, a.published) == ("Flood warning lifted", "The river fell overnight.", date(2024, 7, 1))
    assert any("never closed" in m and m.startswith("open.md:1:") for m in messages(result, "open.md"))


def test_unreadable_file_is_skipped_with_its_reason(tmp_path, monkeypatch):
    real = Path.read_bytes

    def refuse(self: Path) -> bytes:
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real(self)

    (tmp_path / "locked.txt").write_bytes(GOOD.replace(b"Harbour", b"Locked"))
    monkeypatch.setattr(Path, "read_bytes", refuse)
    result = read_one(tmp_path, "other.txt", b"Other headline\nOther body text here.")
    assert ("locked.txt", "unreadable (Permission denied)") in result.skipped
    assert messages(result, "locked.txt") == ["locked.txt: skipped: unreadable (Permission denied)"]
    assert {a.id for a in result.articles} == {"good", "other"}


def test_link_leading_outside_the_source_is_skipped(tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_bytes(b"Secret\nNot part of the story.")
    story = tmp_path / "story"
    story.mkdir()
    (story / "good.txt").write_bytes(GOOD)
    (story / "link.txt").symlink_to(outside)
    result = read_stories(story)
    assert ("link.txt", "symbolic link to a place outside the source folder") in result.skipped
    assert [a.id for a in result.articles] == ["good"]


def test_twenty_megabyte_article_is_read(tmp_path):
    paragraph = "The council met again on Tuesday and agreed to extend the review by another month. "
    raw = ("A very long report\n" + "\n".join(f"Item {n}. " + paragraph * 4 for n in range(61000))).encode()
    assert len(raw) > 20_000_000
    a = article(read_one(tmp_path, "long.txt", raw), "long")
    assert a.title == "A very long report"
    assert a.body.count("\n\n") == 60999


def test_only_broken_files_raise_no_readable_article(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02")
    with pytest.raises(IngestError, match="no readable article"):
        read_stories(tmp_path)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.lists(st.characters(blacklist_categories=("Cs",)) | st.sampled_from(
    ["\n", "\r", "\r\n", "\x00", '"', "“", "”", "‘", "’", "---\n", "date ", ": ", "By ", "\ufeff", " ", "<p>"]),
    max_size=200).map("".join),
    suffix=st.sampled_from([".txt", ".md", ".html"]))
def test_arbitrary_text_never_crashes_and_bodies_keep_the_invariant(tmp_path_factory, text, suffix):
    folder = tmp_path_factory.mktemp("fuzz")
    (folder / "good.txt").write_bytes(GOOD)
    (folder / f"fuzz{suffix}").write_bytes(text.encode("utf-8"))
    result = read_stories(folder)
    for a in result.articles:
        assert "\n" not in a.body.replace("\n\n", ""), a
        assert "\n\n\n" not in a.body and a.body == a.body.strip()
        assert a.outlet and "\n" not in a.title
    assert result == read_stories(folder)
