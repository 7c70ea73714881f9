"""Ingest: every format read into Articles, folders into Stories, and the seeds as a person would check them."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from builder.ingest import IngestError, IngestResult, read_stories

FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = Path(__file__).resolve().parents[1] / "seeds"
ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@pytest.fixture(scope="module")
def formats() -> IngestResult:
    return read_stories(FIXTURES / "formats")


@pytest.fixture(scope="module")
def multi() -> IngestResult:
    return read_stories(FIXTURES / "multi")


def by_id(result: IngestResult) -> dict:
    return {a.id: a for a in result.articles}


def test_folder_of_files_is_one_story_named_after_the_folder(formats):
    assert [s.id for s in formats.stories] == ["formats"]
    story = formats.stories[0]
    assert story.articles == ("bayside-wire", "evening-gazette", "harbour-herald", "north-post", "river-daily")
    assert all(a.story == "formats" for a in formats.articles)
    assert [a.path for a in formats.articles] == sorted(a.path for a in formats.articles)


def test_story_date_is_most_common_own_date_and_title_is_earliest_headline(formats):
    story = formats.stories[0]
    assert story.published == date(2024, 3, 14)  # two articles on the 14th, one each on the 13th and 15th
    assert story.title == "Commuters cheer as harbour bridge reopens"  # the 13 March article


def test_txt_metadata_line_headline_and_byline_with_outlet(formats):
    a = by_id(formats)["harbour-herald"]
    assert a.format == "txt"
    assert a.title == "Harbour bridge reopens after eleven weeks of repairs"
    assert a.published == date(2024, 3, 14) and not a.published_inferred
    assert a.author == "Priya Raman"
    assert a.outlet == "Coastline Herald"
    assert a.body.split("\n\n") == [
        "The harbour bridge reopened to traffic on Thursday morning after eleven weeks of repairs, "
        "the city council said.",
        '"We are relieved to have it back," said councillor Tomas Berg, who chairs the transport committee.',
        "The work cost about 4.2 million euros, roughly 300,000 euros more than planned.",
    ]


def test_txt_date_prefix_on_headline_line_and_hard_wrapped_prose(formats):
    a = by_id(formats)["river-daily"]
    assert a.title == "Harbour bridge: what the repairs changed"
    assert a.published == date(2024, 3, 15)
    paragraphs = a.body.split("\n\n")
    assert len(paragraphs) == 3
    assert paragraphs[0].startswith("After eleven weeks of closure, the harbour bridge carries traffic again, and")
    assert paragraphs[2].endswith('"money well spent" and promised a public review of the overrun.')
    # nothing names the outlet: called by its headline, marked as no outlet's name
    assert a.outlet == "Unnamed outlet: \u201cHarbour bridge: what the repairs\u2026\u201d"


def test_txt_bare_name_byline_url_line_furniture_and_inferred_date(formats):
    a = by_id(formats)["evening-gazette"]
    assert a.author == "Sofia Marchetti"
    assert a.url == "https://www.evening-gazette.example/local/bridge-cycle-lane"
    assert a.outlet == "evening-gazette.example"
    assert a.published == date(2024, 3, 14) and a.published_inferred
    assert "Updated:" not in a.body and "0:00" not in a.body and "Sofia Marchetti" not in a.body
    assert a.body.split("\n\n")[0] == "Photo: cyclists wait at the south end of the harbour bridge on Thursday."


def test_markdown_front_matter_and_markup_rendered_to_plain_text(formats):
    a = by_id(formats)["bayside-wire"]
    assert a.format == "md"
    assert a.title == "Bridge back in service: ‘a relief’ for commuters"
    assert a.published == date(2024, 3, 14) and not a.published_inferred
    assert a.outlet == "Bayside Wire"
    assert a.author == "Lena Okafor, Marc Dupuis"
    assert a.url == "https://bayside-wire.example/news/bridge-reopens"  # the trailing source link
    assert a.body.split("\n\n") == [
        "The harbour bridge reopened on Thursday, ending eleven weeks of detours.",
        "Buses return to their usual routes on Monday.",
        "Cyclists get a separate lane from April.",
        '"It is a relief," said Tomas Berg.',
        "Repairs cost 4.2 million euros.",
    ]
    assert not re.search(r"[<>*`\[\]]|https?:", a.body)


def test_html_page_main_text_and_metadata(formats):
    a = by_id(formats)["north-post"]
    assert a.format == "html"
    assert a.title == "Commuters cheer as harbour bridge reopens"
    assert a.outlet == "North Post"
    assert a.author == "Jonas Weber"
    assert a.published == date(2024, 3, 13)
    assert a.url == "https://www.north-post.example/city/harbour-bridge-reopens"
    paragraphs = a.body.split("\n\n")
    assert len(paragraphs) == 3
    assert paragraphs[1].startswith('"We are relieved to have it back," councillor Tomas Berg')
    assert "Copyright" not in a.body and "Sport" not in a.body


def test_every_body_keeps_the_paragraph_invariant(formats, multi):
    for a in formats.articles + multi.articles:
        assert a.body == a.body.strip()
        assert "\n" not in a.body.replace("\n\n", "")
        assert "\n\n\n" not in a.body
        assert len(a.sha256) == 64 and a.outlet


def test_reading_twice_gives_equal_results():
    assert read_stories(FIXTURES / "formats") == read_stories(FIXTURES / "formats")
    assert read_stories(FIXTURES / "multi") == read_stories(FIXTURES / "multi")


def test_folder_of_folders_is_one_story_per_subfolder_plus_loose_files(multi):
    assert [s.id for s in multi.stories] == ["bridge", "election", "multi"]
    assert all(ID.match(s.id) for s in multi.stories)
    assert multi.stories[2].articles == ("loose",)
    assert any(w.path == "." and "beside story folders" in w.message for w in multi.warnings)
    assert ("bridge/notes", "folder inside a story folder") in multi.skipped


def test_same_stem_in_a_later_story_gets_the_story_id_in_front(multi):
    ids = {a.path: a.id for a in multi.articles}
    assert ids["bridge/a.txt"] == "a"
    assert ids["election/a.txt"] == "election-a"
    assert len(set(ids.values())) == len(ids)


def test_sources_yml_gives_story_title_and_fills_file_metadata(multi):
    bridge = multi.stories[0]
    assert bridge.title == "Ferry and bridge closures on the coast"
    a, b = by_id(multi)["a"], by_id(multi)["b"]
    assert a.outlet == "Island Courier" and a.url == "https://island-courier.example/ferry-suspended"
    assert a.published == date(2024, 2, 5) and not a.published_inferred
    assert b.published == date(2024, 2, 12)
    # the list given as outlet is refused, nothing else names one
    assert b.outlet == "Unnamed outlet: \u201cIsland ferry to resume next week\u201d"
    assert b.title == "Island ferry to resume next week"


def test_bad_sources_entries_are_warnings_with_lines(multi):
    messages = [str(w) for w in multi.warnings if w.path == "bridge/sources.yml"]
    assert any("b.md" in m and "not text" in m and ":6:" in m for m in messages)
    assert any("unknown field 'colour'" in m for m in messages)
    assert any("missing.txt" in m and "names no article file" in m for m in messages)


def test_story_without_dates_has_no_date_and_nothing_inferred(multi):
    loose = by_id(multi)["loose"]
    assert loose.published is None and not loose.published_inferred
    election = by_id(multi)
    assert election["c"].published == date(2024, 5, 19) and election["c"].published_inferred
    assert election["election-a"].published == date(2024, 5, 19) and not election["election-a"].published_inferred


def test_unusable_source_raises_a_clear_error(tmp_path):
    with pytest.raises(IngestError, match="no such folder"):
        read_stories(tmp_path / "missing")
    (tmp_path / "file.txt").write_text("Headline\nBody.", encoding="utf-8")
    with pytest.raises(IngestError, match="not a folder"):
        read_stories(tmp_path / "file.txt")
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "blank.txt").write_text("  \n", encoding="utf-8")
    with pytest.raises(IngestError, match="no readable article"):
        read_stories(empty)


def test_seeds_read_as_one_story_a_person_can_check():
    result = read_stories(SEEDS)
    assert len(result.stories) == 1 and len(result.articles) == 5
    story = result.stories[0]
    assert story.published == date(2025, 2, 9)
    arts = {a.id[:3]: a for a in result.articles}
    # the front-matter file (read as Markdown) and the " date YYYY-MM-DD " prefix file carry their own date
    assert arts["003"].format == "md"
    assert arts["003"].published == date(2025, 2, 9) and not arts["003"].published_inferred
    assert arts["004"].published == date(2025, 2, 9) and not arts["004"].published_inferred
    assert arts["004"].title.startswith("US President Donald Trump 'spoke to Putin")
    for key in ("000", "001", "002"):
        assert arts[key].published == date(2025, 2, 9) and arts[key].published_inferred
    # titles are the headlines (first lines / front matter title)
    for a in result.articles:
        first = (SEEDS / a.path).read_text(encoding="utf-8").split("\n", 1)[0]
        assert a.title in first or a.format == "md"
        assert a.outlet and a.body and not a.body.startswith(a.title)
    assert arts["003"].title.startswith("Trump talking to Putin to end Ukraine war")
    assert arts["001"].author == "Jack Phillips"
    assert arts["004"].author == "Megan Howe"
    assert arts["003"].url and arts["003"].url.startswith("https://")
    assert not result.warnings and not result.skipped


def test_a_rebuild_reads_unchanged_files_from_the_parse_cache_with_their_warnings(tmp_path, monkeypatch):
    from builder.ingest import formats as readers

    story = tmp_path / "archive" / "ferry"
    story.mkdir(parents=True)
    (story / "a.md").write_text("---\ntitle: Ferry service resumes\noutlet: Harbour Post\n"
                                "date: 2024-05-02\n---\n\nThe ferry sailed again on Monday.\n", encoding="utf-8")
    (story / "b.md").write_text("---\ntitle: Ferry back\noutlet: Bay Daily\n\nThe ferry is back.\n", encoding="utf-8")
    cache = tmp_path / "cache"
    cold = read_stories(tmp_path / "archive", cache)
    assert cold == read_stories(tmp_path / "archive")  # the same with or without a cache
    assert any("never closed" in w.message for w in cold.warnings)

    parsed: list[str] = []
    real = readers.parse
    monkeypatch.setattr("builder.ingest.parse", lambda text, *a: parsed.append(a[1]) or real(text, *a))
    assert read_stories(tmp_path / "archive", cache) == cold  # warnings included
    assert parsed == []
    (story / "a.md").write_text((story / "a.md").read_text(encoding="utf-8") + "\nIt was full.\n", encoding="utf-8")
    for entry in (cache / "parsed").rglob("*.json"):  # a damaged entry is parsed again
        if "Ferry back" in entry.read_text(encoding="utf-8"):
            entry.write_text('{"parsed": {"title": 3}}', encoding="utf-8")
    changed = read_stories(tmp_path / "archive", cache)
    assert sorted(parsed) == ["ferry/a.md", "ferry/b.md"]
    assert changed == read_stories(tmp_path / "archive")
    assert "It was full." in next(a.body for a in changed.articles if a.path == "ferry/a.md")
