"""Build each page kind's context from the corpus (the templates only lay these out)."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from builder import urls
from builder.align.compare import changed_words, diff_summary, normalise_quote, word_spans
from builder.align.titles import counted_subject
from builder.align.variants import independent_reports
from builder.models import (
    Article, Claim, Discrepancy, Mention, ResolvedDiscrepancy, RetiredClaim, Story, Variant, WordDiff,
)
from builder.patterns.metadata import is_unnamed_outlet
from builder.render import labels as L
from builder.render.contexts import (
    ArticleRow, Cell, Chunk, ClaimContext, ClaimRef, DiscrepancySection, FigureRow,
    FilterOption, GoneContext, Link, MatrixRow, Passage, ResolvedSection, SideRow, SourceRow, SpeakerChain,
    StoryContext, StorySummary, TimelineRow, VariantCard, Version,
)
from builder.render.links import external_url, fragment_id, mention_anchor, relative, text_fragment_url
from builder.render.lookup import Lookup, date_range, date_text
from builder.render.sentences import claim_sentence, count_of

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
        discrepancies=sum(len(lk.counted(c)) for c in claims),
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
    target = lk.claim_href(claim) + (f"#{fragment_id(anchor)}" if anchor else "")
    return ClaimRef(
        title=claim.title,
        href=relative(here, target),
        kind=L.KIND_LABELS.get(claim.kind, claim.kind),
        status=claim.status,
        status_label=L.STATUS_LABELS.get(claim.status, claim.status),
        note=note,
    )


# --- story -------------------------------------------------------------------------------------


SIGNIFICANCE = {"speaker": 0, "number": 1, "date": 2, "wording": 3}  # which discrepancies lead
STORY_HEADLINES = 5


def story_headlines(lk: Lookup, claims: Sequence[Claim]) -> list[tuple[Claim, str]]:
    """The story's most significant discrepancies: another speaker credited, another number,
    another date, then other words; contested figures beside the numbers; each with its summary."""
    found = []
    for c in claims:
        if c.contested:
            found.append((SIGNIFICANCE["number"], -len(c.mentions), c.id, c, "the sources give different figures"))
        for d in lk.counted(c):
            found.append((SIGNIFICANCE.get(d.type, 9), -len(c.mentions), c.id, c, d.summary))
    found.sort(key=lambda f: f[:3])
    seen: set[str] = set()
    out = []
    for *_, c, summary in found:
        if c.id not in seen:
            seen.add(c.id)
            out.append((c, summary))
    return out[:STORY_HEADLINES]


def story_sentence(lk: Lookup, story: Story, claims: Sequence[Claim]) -> str:
    outlets = lk.story_outlets(story)
    compared = [c for c in claims if c.status != "single"]
    differing = [c for c in claims if lk.counted(c) or c.contested]
    return (f"{count_of(len(outlets), 'outlet')} reported this story; of the "
            f"{plural(len(compared), 'claim')} more than one of them carries, they differ on "
            f"{len(differing)}{':' if differing else '.'}")


def story_context(lk: Lookup, story: Story) -> StoryContext:
    here = urls.story_url(story.id)
    claims = sorted(lk.claims_by_story.get(story.id, ()), key=claim_order)
    outlets = matrix_outlets(lk, story, claims)
    rows = tuple(_matrix_row(lk, claim, outlets, here) for claim in claims)
    articles = lk.story_articles(story)
    significant = story_headlines(lk, claims)
    return StoryContext(
        title=story.title,
        summary=story_sentence(lk, story, claims),
        headlines=tuple(claim_ref(lk, c, here, note=summary) for c, summary in significant),
        dates=date_range([a.published for a in articles if a.published]),
        outlets=tuple(Link(o, relative(here, lk.outlet_url(o))) for o in outlets),
        rows=tuple(r for r in rows if r.status != "single"),
        single_rows=tuple(_single_row(r) for r in rows if r.status == "single"),
        kinds=_options({r.kind: r.kind_label for r in rows}),
        statuses=_options({r.status: r.status_label for r in rows}),
        speakers=_options({r.speaker: r.speaker for r in rows if r.speaker}),
        legend=tuple(Cell("", code, sym, text, "", "", "") for code, (sym, text) in L.CELL_LABELS.items()),
        figures=_figure_rows(lk, claims, here),
        timeline=_timeline(lk, claims, here),
        articles=tuple(article_row(lk, a, here) for a in articles),
    )


def matrix_outlets(lk: Lookup, story: Story, claims: Sequence[Claim]) -> tuple[str, ...]:
    """The matrix columns: the outlets carrying most claims first, outlets called by a
    headline (no name of their own) last, then by name."""
    carried: dict[str, int] = defaultdict(int)
    for claim in claims:
        for outlet in {lk.outlet_of(m) for m in claim.mentions if m in lk.mentions}:
            carried[outlet] += 1
    return tuple(sorted(lk.story_outlets(story),
                        key=lambda o: (is_unnamed_outlet(o), -carried[o], o.casefold())))


def variant_letter(k: int) -> str:
    """"A" for the first (most common) variant, "B" the next; past "Z", "27"."""
    return chr(ord("A") + k) if k < 26 else str(k + 1)


def _options(values: dict[str, str]) -> tuple[FilterOption, ...]:
    return tuple(FilterOption(v, label) for v, label in sorted(values.items(), key=lambda kv: kv[1]))


def _matrix_row(lk: Lookup, claim: Claim, outlets: tuple[str, ...], here: str) -> MatrixRow:
    claim_href = relative(here, lk.claim_href(claim))
    present = {lk.outlet_of(m) for m in claim.mentions if m in lk.mentions}
    marks = lk.outlet_marks(claim)
    copies = _wire_copies(lk, claim)
    letters: dict[str, list[str]] = defaultdict(list)
    if len(claim.variants) > 1:
        for k, v in enumerate(claim.variants):
            for o in v.outlets:
                letters[o].append(variant_letter(k))
    cells = []
    for outlet in outlets:
        if outlet not in present:
            code = "absent"
        elif claim.status == "single":
            code = "only"
        else:
            code = marks.get(outlet, "same")
        symbol, text = L.CELL_LABELS[code]
        passage = "#" in claim_href  # the claim is its passage: the one outlet's version is there
        href = "" if code == "absent" else claim_href if passage else f"{claim_href}#{version_anchor(lk, outlet)}"
        wire = copies.get(outlet, "")
        cells.append(Cell(outlet, code, symbol, text, href,
                          f"{wire.split(',')[0]} copy" if wire else "",
                          "/".join(letters.get(outlet, ())) if code != "absent" else ""))
    return MatrixRow(
        title=claim.title,
        href=claim_href,
        kind=claim.kind,
        kind_label=L.KIND_LABELS.get(claim.kind, claim.kind),
        status=claim.status,
        status_label=L.STATUS_LABELS.get(claim.status, claim.status),
        speaker=claim.speaker or "",
        discrepancies=len(lk.counted(claim)),
        cells=tuple(cells),
        note=outlet_count(lk, claim) if set(copies.values()) else "",
    )


def _single_row(row: MatrixRow) -> MatrixRow:
    """A row of the claims one outlet carries: its one outlet's cell, linked only where it
    leads elsewhere than the claim's own link (a claim shown as a passage of its article
    links there already)."""
    cells = tuple(replace(c, href="" if c.href == row.href else c.href) for c in row.cells if c.code != "absent")
    return replace(row, cells=cells)


def _wire_copies(lk: Lookup, claim: Claim) -> dict[str, str]:
    """Outlets of the claim that ran a wire copy another outlet of the claim ran too."""
    by_group: dict[str, set[str]] = defaultdict(set)
    label: dict[str, str] = {}
    for m in claim.mentions:
        article = lk.article_of(lk.mentions[m]) if m in lk.mentions else None
        if article and article.wire:
            by_group[article.wire.group].add(article.outlet)
            label[article.wire.group] = lk.wire_of(article.id)
    return {o: label[g] for g, outlets in by_group.items() if len(outlets) > 1 for o in outlets}


def outlet_count(lk: Lookup, claim: Claim) -> str:
    """ "5 outlets", or "5 outlets, 3 independent reports (Reuters, run by A, B, C)"."""
    mentions = [lk.mentions[m] for m in claim.mentions if m in lk.mentions]
    pairs = {(m.article, lk.outlet_of(m.id)) for m in mentions}
    outlets = len({o for _, o in pairs})
    reports = independent_reports(pairs, lk.articles)
    text = plural(outlets, "outlet")
    if reports == outlets:
        return text
    wires = sorted(set(_wire_copies(lk, claim).values()))
    return f"{text}, {plural(reports, 'independent report')} ({'; '.join(wires)})"


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
        # a figure without a subject one counts ("of them", a duration) is said by its title
        counted = counted_subject(mentions)
        for text, outlets in sorted(_outlets_by_text(lk, claim).items()):
            mention = first[text]
            rows.append(FigureRow(
                subject=(mention.subject or "") if counted else claim.title,
                value=text,
                whose=mention.speaker or "",
                outlets=", ".join(sorted(outlets)),
                href=relative(here, lk.claim_href(claim)),
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
            href=relative(here, lk.claim_href(claim)),
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
    versions = tuple(_version(lk, ms, here, outlets)
                     for outlets, ms in _cards(lk, claim, by_outlet))
    sections = sorted(claim.discrepancies, key=lambda d: (d.minor, d.type == "omission", d.type, d.id))
    speaker_url = lk.speaker_url(claim.speaker) if claim.speaker else None
    return ClaimContext(
        title=claim.title,
        summary=claim_sentence(lk, claim),
        story=Link(story.title, relative(here, urls.story_url(story.id))),
        kind_label=L.KIND_LABELS.get(claim.kind, claim.kind),
        status=claim.status,
        status_label=L.STATUS_LABELS.get(claim.status, claim.status),
        speaker=Link(claim.speaker, relative(here, speaker_url))
        if claim.speaker and speaker_url else None,
        count=outlet_count(lk, claim),
        variants=tuple(_variant_card(lk, claim, v, here, variant_letter(k))
                       for k, v in enumerate(claim.variants)) if len(claim.variants) > 1 else (),
        contested=tuple(SourceRow(s.speaker, s.value, _outlet_links(lk, s.outlets, here))
                        for s in claim.contested),
        versions=versions,
        discrepancies=tuple(_section(lk, d, here) for d in sections),
        absent=tuple(Link(o, relative(here, lk.outlet_url(o)))
                     for o in lk.story_outlets(story) if o not in by_outlet),
        json_ld=json_ld(lk, claim, by_outlet),
        resolved=tuple(_resolved(r) for r in claim.resolved),
    )


def _resolved(r: ResolvedDiscrepancy) -> ResolvedSection:
    return ResolvedSection(id=r.id, label=L.DISCREPANCY_LABELS.get(r.type, r.type), summary=r.summary,
                           reason=r.reason)


def gone_context(lk: Lookup, retired: RetiredClaim) -> GoneContext:
    """The page at the address of a claim no article holds any more (id ledger)."""
    story = lk.stories.get(retired.story)
    here = retired.url
    seen = date.fromisoformat(retired.last_seen) if retired.last_seen else None
    return GoneContext(
        title=retired.title,
        story=Link(story.title, relative(here, urls.story_url(story.id))) if story else
        Link("All stories", relative(here, STORIES_URL)),
        kind_label=L.KIND_LABELS.get(retired.kind, retired.kind),
        last_seen=date_text(seen, L.UNDATED_LABEL),
        reason=retired.reason,
        discrepancies=tuple(_resolved(r) for r in retired.discrepancies),
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


def _cards(lk: Lookup, claim: Claim, by_outlet: dict[str, list[Mention]]
           ) -> list[tuple[tuple[str, ...], list[Mention]]]:
    """One card per outlet, except that the outlets of one wire copy that print the claim
    in the same words share a card (the first outlet's passages stand for them all)."""
    variant_of = {m: v.id for v in claim.variants for m in v.mentions}
    cards: dict[tuple, tuple[list[str], list[Mention]]] = {}
    for outlet, ms in sorted(by_outlet.items()):
        wire = lk.article_of(ms[0]).wire
        same_article = len({m.article for m in ms}) == 1
        key: tuple = ((wire.group, tuple(sorted({variant_of.get(m.id, m.text) for m in ms})))
                      if wire and same_article else ("outlet", outlet))
        cards.setdefault(key, ([], ms))[0].append(outlet)
    return [(tuple(outlets), ms) for outlets, ms in cards.values()]


def _outlet_links(lk: Lookup, outlets: tuple[str, ...], here: str) -> tuple[Link, ...]:
    return tuple(Link(o, relative(here, lk.outlet_url(o))) for o in outlets)


def _variant_card(lk: Lookup, claim: Claim, v: Variant, here: str, letter: str) -> VariantCard:
    copies = _wire_copies(lk, claim)
    wires = sorted({copies[o] for o in v.outlets if o in copies})
    first = v.first_published
    when = ""
    if first:
        day = first.date.isoformat() if first.date else L.UNDATED_LABEL
        when = f"{day}{' (inferred)' if first.inferred else ''}, {first.outlet}"
    count = plural(len(v.outlets), "outlet")
    if v.reports and v.reports != len(v.outlets):
        count += f", {plural(v.reports, 'independent report')}"
    relation = v.relation
    if relation == "reference" and any(o.reports >= v.reports for o in claim.variants if o is not v):
        relation = "tied"  # no variant is more common: the longest is the reference
    agreeing = {o for w in claim.variants if w.relation != "differs" for o in w.outlets}
    if relation == "differs" and set(v.outlets) <= agreeing:
        relation = "both"  # every outlet printing it also prints the words as the others do
    return VariantCard(
        id=v.id,
        letter=letter,
        text=v.text,
        parts=variant_parts(claim, v),
        relation=v.relation,
        relation_label=L.RELATION_LABELS.get(relation, relation),
        changes=diff_summary([op for op in v.diff if op.op != "equal"]),
        outlets=_outlet_links(lk, tuple(o for o in v.outlets if o not in copies), here),
        wires=tuple(wires),
        count=count,
        first=when,
        speakers=", ".join(v.speakers),
    )


CARD_WORDS, CARD_CONTEXT = 30, 8  # a variant card shows at most about this many words


def variant_parts(claim: Claim, v: Variant) -> tuple[Chunk, ...]:
    """A quotation variant's words with its changes marked: in a differing variant the
    words it changes ('ins'), in the most common one the words others change ('ref')."""
    if claim.kind != "quote" or not claim.variants:
        return (Chunk("equal", v.text),)
    ref = claim.variants[0]
    words = normalise_quote(v.text)
    if v is ref:
        marked: set[int] = set()
        for other in claim.variants[1:]:
            if other.relation == "differs":
                marked |= changed_words(words, normalise_quote(other.text))[0]
        op = "ref"
    elif v.relation == "differs":
        marked, op = set(changed_words(normalise_quote(ref.text), words)[1]), "ins"
    else:
        marked, op = set(), "equal"
    spans = word_spans(v.text, words)
    if spans is None:
        return (Chunk("equal", v.text),)
    # a long quotation shows the words around its changes (its whole text is further down)
    first, last = 0, len(spans)
    if len(spans) > CARD_WORDS:
        first = max(0, min(marked) - CARD_CONTEXT) if marked else 0
        last = min(len(spans), (max(marked) + 1 + CARD_CONTEXT) if marked else CARD_WORDS)
    start_at, end_at = (spans[first][0], spans[last - 1][1]) if spans else (0, len(v.text))
    if first == 0:
        start_at = 0
    if last == len(spans):
        end_at = len(v.text)
    parts: list[Chunk] = [Chunk("equal", "…")] if start_at else []
    pos = start_at
    for i in sorted(m for m in marked if first <= m < last):
        start, end = spans[i]
        if parts and parts[-1].op == op and not v.text[pos:start].strip():
            parts[-1] = Chunk(op, parts[-1].text + v.text[pos:end])  # one mark over adjacent words
        else:
            if start > pos:
                parts.append(Chunk("equal", v.text[pos:start]))
            parts.append(Chunk(op, v.text[start:end]))
        pos = end
    if pos < end_at:
        parts.append(Chunk("equal", v.text[pos:end_at]))
    if end_at < len(v.text):
        parts.append(Chunk("equal", "…"))
    return tuple(parts)


def _version(lk: Lookup, mentions: list[Mention], here: str,
             outlets: tuple[str, ...] = ()) -> Version:
    first = mentions[0]
    article = lk.article_of(first)
    outlets = outlets or (article.outlet,)
    speaker_url = lk.speaker_url(first.speaker) if first.speaker else None
    speaker = Link(first.speaker, relative(here, speaker_url)) if first.speaker and speaker_url else (
        Link(first.speaker, "") if first.speaker else None)
    article_href = lk.article_url(article)
    return Version(
        anchor=version_anchor(lk, article.outlet),
        outlet=Link(article.outlet, relative(here, lk.outlet_url(article.outlet))),
        outlets=_outlet_links(lk, outlets, here),
        wire=lk.wire_of(article.id) if len(outlets) > 1 else "",
        extra_anchors=tuple(version_anchor(lk, o) for o in outlets if o != article.outlet),
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


def _most(d: Discrepancy) -> bool:
    """The first side is printed by more outlets than any other."""
    return all(len(d.sides[0].outlets) > len(s.outlets) for s in d.sides[1:])


def _section(lk: Lookup, d: Discrepancy, here: str) -> DiscrepancySection:
    return DiscrepancySection(
        id=d.id,
        href=f"#{fragment_id(d.id)}",
        label=L.DISCREPANCY_LABELS.get(d.type, d.type),
        summary=d.summary,
        minor=d.minor,
        minor_label=L.MINOR_LABELS.get(d.minor_reason or "", "minor") if d.minor else "",
        sides=tuple(SideRow(s.text, _outlet_links(lk, s.outlets, here),
                            f"#{s.variant}" if s.variant else "", k == 0 and _most(d))
                    for k, s in enumerate(d.sides)) if d.type != "omission" else (),
        both_ways=d.both_ways,
        left_out_by=tuple(d.outlets) if d.type == "omission" else (),
        diff=diff_chunks(d.diff),
    )


def json_ld(lk: Lookup, claim: Claim, by_outlet: dict[str, list[Mention]]) -> str:
    """schema.org Claim, safe inside a <script> element: one ``appearance`` per variant and
    outlet naming the variant's text, ``firstAppearance`` the earliest with a date of its
    own. A date inferred from the story is never given as ``datePublished``."""
    appearances = []
    wordings = [(v.text, v.mentions) for v in claim.variants] or [
        (ms[0].text, tuple(m.id for m in ms)) for _, ms in sorted(by_outlet.items())]
    for text, mention_ids in wordings:
        articles = sorted({lk.mentions[m].article for m in mention_ids if m in lk.mentions})
        for article in (lk.articles[a] for a in articles):
            work: dict[str, object] = {"@type": "CreativeWork", "headline": article.title, "text": text}
            if not is_unnamed_outlet(article.outlet):  # a label of ours is no organisation
                work["publisher"] = {"@type": "Organization", "name": article.outlet}
            if external_url(article.url):
                work["url"] = external_url(article.url)
            if article.published and not article.published_inferred:
                work["datePublished"] = article.published.isoformat()
            appearances.append(work)
    data: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "Claim",
        "name": claim.title,
        "appearance": appearances,
    }
    dated = [w for w in appearances if "datePublished" in w]
    if dated:
        data["firstAppearance"] = min(dated, key=lambda w: str(w["datePublished"]))
    if claim.speaker:
        data["author"] = {"@type": "Person", "name": claim.speaker}
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for raw, escaped in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, escaped)
    return text
