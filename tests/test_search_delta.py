"""The search index after an incremental build: the previous site's Pagefind base is kept
as it was, only the changed pages are indexed (a delta), and a search in a real browser
merges the two: it finds the changed page's new words, never its old version, and gives
the result urls a cold build gives. Past the threshold a build compacts (a fresh base)."""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import shutil
from pathlib import Path

import pytest

from bench.search_payload import serve_folder
from builder import search as search_index
from tests.invented_story import write_story
from tests.test_browser import browser, result_urls, search  # noqa: F401
from tests.test_incremental import _build, _write_ferry

pytestmark = pytest.mark.slow

CHANGED = "ferry/tide.md"
OLD_WORDS = "will cross the Hollin twice as often from Monday"
NEW_WORDS = "will run lantern crossings of the Hollin through the night from Monday"


def _files(folder: Path) -> dict[str, tuple[int, str]]:
    """Every file under ``folder``: (inode, digest of its bytes)."""
    return {p.relative_to(folder).as_posix(): (p.stat().st_ino, hashlib.sha256(p.read_bytes()).hexdigest())
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _pages(site: Path) -> dict[str, str]:
    """Every HTML page of the site outside the search bundles: path -> digest."""
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*.html")) if not p.relative_to(site).parts[0].startswith("pagefind")}


def _fragment_urls(bundle: Path) -> set[str]:
    return {json.loads(gzip.decompress(p.read_bytes()).removeprefix(b"pagefind_dcd"))["url"]
            for p in (bundle / "fragment").glob("*.pf_fragment")}


def _rank(site: Path, url: str) -> int:
    """The rank a page gives itself for phrase searches (``data-pagefind-sort``)."""
    found = re.search(r'data-pagefind-sort="rank:(\d+)"', (site / url / "index.html").read_text(encoding="utf-8"))
    assert found, url
    return int(found.group(1))


def _file_of(url: str) -> str:
    return url.lstrip("/") + "index.html"


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """Two stories built, then one article rewritten and the site rebuilt incrementally
    (with the threshold raised: in a site this small one article is a quarter of the
    pages), and a cold build of the changed archive beside it."""
    root = tmp_path_factory.mktemp("delta")
    source, site = root / "archive", root / "served" / "site"
    write_story(source / "bridge", [0, 1, 2], wire=False)
    _write_ferry(source / "ferry")
    _build(source, site)
    before = {"base": _files(site / search_index.BASE), "pages": _pages(site)}
    article = source / CHANGED
    text = article.read_text(encoding="utf-8")
    assert OLD_WORDS in text
    article.write_text(text.replace(OLD_WORDS, NEW_WORDS), encoding="utf-8")
    cold_source = root / "cold-archive"
    shutil.copytree(source, cold_source)  # with the id ledger the first build wrote
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search_index, "COMPACT_AT", 0.5)
        _build(source, site)
    _build(cold_source, root / "served" / "cold")
    return {"root": root, "source": source, "site": site, "cold": root / "served" / "cold", "before": before}


def test_a_one_article_rebuild_keeps_the_base_and_indexes_only_the_changed_pages(builds) -> None:  # type: ignore[no-untyped-def]
    site: Path = builds["site"]
    before = builds["before"]
    assert _files(site / search_index.BASE) == before["base"]  # the same files: hard links
    now = _pages(site)
    changed = {path for path, digest in now.items() if before["pages"].get(path) != digest}
    delta = _fragment_urls(site / search_index.DELTA)
    assert "/stories/ferry/articles/tide/" in delta
    assert {_file_of(url) for url in delta} <= changed
    assert len(delta) < len(_fragment_urls(site / search_index.BASE)) / 2
    state = json.loads((site / search_index.DELTA / search_index.DELTA_FILE).read_bytes())
    assert state["merge"] is True and state["stale"]
    assert not (site / search_index.DELTA / "pagefind.js").exists()  # the base's script runs it


def _urls_for(page, base: str, query: str) -> list[str]:  # type: ignore[no-untyped-def]
    """Every result url of ``query`` on the site at ``base``, pressing "Load more results"."""
    page.goto(base)
    search(page, query)
    page.locator(".px-search__message").filter(has_text=re.compile(f"for {re.escape(query)}$")).wait_for(timeout=10_000)
    if page.locator(".px-search__result").count() == 0:
        return []
    more = page.locator(".px-search__more")
    while more.is_visible():
        more.click()
        page.wait_for_timeout(100)
    return [url.removeprefix(base) for url in result_urls(page)]


@pytest.fixture()
def page(browser):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.errors = []  # type: ignore[attr-defined]
    page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    yield page
    context.close()


@pytest.mark.browser
def test_a_search_finds_the_new_words_and_never_the_old_version(page, builds) -> None:  # type: ignore[no-untyped-def]
    with serve_folder(builds["root"] / "served") as served:
        base = served + "site/"
        article = "stories/ferry/articles/tide/"
        assert article in _urls_for(page, base, "lantern")
        assert article not in _urls_for(page, base, "twice")  # its old words
        found = _urls_for(page, base, "ferry")
        assert article in found and len(found) == len(set(found))  # once, not twice
        assert page.errors == []


@pytest.mark.browser
def test_the_incremental_index_and_a_cold_one_give_the_same_results(page, builds) -> None:  # type: ignore[no-untyped-def]
    with serve_folder(builds["root"] / "served") as served:
        for query in ("lantern", "ferry", "Skipper", "bridge", '"Jon Vale"'):
            incremental = _urls_for(page, served + "site/", query)
            cold = _urls_for(page, served + "cold/", query)
            assert incremental and sorted(incremental) == sorted(cold), query
        # A phrase lists its pages by rank (claim pages first) in both: the delta's among the base's.
        for name in ("site", "cold"):
            ranks = [_rank(builds[name], url) for url in _urls_for(page, served + f"{name}/", '"Jon Vale"')]
            assert len(set(ranks)) > 1 and ranks == sorted(ranks, reverse=True), name
        assert page.errors == []


def test_a_change_past_the_threshold_compacts_into_a_fresh_base(builds, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source: Path = builds["source"]
    site = tmp_path / "site"
    shutil.copytree(builds["site"], site, copy_function=shutil.copy2)
    article = source.parent / "compact-archive" / CHANGED
    shutil.copytree(source, article.parents[1])
    article.write_text(article.read_text(encoding="utf-8") + "\nThe operator said the lantern crossings "
                       "would end when the bridge reopened.\n", encoding="utf-8")
    _build(article.parents[1], site)  # the default threshold: a quarter of this site's pages changed
    state = json.loads((site / search_index.DELTA / search_index.DELTA_FILE).read_bytes())
    assert state == {"merge": False, "stale": []}
    assert sorted(p.name for p in (site / search_index.DELTA).iterdir()) == [search_index.DELTA_FILE]
    record = json.loads((site / search_index.BASE / search_index.RECORD).read_bytes())
    assert set(record["pages"]) == _fragment_urls(site / search_index.BASE)
    tide = record["pages"]["/stories/ferry/articles/tide/"][0]
    assert tide == hashlib.sha256((site / "stories/ferry/articles/tide/index.html").read_bytes()).hexdigest()[:32]
