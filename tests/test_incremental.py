"""Incremental builds: a rebuild renders and writes only the pages whose inputs changed,
takes the others from the previous site, and gives byte for byte the site a cold build
of the same input gives (but for the search index: a rebuild keeps the previous base and
adds a delta, tests/test_search_delta.py); a rebuild with nothing changed reads nothing but the input's
bytes, and misses no change (of content, ledger, files, options)."""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest

from builder.urls import claim_url
from tests.invented_story import write_story
from tests.site_data import site_export_bytes
from builder import search
from builder.site import MARKER
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


def site_digest(site: Path) -> dict[str, object]:
    """The files of a site as :func:`digest` gives them, but for the search index: where a
    rebuild indexed only what changed (a delta beside the previous base), its bundles and
    the marker's digest of all files differ from a cold build's by design; the searches
    they answer are compared in tests/test_search_delta.py."""
    files: dict[str, object] = {path: value for path, value in digest(site).items()
                                if path.split("/", 1)[0] not in (search.BASE, search.DELTA)}
    marker = json.loads((site / MARKER).read_bytes())
    marker.pop("files")
    files[MARKER] = marker
    return files


def _write_ferry(folder: Path) -> None:
    folder.mkdir(parents=True)
    for name, (outlet, title, body) in FERRY.items():
        (folder / f"{name}.md").write_text(
            f"---\ntitle: {title}\ndate: 2025-03-12\noutlet: {outlet}\n---\n{body}\n", encoding="utf-8")


def _build(source: Path, site: Path, *options: str) -> None:
    code, _, err = run_cli("build", str(source), "--site-dir", str(site), "--no-cache", "-q", *options)
    assert code == 0, err


def _built_then_changed(tmp_path: Path) -> tuple[Path, Path, Path]:
    """Two stories built into a site, then one article of the second changed: (source, site,
    the changed article)."""
    source, site = tmp_path / "archive", tmp_path / "site"
    write_story(source / "bridge", [0, 1, 2], wire=False)
    _write_ferry(source / "ferry")
    _build(source, site)
    changed = source / CHANGED
    changed.write_text(changed.read_text(encoding="utf-8") + ADDED, encoding="utf-8")
    return source, site, changed


def test_a_rebuild_after_one_changed_article_is_a_cold_build_byte_for_byte(tmp_path: Path) -> None:
    source, site, changed = _built_then_changed(tmp_path)
    cold_source = tmp_path / "cold-archive"
    shutil.copytree(source, cold_source)  # with the id ledger the first build wrote
    # A page of the previous site damaged in place (same size) must be rebuilt, not reused.
    damaged = site / "stories" / "bridge" / "index.html"
    text = damaged.read_bytes()
    damaged.write_bytes(text.replace(b"<h1", b"<h2", 1))
    started = time.time_ns()
    _build(source, site, "--strict")  # mkdocs' notice of a dirty build is no warning here
    _build(cold_source, tmp_path / "cold")

    assert site_digest(site) == site_digest(tmp_path / "cold")
    pages = {p.relative_to(site).as_posix(): p.stat().st_mtime_ns for p in site.rglob("index.html")}
    kept = {url for url, written in pages.items() if written < started}
    assert {"stories/bridge/articles/outlet-01/index.html", "speakers/ana-ortiz/index.html"} <= kept
    assert any(url.startswith("stories/bridge/claims/") for url in kept)
    redirects = {url for url in pages if b'http-equiv="refresh"' in (site / url).read_bytes()}
    kept_redirects = {url for url in redirects if url.startswith("stories/bridge/")}
    assert kept_redirects and kept_redirects <= kept  # linked from the previous site, not written
    assert "stories/ferry/articles/tide/index.html" not in kept
    assert "stories/bridge/index.html" not in kept  # the damaged page
    assert "index.html" not in kept  # the home page counts the new quotation's claim


def _rendered_articles(monkeypatch: pytest.MonkeyPatch) -> tuple[list[str], list[str]]:
    """The ids of the articles whose pages the builds from here on render, and the names
    of the speakers whose pages they render."""
    from builder.render import pages

    articles: list[str] = []
    speakers: list[str] = []
    context_of, render = pages.article_context, pages.render

    def article_context(lk, article):  # type: ignore[no-untyped-def]
        articles.append(article.id)
        return context_of(lk, article)

    def rendering(template, context, env=None):  # type: ignore[no-untyped-def]
        if template == "speaker.html":
            speakers.append(context.name)
        return render(template, context, env)

    monkeypatch.setattr(pages, "article_context", article_context)
    monkeypatch.setattr(pages, "render", rendering)
    return articles, speakers


def test_a_rebuild_renders_only_the_pages_of_the_story_that_changed(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    source, site, changed = _built_then_changed(tmp_path)
    rendered, speakers = _rendered_articles(monkeypatch)
    _build(source, site)
    assert sorted(rendered) == ["tide", "valley"]
    assert "Ana Ortiz" not in speakers  # a speaker of the other story: her page is unchanged

    # A speaker of the other story whose address changes (a new name takes the same slug,
    # so both get a suffix) makes that story's pages change too: rendered, as a cold build.
    changed.write_text(changed.read_text(encoding="utf-8")
                       + '\nÁna Ortiz said: "The ferry is full every morning."\n', encoding="utf-8")
    rendered.clear()
    _build(source, site)
    cold_source = tmp_path / "cold-archive"
    shutil.copytree(source, cold_source)
    _build(cold_source, tmp_path / "cold")
    folders = {p.name for p in (tmp_path / "cold" / "speakers").iterdir()}
    assert "ana-ortiz" not in folders and sum(s.startswith("ana-ortiz-") for s in folders) == 2
    assert {"outlet-01", "tide"} <= set(rendered) and "Ana Ortiz" in speakers
    assert site_digest(site) == site_digest(tmp_path / "cold")


# --- nothing changed: the build fingerprint ------------------------------------------------------


def _cached_build(source: Path, site: Path, *options: str, code: int = 0) -> tuple[str, str]:
    """A build with the extraction cache and the ledger beside the site; (stdout, stderr)."""
    done, out, err = run_cli("build", str(source), "--site-dir", str(site), "--cache-dir",
                             str(site.parent / "cache"), "--ledger", str(site.parent / "ids.json"), "-q", *options)
    assert done == code, err
    return out, err


def _archive(tmp_path: Path) -> Path:
    source = tmp_path / "archive"
    write_story(source / "bridge", [0, 1], wire=False)
    _write_ferry(source / "ferry")
    return source


def _cold(source: Path, ledger: bytes | None, where: Path, *options: str) -> dict[str, object]:
    """The files of a cold build (empty cache, new site) of ``source`` as it is now, from ``ledger``."""
    where.mkdir()
    if ledger is not None:
        (where / "ids.json").write_bytes(ledger)
    _cached_build(source, where / "site", *options)
    return site_digest(where / "site")


def test_a_rebuild_with_nothing_changed_reads_no_article_and_leaves_the_cold_site(tmp_path: Path) -> None:
    source, site = _archive(tmp_path), tmp_path / "build" / "site"
    first, _ = _cached_build(source, site)
    ledger = (tmp_path / "build" / "ids.json").read_bytes()
    cache = tmp_path / "build" / "cache"
    for kept in cache.iterdir():  # a build that read the articles would extract and align them again
        if kept.name != "builds":  # what the last build of each site folder read
            shutil.rmtree(kept)
    written = {p: p.stat().st_mtime_ns for p in site.rglob("*")}
    again, _ = _cached_build(source, site, "--strict")

    assert "(unchanged" in again and "0 articles extracted" in again
    assert again.split(";")[:3] == first.split(";")[:3]  # the same articles, claims, discrepancies
    assert [p.name for p in cache.iterdir()] == ["builds"]
    assert {p: p.stat().st_mtime_ns for p in site.rglob("*")} == written
    assert (tmp_path / "build" / "ids.json").read_bytes() == ledger
    assert site_digest(site) == _cold(source, None, tmp_path / "cold")
    # another option is another build
    assert "(unchanged" not in _cached_build(source, site, "--site-url", "https://example.org/p/")[0]


def test_an_article_changed_in_place_with_its_size_and_mtime_kept_is_rebuilt(tmp_path: Path) -> None:
    source, site = _archive(tmp_path), tmp_path / "build" / "site"
    _cached_build(source, site)
    ledger = (tmp_path / "build" / "ids.json").read_bytes()
    article = source / "ferry" / "valley.md"
    was, text = article.stat(), article.read_bytes()
    edited = text.replace(b"900 people", b"600 people")
    assert len(edited) == len(text) and edited != text
    article.write_bytes(edited)
    os.utime(article, ns=(was.st_atime_ns, was.st_mtime_ns))
    # the bridge story's alignment comes from the cache; a damaged entry is aligned again
    entries = sorted((tmp_path / "build" / "cache" / "stories").rglob("*.json"))
    assert len(entries) == 2
    for entry in entries:
        entry.write_text('{"articles": [], "mentions": [], "claims": []}', encoding="utf-8")

    assert "(unchanged" not in _cached_build(source, site)[0]
    assert b"600 people" in site_export_bytes(site)
    assert site_digest(site) == _cold(source, ledger, tmp_path / "cold")


def test_a_removed_article_is_not_missed(tmp_path: Path) -> None:
    source, site = _archive(tmp_path), tmp_path / "build" / "site"
    _cached_build(source, site)
    ledger = (tmp_path / "build" / "ids.json").read_bytes()
    (source / "ferry" / "valley.md").unlink()

    assert "(unchanged" not in _cached_build(source, site)[0]
    assert not (site / "stories" / "ferry" / "articles" / "valley").exists()
    assert site_digest(site) == _cold(source, ledger, tmp_path / "cold")


def test_a_changed_ledger_is_not_missed(tmp_path: Path) -> None:
    source, site = _archive(tmp_path), tmp_path / "build" / "site"
    _cached_build(source, site)
    path = tmp_path / "build" / "ids.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    # an id an earlier build published, whose article is no longer in the story
    data["stories"]["ferry"]["q-harbour-master-every-hour"] = {
        "kind": "quote", "title": "We will run the ferry every hour", "state": "live",
        "mentions": ["harbour\u241fquote\u241fWe will run the ferry every hour"], "discrepancies": {},
        "into": None, "last_seen": "2025-03-11", "reason": None}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    ledger = path.read_bytes()

    assert "(unchanged" not in _cached_build(source, site)[0]
    gone = site / claim_url("ferry", "q-harbour-master-every-hour") / "index.html"
    assert "no longer" in gone.read_text(encoding="utf-8").lower()
    assert site_digest(site) == _cold(source, ledger, tmp_path / "cold")


def test_the_warnings_of_an_unchanged_build_still_fail_strict(tmp_path: Path) -> None:
    source, site = _archive(tmp_path), tmp_path / "build" / "site"
    (source / "ferry" / "sources.yml").write_text("ghost.md: {outlet: Nobody}\n", encoding="utf-8")
    _, err = _cached_build(source, site)
    assert "ghost.md" in err
    _, again = _cached_build(source, site, "--strict", code=1)
    assert "ghost.md" in again and "nothing written" in again


def test_a_cached_rebuild_takes_intact_files_by_their_state_and_reads_a_touched_one(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source, site, cache = tmp_path / "archive", tmp_path / "site", tmp_path / "cache"
    write_story(source / "bridge", [0, 1, 2], wire=False)
    _write_ferry(source / "ferry")

    def build() -> None:
        code, _, err = run_cli("build", str(source), "--site-dir", str(site), "--cache-dir", str(cache), "-q")
        assert code == 0, err

    build()
    changed = source / CHANGED
    changed.write_text(changed.read_text(encoding="utf-8") + ADDED, encoding="utf-8")
    # a page of the story that did not change, damaged in place with its size kept
    damaged = site / "stories" / "bridge" / "index.html"
    damaged.write_bytes(damaged.read_bytes().replace(b"<h1", b"<h2", 1))
    read: list[str] = []
    real = Path.read_bytes

    def reading(path: Path) -> bytes:
        if site in path.parents and path.suffix == ".html":
            read.append(path.relative_to(site).as_posix())
        return real(path)

    monkeypatch.setattr(Path, "read_bytes", reading)
    build()
    monkeypatch.undo()
    shutil.copytree(source, tmp_path / "cold-archive")
    _build(tmp_path / "cold-archive", tmp_path / "cold")
    assert site_digest(site) == site_digest(tmp_path / "cold")  # the damaged page was rebuilt
    assert set(read) == {"stories/bridge/index.html"}  # the one file not as the last build left it
