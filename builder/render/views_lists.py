"""Contexts of the site-wide pages: home, stories, outlets, speakers, discrepancies, data."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from builder import urls
from builder.align.compare import counted
from builder.models import Claim
from builder.render import labels as L
from builder.render.contexts import (
    DataContext, DiscrepanciesContext, DiscrepancyGroup, HomeContext, Link, OutletContext,
    OutletsContext, OutletSummary, Quotation, SpeakerContext, SpeakersContext, SpeakerSummary,
    StoriesContext,
)
from builder.render.links import mention_anchor, relative
from builder.render.lookup import Lookup, date_text
from builder.render.views import (
    DATA_URL, DISCREPANCIES_URL, OUTLETS_URL, SPEAKERS_URL, STORIES_URL, article_row, claim_order,
    claim_ref, plural, stories_newest_first, story_summary,
)

SITE_TITLE = "Parallax"


def downloads(here: str) -> tuple[Link, ...]:
    return (Link("All claims as JSON", relative(here, urls.DATA_JSON)),
            Link("All claims as CSV", relative(here, urls.DATA_CSV)))


def home_context(lk: Lookup) -> HomeContext:
    corpus = lk.corpus
    return HomeContext(
        title=SITE_TITLE,
        stories=tuple(story_summary(lk, s, "") for s in stories_newest_first(lk)),
        downloads=downloads(""),
        data_page=relative("", DATA_URL),
        totals=" · ".join((plural(len(corpus.stories), "story", "stories"),
                           plural(len(corpus.articles), "article"), plural(len(corpus.claims), "claim"))),
    )


def stories_context(lk: Lookup) -> StoriesContext:
    return StoriesContext(
        title="Stories",
        stories=tuple(story_summary(lk, s, STORIES_URL) for s in stories_newest_first(lk)),
    )


# --- outlets ----------------------------------------------------------------------------------


def _outlet_claims(lk: Lookup) -> dict[str, list[Claim]]:
    reported: dict[str, list[Claim]] = defaultdict(list)
    for claim in sorted(lk.corpus.claims, key=claim_order):
        for outlet in sorted({lk.outlet_of(m) for m in claim.mentions if m in lk.mentions}):
            reported[outlet].append(claim)
    return reported


def _left_out(lk: Lookup, outlet: str) -> list[Claim]:
    return [c for c in sorted(lk.corpus.claims, key=claim_order)
            if any(d.type == "omission" and outlet in d.outlets for d in c.discrepancies)]


def outlets_context(lk: Lookup) -> OutletsContext:
    reported = _outlet_claims(lk)
    names = sorted(lk.outlet_slugs)
    return OutletsContext(
        title="Outlets",
        outlets=tuple(OutletSummary(
            name=name,
            href=relative(OUTLETS_URL, lk.outlet_url(name)),
            articles=sum(1 for a in lk.corpus.articles if a.outlet == name),
            claims=len(reported[name]),
            alone=sum(1 for c in reported[name] if c.status == "single"),
            left_out=len(_left_out(lk, name)),
        ) for name in names),
    )


def outlet_context(lk: Lookup, outlet: str) -> OutletContext:
    here = lk.outlet_url(outlet)
    reported = _outlet_claims(lk)[outlet]
    differs = []
    for claim in reported:
        for d in lk.counted(claim):
            if any(outlet in s.outlets for s in d.sides[1:]):
                both = " (it also prints the most common version)" if outlet in d.sides[0].outlets else ""
                mine = next(s for s in d.sides[1:] if outlet in s.outlets)
                note = f"{d.summary.rstrip('.')} \u00b7 it has \u201c{mine.text}\u201d{both}" \
                    if d.type == "wording" else d.summary
                differs.append(claim_ref(lk, claim, here, anchor=d.id, note=note))
    articles = sorted((a for a in lk.corpus.articles if a.outlet == outlet),
                      key=lambda a: (a.story, a.published or date.min, a.id))
    return OutletContext(
        name=outlet,
        articles=tuple(article_row(lk, a, here) for a in articles),
        reported=tuple(claim_ref(lk, c, here) for c in reported),
        alone=tuple(claim_ref(lk, c, here) for c in reported if c.status == "single"),
        left_out=tuple(claim_ref(lk, c, here) for c in _left_out(lk, outlet)),
        differs=tuple(differs),
    )


# --- speakers ---------------------------------------------------------------------------------


def _quotes_by_speaker(lk: Lookup) -> dict[str, list]:
    found: dict[str, list] = defaultdict(list)
    for mention in lk.corpus.mentions:
        if mention.kind == "quote" and mention.speaker:
            found[mention.speaker].append(mention)
    return found


def speakers_context(lk: Lookup) -> SpeakersContext:
    quotes = _quotes_by_speaker(lk)
    rows = [SpeakerSummary(
        name=name,
        href=relative(SPEAKERS_URL, lk.speaker_url(name) or ""),
        quotations=len(ms),
        outlets=len({lk.outlet_of(m.id) for m in ms}),
    ) for name, ms in quotes.items()]
    return SpeakersContext(title="Speakers",
                           speakers=tuple(sorted(rows, key=lambda r: (-r.quotations, r.name))))


def speaker_context(lk: Lookup, speaker: str) -> SpeakerContext:
    here = lk.speaker_url(speaker) or ""
    rows = []
    for mention in _quotes_by_speaker(lk)[speaker]:
        article = lk.article_of(mention)
        claim = lk.claim_of.get(mention.id)
        rows.append(((article.story, claim.title if claim else "~", article.outlet, mention.start),
                     Quotation(
            text=mention.text,
            outlet=Link(article.outlet, relative(here, lk.outlet_url(article.outlet))),
            date=date_text(article.published, L.UNDATED_LABEL),
            place=relative(here, f"{lk.article_url(article)}#{mention_anchor(mention)}"),
            claim=Link(claim.title, relative(here, lk.claim_url(claim))) if claim else None,
        )))
    return SpeakerContext(name=speaker, quotations=tuple(q for _, q in sorted(rows, key=lambda r: r[0])))


# --- discrepancies, data ----------------------------------------------------------------------


def discrepancies_context(lk: Lookup) -> DiscrepanciesContext:
    groups = []
    total = minor = omissions = 0
    for story in stories_newest_first(lk):
        items = []
        for claim in sorted(lk.claims_by_story.get(story.id, ()), key=claim_order):
            for d in sorted(claim.discrepancies,
                            key=lambda d: (d.minor, d.type == "omission", d.type, d.id)):
                label = L.DISCREPANCY_LABELS.get(d.type, d.type)
                extra = f" ({L.MINOR_LABELS.get(d.minor_reason or '', 'minor')})" if d.minor else ""
                note = f"{label}{extra}: {d.summary}"
                items.append(claim_ref(lk, claim, DISCREPANCIES_URL, anchor=d.id, note=note))
                total += counted(d)
                minor += d.minor
                omissions += d.type == "omission" and not d.minor
        if items:
            groups.append(DiscrepancyGroup(
                story=Link(story.title, relative(DISCREPANCIES_URL, urls.story_url(story.id))),
                items=tuple(items)))
    return DiscrepanciesContext(title="Discrepancies", groups=tuple(groups), total=total,
                                minor=minor, omissions=omissions)


def data_context() -> DataContext:
    return DataContext(title="Data", downloads=downloads(DATA_URL), fields=L.DATA_FIELDS,
                       schema=Link("claims.schema.json", relative(DATA_URL, urls.DATA_SCHEMA)),
                       reuse=L.DATA_REUSE)
