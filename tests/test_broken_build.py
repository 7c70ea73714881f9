"""A broken story through the real CLI: every bad file is named, the good ones all build,
``--strict`` and a failing build leave the previous site exactly as it was.

Byte-level cases (binary, invalid UTF-8, BOM + CRLF, empty, 20 MB) are generated into a
temporary copy of tests/fixtures/broken_story/.
"""

from __future__ import annotations

import codecs
import hashlib
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from builder.ingest import read_stories
from tests.site_data import site_export
from tests.test_hostile import run_cli

BROKEN = Path(__file__).parent / "fixtures" / "broken_story"
OWNED = Path("/tmp/parallax-owned")  # what python-tag.md's YAML would create if it ran
SKIPPED = {"photo.txt": "binary file", "empty.txt": "empty file",
           "ferry-herald-copy.txt": "duplicate of ferry-herald"}
WARNED = {"broken-front-matter.md", "python-tag.md", "wrong-date.md", "latin1.txt", "mixed-utf8.txt",
          *SKIPPED}
GOOD = {"ferry-herald.txt", "ferry-courier.md", "no-quotes.txt", "unbalanced.txt"}


@dataclass(frozen=True)
class Built:
    story: Path
    site: Path
    code: int
    out: str
    err: str


def digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def broken_copy(folder: Path) -> Path:
    """The fixture plus the byte-level cases; no-quotes.txt rewritten with a BOM and CRLF."""
    shutil.copytree(BROKEN, folder)
    (folder / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "latin1.txt").write_bytes(
        "Caf\xe9 owners on the quay count the cost\n"
        "The caf\xe9 by the pier said on Tuesday that its sales fell by half since the ferry stopped.\n"
        .encode("cp1252"))
    (folder / "mixed-utf8.txt").write_bytes(
        "Ferry crew paid during closure\nThe crew of the Lindholm ferry — all 14 of them — will be paid "
        "during the closure, the operator said.\n".encode() + b"A stray byte \xff crept in.\n")
    lf = (BROKEN / "no-quotes.txt").read_bytes()
    (folder / "no-quotes.txt").write_bytes(codecs.BOM_UTF8 + lf.replace(b"\n", b"\r\n"))
    return folder


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    root = tmp_path_factory.mktemp("broken")
    story = broken_copy(root / "story")
    site = root / "site"
    code, out, err = run_cli("build", str(story), "--site-dir", str(site), "--no-cache", "-q")
    return Built(story, site, code, out, err)


@pytest.fixture(scope="module")
def export(built: Built) -> dict:
    return site_export(built.site)


def warning_lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("warning: ")]


def named(lines: list[str], name: str) -> list[str]:
    return [line for line in lines if line.startswith((f"warning: {name}:", f"skipped: {name}:"))]


def test_broken_story_builds_and_names_every_bad_file(built: Built) -> None:
    assert built.code == 0, built.err
    lines = warning_lines(built.err)
    for name in WARNED:
        assert named(lines, name), f"no warning names {name}"
    for name in GOOD:
        assert not named(lines, name), named(lines, name)
    assert all(any(name in line for name in WARNED) for line in lines), lines


def test_summary_lists_the_skipped_files_with_reasons(built: Built) -> None:
    assert f"{len(SKIPPED)} skipped" in built.out
    skipped = {line for line in built.err.splitlines() if line.startswith("skipped: ")}
    assert skipped == {f"skipped: {name}: {reason}" for name, reason in SKIPPED.items()}


def test_every_good_article_is_in_the_export(built: Built, export: dict) -> None:
    paths = {a["path"] for a in export["articles"]}
    readable = GOOD | (WARNED - set(SKIPPED))
    assert paths == readable
    by_path = {a["path"]: a["id"] for a in export["articles"]}
    quoted = {m["article"] for m in export["mentions"] if m["kind"] == "quote"}
    assert {by_path["ferry-herald.txt"], by_path["ferry-courier.md"]} <= quoted
    vesterby = [c for c in export["claims"] if c["kind"] == "quote" and c.get("speaker") == "Karl Vesterby"]
    assert vesterby, [c.get("speaker") for c in export["claims"]]


def test_hostile_yaml_tag_is_not_executed_and_the_body_is_kept(built: Built, export: dict) -> None:
    assert not OWNED.exists()
    tag = next(a for a in export["articles"] if a["path"] == "python-tag.md")
    assert tag["body"] == "Engineers began inspecting the damaged pier on Tuesday, the operator said."
    assert any("python/object" in line for line in named(warning_lines(built.err), "python-tag.md"))


def test_bom_and_crlf_file_reads_like_the_lf_original(export: dict) -> None:
    original = next(a for a in read_stories(BROKEN).articles if a.path == "no-quotes.txt")
    crlf = next(a for a in export["articles"] if a["path"] == "no-quotes.txt")
    assert (crlf["title"], crlf["body"]) == (original.title, original.body)
    assert "\r" not in crlf["body"] and "\ufeff" not in crlf["title"]


def test_invalid_utf8_is_decoded_with_a_warning_and_kept(built: Built, export: dict) -> None:
    articles = {a["path"]: a for a in export["articles"]}
    assert articles["latin1.txt"]["title"] == "Café owners on the quay count the cost"
    assert "The café by the pier" in articles["latin1.txt"]["body"]
    assert "A stray byte \ufffd crept in." in articles["mixed-utf8.txt"]["body"]
    lines = warning_lines(built.err)
    assert any("not valid UTF-8" in line for line in named(lines, "latin1.txt"))
    assert any("not valid UTF-8" in line for line in named(lines, "mixed-utf8.txt"))


def test_strict_exits_non_zero_and_leaves_the_previous_site_byte_for_byte(built: Built) -> None:
    before = digest(built.site)
    siblings = sorted(p.name for p in built.site.parent.iterdir())
    code, _, err = run_cli("build", str(built.story), "--site-dir", str(built.site), "--strict",
                           "--no-cache", "-q")
    assert code == 1
    assert "with --strict" in err and "photo.txt" in err
    assert digest(built.site) == before
    assert sorted(p.name for p in built.site.parent.iterdir()) == siblings


def test_a_build_failing_midway_leaves_the_previous_site(built: Built, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    site = tmp_path / "site"
    shutil.copytree(built.site, site)
    before = digest(site)
    import mkdocs.commands.build

    def half_build(config, **kwargs):  # type: ignore[no-untyped-def]
        Path(config["site_dir"], "index.html").write_text("half written", encoding="utf-8")
        raise OSError("disk full halfway")

    monkeypatch.setattr(mkdocs.commands.build, "build", half_build)
    monkeypatch.delenv("PARALLAX_DEBUG", raising=False)
    code, _, err = run_cli("build", str(built.story), "--site-dir", str(site), "--no-cache", "-q")
    assert code == 1
    assert "OSError: disk full halfway" in err and "previous site" in err
    assert digest(site) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]  # no staging folder left behind


HUGE_BYTES = 20 * 1024 * 1024
PARAGRAPHS = (
    "The regional transport authority published its annual review, describing a year of delays, "
    "cancelled crossings and rising maintenance costs across the ferry and bus network.",
    "Passenger groups welcomed the frankness of the document but said it offered little hope of "
    "improvement before the next budget round, when the authority must ask the council for more money.",
    "Officials blamed ageing vessels, a shortage of qualified engineers and the storm season for the "
    "poor record, and promised a review of the timetable.",
)


@pytest.mark.slow
def test_twenty_megabyte_article_builds_with_a_warning_and_only_its_start_analysed(tmp_path) -> None:  # type: ignore[no-untyped-def]
    story = tmp_path / "story"
    story.mkdir()
    shutil.copy(BROKEN / "ferry-herald.txt", story)
    opening = ('Transport review finds a year of delays\n'
               '"We owe passengers an apology," authority chair Mona Dahl said on Monday.\n\n')
    closing = '\n\n"Nobody reads this far," auditor Per Holm said.\n'
    filler = "\n\n".join(PARAGRAPHS[i % 3] for i in range(HUGE_BYTES // 150))
    raw = (opening + filler).encode()[: HUGE_BYTES - len(closing)]
    raw = raw[: raw.rfind(b"\n\n")] + closing.encode()
    (story / "annual-review.txt").write_bytes(raw)
    site = tmp_path / "site"
    code, _, err = run_cli("build", str(story), "--site-dir", str(site), "--no-cache", "-q")
    assert code == 0, err
    huge = named(warning_lines(err), "annual-review.txt")
    assert len(huge) == 1 and "1,000,000" in huge[0]
    data = site_export(site)
    article = next(a for a in data["articles"] if a["path"] == "annual-review.txt")
    assert len(article["body"]) > 19_000_000  # the whole text is kept
    own = [m for m in data["mentions"] if m["article"] == article["id"]]
    assert any(m["kind"] == "quote" and "apology" in m["text"] for m in own)  # the start is analysed
    assert all(m["end"] <= 1_000_000 for m in own)  # the rest is not
    assert not any("Nobody reads" in m["text"] for m in own)
