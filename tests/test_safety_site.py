"""The site folder is Parallax's alone, and faults around it (issue 11, Build 1, 5 and 6).

Every case builds into a temporary folder through the real CLI, in this process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from builder.site import MARKER
from tests.safety_story import tree, write_story
from tests.site_data import site_export
from tests.test_hostile import run_cli


def build(story: Path, site: Path | str, *more: str) -> tuple[int, str, str]:
    return run_cli("build", str(story), "--site-dir", str(site), "-q", *more)


def one_refusal(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert "refused, nothing written or deleted" in lines[0]
    return lines[0]


# --- 1. the site dir is Parallax's only -------------------------------------------------------


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder holding a story and a user's own files; the current folder."""
    write_story(tmp_path / "in")
    (tmp_path / "thesis.docx").write_bytes(b"PK\x03\x04 chapter one")
    (tmp_path / "photos").mkdir()
    (tmp_path / "photos" / "pier.jpg").write_bytes(b"\xff\xd8\xff")
    (tmp_path / "notes.txt").write_text("call the harbour master\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize(("site", "why"), [
    ("in", "is the source folder"),
    (".", "is the current or the home folder"),
    ("", "an empty name"),
    ("notes.txt", "is a file"),
    ("photos", "holds files that Parallax did not write"),
    ("in/site", "lies inside the source folder"),
    ("/", "root of the file system"),
])
def test_a_site_dir_parallax_did_not_write_is_refused_and_nothing_is_touched(work: Path, site: str,
                                                                              why: str) -> None:
    before = tree(work)
    code, out, err = build(work / "in", site, "--no-cache")
    assert code == 2
    assert why in one_refusal(err)
    assert tree(work) == before
    assert sorted(p.name for p in work.iterdir()) == ["in", "notes.txt", "photos", "thesis.docx"]


def test_a_site_dir_holding_the_source_is_refused(work: Path) -> None:
    project = work / "proj"
    write_story(project / "articles")
    before = tree(work)
    code, _, err = build(project / "articles", project, "--no-cache")
    assert code == 2 and "holds the source folder" in one_refusal(err)
    assert tree(work) == before


def test_the_root_of_a_clone_is_refused_even_when_not_the_current_folder(work: Path) -> None:
    clone = work / "clone"
    (clone / ".git").mkdir(parents=True)
    (clone / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    before = tree(work)
    code, _, err = build(work / "in", clone, "--no-cache")
    assert code == 2 and "root of a repository" in one_refusal(err)
    assert tree(work) == before


def test_a_missing_or_empty_or_marked_site_dir_is_built_and_replaced(work: Path) -> None:
    (work / "empty").mkdir()
    for site in ("fresh/site", "empty"):
        code, _, err = build(work / "in", site, "--no-cache")
        assert code == 0, err
        assert (work / site / "index.html").is_file() and (work / site / MARKER).is_file()
    (work / "empty" / "stale-page.html").write_text("from an earlier build", encoding="utf-8")
    (work / "empty" / MARKER).write_text("{}", encoding="utf-8")  # marked: Parallax's
    code, _, err = build(work / "in", "empty", "--no-cache")
    assert code == 0, err
    assert not (work / "empty" / "stale-page.html").exists()
    assert old_sites_deleted(work)  # the previous sites, renamed aside, are deleted after the build
    assert sorted(p.name for p in work.iterdir()) == ["empty", "fresh", "in", "notes.txt", "photos",
                                                      "thesis.docx"]


def old_sites_deleted(folder: Path, seconds: float = 60) -> bool:
    """Whether the ``.<site>.old-*`` folders in ``folder`` are gone within ``seconds``."""
    deadline = time.monotonic() + seconds
    while any(p.name.startswith(".") and ".old-" in p.name for p in folder.iterdir()):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


# --- 6. faults --------------------------------------------------------------------------------


@pytest.mark.parametrize("umask", [0o022, 0o027])
def test_the_published_folder_has_the_permissions_of_a_normal_folder(tmp_path: Path, umask: int) -> None:
    story = write_story(tmp_path / "story")
    old = os.umask(umask)
    try:
        code, _, err = build(story, tmp_path / "site", "--no-cache")
    finally:
        os.umask(old)
    assert code == 0, err
    assert (tmp_path / "site").stat().st_mode & 0o777 == 0o777 & ~umask
    assert (tmp_path / "site" / "index.html").stat().st_mode & 0o777 == 0o666 & ~umask


def test_a_damaged_or_foreign_site_is_rebuilt_and_an_intact_one_left_alone(tmp_path: Path) -> None:
    story, site, cache = write_story(tmp_path / "story"), tmp_path / "site", tmp_path / "cache"
    assert build(story, site, "--cache-dir", str(cache))[0] == 0
    code, out, _ = build(story, site, "--cache-dir", str(cache))
    assert code == 0 and "(unchanged" in out
    # a damaged site: a folder removed
    stories = sorted(p.relative_to(site) for p in (site / "stories").rglob("*.html"))
    subprocess.run(["rm", "-rf", str(site / "stories")], check=True)
    code, out, _ = build(story, site, "--cache-dir", str(cache))
    assert code == 0 and "(unchanged" not in out
    assert sorted(p.relative_to(site) for p in (site / "stories").rglob("*.html")) == stories
    # random bytes in the marker: rebuilt, no UnicodeDecodeError
    (site / MARKER).write_bytes(os.urandom(300))
    code, out, err = build(story, site, "--cache-dir", str(cache))
    assert code == 0 and "(unchanged" not in out, err
    json.loads((site / MARKER).read_bytes())


def test_a_marker_naming_another_build_of_the_folder_does_not_pass_for_current(tmp_path: Path) -> None:
    """Two builds racing into one site: the marker that survives must match the site on disk."""
    story_a, site, cache = write_story(tmp_path / "a"), tmp_path / "site", tmp_path / "cache"
    story_b = write_story(tmp_path / "b", extra__md="---\ntitle: Pier closed\noutlet: Quay News\n"
                                                    "date: 2025-03-14\n---\nThe pier closed on Friday.\n")
    assert build(story_a, site, "--cache-dir", str(cache))[0] == 0
    marker_a = (site / MARKER).read_bytes()
    assert build(story_b, site, "--cache-dir", str(cache))[0] == 0
    (site / MARKER).write_bytes(marker_a)  # B's site on disk, A's stamp
    code, out, _ = build(story_a, site, "--cache-dir", str(cache))
    assert code == 0 and "(unchanged" not in out
    data = site_export(site)
    assert {a["outlet"] for a in data["articles"]} == {"Coast Herald", "Bay Post"}


def test_folders_left_by_killed_builds_are_removed_but_not_a_running_builds(tmp_path: Path) -> None:
    story, site = write_story(tmp_path / "story"), tmp_path / "site"
    finished = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                              capture_output=True, text=True, check=True)
    dead = int(finished.stdout)
    running = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        stale = [f".site.new-{dead}-0a1b2c3d", f".site.old-{dead}-0a1b2c3d", ".site.new-k3j_x9a1"]
        kept = [f".site.new-{running.pid}-0a1b2c3d", ".site.notes"]
        for name in stale + kept:
            (tmp_path / name / "half").mkdir(parents=True)
        (tmp_path / stale[0] / "half" / "page.html").write_text("partly deleted", encoding="utf-8")
        code, _, err = build(story, site, "--no-cache")
        assert code == 0, err
        assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["site", "story", *kept])
    finally:
        running.kill()
        running.wait()


def test_a_cache_that_cannot_be_written_is_one_warning_never_fatal(tmp_path: Path) -> None:
    story, site = write_story(tmp_path / "story"), tmp_path / "site"
    not_a_folder = tmp_path / "cache"
    not_a_folder.write_text("a file where the cache should be", encoding="utf-8")
    code, out, err = build(story, site, "--cache-dir", str(not_a_folder), "--strict")
    assert code == 0, err
    cache_lines = [line for line in err.splitlines() if "cache" in line]
    assert len(cache_lines) == 1 and "cannot be written" in cache_lines[0]
    assert (site / "index.html").is_file()


def test_damaged_cache_entries_are_re_extracted_not_fatal(tmp_path: Path) -> None:
    story, site, cache = write_story(tmp_path / "story"), tmp_path / "site", tmp_path / "cache"
    assert build(story, site, "--cache-dir", str(cache))[0] == 0
    first = tree(site)
    # the extraction entries (cache/stories/ holds each story's alignment, cache/builds/ what builds read)
    entries = sorted(p for p in cache.glob("??/*.json"))
    assert len(entries) == 2
    records = json.loads(entries[0].read_text(encoding="utf-8"))
    records[0]["start"] = "7"  # valid JSON, wrong type
    entries[0].write_text(json.dumps(records), encoding="utf-8")
    entries[1].write_bytes(os.urandom(200))
    # into new site folders: beside an intact site of the same input a build reads no cache
    code, out, err = build(story, tmp_path / "again", "--cache-dir", str(cache))
    assert code == 0, err
    assert "2 articles extracted, 0 from cache" in out
    assert tree(tmp_path / "again") == first
    code, out, _ = build(story, tmp_path / "repaired", "--cache-dir", str(cache))
    assert "0 articles extracted, 2 from cache" in out and "(unchanged" not in out


def test_each_article_is_cached_as_soon_as_it_is_extracted(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import builder.pipeline

    story, cache = write_story(tmp_path / "story"), tmp_path / "cache"
    real = builder.pipeline._extract_uncached
    seen: list[str] = []

    def interrupted_at_the_second(article):  # type: ignore[no-untyped-def]
        seen.append(article.id)
        if len(seen) == 2:
            raise KeyboardInterrupt
        return real(article)

    monkeypatch.setattr(builder.pipeline, "_extract_uncached", interrupted_at_the_second)
    code, _, err = build(story, tmp_path / "site", "--cache-dir", str(cache))
    assert code == 130
    assert [line for line in err.splitlines() if line.strip()] == [
        "parallax: interrupted; nothing more written (the previous site, if any, is unchanged)"]
    extracted = [p for p in cache.rglob("*.json") if p.parent.parent == cache]  # not parsed/ or stories/
    assert len(extracted) == 1
    assert not (tmp_path / "site").exists()


# --- 5. dates of any era ----------------------------------------------------------------------


@pytest.mark.parametrize("day", ["1945-05-08", "0999-06-01", "2107-01-01", "1969-12-31"])
def test_an_archive_of_any_era_builds(tmp_path: Path, day: str) -> None:
    before = os.environ.get("SOURCE_DATE_EPOCH")
    code, _, err = build(write_story(tmp_path / "story", date=day), tmp_path / "site", "--no-cache")
    assert code == 0, err
    data = site_export(tmp_path / "site")
    assert {a["published"] for a in data["articles"]} == {day}
    assert os.environ.get("SOURCE_DATE_EPOCH") == before


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01"])
def test_relative_dates_at_the_ends_of_the_calendar_are_skipped_with_a_warning(tmp_path: Path, day: str) -> None:
    code, _, err = build(write_story(tmp_path / "story", date=day), tmp_path / "site", "--no-cache")
    assert code == 0, err
    for name in ("herald.md", "post.md"):
        [line] = [w for w in err.splitlines() if w.startswith(f"warning: {name}:")]
        assert "limits of the calendar" in line and day in line
    data = site_export(tmp_path / "site")
    fridays = [m for m in data["mentions"] if m["kind"] == "date" and m["text"] == "Friday"]
    assert fridays and all(m["date"] is None for m in fridays)
