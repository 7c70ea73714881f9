"""The site's search index: a Pagefind BASE bundle and a small DELTA bundle beside it.

Pagefind cannot update an index, and re-indexing a site of 1,000 articles takes a quarter
of a one-article rebuild. So the index is kept the way a log-structured store keeps its
data:

- ``pagefind/`` is the BASE: the whole site, indexed by a cold build. It records, in
  ``pagefind/.parallax-search.json``, every page it holds (url -> digest of the page's
  HTML, Pagefind's fragment id) and a digest of its own files.
- An incremental build links the previous site's base into the new site unchanged and
  indexes only the pages that are new or differ from the base into ``pagefind-delta/``;
  ``pagefind-delta/parallax-delta.json`` lists the base fragments that are stale (their
  page changed or is gone). The browser merges the delta into the base (Pagefind's
  ``mergeIndex``) and drops the stale results before it loads their data
  (templates/static/assets/parallax-search.js).
- A build compacts (indexes everything into a fresh base, with an empty delta) when the
  previous site has no usable base, when Pagefind or its options changed, or when more
  than :data:`COMPACT_AT` of the pages differ from the base.

:func:`index_search` is the one entry point (``builder.site.build_site`` calls it).
"""

from __future__ import annotations

import gzip
import hashlib
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from builder.files import write_atomic

BASE = "pagefind"
DELTA = "pagefind-delta"
RECORD = ".parallax-search.json"  # in BASE: what the base indexed; in DELTA: what the delta did
DELTA_FILE = "parallax-delta.json"  # in DELTA: what the browser reads (stale base fragments)
WORDS = ".parallax-words.txt"  # in BASE: every word the base's pages hold, one a line
WORDS_URL = "/parallax-search-words/"  # the delta's page of the base's words (see _index_delta)
# Past this share of the indexed pages changed since the base, a build indexes everything.
COMPACT_AT = 0.10

# Left out of the index: the story's name on every page, the article headlines that
# every version links to, and the controls of the tables.
SEARCH_EXCLUDE = (".px-crumbs", ".px-links", ".px-legend", ".px-filters", ".px-permalink", ".px-place")

# What of a Pagefind bundle the site does not load: its other search interfaces, and, in
# the delta, what a merged index takes from the base (the script, its worker, the wasm).
SEARCH_UNUSED = ("pagefind-component-ui.css", "pagefind-component-ui.js", "pagefind-highlight.js",
                 "pagefind-modular-ui.css", "pagefind-modular-ui.js", "pagefind-ui.css", "pagefind-ui.js")
DELTA_KEEPS = ("pagefind-entry.json", "fragment", "index", "filter")  # and the *.pf_meta


@dataclass(frozen=True, slots=True)
class Page:
    """An indexed page: the digest of its HTML, its fragment id in the bundle holding it, and
    the rank it gives itself for phrase searches (``data-pagefind-sort="rank:N"``)."""

    digest: str
    fragment: str
    rank: int


def index_search(site: Path, previous: Path | None = None) -> str:
    """Index the built ``site`` for search; with ``previous`` (the site it replaces, whose
    unchanged pages it hard-linked), reuse that site's base and index only what changed.
    Returns what was done: ``"base"`` (everything indexed), ``"delta"`` or ``"unchanged"``."""
    engine = _engine()
    base = _usable_base(previous, engine) if previous is not None else None
    if base is None:
        _index_base(site, engine)
        return "base"
    base_pages, earlier = base
    pages = _indexed_pages(site, previous, earlier)
    changed = {url: page for url, page in pages.items()
               if url not in base_pages or base_pages[url].digest != page[0]}
    gone = sorted(set(base_pages) - set(pages))
    if len(changed) + len(gone) > COMPACT_AT * max(len(pages), 1):
        _index_base(site, engine)
        return "base"
    _link_tree(previous / BASE, site / BASE)
    if not changed and not gone:
        _write_delta_file(site, base_pages)
        return "unchanged"
    delta, words_id = _index_delta(site, changed)
    base_ids = {page.fragment: url for url, page in base_pages.items()}
    if words_id in base_ids or any(base_ids.get(page.fragment, url) != url for url, page in delta.items()):
        # Two pages with one fragment id (a clash of Pagefind's short hashes across two
        # indexes): the browser could not tell them apart, so index everything.
        shutil.rmtree(site / BASE)
        shutil.rmtree(site / DELTA)
        _index_base(site, engine)
        return "base"
    fresh = {page.fragment for page in delta.values()}
    stale = sorted({base_pages[url].fragment for url in [*changed, *gone] if url in base_pages} - fresh
                   | {words_id})
    write_atomic(site / DELTA / RECORD, _json({"pages": _pages_json(delta), "gone": gone}))
    _write_delta_file(site, base_pages, delta, stale)
    return "delta"


def _engine() -> str:
    """What an index depends on besides the pages: Pagefind's version and our options."""
    return f"pagefind {metadata.version('pagefind')}; exclude {', '.join(SEARCH_EXCLUDE)}"


def _run_pagefind(source: Path, output: Path) -> None:
    command = [sys.executable, "-m", "pagefind", "--site", str(source), "--output-path", str(output),
               "--silent", "--exclude-selectors", ", ".join(SEARCH_EXCLUDE)]
    done = subprocess.run(command, cwd=source, capture_output=True, text=True)
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip().splitlines()
        raise RuntimeError(f"search indexing (pagefind) failed: {detail[-1] if detail else done.returncode}")
    for name in SEARCH_UNUSED:
        (output / name).unlink(missing_ok=True)


def _index_base(site: Path, engine: str) -> None:
    """Index all of ``site`` into its base and record what the base holds; the delta is empty."""
    _run_pagefind(site, site / BASE)
    pages = {}
    words: set[str] = set()
    for url, fragment in _fragments(site / BASE, words).items():
        data = (site / _file_of(url)).read_bytes()
        pages[url] = Page(_digest(data), fragment, _rank(data))
    record = {"engine": engine, "bundle": _bundle_digest(site / BASE), "pages": _pages_json(pages)}
    write_atomic(site / BASE / RECORD, _json(record))
    write_atomic(site / BASE / WORDS, "\n".join(sorted(words)).encode() + b"\n")
    _write_delta_file(site, pages)


def _index_delta(site: Path, changed: dict[str, tuple[str, int]]) -> tuple[dict[str, Page], str]:
    """Index the pages ``changed`` (url -> digest, rank) alone into ``site``'s delta: Pagefind on a
    temporary tree of hard links to them (their urls are the site's), with one page more
    holding every word of the base (:data:`WORDS`). Pagefind searches a word missing from
    an index for its longest prefix that is there ("bridge" finds "B"): without the base's
    words, the delta would answer for words it lacks what the whole site's index never
    would. Returns the pages indexed and that page's fragment id (for the browser to drop)."""
    source = Path(tempfile.mkdtemp(prefix=".px-search-", dir=site.parent))
    try:
        for url in changed:
            target = source / _file_of(url)
            target.parent.mkdir(parents=True, exist_ok=True)
            _link(site / _file_of(url), target)
        entry = json.loads((site / BASE / "pagefind-entry.json").read_bytes())
        language = html.escape(next(iter(entry["languages"]), "en"))
        words = html.escape((site / BASE / WORDS).read_text(encoding="utf-8"), quote=False)
        (source / _file_of(WORDS_URL)).parent.mkdir(parents=True)
        (source / _file_of(WORDS_URL)).write_text(
            f'<!doctype html><html lang="{language}"><body><div data-pagefind-body>{words}</div></body></html>\n',
            encoding="utf-8")
        _run_pagefind(source, site / DELTA)
    finally:
        shutil.rmtree(source, ignore_errors=True)
    for path in (site / DELTA).iterdir():
        if path.name not in DELTA_KEEPS and path.suffix != ".pf_meta":
            if path.is_dir():
                shutil.rmtree(path)
            else:
                path.unlink()
    fragments = _fragments(site / DELTA)
    words_id = fragments.pop(WORDS_URL)
    (site / DELTA / "fragment" / f"{words_id}.pf_fragment").unlink()  # never loaded: dropped first
    return {url: Page(changed[url][0], fragment, changed[url][1]) for url, fragment in fragments.items()}, words_id


def _usable_base(previous: Path, engine: str) -> tuple[dict[str, Page], dict[str, tuple[str, int]]] | None:
    """The previous site's base (url -> page) and what the previous site's index held in
    all (url -> digest and rank: the base's pages less those its delta dropped, and the delta's),
    if the base was made by this Pagefind with these options and its files are intact."""
    try:
        record = json.loads((previous / BASE / RECORD).read_bytes())
        if (record.get("engine") != engine or record.get("bundle") != _bundle_digest(previous / BASE)
                or not (previous / BASE / WORDS).is_file()):
            return None
        base = _pages_from(record["pages"])
        held = {url: (page.digest, page.rank) for url, page in base.items()}
        try:
            delta = json.loads((previous / DELTA / RECORD).read_bytes())
        except FileNotFoundError:
            return base, held
        for url in delta["gone"]:
            held.pop(str(url), None)
        held.update({url: (page.digest, page.rank) for url, page in _pages_from(delta["pages"]).items()})
        return base, held
    except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError):
        return None


def _indexed_pages(site: Path, previous: Path, held: dict[str, tuple[str, int]]) -> dict[str, tuple[str, int]]:
    """Every page of ``site`` Pagefind indexes (its HTML carries ``data-pagefind-body``, and
    with it its rank, an attribute page text cannot fake: its quotes are escaped):
    url -> (digest, rank). A page hard-linked from ``previous`` holds the bytes it held
    there, so it is indexed if the previous index ``held`` it, with the digest recorded;
    only the pages written by this build are read. (Strings and ``os.scandir``, not
    pathlib: a site of 1,000 articles has 16,000 pages.)"""
    pages: dict[str, tuple[str, int]] = {}
    root, before = str(site), str(previous)

    def walk(rel: str) -> None:
        with os.scandir(os.path.join(root, rel)) as entries:
            found = list(entries)
        for entry in found:
            path = f"{rel}{entry.name}"
            if entry.is_dir(follow_symlinks=False):
                if path not in (BASE, DELTA):
                    walk(path + "/")
                continue
            if not entry.name.endswith(".html"):
                continue
            url = "/" + (rel if entry.name == "index.html" else path)
            if _same_inode(entry.stat(follow_symlinks=False), os.path.join(before, path)):
                if url in held:
                    pages[url] = held[url]
                continue
            with open(entry.path, "rb") as file:
                data = file.read()
            rank = _RANK.search(data)  # set with data-pagefind-body (main.html); text cannot fake it
            if rank:
                pages[url] = (_digest(data), int(rank.group(1)))

    walk("")
    return pages


def _same_inode(mine: os.stat_result, other: str) -> bool:
    try:
        theirs = os.stat(other, follow_symlinks=False)
    except OSError:
        return False
    return (mine.st_ino, mine.st_dev) == (theirs.st_ino, theirs.st_dev)


def _fragments(bundle: Path, words: set[str] | None = None) -> dict[str, str]:
    """url -> fragment id of every page in a Pagefind bundle (``fragment/<id>.pf_fragment``:
    gzip, then ``pagefind_dcd``, then the fragment's JSON); with ``words``, every word the
    pages' text and titles hold is added to it."""
    found: dict[str, str] = {}
    for path in sorted((bundle / "fragment").glob("*.pf_fragment")):
        fragment = json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd"))
        found[str(fragment["url"])] = path.name.removesuffix(".pf_fragment")
        if words is not None:
            words.update(str(fragment.get("content", "")).split())
            words.update(str(fragment.get("meta", {}).get("title", "")).split())
    return found


def _bundle_digest(bundle: Path) -> str:
    """A digest of a bundle's files (names and bytes), its record and words left out."""
    digest = hashlib.sha256()
    for folder, dirs, files in os.walk(bundle):
        dirs.sort()
        for name in sorted(files):
            if name in (RECORD, WORDS):  # written after the digest
                continue
            path = os.path.join(folder, name)
            with open(path, "rb") as file:
                data = file.read()
            digest.update(f"{os.path.relpath(path, bundle)}\0{len(data)}\0".encode())
            digest.update(data)
    return digest.hexdigest()


def _file_of(url: str) -> str:
    """The file of the site a page url names (Pagefind drops ``index.html`` from urls)."""
    path = url.lstrip("/")
    return path + "index.html" if path.endswith("/") or not path else path


def _link_tree(source: Path, target: Path) -> None:
    """``target`` made a tree of hard links to the files of ``source``."""
    for folder, _, files in os.walk(source):
        into = os.path.join(target, os.path.relpath(folder, source))
        os.makedirs(into, exist_ok=True)
        for name in files:
            _link(os.path.join(folder, name), os.path.join(into, name))


def _link(source: Path | str, target: Path | str) -> None:
    try:
        os.link(source, target)
    except OSError:  # another file system, or no hard links: a copy
        shutil.copyfile(source, target)


def _write_delta_file(site: Path, base: dict[str, Page], delta: dict[str, Page] | None = None,
                      stale: list[str] | None = None) -> None:
    """What the browser reads before a search (always written, so it never asks for a
    missing file): whether to merge the delta, the base fragments to drop, and what it
    needs to order a phrase's results by rank across the two bundles. Sorted by rank,
    Pagefind scores a result by its page's place among its bundle's pages in rank order:
    ``ranks`` lists, for the base, where each rank starts; ``fresh`` the delta's pages'
    ranks by fragment id."""
    starts: list[list[int]] = []
    for place, rank in enumerate(sorted(page.rank for page in base.values())):
        if not starts or starts[-1][1] != rank:
            starts.append([place, rank])
    state: dict[str, object] = {"merge": bool(delta), "stale": stale or []}
    if delta:
        state["ranks"] = starts
        state["fresh"] = {page.fragment: page.rank for _, page in sorted(delta.items())}
    (site / DELTA).mkdir(exist_ok=True)
    write_atomic(site / DELTA / DELTA_FILE, _json(state))


def _rank(html: bytes) -> int:
    """The rank a page gives itself for phrase searches (0 without one)."""
    found = _RANK.search(html)
    return int(found.group(1)) if found else 0


_RANK = re.compile(rb'data-pagefind-sort="rank:(\d+)"')


def _pages_json(pages: dict[str, Page]) -> dict[str, list[str | int]]:
    return {url: [page.digest, page.fragment, page.rank] for url, page in sorted(pages.items())}


def _pages_from(data: dict[str, list[str | int]]) -> dict[str, Page]:
    return {str(url): Page(str(value[0]), str(value[1]), int(value[2])) for url, value in data.items()}


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:32]


def _json(data: object) -> bytes:
    return (json.dumps(data, separators=(",", ":"), ensure_ascii=False) + "\n").encode()
