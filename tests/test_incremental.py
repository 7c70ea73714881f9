"""Incremental builds: a rebuild renders and writes only the pages whose inputs changed,
takes the others from the previous site, and gives byte for byte the site a cold build
of the same input gives."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from tests.invented_story import write_story
from tests.test_broken_build import digest
from tests.test_hostile import run_cli

pytestmark = pytest.mark.slow

CHANGED = "ferry/tide.md"
ADDED = ('\nThe harbour master said: "We will run the ferry every hour until the bridge '
         'reopens, and every half hour at weekends."\n')
# A second story, written for this test: the town's ferry while the bridge is shut.
FERRY = {
    "tide": ("Tide Courier", "Ferry doubles its crossings",
             'The Brackenford ferry will cross the Hollin twice as often from Monday, its operator '
             'said.\n\nSkipper Jon Vale said: "We carried 900 people on Saturday alone."'),
    "valley": ("Valley Echo", "Queues at the ferry slipway",
               'Drivers waited up to an hour at the slipway on Saturday as the ferry took the '
               'bridge traffic.\n\nSkipper Jon Vale said: "We carried 900 people on Saturday."'),
}


def _write_ferry(folder: Path) -> None:
    folder.mkdir(parents=True)
    for name, (outlet, title, body) in FERRY.items():
        (folder / f"{name}.md").write_text(
            f"---\ntitle: {title}\ndate: 2025-03-12\noutlet: {outlet}\n---\n{body}\n", encoding="utf-8")


def _build(source: Path, site: Path, *options: str) -> None:
    code, _, err = run_cli("build", str(source), "--site-dir", str(site), "--no-cache", "-q", *options)
    assert code == 0, err


def test_a_rebuild_after_one_changed_article_is_a_cold_build_byte_for_byte(tmp_path: Path) -> None:
    source, site = tmp_path / "archive", tmp_path / "site"
    write_story(source / "bridge", [0, 1, 2], wire=False)
    _write_ferry(source / "ferry")
    _build(source, site)
    changed = source / CHANGED
    changed.write_text(changed.read_text(encoding="utf-8") + ADDED, encoding="utf-8")
    cold_source = tmp_path / "cold-archive"
    shutil.copytree(source, cold_source)  # with the id ledger the first build wrote
    # A page of the previous site damaged in place (same size) must be rebuilt, not reused.
    damaged = site / "stories" / "bridge" / "index.html"
    text = damaged.read_bytes()
    damaged.write_bytes(text.replace(b"<h1", b"<h2", 1))
    started = time.time_ns()
    _build(source, site, "--strict")  # mkdocs' notice of a dirty build is no warning here
    _build(cold_source, tmp_path / "cold")

    assert digest(site) == digest(tmp_path / "cold")
    pages = {p.relative_to(site).as_posix(): p.stat().st_mtime_ns for p in site.rglob("index.html")}
    kept = {url for url, written in pages.items() if written < started}
    assert {"stories/bridge/articles/outlet-01/index.html", "speakers/ana-ortiz/index.html"} <= kept
    assert any(url.startswith("stories/bridge/claims/") for url in kept)
    assert "stories/ferry/articles/tide/index.html" not in kept
    assert "stories/bridge/index.html" not in kept  # the damaged page
    assert "index.html" not in kept  # the home page counts the new quotation's claim
