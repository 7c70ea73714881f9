"""Build each page kind's context from the corpus (the templates only lay these out)."""

from __future__ import annotations

import json
import re
from collections import defaultdict

from builder import urls
from builder.models import Article, Claim, Discrepancy, Mention, Story, WordDiff
from builder.render import labels as L
from builder.render.contexts import (
    ArticleRow, Cell, Chunk, ClaimContext, ClaimRef, DiscrepancySection, FigureRow,
    FilterOption, Link, MatrixRow, Passage, SpeakerChain, StoryContext, StorySummary, TimelineRow, Version,
)
from builder.render.links import external_url, fragment_id, mention_anchor, relative, text_fragment_url
from builder.render.lookup import Lookup, date_range, date_text

HOME_URL, STORIES_URL, OUTLETS_URL = "", "stories/", "outlets/"
SPEAKERS_URL, DISCREPANCIES_URL, DATA_URL = "speakers/", "discrepancies/", "data/"


def plural(n: int, word: str, many: str | None = None) -> str:
    """ "1 story", "2 stories" """
    return f"{n} {word if n == 1 else (many or word + 's')}"


def claim_order(claim: Claim) -> tuple[int, int, str, str]:
    """Discrepancies first, then agreement, then single-outlet claims; quotations first."""
    kinds = {"quote": 0, "figure": 1, "date": 2}
    return (L.STATUS_ORDER.get(claim.status, 3), kinds.get(claim.kind, 3), claim.title, claim.id)


def story_summary(lk: Lookup, story: Story, here: str) -> StorySummary:
    articles = lk.story_articles(story)
    claims = lk.claims_by_story.get(story.id, ())
    return StorySummary(
        title=story.title,
        href=relative(here, urls.story_url(story.id)),
        outlets=lk.story_outlets(story),
        dates=date_range([a.published for a in articles if a.published]),
        articles=len(articles),
        claims=len(claims),
        discrepancies=sum(len(lk.major(c)) for c in claims),
    )


def stories_newest_first(lk: Lookup) -> list[Story]:
    def newest(story: Story) -> str:
        days = [a.published.isoformat() for a in lk.story_articles(story) if a.published]
        return max(days, default="")

    return sorted(lk.corpus.stories, key=lambda s: (newest(s), s.id), reverse=True)


def article_row(lk: Lookup, article: Article, here: str) -> ArticleRow:
    return ArticleRow(
        outlet=article.outlet,
        outlet_href=relative(here, lk.outlet_url(article.outlet)),
        title=article.title or article.path,
        href=relative(here, lk.article_url(article)),
        date=date_text(article.published, L.UNDATED_LABEL),
        inferred=article.published_inferred,
        original=external_url(article.url),
    )


def claim_ref(lk: Lookup, claim: Claim, here: str, anchor: str = "", note: str = "") -> ClaimRef:
    target = lk.claim_url(claim) + (f"#{fragment_id(anchor)}" if anchor else "")
    return ClaimRef(
        title=claim.title,
        href=relative(here, target),
        kind=L.KIND_LABELS.get(claim.kind, claim.kind),
        status=claim.status,
        status_label=L.STATUS_LABELS.get(claim.status, claim.status),
        note=note,
    )


# --- story -------------------------------------------------------------------------------------


def story_context(lk: Lookup, story: Story) -> StoryContext:
    here = urls.story_url(story.id)
    outlets = lk.story_outlets(story)
    claims = sorted(lk.claims_by_story.get(story.id, ()), key=claim_order)
    rows = tuple(_matrix_row(lk, claim, outlets, here) for claim in claims)
    articles = lk.story_articles(story)
    return StoryContext(
        title=story.title,
        dates=date_range([a.published for a in articles if a.published]),
        outlets=tuple(Link(o, relative(here, lk.outlet_url(o))) for o in outlets),
        rows=rows,
        kinds=_options({r.kind: r.kind_label for r in rows}),
        statuses=_options({r.status: r.status_label for r in rows}),
        speakers=_options({r.speaker: r.speaker for r in rows if r.speaker}),
        legend=tuple(Cell("", code, sym, text, "") for code, (sym, text) in L.CELL_LABELS.items()),
        figures=_figure_rows(lk, claims, here),
        timeline=_timeline(lk, claims, here),
        articles=tuple(article_row(lk, a, here) for a in articles),
    )


def _options(values: dict[str, str]) -> tuple[FilterOption, ...]:
    return tuple(FilterOption(v, label) for v, label in sorted(values.items(), key=lambda kv: kv[1]))


def _matrix_row(lk: Lookup, claim: Claim, outlets: tuple[str, ...], here: str) -> MatrixRow:
    claim_href = relative(here, lk.claim_url(claim))
    present = {lk.outlet_of(m) for m in claim.mentions if m in lk.mentions}
    differing = lk.differing_outlets(claim)
    cells = []
    for outlet in outlets:
        if outlet not in present:
            code = "absent"
        elif claim.status == "single":
            code = "only"
        else:
            code = "differs" if outlet in differing else "same"
        symbol, text = L.CELL_LABELS[code]
        href = "" if code == "absent" else f"{claim_href}#{version_anchor(lk, outlet)}"
        cells.append(Cell(outlet, code, symbol, text, href))
    return MatrixRow(
        title=claim.title,
        href=claim_href,
        kind=claim.kind,
        kind_label=L.KIND_LABELS.get(claim.kind, claim.kind),
        status=claim.status,
        status_label=L.STATUS_LABELS.get(claim.status, claim.status),
        speaker=claim.speaker or "",
        discrepancies=len(lk.major(claim)),
        cells=tuple(cells),
    )


def version_anchor(lk: Lookup, outlet: str) -> str:
    return f"v-{lk.outlet_slugs[outlet]}"


def _outlets_by_text(lk: Lookup, claim: Claim) -> dict[str, list[str]]:
    """Each distinct wording of a claim's mentions -> the outlets that use it."""
    found: dict[str, list[str]] = defaultdict(list)
    for mention in lk.claim_mentions(claim):
        outlet = lk.outlet_of(mention.id)
        if outlet not in found[mention.text]:
            found[mention.text].append(outlet)
    return found


def _figure_rows(lk: Lookup, claims: list[Claim], here: str) -> tuple[FigureRow, ...]:
    rows = []
    for claim in (c for c in claims if c.kind == "figure"):
        mentions = lk.claim_mentions(claim)
        first = {m.text: m for m in reversed(mentions)}
        for text, outlets in sorted(_outlets_by_text(lk, claim).items()):
            mention = first[text]
            rows.append(FigureRow(
                subject=mention.subject or "",
                value=text,
                whose=mention.speaker or "",
                outlets=", ".join(sorted(outlets)),
                href=relative(here, lk.claim_url(claim)),
            ))
    return tuple(sorted(rows, key=lambda r: (r.subject, r.href, r.value)))


def _timeline(lk: Lookup, claims: list[Claim], here: str) -> tuple[TimelineRow, ...]:
    rows = []
    for claim in (c for c in claims if c.kind == "date"):
        mentions = lk.claim_mentions(claim)
        if not mentions:
            continue
        first = mentions[0]
        before, text, after = sentence_parts(lk.article_of(first), first)
        rows.append(TimelineRow(
            date=next((m.date for m in mentions if m.date), None) or L.UNDATED_LABEL,
            text=f"{before}{text}{after}".strip(),
            outlets=", ".join(sorted({lk.outlet_of(m.id) for m in mentions})),
            href=relative(here, lk.claim_url(claim)),
        ))
    # Known dates first, in order; "date unknown" sorts after every digit.
    return tuple(sorted(rows, key=lambda r: (not r.date[:1].isdigit(), r.date, r.href)))


# --- claim --------------------------------------------------------------------------------------


def sentence_parts(article: Article, mention: Mention) -> tuple[str, str, str]:
    """(before, the mention, after) within the sentence that holds the mention."""
    start, end = mention.context_start, mention.context_end
    if not (0 <= start <= mention.start and mention.end <= end <= len(article.body)) or start == end:
        start = article.body.rfind("\n\n", 0, mention.start) + 1
        next_break = article.body.find("\n\n", mention.end)
        end = len(article.body) if next_break < 0 else next_break
    body = article.body
    return (body[start:mention.start].lstrip(), body[mention.start:mention.end],
            body[mention.end:end].rstrip())


def claim_context(lk: Lookup, claim: Claim) -> ClaimContext:
    here = lk.claim_url(claim)
    story = lk.stories[claim.story]
    by_outlet: dict[str, list[Mention]] = defaultdict(list)
    for mention in lk.claim_mentions(claim):
        by_outlet[lk.outlet_of(mention.id)].append(mention)
    versions = tuple(_version(lk, ms, here) for _, ms in sorted(by_outlet.items()))
    sections = sorted(claim.discrepancies, key=lambda d: (d.minor, d.type, d.id))
    speaker_url = lk.speaker_url(claim.speaker) if claim.speaker else None
    return ClaimContext(
        title=claim.title,
        story=Link(story.title, relative(here, urls.story_url(story.id))),
        kind_label=L.KIND_LABELS.get(claim.kind, claim.kind),
        status=claim.status,
        status_label=L.STATUS_LABELS.get(claim.status, claim.status),
        speaker=Link(claim.speaker, relative(here, speaker_url))
        if claim.speaker and speaker_url else None,
        versions=versions,
        discrepancies=tuple(_section(lk, d) for d in sections),
        absent=tuple(Link(o, relative(here, lk.outlet_url(o)))
                     for o in lk.story_outlets(story) if o not in by_outlet),
        json_ld=json_ld(lk, claim, by_outlet),
    )


def passages(article: Article, mentions: list[Mention], article_href: str) -> tuple[Passage, ...]:
    """The sentences holding ``mentions``; mentions sharing a sentence share its passage."""
    groups: dict[tuple[int, int], list[Mention]] = {}
    for mention in sorted(mentions, key=lambda m: m.start):
        before, _, after = sentence_parts(article, mention)
        span = (mention.start - len(before), mention.end + len(after))
        key = next((k for k in groups if k[0] <= mention.start and mention.end <= k[1]), span)
        groups.setdefault(key, []).append(mention)
    result = []
    for (start, end), group in groups.items():
        parts, pos = [], start
        for mention in group:
            if mention.start < pos:
                continue  # nested in a mention already highlighted
            if mention.start > pos:
                parts.append(Chunk("equal", article.body[pos:mention.start]))
            parts.append(Chunk("mark", mention.text))
            pos = mention.end
        if pos < end:
            parts.append(Chunk("equal", article.body[pos:end]))
        result.append(Passage(tuple(parts), f"{article_href}#{mention_anchor(group[0])}"))
    return tuple(result)


def _version(lk: Lookup, mentions: list[Mention], here: str) -> Version:
    first = mentions[0]
    article = lk.article_of(first)
    speaker_url = lk.speaker_url(first.speaker) if first.speaker else None
    speaker = Link(first.speaker, relative(here, speaker_url)) if first.speaker and speaker_url else (
        Link(first.speaker, "") if first.speaker else None)
    article_href = lk.article_url(article)
    return Version(
        anchor=version_anchor(lk, article.outlet),
        outlet=Link(article.outlet, relative(here, lk.outlet_url(article.outlet))),
        date=date_text(article.published, L.UNDATED_LABEL),
        inferred=article.published_inferred,
        passages=passages(article, mentions, relative(here, article_href)),
        speaker=speaker,
        cue=first.cue or "",
        how_found=L.ATTRIBUTION_LABELS.get(first.attribution or "", ""),
        speaker_chain=speaker_chain(article, first),
        article=Link(article.title or article.path,
                     relative(here, f"{article_href}#{mention_anchor(first)}")),
        original=text_fragment_url(article.url, first.text),
    )


_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s")
_COUNT_WORDS = ("", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def speaker_chain(article: Article, mention: Mention) -> SpeakerChain | None:
    """"he" -> "Mr. Okafor", two sentences earlier: where a pronoun speaker was resolved."""
    if None in (mention.speaker_start, mention.speaker_end, mention.speaker_antecedent_start,
                mention.speaker_antecedent_end):
        return None
    body = article.body
    start, end = mention.speaker_start, mention.speaker_end
    a_start, a_end = mention.speaker_antecedent_start, mention.speaker_antecedent_end
    sentences = len(_SENTENCE_END.findall(body, a_end, start)) if a_end <= start else 0
    if a_end > start:
        distance = "later in the text"
    elif sentences == 0:
        distance = "earlier in the same sentence"
    else:
        count = _COUNT_WORDS[sentences] if sentences < len(_COUNT_WORDS) else str(sentences)
        distance = f"{count} {'sentence' if sentences == 1 else 'sentences'} earlier"
    return SpeakerChain(body[start:end], body[a_start:a_end], distance)


def diff_chunks(diff: tuple[WordDiff, ...]) -> tuple[Chunk, ...]:
    chunks: list[Chunk] = []
    for op in diff:
        if op.op == "equal":
            chunks.append(Chunk("equal", op.a))
        if op.op in {"delete", "replace"} and op.a:
            chunks.append(Chunk("del", op.a))
        if op.op in {"insert", "replace"} and op.b:
            chunks.append(Chunk("ins", op.b))
    return tuple(chunks)


def _section(lk: Lookup, d: Discrepancy) -> DiscrepancySection:
    return DiscrepancySection(
        id=d.id,
        href=f"#{fragment_id(d.id)}",
        label=L.DISCREPANCY_LABELS.get(d.type, d.type),
        summary=d.summary,
        minor=d.minor,
        between=tuple(dict.fromkeys(lk.outlet_of(m) for m in d.mentions if m in lk.mentions)),
        left_out_by=tuple(d.outlets) if d.type == "omission" else (),
        diff=diff_chunks(d.diff),
    )


def json_ld(lk: Lookup, claim: Claim, by_outlet: dict[str, list[Mention]]) -> str:
    """schema.org Claim with one appearance per outlet, safe inside a <script> element."""
    appearances = []
    for outlet, mentions in sorted(by_outlet.items()):
        article = lk.article_of(mentions[0])
        work: dict[str, object] = {
            "@type": "CreativeWork",
            "headline": article.title,
            "publisher": {"@type": "Organization", "name": outlet},
        }
        if external_url(article.url):
            work["url"] = external_url(article.url)
        if article.published:
            work["datePublished"] = article.published.isoformat()
        appearances.append(work)
    data: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "Claim",
        "name": claim.title,
        "appearance": appearances,
    }
    if claim.speaker:
        data["author"] = {"@type": "Person", "name": claim.speaker}
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1)
    for raw, escaped in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, escaped)
    return text
