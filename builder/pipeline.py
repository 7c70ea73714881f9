"""The pipeline, end to end: ingest -> extract -> unify speakers -> align -> export / render.

``collect`` gathers all data (no file written but the extraction cache);
``build`` then writes the exports and the site. Read ``collect`` as the table
of contents of Parallax.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

from builder.cache import ExtractionCache
from builder.models import Article, Claim, Corpus, Mention, Story, Warning_

Progress = Callable[[int], None]


@dataclass(frozen=True, slots=True)
class BuildReport:
    """What a build did, for the summary line and for --strict."""

    corpus: Corpus
    skipped: tuple[tuple[str, str], ...] = ()
    extracted: int = 0  # articles extracted afresh (the rest came from the cache)
    site_dir: Path | None = None
    site_rebuilt: bool = True  # False: nothing had changed since the last build of site_dir

    @property
    def discrepancies(self) -> int:
        return sum(1 for c in self.corpus.claims for d in c.discrepancies if not d.minor)

    def summary(self) -> str:
        c = self.corpus
        skipped = f", {len(self.skipped)} skipped" if self.skipped else ""
        return (f"{len(c.articles)} articles read{skipped} in {len(c.stories)} "
                f"{'story' if len(c.stories) == 1 else 'stories'}; {len(c.mentions)} mentions, "
                f"{len(c.claims)} claims, {self.discrepancies} discrepancies; "
                f"{len(c.warnings)} warnings; {self.extracted} articles extracted, "
                f"{len(c.articles) - self.extracted} from cache")


def collect(source: Path, *, jobs: int = 1, cache_dir: Path | None = None,
            progress: bool | None = None) -> BuildReport:
    """Read, extract and align every story under ``source``."""
    from builder.ingest import read_stories

    ingested = read_stories(source)
    warnings = [*ingested.warnings, *_oversized(ingested.articles)]
    mentions, extracted = extract_all(ingested.articles, jobs=jobs, cache_dir=cache_dir,
                                      progress=progress)
    story_mentions, claims = align_stories(ingested.stories, ingested.articles, mentions)
    corpus = Corpus(stories=ingested.stories, articles=ingested.articles, mentions=story_mentions,
                    claims=claims, warnings=tuple(warnings))
    return BuildReport(corpus=corpus, skipped=ingested.skipped, extracted=extracted)


def align_stories(stories: Sequence[Story], articles: Sequence[Article],
                  mentions: Mapping[str, Sequence[Mention]]) -> tuple[tuple[Mention, ...], tuple[Claim, ...]]:
    """Story by story: one name per speaker, then the claims. ``mentions`` by article id."""
    from builder.align import align_story
    from builder.extract.speakers import unify_speakers

    by_id = {a.id: a for a in articles}
    all_mentions: list[Mention] = []
    claims: list[Claim] = []
    for story in stories:
        story_articles = [by_id[a] for a in story.articles]
        unified = unify_speakers(story_articles, [m for a in story.articles for m in mentions.get(a, ())])
        all_mentions.extend(unified)
        claims.extend(align_story(story, story_articles, unified))
    return tuple(all_mentions), tuple(claims)


def _oversized(articles: Sequence[Article]) -> list[Warning_]:
    from builder.extract import MAX_ANALYSED_CHARS

    return [Warning_(a.path, f"{len(a.body):,} characters, far longer than a news article: claims are "
                             f"extracted from the first {MAX_ANALYSED_CHARS:,} only (the whole text is kept)")
            for a in articles if len(a.body) > MAX_ANALYSED_CHARS]


def _extract_uncached(article: Article) -> tuple[Mention, ...]:
    from builder.extract import extract_article

    return extract_article(article)


def extract_all(articles: Sequence[Article], *, jobs: int = 1, cache_dir: Path | None = None,
                progress: bool | None = None) -> tuple[dict[str, tuple[Mention, ...]], int]:
    """Mentions of every article, from the cache where the article is unchanged.

    Returns the mentions by article id (in article order) and how many articles were
    extracted afresh.
    """
    cache = ExtractionCache(cache_dir) if cache_dir else None
    results: dict[str, tuple[Mention, ...]] = {}
    todo: list[Article] = []
    for article in articles:
        cached = cache.get(article) if cache else None
        if cached is None:
            todo.append(article)
        else:
            results[article.id] = cached
    bar = _progress_bar(len(todo), progress)
    if jobs > 1 and len(todo) > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            chunk = max(1, len(todo) // (jobs * 4))
            for article, found in zip(todo, pool.map(_extract_uncached, todo, chunksize=chunk)):
                results[article.id] = found
                bar(1)
    else:
        for article in todo:
            results[article.id] = _extract_uncached(article)
            bar(1)
    bar(0)
    if cache:
        for article in todo:
            cache.put(article, results[article.id])
    return {a.id: results[a.id] for a in articles}, len(todo)


def _progress_bar(total: int, wanted: bool | None) -> Progress:
    """A tqdm bar on a terminal for more than a few articles; a no-op otherwise.

    Calling the returned function with 0 closes the bar.
    """
    if wanted is None:
        wanted = total > 5 and sys.stderr.isatty() and not os.environ.get("CI")
    if not wanted:
        return lambda n: None
    from tqdm import tqdm

    bar = tqdm(total=total, desc="extracting", unit="article", file=sys.stderr)

    def update(n: int) -> None:
        if n:
            bar.update(n)
        else:
            bar.close()

    return update


def build(source: Path, site_dir: Path, *, jobs: int = 1, cache_dir: Path | None = None,
          strict: bool = False, progress: bool | None = None,
          site_url: str | None = None) -> BuildReport:
    """Collect, then write the exports and the site (atomically)."""
    from builder.export import export_files
    from builder.site import build_site

    report = collect(source, jobs=jobs, cache_dir=cache_dir, progress=progress)
    if strict and report.corpus.warnings:
        raise StrictError(report.corpus.warnings)
    data_files = export_files(report.corpus)
    stamp = _SiteStamp(cache_dir, site_dir, data_files, site_url) if cache_dir else None
    rebuilt = not (stamp and stamp.current())
    if rebuilt:
        build_site(report.corpus, site_dir, data_files=data_files, strict=strict, site_url=site_url)
        if stamp:
            stamp.save()
    return replace(report, site_dir=site_dir, site_rebuilt=rebuilt)


class _SiteStamp:
    """Remembers, beside the extraction cache, what the site in ``site_dir`` was built from,
    so a rebuild with nothing changed leaves the site alone."""

    def __init__(self, cache_dir: Path, site_dir: Path, data_files: dict[str, bytes],
                 site_url: str | None = None) -> None:
        from builder.cache import site_fingerprint
        from builder.ids import digest

        self.path = cache_dir / "site-stamps" / digest(str(site_dir.resolve()), length=16)
        self.site_dir = site_dir
        self.value = site_fingerprint(data_files) + (f" {site_url}" if site_url else "")

    def current(self) -> bool:
        try:
            return (self.site_dir / "index.html").is_file() and self.path.read_text() == self.value
        except OSError:
            return False

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_text(self.value)


class StrictError(Exception):
    """``--strict`` and the input produced warnings."""

    def __init__(self, warnings: Sequence[Warning_]) -> None:
        super().__init__(f"{len(warnings)} warnings with --strict")
        self.warnings = tuple(warnings)
