"""The pipeline end to end: cache, parallel extraction, and the CLI's contract."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from builder.cli import main
from builder.pipeline import collect, extract_all
from tests.conftest import SEEDS


@pytest.fixture()
def story(tmp_path) -> Path:
    folder = tmp_path / "story"
    shutil.copytree(SEEDS, folder)
    return folder


def test_rebuild_with_no_change_reads_everything_from_cache(story, tmp_path):
    cache = tmp_path / "cache"
    first = collect(story, cache_dir=cache, progress=False)
    second = collect(story, cache_dir=cache, progress=False)
    assert first.extracted == len(first.corpus.articles)
    assert second.extracted == 0
    assert second.corpus == first.corpus


def test_rebuild_after_one_changed_article_reextracts_that_article_only(story, tmp_path):
    cache = tmp_path / "cache"
    collect(story, cache_dir=cache, progress=False)
    changed = sorted(p for p in story.iterdir() if p.suffix == ".txt")[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nA closing line was added.\n",
                       encoding="utf-8")
    again = collect(story, cache_dir=cache, progress=False)
    assert again.extracted == 1


def test_parallel_extraction_gives_the_same_mentions(seeds_report):
    articles = seeds_report.corpus.articles
    serial, _ = extract_all(articles, jobs=1, progress=False)
    parallel, n = extract_all(articles, jobs=2, progress=False)
    assert n == len(articles)
    assert parallel == serial


def test_cli_extract_writes_json_and_csv(tmp_path, capsys):
    out = tmp_path / "c.json"
    assert main(["extract", str(SEEDS), "-o", str(out), "--no-cache", "-q",
                 "--ledger", str(out.with_name("no-ledger.json"))]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["schema_version"] == 1 and data["claims"]
    assert out.with_suffix(".csv").read_text(encoding="utf-8").startswith("story,claim,status")
    summary = capsys.readouterr().out
    assert "articles read" in summary and "claims" in summary


def test_cli_strict_fails_on_a_warning_and_writes_nothing(story, tmp_path, capsys):
    (story / "empty.txt").write_text("", encoding="utf-8")
    out = tmp_path / "c.json"
    assert main(["extract", str(story), "-o", str(out), "--strict", "--no-cache", "-q"]) == 1
    assert not out.exists()
    err = capsys.readouterr().err
    assert "empty.txt" in err


def test_cli_without_strict_warns_and_still_exports_the_rest(story, tmp_path, capsys):
    (story / "empty.txt").write_text("", encoding="utf-8")
    out = tmp_path / "c.json"
    assert main(["extract", str(story), "-o", str(out), "--no-cache", "-q"]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert len(data["articles"]) == len(list(SEEDS.iterdir()))
    assert "empty.txt" in capsys.readouterr().err


def test_cli_names_a_missing_folder(tmp_path, capsys):
    assert main(["extract", str(tmp_path / "nope"), "-o", str(tmp_path / "c.json")]) == 2
    assert "nope" in capsys.readouterr().err


def test_cli_reports_an_unexpected_failure_in_one_line(story, tmp_path, capsys, monkeypatch):
    import builder.site

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(builder.site, "build_site", broken)
    monkeypatch.delenv("PARALLAX_DEBUG", raising=False)
    assert main(["build", str(story), "--site-dir", str(tmp_path / "site"), "--no-cache", "-q"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith("parallax: build failed: RuntimeError: disk full")
    assert not (tmp_path / "site").exists()


def test_an_export_is_the_same_bytes_extracted_afresh_or_read_from_the_caches(tmp_path):
    from builder.export import to_json

    folder = tmp_path / "story"
    folder.mkdir()
    for name, outlet, body in (
            ("a", "Harbour Post", "Dozens of residents queued at the ferry on Monday, and about 300 "
                                  "cars waited at the slipway."),
            ("b", "Bay Daily", "Dozens of residents queued at the ferry on Monday; some 300 cars waited.")):
        (folder / f"{name}.md").write_text(f"---\ntitle: Ferry queues\noutlet: {outlet}\ndate: 2024-05-02\n"
                                           f"---\n\n{body}\n", encoding="utf-8")
    cold = to_json(collect(folder, progress=False).corpus)
    cache = tmp_path / "cache"
    assert to_json(collect(folder, cache_dir=cache, progress=False).corpus) == cold
    assert to_json(collect(folder, cache_dir=cache, progress=False).corpus) == cold  # from the caches
    assert b'"low":24,' in cold  # "dozens": at least two dozen, read back from the caches as written
