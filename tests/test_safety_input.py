"""Bad input costs seconds, output stays neutral, exports are written whole (issue 11, Build 2, 3, 4, 7)."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from builder.export import neutral_cell
from builder.files import write_all_atomic
from tests.safety_story import cli, tree, write_story
from tests.site_data import site_export
from tests.test_hostile import run_cli

# --- 2. atomic writes, -o ---------------------------------------------------------------------


def test_o_names_the_json_and_the_csv_goes_beside_it(tmp_path: Path) -> None:
    story = write_story(tmp_path / "story")
    out = tmp_path / "out" / "claims.json"
    code, stdout, err = run_cli("extract", str(story), "-o", str(out), "--no-cache", "-q")
    assert code == 0, err
    assert json.loads(out.read_bytes())["schema_version"] == 1
    assert (tmp_path / "out" / "claims.csv").read_text(encoding="utf-8").startswith("story,claim,")
    assert f"export: {out} and {out.with_suffix('.csv')}" in stdout
    assert sorted(p.name for p in out.parent.iterdir()) == ["claims.csv", "claims.json"]


@pytest.mark.parametrize("name", ["claims.csv", "claims.CSV"])
def test_o_naming_a_csv_file_is_refused(tmp_path: Path, name: str) -> None:
    story = write_story(tmp_path / "story")
    code, _, err = run_cli("extract", str(story), "-o", str(tmp_path / name), "--no-cache", "-q")
    assert code == 2 and "give a .json name" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["story"]


@pytest.mark.parametrize("name", ["notes.txt", "tmp.Xy3kQ9", "claims"])
def test_o_with_another_name_gets_its_csv_added_never_beside_a_stem_nobody_named(tmp_path: Path, name: str) -> None:
    story = write_story(tmp_path / "story")
    (tmp_path / "notes.csv").write_text("someone's own file")
    code, _, err = run_cli("extract", str(story), "-o", str(tmp_path / name), "--no-cache", "-q")
    assert code == 0, err
    assert json.loads((tmp_path / name).read_bytes())["schema_version"] == 1
    assert (tmp_path / f"{name}.csv").read_text(encoding="utf-8").startswith("story,claim,")
    assert (tmp_path / "notes.csv").read_text() == "someone's own file"


def test_a_failed_write_leaves_every_target_as_it_was(tmp_path: Path) -> None:
    good = tmp_path / "claims.json"
    good.write_bytes(b'{"good": true}')
    with pytest.raises(OSError):
        write_all_atomic({good: b'{"new": 1}', tmp_path / "missing" / "claims.csv": b"x"})
    assert good.read_bytes() == b'{"good": true}'
    assert sorted(p.name for p in tmp_path.iterdir()) == ["claims.json"]  # no temporary file left


@pytest.fixture
def small_disk(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A 512 KB tmpfs, where the test machine lets us mount one."""
    mount = tmp_path / "disk"
    mount.mkdir()
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a small tmpfs needs root")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", str(mount)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=False)


def test_a_full_disk_keeps_the_previous_export_whole(tmp_path: Path, small_disk: Path) -> None:
    story = write_story(tmp_path / "story")
    out = small_disk / "claims.json"
    assert run_cli("extract", str(story), "-o", str(out), "--no-cache", "-q")[0] == 0
    before = tree(small_disk)
    try:  # fill the disk to the last block
        with open(small_disk / "filler", "wb") as filler:
            while True:
                filler.write(b"\0" * 4096)
                filler.flush()
    except OSError:
        pass
    code, _, err = run_cli("extract", str(story), "-o", str(out), "--no-cache", "-q")
    assert code == 1 and "No space left" in err and "previous export" in err
    (small_disk / "filler").unlink()
    assert tree(small_disk) == before


def test_a_read_only_warm_cache_builds_and_exits_0(tmp_path: Path, small_disk: Path) -> None:
    story, site, cache = write_story(tmp_path / "story"), tmp_path / "site", small_disk / "cache"
    assert run_cli("build", str(story), "--site-dir", str(site), "--cache-dir", str(cache), "-q")[0] == 0
    shutil.rmtree(site)
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    try:
        code, out, err = run_cli("build", str(story), "--site-dir", str(site), "--cache-dir", str(cache), "-q")
    finally:
        subprocess.run(["mount", "-o", "remount,rw", str(small_disk)], check=True)
    assert code == 0, err
    assert "0 articles extracted, 2 from cache" in out and "failed" not in err
    assert (site / "index.html").is_file()


# --- 3. bounded cost --------------------------------------------------------------------------

ALIAS_BOMB = "\n".join(
    ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    + [f"{b}: &{b} [{','.join(['*' + a] * 9)}]" for a, b in zip("abcdefg", "bcdefgh")]
    + ["author: [" + ",".join(["*h"] * 9) + "]"])


# A hang guard, not a speed check (speed is make bench's): a quadratic or exponential
# case never ends, while the linear one takes under a minute even on a loaded machine.
HANG = 900


def test_an_alias_bomb_in_front_matter_is_not_expanded_and_keeps_the_body(tmp_path: Path) -> None:
    story = write_story(tmp_path / "story")
    bomb = f"---\ntitle: Pier closes\n{ALIAS_BOMB}\n---\nThe pier closed on Friday, the council said.\n"
    assert 400 < len(bomb.encode()) < 600
    (story / "bomb.md").write_text(bomb, encoding="utf-8")
    done = cli("build", str(story), "--site-dir", str(tmp_path / "site"), "--no-cache", "-q", timeout=HANG)
    assert done.returncode == 0, done.stderr
    [line] = [w for w in done.stderr.splitlines() if w.startswith("warning: bomb.md:") and "YAML" in w]
    assert "aliases" in line and len(line) < 200
    data = site_export(tmp_path / "site")
    assert any("pier closed" in a["body"] for a in data["articles"])


def test_an_alias_bomb_in_sources_yml_is_not_expanded(tmp_path: Path) -> None:
    story = write_story(tmp_path / "story", sources__yml=f"title: Harbour talks\n{ALIAS_BOMB}\n")
    done = cli("build", str(story), "--site-dir", str(tmp_path / "site"), "--no-cache", "-q", timeout=HANG)
    assert done.returncode == 0, done.stderr
    [line] = [w for w in done.stderr.splitlines() if "sources.yml" in w]
    assert "aliases" in line and len(line) < 200


def test_a_huge_value_is_cut_before_its_warning_is_formatted(tmp_path: Path) -> None:
    numbers = ", ".join(str(n) for n in range(30_000))  # 200 KB, within the YAML limit
    story = write_story(tmp_path / "story", long__md=f"---\ntitle: Count\ndate: [{numbers}]\n---\nA count.\n")
    code, _, err = run_cli("build", str(story), "--site-dir", str(tmp_path / "site"), "--no-cache", "-q")
    assert code == 0, err
    [line] = [w for w in err.splitlines() if w.startswith("warning: long.md:")]
    assert "is a list, not a date" in line and len(line) < 200


def test_yaml_longer_than_any_metadata_is_refused_with_a_warning(tmp_path: Path) -> None:
    numbers = ", ".join(str(n) for n in range(200_000))  # 1.3 MB
    story = write_story(tmp_path / "story", long__md=f"---\ntitle: Count\ndate: [{numbers}]\n---\nA count.\n")
    code, _, err = run_cli("build", str(story), "--site-dir", str(tmp_path / "site"), "--no-cache", "-q")
    assert code == 0, err
    lines = [w for w in err.splitlines() if w.startswith("warning: long.md:")]
    assert any("longer than any metadata" in line and len(line) < 200 for line in lines)


@pytest.mark.slow
def test_a_five_megabyte_line_without_spaces_builds(tmp_path: Path) -> None:
    import base64

    story = write_story(tmp_path / "story")
    blob = base64.b64encode(os.urandom(3_750_000)).decode()  # no space, no "@": the worst case
    (story / "blob.txt").write_text(f"Data dump\n{blob}@example.org\n", encoding="utf-8")
    done = cli("build", str(story), "--site-dir", str(tmp_path / "site"), "--no-cache", "-q", timeout=HANG)
    assert done.returncode == 0, done.stderr
    assert "3 articles read" in done.stdout


# --- 4. neutral output ------------------------------------------------------------------------


@pytest.mark.parametrize(("cell", "shown"), [
    ("=HYPERLINK(\"http://example.org\",\"click\")", "'=HYPERLINK(\"http://example.org\",\"click\")"),
    ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
    ("+1+2", "'+1+2"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("\rx", "'\rx"),
    ("-12.5", "-12.5"), ("+7", "+7"), ("1e6", "1e6"), ("Coast Herald", "Coast Herald"), (12, 12),
])
def test_csv_cells_a_spreadsheet_would_run_are_neutralised_and_numbers_kept(cell: object, shown: object) -> None:
    assert neutral_cell(cell) == shown


def test_the_csv_export_carries_no_formula_and_the_json_keeps_the_text(tmp_path: Path) -> None:
    story = write_story(tmp_path / "story")
    herald = (story / "herald.md").read_text(encoding="utf-8")
    (story / "herald.md").write_text(herald.replace("outlet: Coast Herald", "outlet: \"=cmd|' /C calc'!A0\""),
                                     encoding="utf-8")
    out = tmp_path / "claims.json"
    assert run_cli("extract", str(story), "-o", str(out), "--no-cache", "-q")[0] == 0
    rows = list(csv.DictReader(io.StringIO(out.with_suffix(".csv").read_text(encoding="utf-8"))))
    outlets = {r["outlet"] for r in rows}
    assert "'=cmd|' /C calc'!A0" in outlets and "=cmd|' /C calc'!A0" not in outlets
    assert not any(v.startswith(("=", "+", "@")) for r in rows for v in r.values())
    assert "=cmd|' /C calc'!A0" in {a["outlet"] for a in json.loads(out.read_bytes())["articles"]}


def test_a_file_name_cannot_forge_or_colour_a_line_of_the_build_output(tmp_path: Path) -> None:
    story = write_story(tmp_path / "story")
    (story / "x\n\x1b[31msite: everything fine, 0 warnings\x1b[0m.txt").write_bytes(b"")
    code, out, err = run_cli("build", str(story), "--site-dir", str(tmp_path / "site"), "--no-cache", "-q")
    assert code == 0, err
    assert "\x1b" not in out + err
    assert not any(line.startswith("site: everything fine") for line in (out + err).splitlines())
    assert any("x\\n\\x1b[31msite: everything fine" in line for line in err.splitlines())


def test_bidi_overrides_and_invisible_characters_are_isolated_in_pages_kept_in_the_export(tmp_path: Path) -> None:
    story = write_story(tmp_path / "story")
    herald = (story / "herald.md").read_text(encoding="utf-8")
    herald = herald.replace("outlet: Coast Herald", "outlet: \"\u202esemiT kroY weN\"")
    herald = herald.replace("ready to sign", "ready\u200b to sign")
    (story / "herald.md").write_text(herald, encoding="utf-8")
    site = tmp_path / "site"
    code, _, err = run_cli("build", str(story), "--site-dir", str(site), "--no-cache", "-q")
    assert code == 0, err
    # what a page shows: its text outside scripts (JSON-LD data, like the export, keeps the text)
    pages = {p: re.sub(r"<script\b.*?</script>", "", p.read_text(encoding="utf-8"), flags=re.S)
             for p in site.rglob("*.html")}
    assert pages and not any("\u202e" in t or "\u200b" in t for t in pages.values())
    assert any("\u2068semiT kroY weN\u2069" in t for t in pages.values())
    data = site_export(site)
    assert "\u202esemiT kroY weN" in {a["outlet"] for a in data["articles"]}
    assert "\u202e" not in err


# --- 7. clear errors --------------------------------------------------------------------------


def test_an_impossible_date_drops_the_date_alone_with_its_field_and_line(tmp_path: Path) -> None:
    story = write_story(tmp_path / "story")
    (story / "herald.md").write_text((story / "herald.md").read_text(encoding="utf-8").replace(
        "date: 2025-03-14", "date: 2024-13-45"), encoding="utf-8")
    out = tmp_path / "claims.json"
    code, _, err = run_cli("extract", str(story), "-o", str(out), "--no-cache", "-q")
    assert code == 0, err
    assert "warning: herald.md:3: date '2024-13-45' is not a date" in err.splitlines()
    herald = next(a for a in json.loads(out.read_bytes())["articles"] if a["path"] == "herald.md")
    assert (herald["title"], herald["outlet"]) == ("Harbour talks resume after strike", "Coast Herald")
    assert (herald["published"], herald["published_inferred"]) == ("2025-03-14", True)


def test_no_readable_article_names_the_skipped_files_and_the_suffixes_read(tmp_path: Path) -> None:
    story = tmp_path / "story"
    story.mkdir()
    for name in ("thesis.docx", "data.csv", "pier.jpeg"):
        (story / name).write_bytes(b"not an article")
    code, _, err = run_cli("build", str(story), "--site-dir", str(tmp_path / "site"), "--no-cache", "-q")
    assert code == 2
    [line] = [w for w in err.splitlines() if w.strip()]
    for part in ("thesis.docx", "data.csv", "pier.jpeg", "skipped 3 file(s)", ".txt", ".md", ".html"):
        assert part in line
