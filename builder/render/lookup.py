"""Lookups over a Corpus that every page builder needs, computed once per build."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from builder import urls
from builder.ids import unique_slugs
from builder.models import Article, Claim, Corpus, Discrepancy, Mention, Story


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
        speakers = {m.speaker for m in corpus.mentions if m.kind == "quote" and m.speaker}
        return cls(
            corpus=corpus,
            stories={s.id: s for s in corpus.stories},
            articles={a.id: a for a in corpus.articles},
            mentions={m.id: m for m in corpus.mentions},
            claim_of=claim_of,
            claims_by_story={k: tuple(v) for k, v in by_story.items()},
            mentions_by_article={
                k: tuple(sorted(v, key=lambda m: (m.start, -m.end, m.kind)))
                for k, v in by_article.items()
            },
            outlet_slugs=unique_slugs(a.outlet for a in corpus.articles),
            speaker_slugs=unique_slugs(speakers),
            article_slugs=unique_slugs(a.id for a in corpus.articles),
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
        return claim.url or urls.claim_url(claim.story, claim.id)

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

    def differing_outlets(self, claim: Claim) -> set[str]:
        """Outlets whose versions take part in a discrepancy that is not minor."""
        return {
            self.outlet_of(m)
            for d in claim.discrepancies
            if not d.minor and d.type != "omission"
            for m in d.mentions
            if m in self.mentions
        }

    def major(self, claim: Claim) -> tuple[Discrepancy, ...]:
        return tuple(d for d in claim.discrepancies if not d.minor)


def date_text(day: date | None, unknown: str) -> str:
    return day.isoformat() if day else unknown


def date_range(days: list[date]) -> str:
    if not days:
        return ""
    first, last = min(days).isoformat(), max(days).isoformat()
    return first if first == last else f"{first} – {last}"
