"""Contexts of the site-wide pages: home, stories, outlets, speakers, discrepancies, data."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import date
from typing import TypeVar

from builder import urls
from builder.align.compare import counted
from builder.models import Claim
from builder.render import labels as L
from builder.render.contexts import (
    ONE_PAGE, DataContext, DiscrepanciesContext, DiscrepancyGroup, HomeContext, Link, OutletContext,
    OutletsContext, OutletSummary, Pager, Quotation, SpeakerContext, SpeakersContext, SpeakerSummary,
    StoriesContext,
)
from builder.render.links import mention_anchor, relative
from builder.render.lookup import Lookup, date_text
from builder.render.views import (
    DATA_URL, DISCREPANCIES_URL, OUTLETS_URL, SPEAKERS_URL, STORIES_URL, article_row, claim_order,
    claim_ref, plural, stories_newest_first, story_summary,
)

SITE_TITLE = "Parallax"
T = TypeVar("T")


def downloads(here: str) -> tuple[Link, ...]:
    return (Link("All claims as JSON (gzip)", relative(here, urls.DATA_JSON)),
            Link("All claims as CSV", relative(here, urls.DATA_CSV)))


# Items a list page shows at most (claims, quotations, stories, speakers, articles):
# an outlet of a large archive reports thousands of claims.
PER_PAGE = 100


def page_count(*lengths: int) -> int:
    """Pages a list takes: enough for the longest of its sections."""
    return max(1, -(-max(lengths, default=0) // PER_PAGE))


def window(items: Sequence[T], number: int) -> tuple[T, ...]:
    """The items of page ``number`` (from 1)."""
    return tuple(items[(number - 1) * PER_PAGE:number * PER_PAGE])


def pager(first_page_url: str, number: int, count: int) -> Pager:
    """Page ``number`` of ``count``: links from it to every page of its list."""
    if count == 1:
        return ONE_PAGE
    here = urls.page_url(first_page_url, number)
    return Pager(number, tuple(Link(str(n), relative(here, urls.page_url(first_page_url, n)))
                               for n in range(1, count + 1)))


def home_context(lk: Lookup) -> HomeContext:
    corpus = lk.corpus
    stories = stories_newest_first(lk)
    return HomeContext(
        title=SITE_TITLE,
        stories=tuple(story_summary(lk, s, "") for s in window(stories, 1)),
        more=Link(f"All {len(stories)} stories", relative("", STORIES_URL)) if len(stories) > PER_PAGE else None,
        downloads=downloads(""),
        data_page=relative("", DATA_URL),
        totals=" · ".join((plural(len(corpus.stories), "story", "stories"),
                           plural(len(corpus.articles), "article"), plural(len(corpus.claims), "claim"))),
    )


def stories_pages(lk: Lookup) -> list[tuple[str, StoriesContext]]:
    """The list of stories, page by page: (url, context)."""
    stories = stories_newest_first(lk)
    count = page_count(len(stories))
    pages = []
    for n in range(1, count + 1):
        here = urls.page_url(STORIES_URL, n)
        pages.append((here, StoriesContext(
            title="Stories",
            stories=tuple(story_summary(lk, s, here) for s in window(stories, n)),
            pager=pager(STORIES_URL, n, count))))
    return pages


# --- outlets ----------------------------------------------------------------------------------


def _outlet_claims(lk: Lookup) -> dict[str, list[Claim]]:
    reported: dict[str, list[Claim]] = defaultdict(list)
    for claim in sorted(lk.corpus.claims, key=claim_order):
        for outlet in sorted({lk.outlet_of(m) for m in claim.mentions if m in lk.mentions}):
            reported[outlet].append(claim)
    return reported


def _left_out(lk: Lookup) -> dict[str, list[Claim]]:
    found: dict[str, list[Claim]] = defaultdict(list)
    for c in sorted(lk.corpus.claims, key=claim_order):
        for outlet in sorted({o for d in c.discrepancies if d.type == "omission" for o in d.outlets}):
            found[outlet].append(c)
    return found


def outlets_context(lk: Lookup) -> OutletsContext:
    reported = _outlet_claims(lk)
    left_out = _left_out(lk)
    names = sorted(lk.outlet_slugs)
    return OutletsContext(
        title="Outlets",
        outlets=tuple(OutletSummary(
            name=name,
            href=relative(OUTLETS_URL, lk.outlet_url(name)),
            articles=sum(1 for a in lk.corpus.articles if a.outlet == name),
            claims=len(reported[name]),
            alone=sum(1 for c in reported[name] if c.status == "single"),
            left_out=len(left_out[name]),
        ) for name in names),
    )


def outlet_pages(lk: Lookup) -> Iterator[tuple[str, str, OutletContext]]:
    """Every outlet's page, then its further pages: (outlet, url, context). Each page holds
    the next hundred items of each section (differences, claims it alone reports, claims it
    left out, every claim, articles)."""
    reported_by = _outlet_claims(lk)
    left_out_by = _left_out(lk)
    for outlet in sorted(lk.outlet_slugs):
        reported = reported_by[outlet]
        differs = []
        for claim in reported:
            for d in lk.counted(claim):
                if any(outlet in s.outlets for s in d.sides[1:]):
                    both = " (it also prints the most common version)" if outlet in d.sides[0].outlets else ""
                    mine = next(s for s in d.sides[1:] if outlet in s.outlets)
                    note = f"{d.summary.rstrip('.')} \u00b7 it has \u201c{mine.text}\u201d{both}" \
                        if d.type == "wording" else d.summary
                    differs.append((claim, d.id, note))
        alone = [c for c in reported if c.status == "single"]
        left_out = left_out_by[outlet]
        articles = sorted((a for a in lk.corpus.articles if a.outlet == outlet),
                          key=lambda a: (a.story, a.published or date.min, a.id))
        first = lk.outlet_url(outlet)
        count = page_count(len(reported), len(differs), len(articles))
        for n in range(1, count + 1):
            here = urls.page_url(first, n)
            yield outlet, here, OutletContext(
                name=outlet,
                articles=tuple(article_row(lk, a, here) for a in window(articles, n)),
                reported=tuple(claim_ref(lk, c, here) for c in window(reported, n)),
                alone=tuple(claim_ref(lk, c, here) for c in window(alone, n)),
                left_out=tuple(claim_ref(lk, c, here) for c in window(left_out, n)),
                differs=tuple(claim_ref(lk, c, here, anchor=a, note=note)
                              for c, a, note in window(differs, n)),
                pager=pager(first, n, count),
            )


# --- speakers ---------------------------------------------------------------------------------


def speakers_pages(lk: Lookup) -> list[tuple[str, SpeakersContext]]:
    """The list of speakers, page by page: (url, context)."""
    quotes = lk.quotes_by_speaker
    rows = sorted(((name, len(ms), len({lk.outlet_of(m.id) for m in ms})) for name, ms in quotes.items()),
                  key=lambda r: (-r[1], r[0]))
    count = page_count(len(rows))
    pages = []
    for n in range(1, count + 1):
        here = urls.page_url(SPEAKERS_URL, n)
        pages.append((here, SpeakersContext(
            title="Speakers",
            speakers=tuple(SpeakerSummary(name=name, href=relative(here, lk.speaker_url(name) or ""),
                                          quotations=quotations, outlets=outlets)
                           for name, quotations, outlets in window(rows, n)),
            pager=pager(SPEAKERS_URL, n, count))))
    return pages


def speaker_pages(lk: Lookup) -> Iterator[tuple[str, str, SpeakerContext]]:
    """Every speaker's page, then its further pages: (speaker, url, context)."""
    quotes = lk.quotes_by_speaker
    for speaker in sorted(lk.speaker_slugs):
        found = []
        for mention in quotes[speaker]:
            article = lk.article_of(mention)
            claim = lk.claim_of.get(mention.id)
            found.append(((article.story, claim.title if claim else "~", article.outlet, mention.start),
                          mention, article, claim))
        found.sort(key=lambda row: row[0])
        first = lk.speaker_url(speaker) or ""
        count = page_count(len(found))
        for n in range(1, count + 1):
            here = urls.page_url(first, n)
            yield speaker, here, SpeakerContext(name=speaker, quotations=tuple(Quotation(
                text=mention.text,
                outlet=Link(article.outlet, relative(here, lk.outlet_url(article.outlet))),
                date=date_text(article.published, L.UNDATED_LABEL),
                place=relative(here, f"{lk.article_url(article)}#{mention_anchor(mention)}"),
                # a claim shown as a passage is the place in the article linked just before
                claim=Link(claim.title, relative(here, lk.claim_url(claim)))
                if claim and lk.claim_url(claim) not in lk.passages else None,
            ) for _, mention, article, claim in window(found, n)), pager=pager(first, n, count))


# --- discrepancies, data ----------------------------------------------------------------------


def discrepancies_pages(lk: Lookup) -> list[tuple[str, DiscrepanciesContext]]:
    """Every discrepancy, story by story (newest first), a hundred a page: (url, context)."""
    found = []
    total = minor = omissions = 0
    for story in stories_newest_first(lk):
        for claim in sorted(lk.claims_by_story.get(story.id, ()), key=claim_order):
            for d in sorted(claim.discrepancies,
                            key=lambda d: (d.minor, d.type == "omission", d.type, d.id)):
                label = L.DISCREPANCY_LABELS.get(d.type, d.type)
                extra = f" ({L.MINOR_LABELS.get(d.minor_reason or '', 'minor')})" if d.minor else ""
                found.append((story, claim, d.id, f"{label}{extra}: {d.summary}"))
                total += counted(d)
                minor += d.minor
                omissions += d.type == "omission" and not d.minor
    count = page_count(len(found))
    pages = []
    for n in range(1, count + 1):
        here = urls.page_url(DISCREPANCIES_URL, n)
        groups: list[DiscrepancyGroup] = []
        last = None
        for story, claim, anchor, note in window(found, n):
            item = claim_ref(lk, claim, here, anchor=anchor, note=note)
            if story.id == last:
                groups[-1] = replace(groups[-1], items=(*groups[-1].items, item))
            else:
                groups.append(DiscrepancyGroup(
                    story=Link(story.title, relative(here, urls.story_url(story.id))), items=(item,)))
            last = story.id
        pages.append((here, DiscrepanciesContext(title="Discrepancies", groups=tuple(groups), total=total,
                                                 minor=minor, omissions=omissions,
                                                 pager=pager(DISCREPANCIES_URL, n, count))))
    return pages


def data_context() -> DataContext:
    return DataContext(title="Data", downloads=downloads(DATA_URL), fields=L.DATA_FIELDS,
                       schema=Link("claims.schema.json", relative(DATA_URL, urls.DATA_SCHEMA)),
                       reuse=L.DATA_REUSE)
