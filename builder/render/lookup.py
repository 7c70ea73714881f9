"""Lookups over a Corpus that every page builder needs, computed once per build."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from builder import urls
from builder.ids import unique_slugs
from builder.align.compare import counted
from builder.models import Article, Claim, Corpus, Discrepancy, Mention, Story
from builder.render.links import mention_anchor


@dataclass(frozen=True, slots=True)
class Lookup:
    """Indexes of a corpus by id, and the slugs of outlets, speakers and articles."""

    corpus: Corpus
    stories: dict[str, Story]
    articles: dict[str, Article]
    mentions: dict[str, Mention]
    claim_of: dict[str, Claim]  # mention id -> claim
    claims_by_story: dict[str, tuple[Claim, ...]]
    mentions_by_article: dict[str, tuple[Mention, ...]]
    outlet_slugs: dict[str, str]
    speaker_slugs: dict[str, str]
    article_slugs: dict[str, str]
    passages: dict[str, str]  # claim url -> its place on its article page (see passage_url)
    quotes_by_speaker: dict[str, tuple[Mention, ...]]  # speaker -> quotations, in corpus order

    @classmethod
    def of(cls, corpus: Corpus) -> Lookup:
        by_story: dict[str, list[Claim]] = defaultdict(list)
        claim_of: dict[str, Claim] = {}
        for claim in corpus.claims:
            by_story[claim.story].append(claim)
            for mention_id in claim.mentions:
                claim_of.setdefault(mention_id, claim)
        by_article: dict[str, list[Mention]] = defaultdict(list)
        for mention in corpus.mentions:
            by_article[mention.article].append(mention)
        quotes: dict[str, list[Mention]] = defaultdict(list)
        for mention in corpus.mentions:
            if mention.kind == "quote" and mention.speaker:
                quotes[mention.speaker].append(mention)
        article_slugs = unique_slugs(a.id for a in corpus.articles)
        articles = {a.id: a for a in corpus.articles}
        mentions = {m.id: m for m in corpus.mentions}
        return cls(
            corpus=corpus,
            stories={s.id: s for s in corpus.stories},
            articles=articles,
            mentions=mentions,
            claim_of=claim_of,
            claims_by_story={k: tuple(v) for k, v in by_story.items()},
            mentions_by_article={
                k: tuple(sorted(v, key=lambda m: (m.start, -m.end, m.kind)))
                for k, v in by_article.items()
            },
            outlet_slugs=unique_slugs(a.outlet for a in corpus.articles),
            speaker_slugs=unique_slugs(quotes),
            article_slugs=article_slugs,
            passages={c.url or urls.claim_url(c.story, c.id): url for c in corpus.claims
                      if (url := passage_url(c, articles, mentions, article_slugs))},
            quotes_by_speaker={k: tuple(v) for k, v in quotes.items()},
        )

    # --- addresses -------------------------------------------------------------------

    def outlet_url(self, outlet: str) -> str:
        return urls.outlet_url(self.outlet_slugs[outlet])

    def speaker_url(self, speaker: str) -> str | None:
        slug = self.speaker_slugs.get(speaker)
        return urls.speaker_url(slug) if slug else None

    def article_url(self, article: Article) -> str:
        return urls.article_url(article.story, self.article_slugs[article.id])

    def claim_url(self, claim: Claim) -> str:
        """The claim's permanent address (a page of its own, or a redirect to its passage)."""
        return claim.url or urls.claim_url(claim.story, claim.id)

    def claim_href(self, claim: Claim) -> str:
        """Where links to the claim go: its passage on its article page, else its page."""
        url = self.claim_url(claim)
        return self.passages.get(url, url)

    # --- questions -------------------------------------------------------------------

    def article_of(self, mention: Mention) -> Article:
        return self.articles[mention.article]

    def outlet_of(self, mention_id: str) -> str:
        return self.articles[self.mentions[mention_id].article].outlet

    def story_articles(self, story: Story) -> tuple[Article, ...]:
        found = [self.articles[a] for a in story.articles if a in self.articles]
        return tuple(sorted(found, key=lambda a: (a.published or date.min, a.outlet, a.id)))

    def story_outlets(self, story: Story) -> tuple[str, ...]:
        return tuple(sorted({a.outlet for a in self.story_articles(story)}))

    def claim_mentions(self, claim: Claim) -> tuple[Mention, ...]:
        found = [self.mentions[m] for m in claim.mentions if m in self.mentions]
        return tuple(sorted(found, key=lambda m: (self.articles[m.article].outlet, m.start)))

    def outlet_marks(self, claim: Claim) -> dict[str, str]:
        """Each outlet of the claim: 'differs' where only its own variant (or the speaker
        it credits) differs from the most common one, 'both' where it prints both, 'source'
        on a contested figure, else 'same'. The reference's outlets are never 'differs'."""
        outlets = {o for v in claim.variants for o in v.outlets}
        if claim.status == "contested":
            return {o: "source" for o in outlets}
        dimensions = [({o for v in claim.variants if v.relation == "differs" for o in v.outlets},
                       {o for v in claim.variants if v.relation != "differs" for o in v.outlets})]
        for d in claim.discrepancies:
            if d.type == "speaker" and counted(d):
                dimensions.append(({o for s in d.sides[1:] for o in s.outlets},
                                   set(d.sides[0].outlets)))
        marks = {}
        for o in sorted(outlets):
            off = [o in other and o not in ok for other, ok in dimensions]
            touched = [o in other for other, _ in dimensions]
            marks[o] = "differs" if any(off) else "both" if any(touched) else "same"
        return marks

    def counted(self, claim: Claim) -> tuple[Discrepancy, ...]:
        """The discrepancies every count uses (``compare.counted``: not minor, not omission)."""
        return tuple(d for d in claim.discrepancies if counted(d))

    def wire_of(self, outlet_article: str) -> str:
        """ "Reuters, run by A, B, C" for an article of a wire group; empty otherwise."""
        article = self.articles[outlet_article]
        if not article.wire:
            return ""
        members = sorted({self.articles[a].outlet for a in (article.id, *article.wire.of)
                          if a in self.articles})
        return f"{article.wire.agency or 'One agency story'}, run by {', '.join(members)}"


def passage_url(claim: Claim, articles: dict[str, Article], mentions: dict[str, Mention],
                article_slugs: dict[str, str]) -> str | None:
    """For a claim one outlet alone carries, with no discrepancy (now or resolved), the
    place of its first mention on its article page: such a claim is shown there, as a
    passage, and its url is a small redirect page (three quarters of all claims, at the
    size of a page each, were most of a site's bytes). None for every other claim."""
    if claim.status != "single" or claim.discrepancies or claim.resolved:
        return None
    found = sorted((articles[m.article].outlet, m.start, m.id) for i in claim.mentions
                   if (m := mentions.get(i)) and m.article in articles
                   and 0 <= m.start < m.end <= len(articles[m.article].body))
    if not found:
        return None
    first = mentions[found[0][2]]
    article = articles[first.article]
    return f"{urls.article_url(article.story, article_slugs[article.id])}#{mention_anchor(first)}"


def date_text(day: date | None, unknown: str) -> str:
    return day.isoformat() if day else unknown


def date_range(days: list[date]) -> str:
    if not days:
        return ""
    first, last = min(days).isoformat(), max(days).isoformat()
    return first if first == last else f"{first} – {last}"
