"""How many published links survive growing coverage: ``python -m bench.permalinks``.

Builds the seeds, then adds 17 more reports of the same story to the same folder
(each recombines the paragraphs of two seed articles, about a fifth of them left
out, under an outlet name of its own) and rebuilds, once with the id ledger the
first build wrote and once without one. Reports how many of the first build's claim
urls and claim#discrepancy links resolve in the second (directly or through one
redirect page, to a page holding the anchor).
"""

from __future__ import annotations

import gzip
import json
import posixpath
import random
import shutil
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path

from bench.synth import read_seeds
from builder import urls
from builder.cli import main as parallax

ROOT = Path(__file__).resolve().parents[1]
EXTRA_OUTLETS = 17


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.refresh: str | None = None
        self.canonical: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"] or "")
        if tag == "meta" and (a.get("http-equiv") or "").lower() == "refresh":
            self.refresh = (a.get("content") or "").split("url=", 1)[1]
        if tag == "link" and a.get("rel") == "canonical":
            self.canonical = a.get("href")


def published_links(site: Path) -> tuple[list[str], list[str]]:
    """The claim urls and the claim#discrepancy links a built site published."""
    claims = json.loads(gzip.decompress((site / urls.DATA_JSON).read_bytes()))["claims"]
    return ([c["url"] for c in claims],
            [f"{c['url']}#{d['id']}" for c in claims for d in c["discrepancies"]])


def resolve(site: Path, link: str) -> tuple[str, _Page, str] | None:
    """Follow ``link`` in ``site`` through at most one redirect page: the final url, its
    page and the anchor it lands on (a redirect to a passage brings its own), or None
    where it ends in a 404."""
    url, _, anchor = link.partition("#")
    for _ in range(2):
        path = site / url / "index.html"
        if not path.is_file():
            return None
        page = _Page()
        page.feed(path.read_text(encoding="utf-8"))
        if page.refresh is None:
            return url, page, anchor
        target, _, own = page.refresh.partition("#")
        url = posixpath.normpath(posixpath.join(url, target)) + "/"
        anchor = own or anchor
    return None


def lands(site: Path, link: str) -> bool:
    """``link`` reaches a page of ``site`` that holds its anchor."""
    found = resolve(site, link)
    return found is not None and (not found[2] or found[2] in found[1].ids)


def grow(story: Path, seeds_dir: Path, n: int, seed: int = 11) -> None:
    """Add ``n`` reports of the seeds' story, each recombining two seed articles."""
    seeds = read_seeds(seeds_dir)
    rng = random.Random(seed)
    for k in range(n):
        first, second = seeds[k % len(seeds)], seeds[(k * 3 + 1) % len(seeds)]
        paragraphs = [p for p in first.paragraphs if rng.random() > 0.2] or list(first.paragraphs)
        paragraphs.insert(rng.randrange(len(paragraphs) + 1), rng.choice(second.paragraphs))
        text = f"outlet: Synthetic Outlet {k + 1}\n{first.headline}\n" + "\n".join(paragraphs) + "\n"
        (story / f"extra-{k + 1:02d}.txt").write_text(text, encoding="utf-8")


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        story = work / "story"
        shutil.copytree(ROOT / "seeds", story, ignore=shutil.ignore_patterns(".*"))
        quiet = ["--no-cache", "-q"]
        assert parallax(["build", str(story), "--site-dir", str(work / "first"), *quiet]) == 0
        grow(story, ROOT / "seeds", EXTRA_OUTLETS)
        assert parallax(["build", str(story), "--site-dir", str(work / "no-ledger"), *quiet,
                         "--ledger", str(work / "none" / "ids.json")]) == 0
        assert parallax(["build", str(story), "--site-dir", str(work / "ledger"), *quiet]) == 0
        claims, anchors = published_links(work / "first")
        print(f"\nseeds ({len(claims)} claim urls, {len(anchors)} claim#discrepancy links), "
              f"then {EXTRA_OUTLETS} more reports of the same story in the same folder:")
        for name in ("no-ledger", "ledger"):
            site = work / name
            ok_claims = sum(lands(site, link) for link in claims)
            ok_anchors = sum(lands(site, link) for link in anchors)
            print(f"  {name:>9}: claim urls {ok_claims}/{len(claims)}, "
                  f"claim#discrepancy links {ok_anchors}/{len(anchors)} resolve")
    return 0


if __name__ == "__main__":
    sys.exit(main())
