"""The pipeline, end to end: ingest -> extract -> unify speakers -> align -> export / render.

``collect`` gathers all data (no file written but the extraction cache);
``build`` then writes the exports and the site. Read ``collect`` as the table
of contents of Parallax.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from builder.cache import ExtractionCache
from builder.ledger import Ledger
from builder.models import Article, Claim, Corpus, Mention, Story, Warning_

Progress = Callable[[int], None]


@dataclass(frozen=True, slots=True)
class Totals:
    """The counts of a build's summary line."""

    articles: int
    stories: int
    mentions: int
    claims: int
    discrepancies: int  # counted ones: neither minor nor omissions


@dataclass(frozen=True, slots=True)
class BuildReport:
    """What a build did, for the summary line and for --strict."""

    corpus: Corpus
    skipped: tuple[tuple[str, str], ...] = ()
    extracted: int = 0  # articles extracted afresh (the rest came from the cache)
    site_dir: Path | None = None
    site_rebuilt: bool = True  # False: nothing had changed since the last build of site_dir
    notes: tuple[str, ...] = ()  # problems of the build itself (an unwritable cache), never fatal
    ledger: Ledger | None = None  # the id ledger this build's ids make (builder.ledger)
    # the hash of the ledger file this build leaves, where a build reading it (and the same
    # input) gives these claims and this ledger again; else None
    ledger_left: str | None = None
    totals: Totals | None = None  # set where the corpus was not read: the recorded build's
    ledger_bytes: bytes | None = None  # ``ledger`` as its file holds it (made once: 13,000 ids take a while)

    @property
    def discrepancies(self) -> int:
        return self.counts().discrepancies

    def counts(self) -> Totals:
        from builder.align.compare import counted

        if self.totals is not None:
            return self.totals
        c = self.corpus
        return Totals(len(c.articles), len(c.stories), len(c.mentions), len(c.claims),
                      sum(1 for claim in c.claims for d in claim.discrepancies if counted(d)))

    def summary(self) -> str:
        t = self.counts()
        skipped = f", {len(self.skipped)} skipped" if self.skipped else ""
        return (f"{t.articles} articles read{skipped} in {t.stories} "
                f"{'story' if t.stories == 1 else 'stories'}; {t.mentions} mentions, "
                f"{t.claims} claims, {t.discrepancies} discrepancies; "
                f"{len(self.corpus.warnings)} warnings; {self.extracted} articles extracted, "
                f"{t.articles - self.extracted} from cache")


def collect(source: Path, *, jobs: int = 1, cache_dir: Path | None = None,
            progress: bool | None = None, ledger: Path | None = None, dask: str | None = None
            ) -> BuildReport:
    """Read, extract and align every story under ``source``; ids kept from the ``ledger`` file;
    ``dask``: a scheduler address to extract on (``builder.distributed``)."""
    from builder import ledger as id_ledger
    from builder.cache import ledger_state
    from builder.ingest import read_stories

    ingested = read_stories(source, cache_dir)
    warnings = [*ingested.warnings, *_oversized(ingested.articles), *_edge_dates(ingested.articles)]
    notes: list[str] = []
    mentions, extracted = extract_all(ingested.articles, jobs=jobs, cache_dir=cache_dir,
                                      progress=progress, notes=notes, dask=dask)
    articles, story_mentions, claims = align_cached(ingested.stories, ingested.articles, mentions, cache_dir)
    earlier = id_ledger.read(ledger)
    ids = id_ledger.apply(earlier, ingested.stories, articles, story_mentions, claims)
    corpus = Corpus(stories=ingested.stories, articles=articles, mentions=story_mentions,
                    claims=ids.claims, warnings=tuple(warnings), retired=ids.retired)
    left = written = None
    if ledger is not None:
        written = ids.ledger.to_bytes()
        left = hashlib.sha256(written).hexdigest()
        if left != ledger_state(ledger) and id_ledger.apply(
                id_ledger.parse(written), ingested.stories, articles, story_mentions, claims) != ids:
            left = None
    return BuildReport(corpus=corpus, skipped=ingested.skipped, extracted=extracted, notes=tuple(notes),
                       ledger=ids.ledger, ledger_left=left, ledger_bytes=written)


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


def align_cached(stories: Sequence[Story], articles: Sequence[Article],
                 mentions: Mapping[str, Sequence[Mention]], cache_dir: Path | None = None
                 ) -> tuple[tuple[Article, ...], tuple[Mention, ...], tuple[Claim, ...]]:
    """Story by story: wire copies marked, then :func:`align_stories`; a story whose articles
    and mentions are those of an earlier build is taken from the cache in ``cache_dir``.
    Returns the articles (in their order), the unified mentions and the claims."""
    from builder.align.wire import mark_wire_copies
    from builder.cache import AlignmentCache, story_key

    cache = AlignmentCache(cache_dir) if cache_dir else None
    by_id = {a.id: a for a in articles}
    wired: dict[str, Article] = {}
    all_mentions: list[Mention] = []
    claims: list[Claim] = []
    for story in stories:
        own = [by_id[a] for a in story.articles]
        found = [m for a in story.articles for m in mentions.get(a, ())]
        key = story_key(story, own, found) if cache else ""
        done = cache.get(key) if cache else None
        if done is not None and [replace(a, wire=None) for a in done[0]] != [replace(a, wire=None) for a in own]:
            done = None  # an entry that is not this story's articles: damaged, aligned again
        if done is None:
            marked = mark_wire_copies([story], own)
            done = (marked, *align_stories([story], marked, {a.id: mentions.get(a.id, ()) for a in own}))
            if cache:
                with contextlib.suppress(OSError):  # an unwritable cache: the extraction step says so
                    cache.put(key, *done)
        wired.update((a.id, a) for a in done[0])
        all_mentions.extend(done[1])
        claims.extend(done[2])
    return tuple(wired.get(a.id, a) for a in articles), tuple(all_mentions), tuple(claims)


def _oversized(articles: Sequence[Article]) -> list[Warning_]:
    from builder.extract import MAX_ANALYSED_CHARS

    return [Warning_(a.path, f"{len(a.body):,} characters, far longer than a news article: claims are "
                             f"extracted from the first {MAX_ANALYSED_CHARS:,} only (the whole text is kept)")
            for a in articles if len(a.body) > MAX_ANALYSED_CHARS]


def _extract_uncached(article: Article) -> tuple[Mention, ...]:
    from builder.extract import extract_article

    return extract_article(article)


# Relative dates ("Friday", "next year") move a publication date by up to a year and a
# few weeks; nearer than this to the ends of the calendar they would leave it.
_CALENDAR_MARGIN_YEARS = 2


def _datable(article: Article) -> Article:
    """The article as extraction sees it: without a publication date when that date lies too
    near year 1 or 9999 to resolve relative dates against (they stay unresolved)."""
    day = article.published
    if day and not _CALENDAR_MARGIN_YEARS < day.year < 9999 - _CALENDAR_MARGIN_YEARS:
        return replace(article, published=None)
    return article


def _edge_dates(articles: Sequence[Article]) -> list[Warning_]:
    """A warning for each article whose relative dates are left unresolved by :func:`_datable`."""
    return [Warning_(a.path, f"published {a.published.isoformat()}, too near the limits of the calendar "
                             f"(years 1 and 9999): relative dates (\"Friday\", \"last year\") are not resolved")
            for a in articles if a.published and _datable(a) is not a]


def _extract_one(article: Article, cache_dir: Path | None) -> tuple[tuple[Mention, ...], str | None]:
    """One article's mentions, stored in the cache as soon as they are found.

    Returns the mentions and, where the cache could not be written, why.
    """
    mentions = extract_datable(article)
    return mentions, _cache_put(article, mentions, cache_dir)


def extract_datable(article: Article) -> tuple[Mention, ...]:
    """One article's mentions, relative dates left unresolved near year 1 or 9999."""
    return _extract_uncached(_datable(article))


def _cache_put(article: Article, mentions: tuple[Mention, ...], cache_dir: Path | None) -> str | None:
    """Store one article's mentions; where the cache cannot be written, why."""
    if cache_dir is None:
        return None
    try:
        ExtractionCache(cache_dir).put(article, mentions)
    except OSError as err:
        return f"cannot be written ({err.strerror or type(err).__name__})"
    return None


def extract_all(articles: Sequence[Article], *, jobs: int = 1, cache_dir: Path | None = None,
                progress: bool | None = None, notes: list[str] | None = None,
                dask: str | None = None) -> tuple[dict[str, tuple[Mention, ...]], int]:
    """Mentions of every article, from the cache where the article is unchanged, the rest
    extracted here (``jobs`` processes) or on the Dask cluster at ``dask``.

    Returns the mentions by article id (in article order) and how many articles were
    extracted afresh. A cache that cannot be read or written is left aside with one
    note in ``notes``; it never stops the build.
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
    writable = cache_dir
    with contextlib.closing(_extract_many(todo, jobs, lambda: writable, dask)) as found_all:
        for article, found, problem in found_all:
            results[article.id] = found
            if problem and writable is not None:
                if notes is not None:
                    notes.append(f"cache {writable}: {problem}; building without it")
                writable = None
            bar(1)
    bar(0)
    return {a.id: results[a.id] for a in articles}, len(todo)


def _extract_many(todo: Sequence[Article], jobs: int, cache_dir: Callable[[], Path | None],
                  dask: str | None = None
                  ) -> Iterator[tuple[Article, tuple[Mention, ...], str | None]]:
    """Each article with its mentions and cache problem: in this process, in a pool of
    ``jobs`` workers that is shut down at once when this process is interrupted or ends,
    or on a Dask cluster (in the order they finish; cached here as they arrive)."""
    if dask and todo:
        from builder.distributed import extract_on_cluster

        for article, found in extract_on_cluster(dask, todo):
            yield article, found, _cache_put(article, found, cache_dir())
        return
    if jobs <= 1 or len(todo) <= 1:
        for article in todo:
            yield article, *_extract_one(article, cache_dir())
        return
    from builder import workers

    with workers.pool(jobs) as pool:
        chunk = max(1, len(todo) // (jobs * 4))
        found_all = pool.map(functools.partial(_extract_one, cache_dir=cache_dir()), todo, chunksize=chunk)
        for article, (found, problem) in zip(todo, found_all):
            yield article, found, problem


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


def build(source: Path, site_dir: Path | str, *, jobs: int = 1, cache_dir: Path | None = None,
          strict: bool = False, progress: bool | None = None, ledger: Path | None = None,
          dask: str | None = None, site_url: str | None = None) -> BuildReport:
    """Collect, then write the exports and the site (atomically), then the id ledger.

    The site folder is checked first (``builder.site.check_site_dir``), so a folder
    Parallax may not replace costs nothing but the message.
    """
    from builder import ledger as id_ledger
    from builder.cache import input_fingerprint, ledger_state
    from builder.export import export_files
    from builder.site import (build_site, check_site_dir, files_state_path, record_build, recorded_build,
                              site_is_current)

    site_dir = check_site_dir(site_dir, source)  # the raw name: "" must not become "."
    # 1. nothing changed (every input file's bytes, the ledger, code, options): the site is current
    inputs = input_fingerprint(source, site_url) if cache_dir else None
    if cache_dir and inputs and (done := _unchanged(recorded_build(site_dir, cache_dir, inputs,
                                                                   ledger_state(ledger)))):
        if strict and done.corpus.warnings:
            raise StrictError(done.corpus.warnings)
        return replace(done, site_dir=site_dir, site_rebuilt=False)
    # 2. collect, export, and build the site where its data changed
    report = collect(source, jobs=jobs, cache_dir=cache_dir, progress=progress, ledger=ledger, dask=dask)
    if strict and report.corpus.warnings:
        raise StrictError(report.corpus.warnings)
    ids = report.ledger or id_ledger.Ledger.empty()
    data_files = export_files(report.corpus, ids)
    # what the next build compares: only where no input changed while this one read them
    left = "none" if ledger is None else report.ledger_left
    record = _record(report, inputs, left) \
        if inputs and left and input_fingerprint(source, site_url) == inputs else None
    rebuilt = not (cache_dir and site_is_current(site_dir, data_files, site_url))
    marker = None
    if rebuilt:
        marker = build_site(report.corpus, site_dir, data_files=data_files, strict=strict, source=source,
                            site_url=site_url,
                            files_state=files_state_path(site_dir, cache_dir) if cache_dir else None)
    if cache_dir:
        record_build(site_dir, cache_dir, marker, record)
    if ledger is not None:
        try:
            id_ledger.write(ids, ledger, report.ledger_bytes if ids is report.ledger else None)
        except OSError as err:  # a read-only source folder: the site stands, the ids are not kept
            problem = Warning_(str(ledger), f"the id ledger could not be written ({err.strerror or err}): "
                                            "the next build cannot keep this build's ids (use --ledger PATH)")
            report = replace(report, corpus=replace(report.corpus, warnings=(*report.corpus.warnings, problem)))
    return replace(report, site_dir=site_dir, site_rebuilt=rebuilt)


def _record(report: BuildReport, inputs: str, ledger: str) -> dict[str, object]:
    """What the cache keeps of this build for its site folder, for a next build with nothing changed:
    its inputs, the ledger it leaves, and what its summary and --strict need."""
    t = report.counts()
    return {"inputs": inputs, "ledger": ledger,
            "totals": [t.articles, t.stories, t.mentions, t.claims, t.discrepancies],
            "warnings": [[w.path, w.message, w.line] for w in report.corpus.warnings],
            "skipped": [list(s) for s in report.skipped]}


def _unchanged(record: Mapping[str, object] | None) -> BuildReport | None:
    """The report of the build a record describes; None for no record or a malformed one."""
    if record is None:
        return None
    try:
        totals = Totals(*(int(n) for n in record["totals"]))  # type: ignore[attr-defined]
        warnings = tuple(Warning_(str(p), str(m), None if n is None else int(n))
                         for p, m, n in record["warnings"])  # type: ignore[attr-defined]
        skipped = tuple((str(p), str(r)) for p, r in record["skipped"])  # type: ignore[attr-defined]
    except (KeyError, TypeError, ValueError):
        return None
    return BuildReport(corpus=Corpus((), (), (), (), warnings=warnings), skipped=skipped, totals=totals)


class StrictError(Exception):
    """``--strict`` and the input produced warnings."""

    def __init__(self, warnings: Sequence[Warning_]) -> None:
        super().__init__(f"{len(warnings)} warnings with --strict")
        self.warnings = tuple(warnings)
