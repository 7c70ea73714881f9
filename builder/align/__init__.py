"""Align the same claim across a story's articles: quotations, figures and dated events.

One module per kind groups a story's mentions into claims (``quotes``, ``figures``,
``dates``); ``compare`` judges each claim's versions. Every mention outside a photo
caption is in at least one claim (a claim with one article is ``single``); a caption is
not the outlet's reporting and makes none. A long quotation that holds
several shorter ones another outlet reported separately is in each of their claims
(partial quoting). Grouping blocks candidates before any fuzzy comparison (quotes
by shared words, figures by subject, dates by shared context words or the same
day), so a story of a few thousand mentions aligns in well under a second.

Stable ids. A claim id is derived from content that adding another article rarely
changes, never from order or counters:

- a quotation: ``q-<speaker>-<anchor>-<digest>`` (``quotes``);
- a figure: ``f-<canonical subject words>-<digest of subject and unit>`` (``figures``);
- a dated event: ``d-<day>`` for the story's one claim of a full day, else
  ``d-<most precise date>-<anchor>-<digest>`` (``dates``).
Two claims whose ids would collide get a digest of their mention ids appended.
Discrepancy ids are their type and the differing content (``discrepancies``);
variant ids a digest of the normalised wording, value or date (``variants``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from builder.align import discrepancies
from builder.align.compare import ClaimParts
from builder.align.dates import date_claim_parts, date_groups
from builder.align.figures import figure_claim_parts, figure_groups, subject_key
from builder.align.quotes import quote_claim_parts, quote_groups
from builder.align.titles import truncate
from builder.ids import digest
from builder.models import Article, Claim, Mention, MentionKind, Story
from builder.urls import claim_url

__all__ = ["align_story", "subject_key"]


def align_story(story: Story, articles: Sequence[Article], mentions: Sequence[Mention]
                ) -> list[Claim]:
    """All the story's claims, sorted by kind then id; every mention outside a photo caption
    is in at least one.

    1. quotations: the same words (or part of a longer quotation), by speaker
    2. figures: the same subject and unit, whatever the values
    3. dated events: the same happening by context, and the same full day across outlets
    4. ids made unique, urls, and omissions (outlets leaving out a widely carried claim)
    """
    outlet_of = {a.id: a.outlet for a in articles}
    article_of = {a.id: a for a in articles}
    body_of = {a.id: a.body for a in articles}
    # a photo caption is not the outlet's reporting: its mentions make no claim
    captions = {a.id: a.captions for a in articles}
    ordered = sorted((m for m in mentions if not any(s <= m.start < e for s, e in captions[m.article])),
                     key=lambda m: (m.article, m.start, m.end, m.id))
    of_kind = {kind: [m for m in ordered if m.kind == kind] for kind in ("quote", "figure", "date")}
    # 1.
    drafts: list[tuple[MentionKind, Sequence[Mention], ClaimParts]] = [
        ("quote", g.members, quote_claim_parts(g, outlet_of))
        for g in quote_groups(of_kind["quote"], body_of)]
    # 2.
    drafts += [("figure", ms, figure_claim_parts(ms, outlet_of, body_of))
               for ms in figure_groups(of_kind["figure"], body_of)]
    # 3.
    drafts += [("date", g.mentions, date_claim_parts(g, outlet_of, body_of))
               for g in date_groups(of_kind["date"], body_of)]
    # 4.
    claims = _unique_ids([_claim(story, kind, ms, parts, article_of) for kind, ms, parts in drafts])
    story_outlets = set(outlet_of.values())
    by_id = {m.id: m for m in mentions}
    with_omissions = []
    for c in claims:
        omission = discrepancies.omission_discrepancy(
            {outlet_of[by_id[m].article] for m in c.mentions}, story_outlets)
        if omission:
            c = replace(c, discrepancies=(*c.discrepancies, omission))
        with_omissions.append(c)
    return sorted(with_omissions, key=lambda c: (c.kind, c.id))



def _claim(story: Story, kind: MentionKind, members: Sequence[Mention], parts: ClaimParts,
           articles: dict[str, Article]) -> Claim:
    """A claim of its mentions (each once, by article and place), judged by ``discrepancies``:
    its variants, discrepancies with sides, and status."""
    ordered = sorted({m.id: m for m in members}.values(), key=lambda m: (m.article, m.start, m.id))
    found = discrepancies.judge(kind, ordered, parts.versions, articles)
    return Claim(id=parts.id, story=story.id, kind=kind,
                 title=truncate(parts.title or found.title),
                 mentions=tuple(m.id for m in ordered), status=found.status,
                 discrepancies=(*parts.discrepancies, *found.discrepancies),
                 speaker=parts.speaker, url="", variants=found.variants,
                 contested=found.contested)


def _unique_ids(claims: list[Claim]) -> list[Claim]:
    """Claims sharing an id get a digest of their mentions appended; urls follow ids."""
    counts = Counter(c.id for c in claims)
    out = []
    for c in claims:
        ident = c.id if counts[c.id] == 1 else f"{c.id}-{digest(*c.mentions, length=4)}"
        out.append(replace(c, id=ident, url=claim_url(c.story, ident)))
    return out
